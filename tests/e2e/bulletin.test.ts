// The radio station's side of the site, served under the base path: the bulletin reads in words,
// links every sentence to a page that exists, copies what it says, downloads as text; the feed
// lists every release; every commune has its 1200×630 share image.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { DOMParser } from "linkedom";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import {
  E2E_OUT_DIR,
  latestPublishedYear,
  openWatchedPage,
  pageUrl,
  publishedCsv,
  siteUrl,
} from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";

const year = latestPublishedYear();
const manifest = JSON.parse(
  readFileSync(join(E2E_OUT_DIR, "data", String(year), "dataset.json"), "utf8"),
) as {
  status: string;
};

/** Asserted both ways: present for sample data (the committed data), absent for official data. */
const sampleWarning = "Dữ liệu minh họa – không phải kết quả chính thức";

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("/ban-tin/", () => {
  it("gives every sentence in words, with a working source link, the sample warning first", async () => {
    const { page, problems, close } = await openWatchedPage(browser);
    try {
      expect((await page.goto(pageUrl("/ban-tin/")))?.status()).toBe(200);
      const spoken = await page.locator(".bulletin-spoken-text").allTextContents();
      expect(spoken.length).toBeGreaterThan(10);
      for (const sentence of spoken) expect(sentence, "read-aloud text has no digit").not.toMatch(/\d/);
      const first = await page.locator(".bulletin-text").first().textContent();
      expect(first?.includes(sampleWarning), "the sample warning first, exactly for sample data").toBe(
        manifest.status === "sample",
      );
      const sources = await page
        .locator(".bulletin-meta a")
        .evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
      for (const source of new Set(sources)) {
        expect(source.startsWith(siteUrl()), source).toBe(true);
        expect((await page.request.get(source)).status(), source).toBe(200);
      }
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  it("copies the whole read-aloud text with one button when JavaScript runs", async () => {
    const { page, close } = await openWatchedPage(browser, {
      permissions: ["clipboard-read", "clipboard-write"],
    });
    try {
      await page.goto(pageUrl("/ban-tin/"));
      const spoken = await page.locator(".bulletin-spoken-text").allTextContents();
      await page.getByRole("button", { name: "Chép cả bản đọc" }).click();
      // The status is set once the clipboard write resolves, after the click: wait for it.
      await page.locator("[data-copy-status]", { hasText: "Đã chép: cả bản đọc." }).waitFor();
      await expect(page.locator("[data-copy-status]").textContent()).resolves.toBe("Đã chép: cả bản đọc.");
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toBe(spoken.map((text) => text.replace(/\s+/g, " ").trim()).join("\n"));
    } finally {
      await close();
    }
  });

  it("passes axe with the copy buttons shown", async () => {
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl("/ban-tin/"));
      await page.getByRole("button", { name: "Chép cả bản đọc" }).waitFor();
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((violation) => `${violation.id}: ${violation.nodes.length}`)).toEqual([]);
    } finally {
      await close();
    }
  });

  it("hides the copy buttons without JavaScript and still shows every sentence", async () => {
    const { page, close } = await openWatchedPage(browser, { javaScriptEnabled: false });
    try {
      await page.goto(pageUrl("/ban-tin/"));
      await expect(page.locator("button[data-copy]:visible").count()).resolves.toBe(0);
      await expect(page.locator(".bulletin-spoken-text").count()).resolves.toBeGreaterThan(10);
    } finally {
      await close();
    }
  });

  it("downloads as UTF-8 text with the same sentences", async () => {
    const response = await fetch(pageUrl(`/ban-tin/ban-tin-${year}.txt`));
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    expect(text.includes(sampleWarning), "the sample warning, exactly for sample data").toBe(
      manifest.status === "sample",
    );
    expect(text).toContain("   Đọc: ");
  });
});

describe("/feed.xml", () => {
  it("is an Atom feed listing every release of every published year", async () => {
    const response = await fetch(pageUrl("/feed.xml"));
    expect(response.headers.get("content-type") ?? "").toMatch(/xml/);
    const doc = new DOMParser().parseFromString(await response.text(), "text/xml");
    const years = readdirSync(join(E2E_OUT_DIR, "data")).filter((name) => /^\d{4}$/.test(name));
    const releases = years.flatMap((y) => {
      const published = JSON.parse(readFileSync(join(E2E_OUT_DIR, "data", y, "dataset.json"), "utf8")) as {
        releases?: { version: string }[];
      };
      return (published.releases ?? []).map((release) => `/${y}/v${release.version}`);
    });
    const ids = [...doc.querySelectorAll("entry > id")].map((node) => node.textContent ?? "");
    expect(ids).toHaveLength(releases.length);
    for (const release of releases) expect(ids.some((id) => id.endsWith(release))).toBe(true);
  });
});

describe("/og/<slug>.png", () => {
  it("exists for every commune, 1200×630", async () => {
    for (const row of publishedCsv(year, "results")) {
      const response = await fetch(pageUrl(`/og/${communeSlug(row.commune_name ?? "")}.png`));
      expect(response.status, row.commune_name).toBe(200);
      const header = new DataView(await response.arrayBuffer(), 0, 24);
      expect([header.getUint32(16), header.getUint32(20)]).toEqual([1200, 630]);
    }
  });
});
