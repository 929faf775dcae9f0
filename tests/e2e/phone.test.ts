// The pages readers open most, at a 390 × 844 phone and at a 1280 px desktop, in Chromium: the
// page never scrolls sideways; every chart lies inside the screen with text of at least 11 px,
// every text inside its drawing and no two texts on top of each other; the top commune's index
// and each table's key columns (marked `th.key`; every column where a table marks none) are on
// screen without scrolling sideways. At 1280 px no table needs to scroll at all.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatPct } from "../../pipeline/rules/format.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { latestPublishedYear, openWatchedPage, pageUrl, publishedCsv } from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const byRank = [...results].sort(
  (a, b) => Number(a.rank) - Number(b.rank) || (a.commune_code ?? "").localeCompare(b.commune_code ?? ""),
);
const top = byRank[0];
const town = results.find((row) => row.commune_type === "thi_tran");
const commune = results.find((row) => row.commune_type === "xa");
if (!top || !town || !commune) throw new Error("results.csv needs a thị trấn and a xã");
const chosen = [byRank[1], byRank.at(-1)];
const pair = chosen.map((row) => row?.commune_code).join(",");

/**
 * Each page; what shows that it is ready to be measured; and, for tables drawn by a script that
 * marks no key column, the headers whose columns are key besides the first.
 */
const pages: { path: string; ready: string; keyHeaders: string[] }[] = [
  { path: "/", ready: "main h1", keyHeaders: [] },
  { path: `/xa/${communeSlug(commune.commune_name ?? "")}/`, ready: "main h1", keyHeaders: [] },
  { path: `/xa/${communeSlug(town.commune_name ?? "")}/`, ready: "main h1", keyHeaders: [] },
  { path: "/linh-vuc/1/", ready: "main h1", keyHeaders: [] },
  // /so-sanh/ shows its tables once its results are in; each chosen commune's column is key.
  {
    path: `/so-sanh/?xa=${pair}`,
    // The figures come first; the chart follows once its drawing code has arrived.
    ready: "#compare-domains-chart svg",
    keyHeaders: chosen.map((row) => row?.commune_name ?? ""),
  },
];

interface Layout {
  viewport: number;
  pageWidth: number;
  charts: {
    id: string;
    left: number;
    right: number;
    smallestText: number;
    outside: string[];
    overlaps: string[];
  }[];
  tables: { label: string; hiddenKeys: string[]; overflow: number }[];
}

