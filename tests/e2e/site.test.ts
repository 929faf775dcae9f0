// The built site, served under the GitHub-pages base path, seen by a browser: every page renders
// cleanly, shows the published figures, links nowhere broken, passes axe, stays on this server,
// and is complete without JavaScript.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import AxeBuilder from "@axe-core/playwright";
import { parseHTML } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { formatInt } from "../../pipeline/rules/format.ts";
import { firstViewBudgets } from "../support/budgets.ts";
import type { PublishedManifest } from "../../schemas/published-manifest.ts";
import {
  BASE_PATH,
  SITE_URL,
  latestPublishedYear,
  openWatchedPage,
  pageUrl,
  publishedCsv,
  siteUrl,
} from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";
import { E2E_OUT_DIR } from "./paths.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const domainIds = [...new Set(publishedCsv(year, "domains").map((row) => row.domain_id ?? ""))];
/**
 * A published CSV percentage as the pages must write it, by string operations on the cell rather
 * than the site's own formatter: "84.7" → "84,70%", "87" → "87,00%" (decimal comma, 2 decimals).
 */
function writtenPct(cell: string): string {
  const [whole, fraction = ""] = cell.split(".");
  return `${whole},${fraction.padEnd(2, "0")}%`;
}
const communePaths = results.map((row) => `/xa/${communeSlug(row.commune_name ?? "")}/`);
const pages = [
  "/",
  "/xa/",
  ...communePaths,
  "/linh-vuc/",
  ...domainIds.map((id) => `/linh-vuc/${id}/`),
  "/phuong-phap/",
  "/quy-trinh/",
  "/du-lieu/",
];

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("every page", () => {
  it("renders with no console error, no failed request and no request to another origin", async () => {
    const { page, problems, close } = await openWatchedPage(browser);
    try {
      for (const path of pages) {
        const response = await page.goto(pageUrl(path), { waitUntil: "load" });
        expect(response?.status(), path).toBe(200);
        await expect(page.locator("h1").first().textContent(), path).resolves.toBeTruthy();
      }
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  it("answers an unknown address with the Vietnamese 404 page", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      const response = await page.goto(pageUrl("/khong-co-trang-nay/"));
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1").textContent()).resolves.toBe("Không tìm thấy trang");
    } finally {
      await close();
    }
  });
});

describe("published figures", () => {
  it("the home page shows each commune's index as in results.csv", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl("/"));
      for (const row of results) {
        const cell = page.locator(`tr[data-commune="${row.commune_code}"] td.index`);
        await expect(cell.textContent()).resolves.toBe(writtenPct(row.index_pct ?? ""));
      }
    } finally {
      await close();
    }
  });

  it("each commune page shows its index, rank and quotable sentence as in results.csv", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      for (const row of results) {
        await page.goto(pageUrl(`/xa/${communeSlug(row.commune_name ?? "")}/`));
        const index = writtenPct(row.index_pct ?? "");
        await expect(page.locator("[data-index]").textContent()).resolves.toContain(index);
        const quote = await page.locator(".quote").textContent();
        expect(quote).toContain(
          `Năm ${year}, Chỉ số CCHC của ${row.commune_name} đạt ${index}, xếp thứ ${row.rank}/${results.length}`,
        );
      }
    } finally {
      await close();
    }
  });
});

describe("the process page", () => {
  it("shows every step of the published plan and the survey's planned and achieved people", async () => {
    const manifest = JSON.parse(
      readFileSync(join(E2E_OUT_DIR, "data", String(year), "dataset.json"), "utf8"),
    ) as PublishedManifest;
    // The committed sample holds the district plan's seven steps and its survey of 30 + 3 + 3 + 12
    // officials and 20 × 60 citizens.
    expect(manifest.plan).toHaveLength(7);
    expect(manifest.survey_totals.planned).toBe(1248);
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl("/quy-trinh/"));
      const steps = page.locator("ol.timeline > li");
      await expect(steps.count()).resolves.toBe(manifest.plan?.length);
      for (const [i, step] of (manifest.plan ?? []).entries()) {
        const text = await steps.nth(i).textContent();
        expect(text).toContain(step.title);
        expect(text).toContain(step.lead);
        expect(text).toContain(step.planned_period);
      }
      await expect(page.locator("[data-planned-total]").textContent()).resolves.toBe(
        `${formatInt(manifest.survey_totals.planned)} người`,
      );
      for (const group of manifest.survey_design) {
        await expect(page.locator(`tr[data-group="${group.group}"] td`).first().textContent()).resolves.toBe(
          formatInt(group.planned),
        );
      }
    } finally {
      await close();
    }
  });

  it("has no horizontal scroll at 390 px", async () => {
    const { page, close } = await openWatchedPage(browser, { viewport: { width: 390, height: 844 } });
    try {
      await page.goto(pageUrl("/quy-trinh/"));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await close();
    }
  });
});

