import { chromium } from "playwright-core";
import { startStaticServer } from "./tests/e2e/server.ts";
const server = await startStaticServer("dist", "/");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox"] });
for (const width of [390, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: 844 } });
  await page.goto(server.url + "so-sanh/?xa=11197,11224", { waitUntil: "networkidle" });
  await page.screenshot({ path: `/tmp/shot-so-sanh-${width}.png`, fullPage: true });
  await page.goto(server.url + "kham-pha/", { waitUntil: "load" });
  await page.locator("#explore-results:not([hidden])").waitFor({ timeout: 60000 });
  await page.screenshot({ path: `/tmp/shot-kham-pha-${width}.png`, fullPage: false });
  await page.goto(server.url + "xa/an-duc/", { waitUntil: "networkidle" });
  const select = page.locator("[data-interactive-chart] select").first();
  await select.scrollIntoViewIfNeeded();
  await select.selectOption({ index: 2 });
  await page.locator("[data-interactive-chart] .chart-live svg").waitFor();
  await page.locator("[data-interactive-chart]").first().screenshot({ path: `/tmp/shot-xa-chart-${width}.png` });
  await page.locator("[data-commune-answers] [data-engine-start]").click();
  await page.locator("[data-commune-answers] .chart-live svg").waitFor({ timeout: 60000 });
  await page.locator("[data-commune-answers]").screenshot({ path: `/tmp/shot-xa-answers-${width}.png` });
  await page.close();
}
await browser.close(); await server.close();
