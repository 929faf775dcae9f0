// /so-sanh/ in Chromium: the published indices of the chosen communes at once, from the summary
// shipped with the page (no .wasm); the criteria differences through DuckDB-WASM on request, with
// the size stated and a progress bar; the commune picker; the choice kept in the URL; no CSP violation, no request
// leaving the local server, nothing for axe to report.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gzipSync } from "node:zlib";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  BASE_PATH,
  E2E_OUT_DIR,
  SITE_URL,
  latestPublishedYear,
  openWatchedPage,
  pageUrl,
  publishedCsv,
  type PageProblems,
} from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { axeViolations, cspViolations, recordCspViolations, slowDownloads } from "./interactive-support.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const scores = publishedCsv(year, "scores");
const byRank = [...results].sort(
  (a, b) => Number(a.rank) - Number(b.rank) || (a.commune_code ?? "").localeCompare(b.commune_code ?? ""),
);
const best = byRank[0];
const weakest = byRank.at(-1);
// Two communes in the middle of the ranking, so the test does not only see the defaults.
const first = byRank[Math.floor(byRank.length / 3)];
const second = byRank[Math.floor((2 * byRank.length) / 3)];
const third = byRank[1];
if (!best || !weakest || !first || !second || !third || new Set([first, second, third]).size < 3) {
  throw new Error("results.csv needs at least 4 communes");
}

// Vietnamese figures written out here, not with the page's own formatting (values below 1.000).
const number = (value: number) => value.toFixed(2).replace(".", ",");
const pct = (value: string | undefined) => `${number(Number(value))}%`;
/** "Xã Hồng Dụ" typed as a reader without a Vietnamese keyboard would: "hong du". */
const typedPlainly = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/^(xa|thi tran) /, "");

/** The canonical `xa` value: the communes' page addresses, "hong-du,an-duc". */
const addressNames = (...rows: Record<string, string>[]) =>
  rows.map((row) => communeSlug(row.commune_name ?? "")).join(",");

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openCompare(
  search: string,
): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  const watched = await openWatchedPage(browser);
  await recordCspViolations(watched.page);
  await watched.page.goto(pageUrl(`/so-sanh/${search}`));
  await watched.page.locator("#compare-results:not([hidden])").waitFor({ timeout: 60_000 });
  return watched;
}

/** The commune names heading the summary table, and its "Chỉ số CCHC" row. */
async function summary(page: Page): Promise<{ names: string[]; indices: string[] }> {
  const table = page.locator("#compare-summary table");
  const names = await table.locator("thead th").allTextContents();
  const indexRow = table.locator("tbody tr", { hasText: "Chỉ số CCHC" }).first();
  return { names: names.slice(1), indices: await indexRow.locator("td").allTextContents() };
}

