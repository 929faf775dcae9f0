// `npm run bench -- --site`: the built site (dist/, from `npm run build`) measured in Chromium against
// the budgets of docs/architecture.md#budgets — compressed JavaScript and total transfer of the first view of `/` and of a
// commune page, and on /so-sanh/ how long DuckDB-WASM takes to start and show the first result.
// Measured, never asserted: the budgets are goals (docs/architecture.md#budgets), the report says where we stand.
import { access, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Browser, Request } from "playwright-core";
import { benchInteraction, type FirstAnswer } from "./interaction.ts";
import { benchSiteBuilds, districtUnits } from "./site-builds.ts";
import { textTable, writeReport } from "./report.ts";
import { firstViewSizes, type FirstViewSizes, type LoadedResource } from "./transfer.ts";
import { firstViewBudgets } from "../../tests/support/budgets.ts";
import { launchChromium } from "../../tests/support/chromium.ts";
import { startStaticServer } from "../../tests/support/server.ts";

// Lighthouse's mobile emulation (Moto G Power): the budgets come with "Lighthouse mobile".
const mobile = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};

export interface FirstView extends FirstViewSizes {
  path: string;
  /** Requests to anything but the local server (there must be none). */
  foreign: string[];
  /** DuckDB or any .wasm loaded on first view (none allowed on the budgeted pages). */
  duckdb: string[];
  /** Against the size budgets of docs/architecture.md#budgets; null for a page they do not cover (/so-sanh/). */
  within_budget: { js: boolean; total: boolean } | null;
}

/** Loads `url` in a fresh context (empty cache) and keeps every response of the first view. */
async function loadFirstView(
  browser: Browser,
  origin: string,
  path: string,
  budgeted: boolean,
): Promise<FirstView> {
  const context = await browser.newContext(mobile);
  const page = await context.newPage();
  const pending: Promise<LoadedResource>[] = [];
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith("data:") && !url.startsWith("blob:")) foreign.push(url);
  });
  page.on("response", (response) => {
    if (!response.url().startsWith(origin) || response.status() >= 300) return;
    const url = response.url();
    const contentType = response.headers()["content-type"] ?? "";
    // Chromium keeps no body for a worker's requests (DuckDB fetches its .wasm there): the static
    // server sends the same bytes again.
    const body = response.body().catch(async () => new Uint8Array(await (await fetch(url)).arrayBuffer()));
    pending.push(body.then((bytes) => ({ url, contentType, bytes })));
  });
  // networkidle: everything the view fetches on its own, lazy loads included, before any interaction
  await page.goto(origin + path, { waitUntil: "networkidle" });
  const resources = await Promise.all(pending);
  await context.close();
  const sizes = firstViewSizes(resources);
  return {
    path,
    ...sizes,
    foreign,
    duckdb: resources.map((r) => r.url).filter((url) => /duckdb|\.wasm$/.test(url)),
    within_budget: budgeted
      ? { js: sizes.js.gzip <= firstViewBudgets.js, total: sizes.total.gzip <= firstViewBudgets.total }
      : null,
  };
}

export interface CompareTiming {
  cache: "cold" | "warm";
  /** Milliseconds from navigation start to the page's first-result mark (the comparison drawn). */
  first_result_ms: number | null;
  /** When the DuckDB .wasm had downloaded, ms after navigation started (clock of this process). */
  wasm_loaded_ms: number | null;
  /** When the first published Parquet file was requested, ms after navigation started. */
  first_parquet_ms: number | null;
  /** Bytes received on the way, uncompressed as the local server sends them. */
  bytes: number;
}

// Set by site/scripts/pages/compare.ts (its export firstResultMark) once the first comparison is on screen.
const firstResultMark = "so-sanh:first-result";

/**
 * A first visit in a fresh browser, then a second visit in the same browser. The local test server
 * sends `Cache-Control: no-cache` without validators, so the second visit downloads the files again
 * and gains only what Chromium keeps itself (compiled WebAssembly, code caches).
 */
