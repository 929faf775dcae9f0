// /kham-pha/ in Chromium: a cross-tabulation whose counts are recomputed here from
// responses.csv, the distribution from survey_options.csv, filters kept in the URL, the CSV
// download, officials only as counts; no CSP violation, no external request, nothing for axe.
import { readFile } from "node:fs/promises";
import Papa from "papaparse";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { latestPublishedYear, openWatchedPage, pageUrl, publishedCsv, type PageProblems } from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";
import {
  axeViolations,
  cspViolations,
  recordCspViolations,
  rememberEngineTap,
} from "./interactive-support.ts";

const year = latestPublishedYear();
const results = publishedCsv(year, "results");
const responses = publishedCsv(year, "responses");
const options = publishedCsv(year, "survey_options");
const citizenQuestions = [...new Set(responses.map((row) => row.question_id ?? ""))].sort();
const [rowQuestion, columnQuestion] = citizenQuestions.slice(-2);
const commune = results[Math.floor(results.length / 2)];
if (!rowQuestion || !columnQuestion || !commune) throw new Error("responses.csv needs two questions");

/** 1248 → "1.248": Vietnamese thousands, written out here rather than with the page's formatting. */
const formatInt = (value: number) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ".");

/** Each citizen's form (commune + response number) → its answers by question. */
function forms(communeCode: string | null): Map<string, Map<string, string>> {
  const byForm = new Map<string, Map<string, string>>();
  for (const row of responses) {
    if (communeCode && row.commune_code !== communeCode) continue;
    const key = `${row.commune_code}/${row.response_no}`;
    const answers = byForm.get(key) ?? new Map<string, string>();
    answers.set(row.question_id ?? "", row.option ?? "");
    byForm.set(key, answers);
  }
  return byForm;
}