describe("/so-sanh/", () => {
  it("shows the chosen communes with their published indices at once, without the query engine", async () => {
    const watched = await openWatchedPage(browser);
    const requested: string[] = [];
    watched.page.on("request", (request) => requested.push(request.url()));
    await recordCspViolations(watched.page);
    await watched.page.goto(pageUrl(`/so-sanh/?xa=${first.commune_code},${second.commune_code}`));
    await watched.page.locator("#compare-results:not([hidden])").waitFor({ timeout: 10_000 });
    const { page, problems, close } = watched;
    try {
      expect(await summary(page)).toEqual({
        names: [first.commune_name, second.commune_name],
        indices: [pct(first.index_pct), pct(second.index_pct)],
      });
      await page.locator("#compare-domains-chart svg.chart-svg[role=img]").waitFor();
      await page.waitForLoadState("networkidle");
      expect(requested.filter((url) => /\.wasm$|duckdb|\.parquet$/.test(url))).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  it("lists criteria by the gap between the communes (largest, worked out here, first) through the engine, on request", async () => {
    const { page, close } = await openCompare(`?xa=${first.commune_code},${second.commune_code}`);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    try {
      // The button states the real size: the gzip size of the .wasm the page fetches, and a little more.
      const wasmFile = readdirSync(join(E2E_OUT_DIR, "_astro")).find((name) =>
        /^duckdb-eh\..*\.wasm$/.test(name),
      );
      const wasmMb = gzipSync(readFileSync(join(E2E_OUT_DIR, "_astro", wasmFile ?? ""))).byteLength / 1e6;
      const button = page.locator("#compare-criteria-load");
      const stated = /khoảng (\d+),(\d) MB/.exec((await button.textContent()) ?? "");
      const statedMb = Number(`${stated?.[1]}.${stated?.[2]}`);
      expect(statedMb).toBeGreaterThanOrEqual(Math.floor(wasmMb * 10) / 10);
      expect(statedMb).toBeLessThan(wasmMb + 0.5);
      await slowDownloads(page);
      await button.click();
      // Real progress: the bar appears with the first bytes received.
      await page.locator("#compare-status progress:not([hidden])").waitFor({ timeout: 30_000 });
      await page.locator("#compare-criteria tbody tr").first().waitFor({ timeout: 60_000 });
      expect(requested.some((url) => url.endsWith(".wasm"))).toBe(true);
      // Leaves: criteria that are nobody's parent. Gap = |points of first − points of second|.
      const parents = new Set(scores.map((row) => row.parent_id));
      const points = (code: string | undefined) =>
        new Map(
          scores
            .filter((row) => row.commune_code === code && !parents.has(row.criterion_id))
            .map((row) => [row.criterion_id, Number(row.points)]),
        );
      const a = points(first.commune_code);
      const b = points(second.commune_code);
      const gaps = [...a]
        .filter(([id]) => b.has(id))
        .map(([id, value]) => Math.abs(value - (b.get(id) ?? 0)));
      const largest = Math.round(Math.max(...gaps) * 100) / 100;
      // Each criterion heads a group of rows, its gap in the heading: "(thẩm định; chênh lệch 0,75 điểm)".
      const shown = (await page.locator("#compare-criteria tr.group-heading th").allTextContents())
        .map((text) => /chênh lệch ([\d.,]+) điểm\)$/.exec(text)?.[1])
        .filter((text) => text !== undefined);
      expect(shown[0]).toBe(number(largest));
      const values = shown.map((text) => Number(text.replace(/\./g, "").replace(",", ".")));
      expect(values).toEqual([...values].sort((x, y) => y - x));
    } finally {
      await close();
    }
  });

  it("opens on the best and the weakest commune when the link names none", async () => {
    const { page, close } = await openCompare("");
    try {
      expect(new URL(page.url()).searchParams.get("xa")).toBe(addressNames(best, weakest));
      expect((await summary(page)).names).toEqual([best.commune_name, weakest.commune_name]);
    } finally {
      await close();
    }
  });

  it("finds a commune typed without diacritics, and keeps each choice in the URL for back, forward and reload", async () => {
    const { page, close } = await openCompare(`?xa=${first.commune_code},${second.commune_code}`);
    try {
      const input = page.getByRole("combobox", { name: "Thêm xã, thị trấn để so sánh" });
      // "Xã Hồng Dụ" is typed "hong du": no diacritics, no unit word.
      const typed = typedPlainly(third.commune_name ?? "");
      await input.fill(typed);
      const option = page.getByRole("option", { name: third.commune_name });
      await expect(option.isVisible()).resolves.toBe(true);
      await input.press("ArrowDown");
      await expect(input.getAttribute("aria-activedescendant")).resolves.toBeTruthy();
      await input.press("Enter");
      const three = addressNames(first, second, third);
      await page.waitForURL((url) => url.searchParams.get("xa") === three);
      await page.waitForFunction(
        (count) => document.querySelectorAll("#compare-summary thead th").length === count,
        4,
      );
      expect((await summary(page)).names).toEqual([
        first.commune_name,
        second.commune_name,
        third.commune_name,
      ]);

      await page.goBack();
      await page.waitForFunction(() => document.querySelectorAll("#compare-summary thead th").length === 3);
      expect(new URL(page.url()).searchParams.get("xa")).toBe(addressNames(first, second));
      expect((await summary(page)).names).toEqual([first.commune_name, second.commune_name]);

      await page.goForward();
      await page.waitForFunction(() => document.querySelectorAll("#compare-summary thead th").length === 4);
      await page.reload();
      await page.locator("#compare-results:not([hidden])").waitFor();
      expect((await summary(page)).indices).toEqual([first, second, third].map((row) => pct(row.index_pct)));

      // Removing a commune is a button press, and it is in the URL too.
      await page.getByRole("button", { name: `Bỏ ${third.commune_name} khỏi so sánh` }).click();
      await page.waitForURL((url) => url.searchParams.get("xa") === addressNames(first, second));
    } finally {
      await close();
    }
  });

  it("ignores codes that are not communes, and says so", async () => {
    const { page, close } = await openCompare(
      `?xa=${first.commune_code},99999%27%20OR%201=1,${second.commune_code}`,
    );
    try {
      expect((await summary(page)).names).toEqual([first.commune_name, second.commune_name]);
      await expect(page.locator("#compare-notice").textContent()).resolves.toContain("99999' OR 1=1");
    } finally {
      await close();
    }
  });

  it("has nothing for axe to report once the comparison is shown", async () => {
    const { page, close } = await openCompare(`?xa=${first.commune_code},${second.commune_code}`);
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("on a device without WebAssembly, says so in Vietnamese and keeps the list of communes", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.addInitScript(() => {
        Reflect.deleteProperty(globalThis, "WebAssembly");
      });
      await page.goto(pageUrl(`/so-sanh/?xa=${first.commune_code},${second.commune_code}`));
      await page.locator("#compare-criteria-load").click();
      const status = page.locator("#compare-status[data-state=failed]");
      await status.waitFor();
      await expect(status.textContent()).resolves.toContain("không hỗ trợ WebAssembly");
      // The published figures stay on screen.
      await expect(page.locator("#compare-summary table").isVisible()).resolves.toBe(true);
      await expect(page.locator("li[data-commune-code] a").count()).resolves.toBe(results.length);
    } finally {
      await close();
    }
  });

  it("when the engine's worker cannot load, says so in Vietnamese instead of waiting forever", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.route(/\.worker\.[^/]*\.js$/, (route) => route.abort("blockedbyclient"));
      await page.goto(pageUrl(`/so-sanh/?xa=${first.commune_code},${second.commune_code}`));
      await page.locator("#compare-criteria-load").click();
      const status = page.locator("#compare-status[data-state=failed]");
      await status.waitFor({ timeout: 30_000 });
      await expect(status.textContent()).resolves.toContain("Web Worker");
    } finally {
      await close();
    }
  });

  it("without JavaScript, explains the page and links every commune", async () => {
    const { page, close } = await openWatchedPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(pageUrl("/so-sanh/"));
      await expect(page.locator("#compare-app").isHidden()).resolves.toBe(true);
      const links = await page.locator("li[data-commune-code] a").allTextContents();
      expect(links.sort()).toEqual(results.map((row) => row.commune_name).sort());
    } finally {
      await close();
    }
  });

  it("at 390 px, a link with three address names shows the three communes and their published index, every table within the screen, no chart label cut, and a share button", async () => {
    const search = `?xa=${addressNames(first, second, third)}`;
    const watched = await openWatchedPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const { page, close } = watched;
    try {
      await page.goto(pageUrl(`/so-sanh/${search}`));
      await page.locator("#compare-results:not([hidden])").waitFor({ timeout: 30_000 });
      await page.locator("#compare-domains-chart svg.chart-svg").waitFor();
      expect(await summary(page)).toEqual({
        names: [first.commune_name, second.commune_name, third.commune_name],
        indices: [first, second, third].map((row) => pct(row.index_pct)),
      });
      const layout = await page.evaluate(() => ({
        viewport: window.innerWidth,
        pageWidth: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll("#compare-results table")].map((table) => ({
          caption: table.querySelector("caption")?.textContent ?? "",
          right: table.getBoundingClientRect().right,
        })),
        chartTexts: [...document.querySelectorAll("#compare-domains-chart text")].map(
          (text) => text.textContent ?? "",
        ),
      }));
      expect(layout.tables.length).toBeGreaterThanOrEqual(2);
      expect(layout.pageWidth).toBeLessThanOrEqual(layout.viewport);
      for (const table of layout.tables)
        expect(table.right, table.caption).toBeLessThanOrEqual(layout.viewport);
      expect(layout.chartTexts.filter((text) => text.trim().endsWith("…"))).toEqual([]);
      await expect(page.getByRole("button", { name: "Chia sẻ" }).isVisible()).resolves.toBe(true);
    } finally {
      await close();
    }
  });

  it("the share button copies the comparison's link where the browser has no share sheet, and says so", async () => {
    const { page, close } = await openWatchedPage(browser, {
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      await page.addInitScript(() => {
        Reflect.deleteProperty(Navigator.prototype, "share");
      });
      await page.goto(pageUrl(`/so-sanh/?xa=${first.commune_code},${second.commune_code}`));
      await page.locator("#compare-results:not([hidden])").waitFor();
      await page.getByRole("button", { name: "Chia sẻ" }).click();
      await expect(page.locator("[data-share-status]").textContent()).resolves.toContain(
        "Đã chép đường liên kết",
      );
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(new URL(copied).searchParams.get("xa")).toBe(addressNames(first, second));
    } finally {
      await close();
    }
  });

  it("prints on at most two A4 pages with no control, chart text at 8 pt or more, and the issuer, contact and address", async () => {
    const { page, close } = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(pageUrl(`/so-sanh/?xa=${addressNames(first, second, third)}`));
      await page.locator("#compare-domains-chart svg.chart-svg").waitFor({ timeout: 30_000 });
      await page.emulateMedia({ media: "print" });
      const printed = await page.evaluate(() => {
        const shown = (element: Element) => {
          const rect = element.getBoundingClientRect();
          return element.checkVisibility() && rect.width > 0 && rect.height > 0;
        };
        const svg = document.querySelector<SVGSVGElement>("#compare-domains-chart svg");
        const scale = svg ? svg.getBoundingClientRect().width / svg.viewBox.baseVal.width : 0;
        const sizes = [...(svg?.querySelectorAll("text") ?? [])].map(
          (text) => parseFloat(getComputedStyle(text).fontSize) * scale,
        );
        return {
          controls: [...document.querySelectorAll("button, input, select, textarea, nav, .commune-list")]
            .filter(shown)
            .map((element) => element.outerHTML.slice(0, 80)),
          smallestChartText: Math.min(...sizes),
        };
      });
      expect(printed.controls).toEqual([]);
      // 8 pt = 8 × 96 / 72 CSS px.
      expect(printed.smallestChartText).toBeGreaterThanOrEqual((8 * 96) / 72);
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(2);
      // The foot of every printed page comes from /in-an.css, made from dataset.json.
      const footer = await (await page.request.get(pageUrl("/in-an.css"))).text();
      expect(footer).toContain("@bottom-left");
      expect(footer).toContain("UBND huyện");
      expect(footer).toContain("Liên hệ: Phòng Nội vụ");
      expect(footer).toContain(`${SITE_URL}${BASE_PATH}`);
      await expect(
        page.locator('link[rel=stylesheet][media=print][href$="/in-an.css"]').count(),
      ).resolves.toBe(1);
    } finally {
      await close();
    }
  });
});