async function timeCompare(browser: Browser, url: string): Promise<CompareTiming[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const timings: CompareTiming[] = [];
  for (const cache of ["cold", "warm"] as const) {
    const page = await context.newPage();
    const start = performance.now();
    const since = () => Math.round(performance.now() - start);
    let wasm_loaded_ms: number | null = null;
    let first_parquet_ms: number | null = null;
    const sizes: Promise<number>[] = [];
    // dedicated workers' requests (DuckDB fetches the wasm and the Parquet files there) reach the page
    page.on("request", (request: Request) => {
      if (first_parquet_ms === null && request.url().includes(".parquet")) first_parquet_ms = since();
    });
    page.on("requestfinished", (request: Request) => {
      if (wasm_loaded_ms === null && request.url().endsWith(".wasm")) wasm_loaded_ms = since();
      sizes.push(
        request.sizes().then(
          (size) => size.responseBodySize,
          () => 0,
        ),
      );
    });
    await page.goto(url, { waitUntil: "commit" });
    const shown = await page
      .waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, firstResultMark, {
        timeout: 60_000,
      })
      .then(
        () => true,
        () => false,
      );
    const first = shown
      ? await page.evaluate(
          (mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null,
          firstResultMark,
        )
      : null;
    const bytes = (await Promise.all(sizes)).reduce((sum, size) => sum + size, 0);
    await page.close();
    timings.push({
      cache,
      first_result_ms: first === null ? null : Math.round(first),
      wasm_loaded_ms,
      first_parquet_ms,
      bytes,
    });
  }
  await context.close();
  return timings;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** Kept per label, so that a run on the code before a change and one after sit side by side. */
async function writeAnswers(reportFile: string, label: string, answers: FirstAnswer[]): Promise<void> {
  const previous = await readFile(reportFile, "utf8").then(
    (text) => (JSON.parse(text) as { site_interaction?: Record<string, unknown> }).site_interaction ?? {},
    () => ({}),
  );
  await writeReport(reportFile, { site_interaction: { ...previous, [label]: answers } });
}

/** The first interactive answers, throttled and not, printed as a table. */
async function firstAnswers(dist: string, base: string, slug: string): Promise<FirstAnswer[]> {
  // The pair the page itself proposes (best and weakest), as written in its HTML.
  const html = await readFile(join(dist, "so-sanh", "index.html"), "utf8");
  const codes = /data-default-codes="(\d+),(\d+)"/.exec(html);
  if (!codes?.[1] || !codes[2]) throw new Error("/so-sanh/: no default pair of communes in the HTML");
  const answers = await benchInteraction(dist, base, slug, [codes[1], codes[2]]);
  console.log("\nFirst answers, fresh profile, gzip (throttled: 200 KB/s, 150 ms, CPU 4×; phone 390 px)");
  console.log(
    textTable(
      ["page", "profile", "answer ms", "after change ms", "KB on the wire", "requests", ".wasm"],
      answers.map((a) => [
        a.page,
        a.profile,
        String(a.answer_ms ?? "not shown"),
        a.after_change_ms === undefined ? "" : String(a.after_change_ms ?? "—"),
        kb(a.bytes),
        String(a.requests),
        a.wasm ? "yes" : "no",
      ]),
    ),
  );
  return answers;
}

export async function benchSite(
  reportFile: string,
  options: {
    build: boolean;
    label: string;
    answersOnly?: boolean;
    /** The sizes built with --build (units; 20 is the committed district) and the interleaved rounds. */
    units: number[];
    rounds: number;
    seed: number;
    generatedRoot: string;
    /** Seconds after which a build is stopped and recorded as "stopped" (--build-limit, minutes). */
    limitSeconds: number;
  },
  dist = "dist",
): Promise<number> {
  let build_s: number | null = null;
  if (options.build) {
    const units = options.units.includes(districtUnits) ? options.units : [...options.units, districtUnits];
    const builds = await benchSiteBuilds({ ...options, units, dist });
    await writeReport(reportFile, { site_builds: builds });
    build_s = builds.builds.findLast((build) => build.units === districtUnits)?.seconds ?? null;
  }
  if (!(await exists(join(dist, "index.html")))) {
    console.error(`${dist}/index.html không có: chạy \`npm run build\` trước / run \`npm run build\` first`);
    return 1;
  }
  const base = process.env.SITE_BASE ?? "/";
  const slugs = (await exists(join(dist, "xa"))) ? (await readdir(join(dist, "xa"))).sort() : [];
  const paths = [base, ...(slugs[0] === undefined ? [] : [`${base}xa/${slugs[0]}/`])];
  if (options.answersOnly) {
    if (!slugs[0]) return 1;
    await writeAnswers(reportFile, options.label, await firstAnswers(dist, base, slugs[0]));
    console.log(`\n→ ${reportFile}`);
    return 0;
  }
  const server = await startStaticServer(dist, base);
  const origin = new URL(server.url).origin;
  const browser = await launchChromium();
  try {
    const views: FirstView[] = [];
    for (const path of paths) views.push(await loadFirstView(browser, origin, path, true));
    const comparePath = `${base}so-sanh/`;
    const compareBuilt = await exists(join(dist, "so-sanh", "index.html"));
    // /so-sanh/ loads DuckDB by design: its size is shown, its budget is time
    if (compareBuilt) views.push(await loadFirstView(browser, origin, comparePath, false));
    const compare = compareBuilt ? await timeCompare(browser, origin + comparePath) : null;

    console.log("First view (mobile, empty cache); budgets: JS ≤ 50 KB, total ≤ 150 KB compressed (gzip)");
    console.log(
      textTable(
        [
          "page",
          "requests",
          "JS raw KB",
          "JS gzip KB",
          "JS br KB",
          "total raw KB",
          "total gzip KB",
          "total br KB",
          "budget",
        ],
        views.map((view) => [
          view.path,
          String(view.total.requests),
          kb(view.js.raw),
          kb(view.js.gzip),
          kb(view.js.brotli),
          kb(view.total.raw),
          kb(view.total.gzip),
          kb(view.total.brotli),
          view.within_budget === null
            ? "no size budget"
            : view.within_budget.js && view.within_budget.total
              ? "within"
              : "OVER",
        ]),
      ),
    );
    for (const view of views) {
      if (view.foreign.length > 0)
        console.log(`${view.path}: requests leaving the site: ${view.foreign.join(", ")}`);
      if (view.duckdb.length > 0 && view.within_budget !== null)
        console.log(`${view.path}: DuckDB/wasm on first view: ${view.duckdb.join(", ")}`);
    }
    if (compare === null) {
      console.log(`\n${comparePath}: trang chưa có trong ${dist}/ — bỏ qua / page not built yet, skipped`);
    } else {
      console.log(`\n${comparePath} (desktop; budgets: first result ≤ 3 s warm, ≤ 6 s cold)`);
      console.log(
        textTable(
          ["visit", "wasm loaded ms", "first parquet ms", "first result ms", "received KB"],
          compare.map((t) => [
            t.cache,
            String(t.wasm_loaded_ms ?? "—"),
            String(t.first_parquet_ms ?? "—"),
            String(t.first_result_ms ?? "not shown"),
            kb(t.bytes),
          ]),
        ),
      );
    }
    await writeReport(reportFile, {
      site: {
        build_s,
        budgets: firstViewBudgets,
        first_views: views,
        compare: compare ?? "skipped: /so-sanh/ not built",
      },
    });
    if (compareBuilt && slugs[0])
      await writeAnswers(reportFile, options.label, await firstAnswers(dist, base, slugs[0]));
    console.log(`\n→ ${reportFile}`);
    return 0;
  } finally {
    await browser.close();
    await server.close();
  }
}
