// Takes screenshots of the home page and a commune page at desktop and phone widths, for a person
// to look at (not a test): `node tests/e2e/screenshots.ts [out-folder]` after an e2e build.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { BASE_PATH, E2E_OUT_DIR } from "./paths.ts";
import { startStaticServer } from "../support/server.ts";

const outDir = process.argv[2] ?? "screenshots";
const paths = (process.argv[3] ?? "/,/xa/hong-du/").split(",");
mkdirSync(outDir, { recursive: true });
const server = await startStaticServer(E2E_OUT_DIR, BASE_PATH);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, locale: "vi-VN" });
    for (const path of paths) {
      await page.goto(new URL(path.replace(/^\//, ""), server.url).href);
      const name = `${path.replace(/\//g, "_") || "_"}-${width}.png`;
      await page.screenshot({ path: join(outDir, name), fullPage: true });
      console.log(join(outDir, name));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
