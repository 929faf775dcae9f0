// While the data are a sample, every file a reader can take away says so: each file under the
// published data folder (the workbook inside, the CSV and Parquet tables by the README beside
// them, the manifest by its status), every chart download (SVG text; the PNG the browser makes
// from it, the notice band) and every share image. Each file is opened, none assumed.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { parseHTML } from "linkedom";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleNotice, sampleReadmeFile } from "../../pipeline/publish/sample-notice.ts";
import { sheetWords } from "../../schemas/workbook.ts";
import { E2E_OUT_DIR, latestPublishedYear, openWatchedPage, pageUrl } from "./harness.ts";
import { launchChromium } from "../support/chromium.ts";

const year = latestPublishedYear();
const manifest = JSON.parse(
  readFileSync(join(E2E_OUT_DIR, "data", String(year), "dataset.json"), "utf8"),
) as {
  status: string;
};

function files(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    return entry.isDirectory() ? files(path) : [path];
  });
}

/** Per image URL, whether rows near its bottom hold the notice band's colour (#fff3cd). */
function noticeBands(page: Page, urls: string[]): Promise<Record<string, boolean>> {
  return page.evaluate(async (urls) => {
    const found: Record<string, boolean> = {};
    for (const url of urls) {
      const image = new Image();
      image.src = url;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext("2d");
      if (!context) throw new Error("no canvas");
      context.drawImage(image, 0, 0);
      const top = Math.floor(image.naturalHeight * 0.6);
      const { data } = context.getImageData(0, top, 8, image.naturalHeight - top);
      let band = false;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i] === 0xff && data[i + 1] === 0xf3 && data[i + 2] === 0xcd) band = true;
      }
      found[url] = band;
    }
    return found;
  }, urls);
}

