// Measures the budgets of docs/architecture.md#budgets for /so-sanh/: time from navigation to the first comparison on
// screen (the page's "so-sanh:first-result" performance mark), cold and warm cache, served
// locally. A measurement, not a test: it prints figures and never fails on them.
//
//   node tests/e2e/measure-compare.ts [--dir dist-e2e] [--runs 5]
//
// The site must be built under /chi-so-cchc/ first (the e2e global setup does it into dist-e2e/).
// The server here answers like GitHub Pages does for caching (Cache-Control: max-age=600), so a
// warm visit reads the engine and data from the browser cache; it does not compress, so the
// transfer sizes printed are uncompressed (GitHub Pages gzips .wasm and .js).
import { median } from "../../pipeline/compute/percentile.ts";
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import type { BrowserContext } from "playwright-core";
import { BASE_PATH, E2E_OUT_DIR } from "./paths.ts";

const { values } = parseArgs({
  options: { dir: { type: "string", default: E2E_OUT_DIR }, runs: { type: "string", default: "5" } },
});
const root = normalize(values.dir ?? E2E_OUT_DIR);
const runs = Number(values.runs);

const contentTypes: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".parquet": "application/vnd.apache.parquet",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

const server = createServer(async (request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
  let file = normalize(join(root, path.slice(BASE_PATH.length)));
  if (!path.startsWith(BASE_PATH) || (file !== root && !file.startsWith(root + sep))) {
    response.writeHead(404).end();
    return;
  }
  try {
    if ((await stat(file)).isDirectory()) file = join(file, "index.html");
    await stat(file);
  } catch {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    "Content-Type": contentTypes[extname(file)] ?? "application/octet-stream",
    "Cache-Control": "max-age=600",
  });
  createReadStream(file).pipe(response);
});
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
  ],
};

/** Milliseconds from navigation start to the first comparison, and bytes received on the way. */
async function visit(context: BrowserContext): Promise<{ ms: number; bytes: number }> {
  const page = await context.newPage();
  let bytes = 0;
  page.on("requestfinished", (request) => {
    void request.sizes().then((sizes) => {
      bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    });
  });
  await page.goto(`${origin}${BASE_PATH}so-sanh/`);
  const ms = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const check = () => {
          const mark = performance.getEntriesByName("so-sanh:first-result")[0];
          if (mark) resolve(mark.startTime);
          else setTimeout(check, 20);
        };
        check();
      }),
  );
  await page.waitForLoadState("networkidle");
  await page.close();
  return { ms, bytes };
}

const cold: number[] = [];
const warm: number[] = [];
let coldBytes = 0;
let warmBytes = 0;
for (let run = 0; run < runs; run += 1) {
  // A fresh browser profile has an empty cache: its first visit is cold, the second (a new page,
  // so nothing but the browser's caches is shared) is warm. A profile on disk, because the
  // in-memory cache of an incognito context refuses entries as large as the 34 MB engine.
  const profile = await mkdtemp(join(tmpdir(), "measure-compare-"));
  const context = await chromium.launchPersistentContext(profile, launchOptions);
  const first = await visit(context);
  const second = await visit(context);
  cold.push(first.ms);
  warm.push(second.ms);
  coldBytes = first.bytes;
  warmBytes = second.bytes;
  await context.close();
  await rm(profile, { recursive: true, force: true });
}
server.close();

const report = {
  page: "/so-sanh/",
  runs,
  cold_ms: { median: Math.round(median(cold)), all: cold.map(Math.round), budget: 6000 },
  warm_ms: { median: Math.round(median(warm)), all: warm.map(Math.round), budget: 3000 },
  bytes_received: { cold: coldBytes, warm: warmBytes },
};
console.log(
  `/so-sanh/ → first result on screen (median of ${runs}): cold ${report.cold_ms.median} ms (budget 6000), ` +
    `warm ${report.warm_ms.median} ms (budget 3000); received ${(coldBytes / 1e6).toFixed(1)} MB cold, ` +
    `${(warmBytes / 1e6).toFixed(2)} MB warm (uncompressed).`,
);
console.log(JSON.stringify(report));
