// The budgets and hooks of SITE.md: the first view of `/` and of a commune page loads no DuckDB
// and no .wasm; the commune and domain pages' charts become interactive on use, and only then
// load DuckDB-WASM, showing the published domain figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import {
  E2E_OUT_DIR,
  latestPublishedYear,
  launchBrowser,
  openWatchedPage,
  pageUrl,
  publishedCsv,
} from "./harness.ts";
import { axeViolations, cspViolations, recordCspViolations } from "./interactive-support.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const domains = publishedCsv(year, "domains");
const [subject, other] = results;
if (!subject || !other) throw new Error("results.csv needs two communes");
const communePath = `/xa/${communeSlug(subject.commune_name ?? "")}/`;
const domainId = domains[0]?.domain_id ?? "1";
const domainPath = `/linh-vuc/${domainId}/`;

/** Whether the lead has placed site/components/InteractiveChart.astro on the page. */
function hasInteractiveChart(path: string): boolean {
  const html = readFileSync(join(E2E_OUT_DIR, path, "index.html"), "utf8");
  return html.includes("data-interactive-chart");
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** The URLs a page requests until the network is idle. */
async function firstViewRequests(path: string): Promise<string[]> {
  const { page, close } = await openWatchedPage(browser);
  const requested: string[] = [];
  page.on("request", (request) => requested.push(request.url()));
  try {
    await page.goto(pageUrl(path), { waitUntil: "networkidle" });
  } finally {
    await close();
  }
  return requested;
}

const heavy = (url: string) => /\.wasm$|duckdb|\.parquet$/.test(url);

describe("first view", () => {
  for (const path of ["/", communePath]) {
    it(`of ${path} requests no .wasm, no DuckDB code and no Parquet file`, async () => {
      const requested = await firstViewRequests(path);
      expect(requested.length).toBeGreaterThan(1);
      expect(requested.filter(heavy)).toEqual([]);
    });
  }
});

/** The interactive figure's data table, row by row. */
function tableRows(page: Page): Promise<string[][]> {
  return page
    .locator(".interactive-chart details table tbody tr")
    .evaluateAll((rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent ?? "")));
}

describe.runIf(hasInteractiveChart(communePath))("the commune page's domain chart", () => {
  it("loads DuckDB-WASM on first use and compares with the chosen commune", async () => {
    const { page, problems, close } = await openWatchedPage(browser);
    await recordCspViolations(page);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    try {
      await page.goto(pageUrl(communePath), { waitUntil: "networkidle" });
      expect(requested.filter(heavy)).toEqual([]);
      await page.getByLabel("So sánh với xã, thị trấn").selectOption(other.commune_code ?? "");
      await page
        .locator(".interactive-chart figure:not([hidden]) svg[role=img]")
        .waitFor({ timeout: 60_000 });
      expect(requested.some((url) => url.endsWith(".wasm"))).toBe(true);
      // The static chart gives way to the interactive one.
      await expect(
        page.locator("figure.chart:not(.interactive-chart figure)").first().isHidden(),
      ).resolves.toBe(true);

      const rows = await tableRows(page);
      const expected = domains
        .filter((row) => row.commune_code === subject.commune_code)
        .map((row) => {
          const theirs = domains.find(
            (candidate) =>
              candidate.commune_code === other.commune_code && candidate.domain_id === row.domain_id,
          );
          const cell = (source: typeof row | undefined) =>
            source
              ? `${formatPct(Number(source.pct))} (${formatNumber(Number(source.points))}/${formatNumber(Number(source.max_points))})`
              : "—";
          return [
            `${row.domain_id}. ${row.domain_name}`,
            cell(row),
            cell(theirs),
            formatPct(Number(row.district_avg_pct)),
          ];
        });
      expect(rows).toEqual(expected);

      await page.getByLabel("Điểm", { exact: true }).check();
      const firstDomain = domains.find((row) => row.commune_code === subject.commune_code);
      await page
        .locator(".interactive-chart svg text", {
          hasText: `${formatNumber(Number(firstDomain?.points))}/${formatNumber(Number(firstDomain?.max_points))}`,
        })
        .first()
        .waitFor();
      expect(await cspViolations(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });
});

describe.runIf(hasInteractiveChart(domainPath))("the domain page's chart", () => {
  it("highlights the chosen commune among all, with the published percentages", async () => {
    const { page, problems, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl(domainPath));
      await page.getByLabel("Làm nổi bật xã, thị trấn").selectOption(subject.commune_code ?? "");
      await page
        .locator(".interactive-chart figure:not([hidden]) svg[role=img]")
        .waitFor({ timeout: 60_000 });
      const ofDomain = domains.filter((row) => row.domain_id === domainId);
      const rows = await tableRows(page);
      expect(rows.length).toBe(ofDomain.length);
      const mine = ofDomain.find((row) => row.commune_code === subject.commune_code);
      expect(rows).toContainEqual([
        subject.commune_name,
        formatPct(Number(mine?.pct)),
        `${formatNumber(Number(mine?.points))}/${formatNumber(Number(mine?.max_points))}`,
      ]);
      await expect(page.locator(".interactive-chart .chart-title").textContent()).resolves.toContain(
        subject.commune_name ?? "",
      );
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });
});