/** Forms that answered `rowOption` to the row question and `columnOption` to the column question. */
function expectedCell(communeCode: string | null, rowOption: string, columnOption: string): number {
  let count = 0;
  for (const answers of forms(communeCode).values()) {
    if (answers.get(rowQuestion ?? "") === rowOption && answers.get(columnQuestion ?? "") === columnOption)
      count += 1;
  }
  return count;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

async function openExplore(
  search: string,
): Promise<{ page: Page; problems: PageProblems; close: () => Promise<void> }> {
  const watched = await openWatchedPage(browser, { acceptDownloads: true });
  await recordCspViolations(watched.page);
  // A reader who tapped "Tải" on an earlier visit: the page starts at once.
  await rememberEngineTap(watched.page);
  await watched.page.goto(pageUrl(`/kham-pha/${search}`));
  await watched.page.locator("#explore-results:not([hidden])").waitFor({ timeout: 60_000 });
  return watched;
}

/** The cross-tabulation as shown: "row×column" → count, read from the cells' data attributes. */
async function shownCells(page: Page): Promise<Map<string, number>> {
  const cells = await page
    .locator("#explore-cross-table [data-row][data-column]")
    .evaluateAll((elements) =>
      elements.map((element) => [
        `${(element as HTMLElement).dataset.row}×${(element as HTMLElement).dataset.column}`,
        element.textContent ?? "",
      ]),
    );
  return new Map(cells.map(([key, text]) => [key ?? "", Number((text ?? "").replace(/\./g, ""))]));
}

describe("/kham-pha/", () => {
  it("cross-tabulates citizens' answers with the counts of responses.csv, in one commune", async () => {
    const search = `?nhom=nguoi-dan&cau=${rowQuestion}&xa=${commune.commune_code}&cheo=${columnQuestion}`;
    const { page, problems, close } = await openExplore(search);
    try {
      const cells = await shownCells(page);
      const inner = [...cells].filter(([key]) => !key.includes("total"));
      expect(inner.length).toBeGreaterThan(0);
      let total = 0;
      for (const [key, count] of inner) {
        const [rowOption = "", columnOption = ""] = key.split("×");
        expect(count, key).toBe(expectedCell(commune.commune_code ?? "", rowOption, columnOption));
        total += count;
      }
      // Every form of the commune that answered both questions is in exactly one cell.
      const answeredBoth = [...forms(commune.commune_code ?? "").values()].filter(
        (answers) => answers.has(rowQuestion) && answers.has(columnQuestion),
      ).length;
      expect(total).toBe(answeredBoth);
      expect(cells.get("total×total")).toBe(answeredBoth);
      expect(await cspViolations(page)).toEqual([]);
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.failedRequests).toEqual([]);
    expect(problems.externalRequests).toEqual([]);
  });

  it("shows the distribution of a question as the sum of the published counts of every commune", async () => {
    const { page, close } = await openExplore(`?nhom=nguoi-dan&cau=${rowQuestion}`);
    try {
      const expected = new Map<string, number>();
      for (const row of options) {
        if (row.panel !== "citizens" || row.question_id !== rowQuestion) continue;
        expected.set(row.option ?? "", (expected.get(row.option ?? "") ?? 0) + Number(row.count));
      }
      const rows = await page
        .locator("#explore-distribution-table tbody tr")
        .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")));
      const shown = new Map(
        rows.filter((cells) => cells[0] !== "Tổng").map((cells) => [cells[0]?.split(".")[0] ?? "", cells[1]]),
      );
      expect(shown).toEqual(new Map([...expected].map(([option, count]) => [option, formatInt(count)])));
    } finally {
      await close();
    }
  });

  it("keeps the filters in the URL through a change, back, forward and reload", async () => {
    const { page, close } = await openExplore(`?nhom=nguoi-dan&cau=${rowQuestion}&cheo=${columnQuestion}`);
    try {
      const districtTotal = (await shownCells(page)).get("total×total");
      await page.getByLabel("Xã, thị trấn").selectOption(commune.commune_code ?? "");
      await page.waitForURL((url) => url.searchParams.get("xa") === commune.commune_code);
      await page.waitForFunction(
        (total) =>
          document.querySelector('#explore-cross-table [data-row="total"][data-column="total"]')
            ?.textContent !== total,
        formatInt(districtTotal ?? 0),
      );
      const communeTotal = (await shownCells(page)).get("total×total");
      expect(communeTotal).toBeLessThan(districtTotal ?? 0);

      await page.goBack();
      await page.waitForURL((url) => !url.searchParams.has("xa"));
      await expect(page.getByLabel("Xã, thị trấn").inputValue()).resolves.toBe("");
      await page.waitForFunction(
        (total) =>
          document.querySelector('#explore-cross-table [data-row="total"][data-column="total"]')
            ?.textContent === total,
        formatInt(districtTotal ?? 0),
      );

      await page.goForward();
      await page.waitForURL((url) => url.searchParams.get("xa") === commune.commune_code);
      await page.reload();
      await page.locator("#explore-results:not([hidden])").waitFor();
      await expect(page.getByLabel("Xã, thị trấn").inputValue()).resolves.toBe(commune.commune_code);
      expect((await shownCells(page)).get("total×total")).toBe(communeTotal);
    } finally {
      await close();
    }
  });

  it("downloads the filtered rows as CSV with a BOM, the same rows as responses.csv", async () => {
    const answer = responses.find((row) => row.question_id === rowQuestion)?.option ?? "";
    const { page, close } = await openExplore(`?nhom=nguoi-dan&cau=${rowQuestion}&tl=${answer}`);
    try {
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải CSV" }).click(),
      ]);
      const text = await readFile((await download.path()) ?? "", "utf8");
      expect(
        text.startsWith("\uFEFFcommune_code,commune_name,response_no,question_id,option,option_label\r\n"),
      ).toBe(true);
      const rows = Papa.parse<Record<string, string>>(text.slice(1), {
        header: true,
        skipEmptyLines: true,
      }).data;
      const expected = responses.filter((row) => row.question_id === rowQuestion && row.option === answer);
      expect(rows.length).toBe(expected.length);
      expect(rows.every((row) => row.question_id === rowQuestion && row.option === answer)).toBe(true);
    } finally {
      await close();
    }
  });

  it("gives officials only as counts: no cross-tabulation, no per-person rows", async () => {
    const { page, close } = await openExplore(`?nhom=can-bo`);
    try {
      await expect(page.locator("#explore-cross-section").isHidden()).resolves.toBe(true);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải CSV" }).click(),
      ]);
      const text = await readFile((await download.path()) ?? "", "utf8");
      expect(text.split("\r\n")[0]).toBe(
        "\uFEFFcommune_code,commune_name,question_id,option,option_label,count",
      );
    } finally {
      await close();
    }
  });

  it("on a throttled phone that reports 4g, transfers under 300 KB until the tap, then shows progress and 'đang khởi động' until the first answer", async () => {
    const { page, problems, close } = await openWatchedPage(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      await page.addInitScript(() => {
        Object.defineProperty(navigator, "connection", { value: { saveData: false, effectiveType: "4g" } });
        // Every state the status line goes through, in order, as the reader would see them.
        const log: string[] = [];
        (window as unknown as { statusLog: string[] }).statusLog = log;
        new MutationObserver(() => {
          const status = document.getElementById("explore-status");
          if (!status || status.hidden) return;
          const entry = `${status.dataset.state ?? ""}: ${status.textContent ?? ""}`;
          if (log.at(-1) !== entry) log.push(entry);
        }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send("Network.enable");
      let transferred = 0;
      cdp.on("Network.loadingFinished", (event: { encodedDataLength: number }) => {
        transferred += event.encodedDataLength;
      });
      const throttle = (downloadThroughput: number, latency: number) =>
        cdp.send("Network.emulateNetworkConditions", {
          offline: false,
          latency,
          downloadThroughput,
          uploadThroughput: downloadThroughput,
        });
      await throttle(200_000, 150);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      await page.goto(pageUrl("/kham-pha/"));
      const button = page.locator("#explore-load");
      await button.waitFor({ timeout: 60_000 });
      await expect(button.textContent()).resolves.toMatch(/khoảng \d+,\d MB/);
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(1000);
      expect(transferred).toBeGreaterThan(0);
      expect(transferred).toBeLessThan(300_000);
      await button.click();
      // Real progress: the bar moves with the bytes received over the throttled link.
      await page.locator("#explore-status progress:not([hidden])").waitFor({ timeout: 60_000 });
      await page.waitForFunction(() => {
        const bar = document.querySelector<HTMLProgressElement>("#explore-status progress");
        return bar !== null && bar.value > 0;
      });
      // The rest of the 34 MB module at full speed: the test is about what the reader is told.
      await throttle(-1, 0);
      await page.locator("#explore-results:not([hidden])").waitFor({ timeout: 120_000 });
      const log = await page.evaluate(() => (window as unknown as { statusLog: string[] }).statusLog);
      const firstStarting = log.findIndex((entry) => entry.startsWith("starting:"));
      expect(log[0]).toMatch(/^loading: Đang tải công cụ truy vấn/);
      expect(firstStarting).toBeGreaterThan(0);
      expect(log[firstStarting]).toContain("đang khởi động");
      // Nothing between the download and the first answer leaves the reader without a word.
      expect(log.slice(firstStarting).every((entry) => !entry.endsWith(": "))).toBe(true);

      // The tap is remembered: the next visit starts without asking.
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await page.reload();
      await page.locator("#explore-results:not([hidden])").waitFor({ timeout: 60_000 });
      await expect(button.isHidden()).resolves.toBe(true);
    } finally {
      await close();
    }
    expect(problems.consoleErrors).toEqual([]);
  });

  it("without an earlier tap never starts the download by itself, and states the size", async () => {
    const { page, close } = await openWatchedPage(browser);
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    try {
      await page.goto(pageUrl("/kham-pha/"));
      await page.locator("#explore-load").waitFor();
      await expect(page.locator("#explore-load-note").isVisible()).resolves.toBe(true);
      // No empty filters before there is anything to filter.
      await expect(page.locator("#explore-filters").isVisible()).resolves.toBe(false);
      await page.waitForLoadState("networkidle");
      expect(requested.filter((url) => /\.wasm$|duckdb|\.parquet$/.test(url))).toEqual([]);
    } finally {
      await close();
    }
  });

  it("has nothing for axe to report", async () => {
    const { page, close } = await openExplore(`?nhom=nguoi-dan&cau=${rowQuestion}&cheo=${columnQuestion}`);
    try {
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await close();
    }
  });
});
