// /kiem-tra/: the pipeline's validator running in the reader's browser. Files with a known error show
// its code, file and line, and its downloaded report runs no formula; the committed data (as CSV
// files, and as the editor's filled workbook) show "0 lỗi"; the report downloads; and nothing but the page's own static files is requested.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { E2E_OUT_DIR, latestPublishedYear, openWatchedPage, pageUrl, siteUrl } from "./harness.ts";
import { formulaTrigger } from "../../pipeline/rules/formula.ts";
import { templateFile } from "../../pipeline/publish/entry-workbooks.ts";
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
async function statusSays(page: Page, pattern: RegExp, timeout = 20_000): Promise<void> {
  await page.locator("#check-status").filter({ hasText: pattern }).waitFor({ timeout });
}

/** The blank data-entry workbook the site publishes beside the year's tables. */
const blankTemplate = () => readFileSync(join(E2E_OUT_DIR, "data", String(year), templateFile(year)));

/**
 * The editor's complete workbook (npm run template -- --filled: the site offers it without the
 * survey forms), changed by `edit` as an editor would in Excel.
 */
async function editedWorkbook(edit: (book: ExcelJS.Workbook) => void): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const made = await yearWorkbook(committed, { filled: true, buildTime: new Date(0) });
  if (!("bytes" in made)) throw new Error(`data/${year} does not validate`);
  const bytes = Buffer.from(made.bytes);
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  edit(book);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const xlsx = (name: string, buffer: Buffer): Picked => ({
  name,
  mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  buffer,
});

/** The cells of the report's rows, as the editor reads them. */
const reportRows = (page: Page) =>
  page
    .locator("#check-rows tr")
    .evaluateAll((rows) =>
      rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent ?? "")),
    );

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
      const row = page.locator("#check-rows tr", { hasText: "tám" });
      await expect(row.locator("td").allTextContents()).resolves.toEqual([
        "Lỗi",
        "appraisal.csv",
        "2",
        "appraised_score",
        "tám",
        "Xem hướng dẫn",
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
          new RegExp(
            `^${site.pathname}(kiem-tra/|_astro/[^/]+\\.(js|css)|(bang-mau|in-an)\\.css|favicon\\.svg)$`,
          ),
        );
      }
    } finally {
      await close();
    }
  });
});

