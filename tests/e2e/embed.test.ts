// "Nhúng": every chart offers an <iframe> snippet of a page that holds the chart alone, for a news
// article. Checked on the home page's ranking chart: the snippet, and its page at 390 and 640 px
// (no site menu, the title, source, version and a link back; same CSP; nothing external).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BASE_PATH, SITE_URL, latestPublishedYear, openWatchedPage, pageUrl } from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";

const year = latestPublishedYear();
const rankingId = `xep-hang-${year}`;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("embedding a chart", () => {
  it("the home page offers the ranking chart's <iframe> snippet at the site's address", async () => {
    const { page, close } = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(pageUrl("/"));
      const figure = page.locator("figure.chart", { has: page.locator(`#${rankingId}-tieu-de`) });
      await figure.locator("summary", { hasText: "Nhúng" }).click();
      const snippet = await figure.locator("textarea.embed-code").inputValue();
      expect(snippet).toMatch(/^<iframe [^>]*><\/iframe>$/);
      expect(snippet).toContain(`src="${SITE_URL}${BASE_PATH}nhung/${rankingId}/"`);
      expect(snippet).toMatch(/title="[^"]+"/);
    } finally {
      await close();
    }
  });

  for (const width of [390, 640]) {
    it(`the snippet's page stands alone at ${width} px: the chart with its title, source, version and a link back, no site menu`, async () => {
      const { page, problems, close } = await openWatchedPage(browser, { viewport: { width, height: 700 } });
      try {
        await page.goto(pageUrl(`/nhung/${rankingId}/`));
        const view = await page.evaluate(() => ({
          menus: document.querySelectorAll("nav, header, footer, .site-header").length,
          title: document.querySelector("h1")?.textContent ?? "",
          caption: document.querySelector("figcaption")?.textContent ?? "",
          back: document.querySelector<HTMLAnchorElement>("figcaption a")?.getAttribute("href") ?? "",
          charts: [...document.querySelectorAll("svg.chart-svg")].filter((svg) => svg.checkVisibility())
            .length,
          pageWidth: document.documentElement.scrollWidth,
          csp:
            document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ??
            "",
          scripts: document.querySelectorAll("script").length,
        }));
        expect(view.menus).toBe(0);
        expect(view.title.length).toBeGreaterThan(10);
        expect(view.caption).toContain("Nguồn:");
        expect(view.caption).toMatch(/phiên bản \d+\.\d+\.\d+/);
        expect(view.back).toBe(`${BASE_PATH}#xep-hang`);
        expect(view.charts).toBe(1);
        expect(view.pageWidth).toBeLessThanOrEqual(width);
        expect(view.csp).toContain("default-src 'self'");
        expect(view.scripts).toBe(0);
      } finally {
        await close();
      }
      expect(problems.consoleErrors).toEqual([]);
      expect(problems.failedRequests).toEqual([]);
      expect(problems.externalRequests).toEqual([]);
    });
  }
});