describe("link previews", () => {
  it("give every page an absolute og:image and og:url under the site address", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      for (const path of pages) {
        await page.goto(pageUrl(path));
        const image = await page.locator('meta[property="og:image"]').getAttribute("content");
        expect(image, path).toMatch(new RegExp(`^${SITE_URL}${BASE_PATH}(og/[a-z0-9-]+|anh-chia-se)\\.png$`));
        const url = await page.locator('meta[property="og:url"]').getAttribute("content");
        expect(url, path).toBe(`${SITE_URL}${BASE_PATH}${path.slice(1)}`);
      }
    } finally {
      await close();
    }
  });

  it("gives the feed absolute links", async () => {
    const feed = await (await fetch(pageUrl("/feed.xml"))).text();
    expect(feed).toContain(
      `<link rel="self" type="application/atom+xml" href="${SITE_URL}${BASE_PATH}feed.xml"/>`,
    );
  });
});

describe("commune finder", () => {
  it("finds a commune typed without diacritics and opens it with Enter", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl("/"));
      const target = results.find((row) => (row.commune_name ?? "").includes("Hồng")) ?? results[0];
      const name = target?.commune_name ?? "";
      const typed = name
        .normalize("NFD")
        .replace(/\p{M}/gu, "")
        .replace(/đ/g, "d")
        .replace(/Đ/g, "D")
        .toLowerCase();
      await page.locator("#tim-xa-ten").fill(typed.replace(/^(xa|thi tran) /, ""));
      const shown = await page.locator(".finder-list li:not([hidden]) a").allTextContents();
      expect(shown).toContain(name);
      expect(shown.length).toBeLessThan(results.length);
      await page.locator("#tim-xa-ten").press("Enter");
      await page.waitForURL(pageUrl(`/xa/${communeSlug(name)}/`));
      await expect(page.locator("h1").textContent()).resolves.toBe(name);
    } finally {
      await close();
    }
  });
});

describe("links", () => {
  it("a crawl from the home page finds no broken internal link", async () => {
    const origin = new URL(siteUrl()).origin;
    const seen = new Set<string>();
    const queue = [siteUrl()];
    const broken: string[] = [];
    while (queue.length > 0) {
      const url = queue.shift() as string;
      if (seen.has(url)) continue;
      seen.add(url);
      const response = await fetch(url);
      if (response.status !== 200) {
        broken.push(`${url}: ${response.status}`);
        continue;
      }
      if (!(response.headers.get("content-type") ?? "").startsWith("text/html")) {
        await response.arrayBuffer();
        continue;
      }
      const { document } = parseHTML(await response.text());
      for (const element of document.querySelectorAll("a[href], link[href], script[src], img[src]")) {
        const target = new URL(element.getAttribute("href") ?? element.getAttribute("src") ?? "", url);
        target.hash = "";
        if (target.origin !== origin) continue;
        if (!target.pathname.startsWith(BASE_PATH))
          broken.push(`${url} → ${target.href} (outside the base path)`);
        else if (!seen.has(target.href)) queue.push(target.href);
      }
    }
    expect(broken).toEqual([]);
    // The crawl reached every commune page through links alone.
    for (const path of communePaths) expect(seen.has(pageUrl(path))).toBe(true);
  });
});

describe("accessibility", () => {
  const audited = [
    "/",
    communePaths[0] ?? "/",
    `/linh-vuc/${domainIds[0]}/`,
    "/phuong-phap/",
    "/quy-trinh/",
    "/du-lieu/",
  ];
  for (const path of audited) {
    it(`axe finds no violation on ${path}`, async () => {
      const { page, close } = await openWatchedPage(browser);
      try {
        await page.goto(pageUrl(path));
        const { violations } = await new AxeBuilder({ page }).analyze();
        expect(
          violations.map(
            (violation) =>
              `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
          ),
        ).toEqual([]);
      } finally {
        await close();
      }
    });
  }
});

describe("without JavaScript", () => {
  it("the home page still shows every commune's index and the ranking chart", async () => {
    const { page, close } = await openWatchedPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(pageUrl("/"));
      for (const row of results) {
        await expect(
          page.locator(`tr[data-commune="${row.commune_code}"] td.index`).textContent(),
        ).resolves.toBe(writtenPct(row.index_pct ?? ""));
      }
      await expect(page.locator("figure.chart svg").count()).resolves.toBeGreaterThan(0);
    } finally {
      await close();
    }
  });
});

describe("first-view budget", () => {
  for (const path of ["/", communePaths[0] ?? "/"]) {
    it(`${path} loads ≤ 50 KB compressed JavaScript, ≤ 150 KB in all, and no DuckDB or .wasm`, async () => {
      const { page, close } = await openWatchedPage(browser);
      const sizes: { url: string; type: string; gzip: number }[] = [];
      page.on("response", async (response) => {
        const body = await response.body().catch(() => Buffer.alloc(0));
        sizes.push({
          url: response.url(),
          type: response.request().resourceType(),
          gzip: gzipSync(body).length,
        });
      });
      try {
        await page.goto(pageUrl(path), { waitUntil: "networkidle" });
      } finally {
        await close();
      }
      const script = sizes
        .filter((entry) => entry.type === "script")
        .reduce((sum, entry) => sum + entry.gzip, 0);
      const total = sizes.reduce((sum, entry) => sum + entry.gzip, 0);
      expect(sizes.filter((entry) => /duckdb|\.wasm/i.test(entry.url))).toEqual([]);
      expect(script).toBeLessThanOrEqual(firstViewBudgets.js);
      expect(total).toBeLessThanOrEqual(firstViewBudgets.total);
    });
  }
});
