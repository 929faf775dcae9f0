// What every end-to-end test needs: the served site's URL, a browser (the system Chromium, no
// download), and a page watcher that records console errors, failed requests and any request
// that tries to leave the local server. Other helpers' e2e tests import these.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { inject } from "vitest";
import { BASE_PATH, E2E_OUT_DIR, SITE_URL } from "./paths.ts";

export { BASE_PATH, E2E_OUT_DIR, SITE_URL };

/** Origin + base path of the served build, ending in `/`. */
export function siteUrl(): string {
  return inject("siteUrl");
}

/** The absolute URL of a site path: `pageUrl("/xa/hong-du/")`. */
export function pageUrl(path: string): string {
  return new URL(path.replace(/^\//, ""), siteUrl()).href;
}

/** What went wrong while a page was open. */
export interface PageProblems {
  consoleErrors: string[];
  failedRequests: string[];
  /** Requests to any origin other than the local server: each is blocked and recorded. */
  externalRequests: string[];
}

/**
 * A new page in a fresh context that records problems. Requests leaving the local server (the
 * served build's, or `served`: a test's own server) are aborted (so a test never reaches the
 * network) and recorded, so the test can fail on them.
 */
export async function openWatchedPage(
  browser: Browser,
  options: BrowserContextOptions = {},
  served: string = siteUrl(),
): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  const context = await browser.newContext({ locale: "vi-VN", ...options });
  const origin = new URL(served).origin;
  const problems: PageProblems = { consoleErrors: [], failedRequests: [], externalRequests: [] };
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("data:") || url.startsWith("blob:") || new URL(url).origin === origin)
      return route.continue();
    problems.externalRequests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error") problems.consoleErrors.push(message.text());
  });
  page.on("pageerror", (error) => problems.consoleErrors.push(String(error)));
  page.on("requestfailed", (request) => {
    const error = request.failure()?.errorText ?? "";
    // ERR_ABORTED: the test navigated on while a late request (e.g. the favicon) was pending.
    if (new URL(request.url()).origin === origin && error !== "net::ERR_ABORTED") {
      problems.failedRequests.push(`${request.url()}: ${error}`);
    }
  });
  page.on("response", (response) => {
    if (response.status() >= 400)
      problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return { page, problems, close: () => context.close() };
}

/** A published table of the e2e build, parsed as text cells (header → value). */
export function publishedCsv(year: number, table: string): Record<string, string>[] {
  const text = readFileSync(join(E2E_OUT_DIR, "data", String(year), `${table}.csv`), "utf8").replace(
    /^\uFEFF/,
    "",
  );
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
}

/** The latest published year of the e2e build (the year the site is about). */
export function latestPublishedYear(): number {
  const years = readdirSync(join(E2E_OUT_DIR, "data"))
    .filter((name) => /^\d{4}$/.test(name))
    .map(Number);
  return Math.max(...years);
}