/** Why a published data file carries the notice, or null when it does not. */
function noticeOf(file: string): string | null {
  const bytes = readFileSync(file);
  if (file.endsWith(".xlsx")) {
    const entries = unzipSync(bytes);
    const sheets = Object.keys(entries).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name));
    const workbook = strFromU8(entries["xl/workbook.xml"] ?? new Uint8Array());
    const all = sheets.every((name) => strFromU8(entries[name] as Uint8Array).includes(sampleNotice));
    // A data-entry workbook reads back as inputs, so no notice row: its general-information form
    // holds the year's status ("Minh họa") and notes, which say "Dữ liệu minh họa".
    const text = [entries["xl/sharedStrings.xml"], ...sheets.map((name) => entries[name])]
      .map((part) => strFromU8(part ?? new Uint8Array()))
      .join("");
    const sample = sheetWords.dataset?.values?.status?.sample ?? "sample";
    if (workbook.includes(`name="${sheetWords.dataset?.title}"`))
      return new RegExp(`<(v|t)>${sample}</(v|t)>`).test(text) && text.includes("Dữ liệu minh họa")
        ? "status and notes in its general sheet"
        : null;
    return workbook.includes('name="Ghi chú"') && sheets.length > 1 && all
      ? "notes sheet and every sheet"
      : null;
  }
  if (file.endsWith(".csv") || file.endsWith(".parquet")) {
    const readme = join(dirname(file), sampleReadmeFile);
    return readFileSync(readme, "utf8").includes(sampleNotice) ? "README beside it" : null;
  }
  if (file.endsWith(".json")) {
    const json = JSON.parse(bytes.toString("utf8")) as { status?: string; notes?: string };
    return json.status === "sample" && (json.notes ?? "").includes("minh họa") ? "status and notes" : null;
  }
  if (file.endsWith(".docx")) {
    // The draft report: the notice in the header of every section.
    const entries = unzipSync(bytes);
    const headers = Object.keys(entries).filter((name) => /^word\/header\d+\.xml$/.test(name));
    return headers.length > 0 &&
      headers.every((name) => strFromU8(entries[name] as Uint8Array).includes(sampleNotice))
      ? "header of every page"
      : null;
  }
  if (file.endsWith(".txt")) return bytes.toString("utf8").includes(sampleNotice) ? "its text" : null;
  return null;
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe("sample marking travels with the files", () => {
  it("the e2e build is of sample data (else this test would prove nothing)", () => {
    expect(manifest.status).toBe("sample");
  });

  it("every file under the published data folder carries the notice", () => {
    const published = files(join(E2E_OUT_DIR, "data"));
    expect(published.some((file) => file.endsWith(".xlsx"))).toBe(true);
    expect(published.some((file) => file.endsWith(".parquet"))).toBe(true);
    const unmarked = published
      .filter((file) => noticeOf(file) === null)
      .map((file) => relative(E2E_OUT_DIR, file));
    expect(unmarked).toEqual([]);
  });

  it("every data download link of the site saves under a name marked minh-hoa", () => {
    const pages = [
      "du-lieu/index.html",
      ...readdirSync(join(E2E_OUT_DIR, "xa"), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => `xa/${entry.name}/index.html`),
    ];
    let links = 0;
    for (const path of pages) {
      const { document } = parseHTML(readFileSync(join(E2E_OUT_DIR, path), "utf8"));
      for (const link of document.querySelectorAll("a[download]")) {
        if (!/\.(csv|parquet|xlsx|json)$/.test(link.getAttribute("href") ?? "")) continue;
        links += 1;
        expect(link.getAttribute("download"), `${path}: ${link.getAttribute("href")}`).toMatch(
          /minh-hoa\.\w+$/,
        );
      }
    }
    expect(links).toBeGreaterThan(20);
  });

  it("every chart SVG download carries the notice, its title and its source", () => {
    const svgs = files(join(E2E_OUT_DIR, "bieu-do")).filter((file) => file.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThan(40);
    for (const file of svgs) {
      const svg = readFileSync(file, "utf8");
      expect(svg, file).toContain(sampleNotice);
      expect(svg, file).toContain("Nguồn: UBND huyện");
      expect(svg, file).toMatch(/phiên bản \d+\.\d+\.\d+/);
    }
  });

  it("no chart PNG is built: every PNG file is a share image, and each shows the notice band", async () => {
    const images = files(E2E_OUT_DIR)
      .filter((file) => file.endsWith(".png"))
      .map((file) => `/${relative(E2E_OUT_DIR, file)}`);
    expect(images.filter((path) => !path.startsWith("/og/") && path !== "/anh-chia-se.png")).toEqual([]);
    expect(images.filter((path) => path.startsWith("/og/")).length).toBeGreaterThan(0);
    expect(images).toContain("/anh-chia-se.png");
    const { page, close } = await openWatchedPage(browser);
    try {
      await page.goto(pageUrl("/"));
      const banded = await noticeBands(
        page,
        images.map((path) => pageUrl(path)),
      );
      expect(
        Object.entries(banded)
          .filter(([, band]) => !band)
          .map(([url]) => url),
      ).toEqual([]);
    } finally {
      await close();
    }
  });

  it("a chart's PNG is made in the browser from its SVG when tapped: twice its size, with the notice band", async () => {
    const slug = readdirSync(join(E2E_OUT_DIR, "xa"), { withFileTypes: true }).find((entry) =>
      entry.isDirectory(),
    )?.name;
    const { page, problems, close } = await openWatchedPage(browser, { acceptDownloads: true });
    try {
      await page.goto(pageUrl(`/xa/${slug}/`));
      const link = page.locator("a[data-png-from]").first();
      await link.scrollIntoViewIfNeeded();
      const id = ((await link.getAttribute("download")) ?? "").replace(/\.png$/, "");
      const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
      expect(download.suggestedFilename()).toBe(`${id}.png`);
      const png = readFileSync((await download.path()) as string);
      expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
      const svg = readFileSync(join(E2E_OUT_DIR, "bieu-do", `${id}.svg`), "utf8");
      const size = /<svg[^>]*\sviewBox="0 0 (\d+) (\d+)"/.exec(svg);
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
        2 * Number(size?.[1]),
        2 * Number(size?.[2]),
      ]);
      const url = `data:image/png;base64,${png.toString("base64")}`;
      expect(await noticeBands(page, [url])).toEqual({ [url]: true });
      expect(problems.consoleErrors).toEqual([]);
    } finally {
      await close();
    }
  });
});
