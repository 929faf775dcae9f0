// /kiem-tra/: the pipeline's validator running in the reader's browser. Files with a known error show
// its code, file and line, and its downloaded report runs no formula; the committed data (as CSV
// files, and as the editor's filled workbook) show "0 lỗi"; the report downloads; and nothing but the page's own static files is requested.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestPublishedYear, openWatchedPage, pageUrl, siteUrl } from "./harness.ts";
import { formulaTrigger } from "../../pipeline/rules/formula.ts";
import { yearWorkbook } from "../../pipeline/template/index.ts";
import { launchChromium } from "../support/chromium.ts";

const repo = resolve(import.meta.dirname, "../..");
const year = latestPublishedYear();
const committed = join(repo, "data", String(year));

type Picked = { name: string; mimeType: string; buffer: Buffer };
const csvFiles = (folder: string): Picked[] =>
  readdirSync(folder)
    .filter((name) => name.endsWith(".csv") || name === "dataset.json")
    .map((name) => ({ name, mimeType: "text/csv", buffer: readFileSync(join(folder, name)) }));

/** Notes that Excel would run as formulas, were the report to write them as they are. */
const formulas = ['=HYPERLINK("http://example.invalid/","Bấm")', "=cmd|' /C calc'!A0"];

/**
 * The committed files with appraisal.csv's first score written in words, and formulas as the
 * notes of its first two rows.
 */
function withScoreInWords(): Picked[] {
  return csvFiles(committed).map((file) => {
    if (file.name !== "appraisal.csv") return file;
    const lines = file.buffer.toString("utf8").split("\n");
    formulas.forEach((formula, i) => {
      const cells = (lines[i + 1] as string).split(",");
      if (i === 0) cells[3] = "tám";
      cells[4] = `"${formula.replaceAll('"', '""')}"`;
      lines[i + 1] = cells.join(",");
    });
    return { ...file, buffer: Buffer.from(lines.join("\n")) };
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** Waits for the status line to say `pattern` (the check runs after the files are read). */
async function statusSays(page: Page, pattern: RegExp): Promise<void> {
  await page.locator("#check-status").filter({ hasText: pattern }).waitFor({ timeout: 20_000 });
}

describe("/kiem-tra/", () => {
  it("checks picked and dropped files in the page, with no request but its own static files", async () => {
    const { page, problems, close } = await openWatchedPage(browser, {
      viewport: { width: 390, height: 800 },
    });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(`${request.method()} ${request.url()}`));
    try {
      expect((await page.goto(pageUrl("/kiem-tra/")))?.status()).toBe(200);
      await expect(page.locator("main").textContent()).resolves.toContain("không được gửi đi đâu");

      // A known error in CSV files picked with the file chooser.
      await page.locator("#check-files").setInputFiles(withScoreInWords());
      const count = csvFiles(committed).length;
      await statusSays(
        page,
        new RegExp(`^${count} tệp: 1 lỗi, \\d+ cảnh báo\\. Sửa các lỗi dưới đây rồi kiểm tra lại\\.$`),
      );
      const row = page.locator("#check-rows tr", { hasText: "not_a_number" });
      await expect(row.locator("td").allTextContents()).resolves.toEqual([
        "Lỗi",
        "appraisal.csv",
        "2",
        "appraised_score",
        "tám",
        "not_a_number",
        expect.stringContaining("không phải là số"),
        expect.stringContaining("Nhập số bằng chữ số"),
      ]);
      await expect(row.locator("a").getAttribute("href")).resolves.toMatch(/\/huong-dan\/#loi-not_a_number$/);

      // The report downloads as a CSV file Excel opens, with the same rows.
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.locator("#check-download").click(),
      ]);
      expect(download.suggestedFilename()).toBe("bao-cao-kiem-tra.csv");
      const report = readFileSync((await download.path()) as string, "utf8");
      expect(report).toContain("appraisal.csv,2,appraised_score,tám,not_a_number");
      // The notes' formulas are there as text: a ' before each, so Excel runs neither.
      const reportCells = Papa.parse<string[]>(report.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
      const values = reportCells.map((cells) => cells[4]);
      for (const formula of formulas) expect(values).toContain(`'${formula}`);
      expect(reportCells.flat().filter((cell) => formulaTrigger.test(cell))).toEqual([]);

      // The committed data, as the CSV files: no error.
      await page.locator("#check-files").setInputFiles(csvFiles(committed));
      await statusSays(page, new RegExp(`^${count} tệp: 0 lỗi, \\d+ cảnh báo\\. Có thể gửi dữ liệu\\.$`));

      // The editor's complete workbook (npm run template -- --filled; the site offers it without the
      // survey forms), dropped on the page: no error either, and its warnings name the sheets by
      // their Vietnamese titles.
      const made = await yearWorkbook(committed, { filled: true, buildTime: new Date(0) });
      if (!("bytes" in made)) throw new Error(`data/${year} does not validate`);
      const workbook = made.bytes;
      const dataTransfer = await page.evaluateHandle(
        (bytes) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([new Uint8Array(bytes)], "du-lieu.xlsx"));
          return transfer;
        },
        [...workbook],
      );
      await page.dispatchEvent("#check-drop", "drop", { dataTransfer });
      await statusSays(page, /^du-lieu\.xlsx: 0 lỗi, \d+ cảnh báo\. Có thể gửi dữ liệu\.$/);
      await expect(
        page.locator("#check-rows td[data-label='Tệp / trang tính']").first().textContent(),
      ).resolves.toBe("Phiếu người dân");

      const violations = (await new AxeBuilder({ page }).analyze()).violations;
      expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
      // Every request was a GET of this site's page, its scripts and styles: no file went anywhere.
      const site = new URL(siteUrl());
      expect(requests.length).toBeGreaterThan(0);
      for (const request of requests) {
        const [method, url] = request.split(" ") as [string, string];
        expect(method, request).toBe("GET");
        const { origin, pathname } = new URL(url);
        expect(origin, request).toBe(site.origin);
        expect(pathname, request).toMatch(
          new RegExp(`^${site.pathname}(kiem-tra/|_astro/[^/]+\\.(js|css)|favicon\\.svg)$`),
        );
      }
    } finally {
      await close();
    }
  });
});