/** Everything the test asserts, measured in the page at its initial scroll positions. */
function measure(page: Page, keyHeaders: string[]): Promise<Layout> {
  return page.evaluate((keyHeaders) => {
    // Not hidden by CSS nor inside a closed <details>, and laid out larger than the 1 px box of
    // a header kept for screen readers only.
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      return element.checkVisibility({ contentVisibilityAuto: true }) && rect.width > 1 && rect.height > 1;
    };
    const name = (element: Element) => (element.textContent ?? "").trim().slice(0, 40);
    const charts = [...document.querySelectorAll("main svg")]
      .filter((svg): svg is SVGSVGElement => svg instanceof SVGSVGElement && visible(svg))
      .filter((svg) => svg.querySelector("text") !== null)
      .map((svg, index) => {
        const box = svg.getBoundingClientRect();
        const viewBox = svg.viewBox.baseVal;
        const scale = viewBox && viewBox.width > 0 ? box.width / viewBox.width : 1;
        const texts = [...svg.querySelectorAll("text")].filter(
          (text) => visible(text) && (text.textContent ?? "").trim() !== "",
        );
        const rects = texts.map((text) => text.getBoundingClientRect());
        const outside = texts
          .filter((_, i) => {
            const r = rects[i] as DOMRect;
            return (
              r.left < box.left - 1 ||
              r.right > box.right + 1 ||
              r.top < box.top - 1 ||
              r.bottom > box.bottom + 1
            );
          })
          .map(name);
        const overlaps: string[] = [];
        for (let i = 0; i < rects.length; i++) {
          for (let j = i + 1; j < rects.length; j++) {
            const a = rects[i] as DOMRect;
            const b = rects[j] as DOMRect;
            // A pixel of slack: glyph boxes of neighbouring lines touch.
            const x = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const y = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (x > 1 && y > 1) overlaps.push(`${name(texts[i] as Element)} ∩ ${name(texts[j] as Element)}`);
          }
        }
        const sizes = texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale);
        return {
          id: svg.closest("figure")?.querySelector(".chart-title")?.id || `svg ${index}`,
          left: box.left,
          right: box.right,
          smallestText: Math.min(...sizes),
          outside,
          overlaps,
        };
      });
    const tables = [...document.querySelectorAll("main table")].filter(visible).map((table) => {
      const head = [...(table.querySelector("thead tr")?.children ?? [])];
      const marked = head.filter((cell) => cell.classList.contains("key"));
      const named = head.filter(
        (cell, i) => i === 0 || keyHeaders.some((header) => (cell.textContent ?? "").includes(header)),
      );
      const keys = (marked.length > 0 ? marked : keyHeaders.length > 0 ? named : head).map((cell) =>
        head.indexOf(cell),
      );
      const hiddenKeys: string[] = [];
      for (const row of table.querySelectorAll("tr")) {
        if (row.parentElement && !visible(row.parentElement)) continue;
        for (const index of keys) {
          const cell = row.children[index];
          if (!cell || !visible(cell)) continue;
          const rect = cell.getBoundingClientRect();
          if (rect.left < -1 || rect.right > window.innerWidth + 1)
            hiddenKeys.push(name(cell) || `column ${index}`);
        }
      }
      const scroller = table.closest(".table-scroll") ?? table.parentElement;
      return {
        label:
          table.querySelector("caption")?.textContent?.trim() ||
          scroller?.getAttribute("aria-label") ||
          "table",
        hiddenKeys: [...new Set(hiddenKeys)],
        overflow: scroller ? scroller.scrollWidth - scroller.clientWidth : 0,
      };
    });
    return {
      viewport: window.innerWidth,
      pageWidth: document.documentElement.scrollWidth,
      charts,
      tables,
    };
  }, keyHeaders);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

for (const { width, height } of [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
]) {
  describe(`at ${width} × ${height} px`, () => {
    for (const { path, ready, keyHeaders } of pages) {
      it(`${path} fits the screen with legible charts and its key columns in view`, async () => {
        const { page, close } = await openWatchedPage(browser, { viewport: { width, height } });
        try {
          await page.goto(pageUrl(path));
          await page.locator(ready).first().waitFor({ timeout: 60_000 });
          const layout = await measure(page, keyHeaders);
          expect(layout.pageWidth, "page scrolls sideways").toBeLessThanOrEqual(layout.viewport);
          expect(layout.charts.length, "charts measured").toBeGreaterThan(0);
          for (const chart of layout.charts) {
            expect(chart.left, chart.id).toBeGreaterThanOrEqual(0);
            expect(chart.right, chart.id).toBeLessThanOrEqual(layout.viewport);
            expect(chart.smallestText, chart.id).toBeGreaterThanOrEqual(11);
            expect(chart.outside, `${chart.id}: text outside the drawing`).toEqual([]);
            expect(chart.overlaps, `${chart.id}: texts on top of each other`).toEqual([]);
          }
          for (const table of layout.tables) {
            expect(table.hiddenKeys, `${table.label}: key columns off screen`).toEqual([]);
            if (width >= 1280)
              expect(table.overflow, `${table.label} scrolls sideways`).toBeLessThanOrEqual(0);
          }
          if (path === "/") {
            const index = page.locator(".figure-card", { hasText: "Cao nhất" }).locator("dd");
            await expect(index.textContent()).resolves.toContain(formatPct(Number(top.index_pct)));
            const box = await index.boundingBox();
            expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
          }
        } finally {
          await close();
        }
      });
    }
  });
}
