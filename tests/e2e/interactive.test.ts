// The budgets and hooks of docs/architecture.md#the-site: the first view of `/` and of a commune page loads no DuckDB
// and no .wasm; the commune and domain pages' charts become interactive on use and answer from the
// published summary, never loading the query engine; Plot draws them.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { latestPublishedYear, openWatchedPage, pageUrl, publishedCsv } from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";
import { axeViolations, cspViolations, recordCspViolations } from "./interactive-support.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const domains = publishedCsv(year, "domains");
const [subject, other] = results;
if (!subject || !other) throw new Error("results.csv needs two communes");
const communePath = `/xa/${communeSlug(subject.commune_name ?? "")}/`;
const domainId = domains[0]?.domain_id ?? "1";
const domainPath = `/linh-vuc/${domainId}/`;

// Vietnamese figures written out here, not with the page's own formatting: every published value
// is below 1.000, so only the decimal comma differs from JavaScript's own notation.
const number = (value: string | undefined) => Number(value).toFixed(2).replace(".", ",");
const pct = (value: string | undefined) => `${number(value)}%`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
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

describe("the commune page's domain chart", () => {
  it("compares with the chosen commune from the published summary, without the query engine", async () => {
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
        .waitFor({ timeout: 10_000 });
      expect(requested.filter(heavy)).toEqual([]);
      // Drawn by the build's Plot renderer (renderPlot in site/charts/chart.ts marks its SVG chart-svg).
      await expect(page.locator(".interactive-chart .chart-live svg.chart-svg").count()).resolves.toBe(1);
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
            source ? `${pct(source.pct)} (${number(source.points)}/${number(source.max_points)})` : "—";
          return [`${row.domain_id}. ${row.domain_name}`, cell(row), cell(theirs), pct(row.district_avg_pct)];
        });
      expect(rows).toEqual(expected);

      await page.getByLabel("Điểm", { exact: true }).check();
      const firstDomain = domains.find((row) => row.commune_code === subject.commune_code);
      await page
        .locator(".interactive-chart svg text", {
          hasText: `${number(firstDomain?.points)}/${number(firstDomain?.max_points)}`,
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

describe("the domain page's chart", () => {
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
        pct(mine?.pct),
        `${number(mine?.points)}/${number(mine?.max_points)}`,
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

describe("the commune page's chart of citizens' answers by group", () => {
  it("fetches the engine only when asked, then counts the published responses (recounted here)", async () => {
    const survey = publishedCsv(year, "survey");
    const responses = publishedCsv(year, "responses");
    const citizens = survey.filter(
      (row) => row.commune_code === subject.commune_code && row.panel === "citizens",
    );
    const group = citizens.find((row) => !row.criterion_id)?.question_id;
    const question = citizens.find((row) => row.criterion_id)?.question_id;
    if (!group || !question) throw new Error("survey.csv needs a profile question and a scored one");
    // Each form of the commune: its answer to the profile question and to the first scored one.
    const answers = new Map<string, Map<string, string>>();
    for (const row of responses.filter((r) => r.commune_code === subject.commune_code)) {
      const form = answers.get(row.response_no ?? "") ?? new Map<string, string>();
      form.set(row.question_id ?? "", row.option ?? "");
      answers.set(row.response_no ?? "", form);
    }
    const expected = new Map<string, string>();
    for (const form of answers.values()) {
      const key = `${form.get(group)}×${form.get(question)}`;
      if (form.has(group) && form.has(question))
        expected.set(key, String(Number(expected.get(key) ?? 0) + 1));
    }

    const { page, problems, close } = await openWatchedPage(browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    try {
      await page.goto(pageUrl(communePath), { waitUntil: "networkidle" });
      const button = page.locator("[data-commune-answers] [data-engine-start]");
      await button.scrollIntoViewIfNeeded();
      await expect(button.textContent()).resolves.toMatch(/khoảng \d+,\d MB/);
      await page.waitForLoadState("networkidle");
      expect(requested.filter(heavy)).toEqual([]);
      await button.click();
      await page.locator("[data-commune-answers] .chart-live svg.chart-svg").waitFor({ timeout: 60_000 });
      expect(requested.some((url) => url.endsWith(".wasm"))).toBe(true);
      const shown = await page
        .locator("[data-commune-answers] .answers-table span[data-group]")
        .evaluateAll((cells) =>
          cells.map((cell): [string, string] => [
            `${(cell as HTMLElement).dataset.group}×${(cell as HTMLElement).dataset.answer}`,
            cell.textContent ?? "",
          ]),
        );
      expect(new Map(shown.filter(([, count]) => count !== "0"))).toEqual(expected);
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });
});