describe("/kiem-tra/ with the workbook, as the Home Affairs office uses it", () => {
  it("names the sheet, the headers and Excel's rows, with a decimal comma and errors first", async () => {
    const { page, problems, close } = await openWatchedPage(browser, {
      viewport: { width: 390, height: 800 },
    });
    try {
      await page.goto(pageUrl("/kiem-tra/"));
      let scoreRow = 0;
      const workbook = await editedWorkbook((book) => {
        const sheet = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
        const header = sheet.getRow(1).values as unknown[];
        sheet.getRow(2).getCell(header.indexOf("Mã xã")).value = "11156";
        sheet.eachRow((row, number) => {
          if (scoreRow === 0 && row.getCell(header.indexOf("Mã tiêu chí")).text === "1.2.2")
            scoreRow = number;
        });
        sheet.getRow(scoreRow).getCell(header.indexOf("Điểm thẩm định")).value = 2.25;
      });
      await page.locator("#check-files").setInputFiles(xlsx("du-lieu.xlsx", workbook));
      await statusSays(
        page,
        /^du-lieu\.xlsx: \d+ lỗi, \d+ cảnh báo\. Sửa các lỗi dưới đây rồi kiểm tra lại\.$/,
      );
      const rows = await reportRows(page);
      expect(rows).toContainEqual([
        "Lỗi",
        "Điểm thẩm định",
        "2",
        "Mã xã",
        "11156",
        "Xem hướng dẫn",
        'Mã xã "11156" không có trong trang tính Danh sách xã.',
        "Sửa mã cho đúng mã 5 chữ số trong trang tính Danh sách xã (định dạng cột là Văn bản để giữ số 0 đầu).",
      ]);
      expect(rows).toContainEqual([
        "Lỗi",
        "Điểm thẩm định",
        String(scoreRow),
        "Điểm thẩm định",
        "2,25",
        "Xem hướng dẫn",
        "Điểm 2,25 lớn hơn điểm tối đa 1,5 của tiêu chí 1.2.2.",
        "Sửa điểm trong khoảng 0 đến 1,5.",
      ]);
      const levels = rows.map((cells) => cells[0]);
      expect(levels.indexOf("Cảnh báo")).toBeGreaterThan(levels.lastIndexOf("Lỗi"));
      const text = (await page.locator("#check-rows").textContent()) ?? "";
      expect(text).not.toMatch(/\.csv\b|\bCSV\b/);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
    } finally {
      await close();
    }
  });

  it("tells an editor who picks an Excel 97–2003 file what it is, in one line", async () => {
    const { page, close } = await openWatchedPage(browser, { viewport: { width: 390, height: 800 } });
    try {
      await page.goto(pageUrl("/kiem-tra/"));
      // An OLE2 compound file's signature, as every .xls starts.
      const ole2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
      await page
        .locator("#check-files")
        .setInputFiles({ name: "du-lieu.xls", mimeType: "application/vnd.ms-excel", buffer: ole2 });
      await statusSays(page, /^du-lieu\.xls: 1 lỗi, 0 cảnh báo\./);
      const rows = await reportRows(page);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.join(" ")).toContain("Excel 97–2003 (.xls)");
    } finally {
      await close();
    }
  });

  it("answers the blank template in a few lines", async () => {
    const { page, close } = await openWatchedPage(browser, { viewport: { width: 390, height: 800 } });
    try {
      await page.goto(pageUrl("/kiem-tra/"));
      await page.locator("#check-files").setInputFiles(xlsx("mau.xlsx", blankTemplate()));
      await statusSays(page, /^mau\.xlsx: 4 lỗi, 0 cảnh báo\./);
      const rows = await reportRows(page);
      expect(rows.map((cells) => cells.slice(1, 4).concat(cells[6] ?? ""))).toEqual([
        [
          "Điểm thẩm định",
          "2",
          "Điểm thẩm định",
          "Cột Điểm thẩm định còn trống ở 840 dòng (dòng 2, 3, 4, 5, 6, …).",
        ],
        [
          "Điểm thẩm định",
          "2",
          "Điểm tự đánh giá",
          "Cột Điểm tự đánh giá còn trống ở 840 dòng (dòng 2, 3, 4, 5, 6, …).",
        ],
        ["Phiếu cán bộ", "", "", "Trang tính Phiếu cán bộ chưa có dòng nào."],
        ["Phiếu người dân", "", "", "Trang tính Phiếu người dân chưa có dòng nào."],
      ]);
    } finally {
      await close();
    }
  });

  it("stays responsive while a large workbook is checked: progress, and a stop that answers at once", async () => {
    // The citizens' forms copied eight times over (about 10,000 rows, several seconds of checking).
    const large = await editedWorkbook((book) => {
      const sheet = book.getWorksheet("Phiếu người dân") as ExcelJS.Worksheet;
      const rows: unknown[][] = [];
      sheet.eachRow((row, number) => {
        if (number > 1) rows.push((row.values as unknown[]).slice(1));
      });
      for (let copy = 0; copy < 8; copy++) sheet.addRows(rows);
    });
    const { page, problems, close } = await openWatchedPage(browser, {
      viewport: { width: 390, height: 800 },
    });
    try {
      await page.goto(pageUrl("/kiem-tra/"));
      await page.locator("#check-files").setInputFiles(xlsx("lon.xlsx", large));
      await page.locator("#check-progress").waitFor({ state: "visible" });
      await page
        .locator("#check-step")
        .filter({ hasText: /^Đang kiểm tra trang tính/ })
        .waitFor();
      // The page answers while the check runs: a script round trip and a click, each promptly.
      const asked = Date.now();
      await page.evaluate(() => document.getElementById("check-step")?.textContent);
      expect(Date.now() - asked).toBeLessThan(500);
      await expect(page.locator("#check-status").textContent()).resolves.toMatch(/^Đang kiểm tra/);
      await expect(page.locator("#check-bar").getAttribute("value")).resolves.toMatch(/^[1-9]\d*$/);
      const clicked = Date.now();
      await page.locator("#check-cancel").click();
      await statusSays(page, /^Đã dừng kiểm tra\./, 1_000);
      expect(Date.now() - clicked).toBeLessThan(1_000);
      await expect(page.locator("#check-progress").isHidden()).resolves.toBe(true);

      // Stopped, the page checks the next file as usual.
      await page.locator("#check-files").setInputFiles(xlsx("mau.xlsx", blankTemplate()));
      await statusSays(page, /^mau\.xlsx: 4 lỗi, 0 cảnh báo\./);
      expect(problems).toEqual({ consoleErrors: [], failedRequests: [], externalRequests: [] });
    } finally {
      await close();
    }
  }, 240_000);
});
