// Issue 25: the site of a province's 235 units, issued by its Sở Nội vụ with no district, made by the
// project's own generator (--issuer province), through the
// whole build (validation, data, Astro) into a folder of its own, served under the base path and
// read in Chromium at a 390 px phone: the pages readers open most never scroll sideways, pass axe,
// log no error and ask nothing of another server; the home page summarises (at most 15,000 px
// tall, where listing every unit made it 31,274) and publishes only what it needs; it names the
// Sở and never the district of the committed data.
import { spawnSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { parseHTML } from "linkedom";
import Papa from "papaparse";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatInt, formatPct } from "../../pipeline/rules/format.ts";
import { issuerWords } from "../../pipeline/rules/issuer.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { launchChromium } from "../support/chromium.ts";
import { startStaticServer, type StaticServer } from "../support/server.ts";
import { buildOtherData } from "./build.ts";
import { openWatchedPage } from "./harness.ts";
import { BASE_PATH } from "./paths.ts";

const units = 235;
const phone = { width: 390, height: 844 };

let scratch: string;
let site: string;
let validation: ReturnType<typeof spawnSync>;
let build: ReturnType<typeof buildOtherData>;
let server: StaticServer | undefined;
let browser: Browser | undefined;
let results: Record<string, string>[] = [];

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "cchc-province-"));
  const data = join(scratch, "data");
  const generated = spawnSync(
    process.execPath,
    [
      "pipeline/cli.ts",
      "sample",
      "--seed",
      "2023",
      "--communes",
      String(units),
      "--issuer",
      "province",
      "--out",
      join(data, "2023"),
    ],
    { encoding: "utf8" },
  );
  if (generated.status !== 0) throw new Error(`generator: ${generated.stderr}`);
  validation = spawnSync(process.execPath, ["pipeline/cli.ts", "validate", "--data", join(data, "2023")], {
    encoding: "utf8",
  });
  build = buildOtherData(data, scratch);
  site = join(scratch, "site");
  if (build.status !== 0) return;
  results = Papa.parse<Record<string, string>>(
    readFileSync(join(scratch, "published", "2023", "results.csv"), "utf8").replace(/^\uFEFF/, ""),
    { header: true, skipEmptyLines: true },
  ).data;
  server = await startStaticServer(site, BASE_PATH);
  browser = await launchChromium();
}, 1_800_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await rm(scratch, { recursive: true, force: true });
});

const url = (path: string) => new URL(path.replace(/^\//, ""), server?.url).href;

/** The pages of the issue: home, the full ranking, a unit, a domain, the comparison, the bulletin. */
function pages(): string[] {
  const byRank = [...results].sort((a, b) => Number(a.rank) - Number(b.rank));
  const first = byRank[0]?.commune_name ?? "";
  const pair = [byRank[1], byRank.at(-1)].map((row) => row?.commune_code).join(",");
  return ["/", "/xa/", `/xa/${communeSlug(first)}/`, "/linh-vuc/1/", `/so-sanh/?xa=${pair}`, "/ban-tin/"];
}

describe(`a province's ${units} units`, () => {
  it("validate and build", () => {
    expect(validation.status, String(validation.stdout)).toBe(0);
    expect(build.status, `${build.stdout}${build.stderr}`.slice(-2000)).toBe(0);
    expect(results).toHaveLength(units);
  });

  it("publish a home page and a comparison page that carry no unit's details they do not show", () => {
    const size = (path: string) => statSync(join(site, path, "index.html")).size;
    // Listing every unit made them 689 KB and 535 KB.
    expect(size("")).toBeLessThan(120_000);
    expect(size("so-sanh")).toBeLessThan(120_000);
  });

  it("have a home page at most 15,000 px tall at 390 px, naming the Sở and never Ninh Giang", async () => {
    if (!browser) throw new Error("no build");
    const { page, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
    await page.goto(url("/"), { waitUntil: "load" });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    const text = (await page.textContent("body")) ?? "";
    await close();
    const manifest = JSON.parse(
      readFileSync(join(scratch, "published", "2023", "dataset.json"), "utf8"),
    ) as DatasetManifest;
    expect(manifest.district).toBeUndefined();
    expect(height).toBeLessThanOrEqual(15_000);
    expect(text).toContain(issuerWords(manifest).office);
    expect(text).toMatch(/Sở Nội vụ/);
    expect(text).not.toContain("Ninh Giang");
  });

  it("say the province's own words: never a district's in the navigation, the bulletin's sources or the panels", () => {
    const documentOf = (path: string) =>
      parseHTML(readFileSync(join(site, path, "index.html"), "utf8")).document;
    const nav = documentOf("").querySelector('nav[aria-label="Điều hướng chính"]')?.textContent ?? "";
    expect(nav).toContain("Xếp hạng các xã, phường");
    expect(nav).not.toMatch(/huyện/iu);
    const sources = [...documentOf("ban-tin").querySelectorAll(".bulletin a")]
      .map((link) => link.textContent)
      .filter((text) => text.startsWith("Nguồn:"));
    expect(sources).toContain("Nguồn: Trang chủ: xếp hạng các xã, phường, đặc khu");
    expect(sources.join(" ")).not.toMatch(/huyện|thị trấn/iu);
    const first = [...results].sort((a, b) => Number(a.rank) - Number(b.rank))[0]?.commune_name ?? "";
    // The panels' headings and table captions (criteria names are the data's own words).
    const panels = [...documentOf(`xa/${communeSlug(first)}`).querySelectorAll("h3, caption")]
      .map((element) => element.textContent)
      .filter((text) => text.startsWith("Đánh giá của"));
    expect(panels.join(" ")).toContain("Đánh giá của cán bộ, lãnh đạo tỉnh");
    expect(panels.join(" ")).not.toMatch(/huyện/iu);
  });

  it("show each group's published average on a unit's page, the bulletin and the ranking's group filter", async () => {
    if (!browser) throw new Error("no build");
    const manifest = JSON.parse(readFileSync(join(scratch, "published", "2023", "dataset.json"), "utf8")) as {
      group_summary?: { group: string; communes: number; index_pct: number }[];
    };
    const first = [...results].sort((a, b) => Number(a.rank) - Number(b.rank))[0];
    const group = manifest.group_summary?.find((g) => g.group === first?.unit_group);
    if (!group || !first) throw new Error("the generated province has groups");
    const average = `Chỉ số bình quân của ${group.group} (${formatInt(group.communes)} đơn vị): ${formatPct(group.index_pct)}`;
    const unit = readFileSync(join(site, "xa", communeSlug(first.commune_name ?? ""), "index.html"), "utf8");
    expect(unit).toContain(average);
    const bulletin = readFileSync(join(site, "ban-tin", "index.html"), "utf8");
    expect(bulletin).toContain(
      `${group.group} có ${formatInt(group.communes)} đơn vị, chỉ số bình quân ${formatPct(group.index_pct)}:`,
    );
    const { page, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
    await page.goto(url("/xa/"), { waitUntil: "load" });
    await page.selectOption('select[name="nhom"]', group.group);
    const status = (await page.textContent("[data-ranking-count]")) ?? "";
    await close();
    expect(status).toContain(average);
  });

  it("find a unit from the home page's search box", async () => {
    if (!browser) throw new Error("no build");
    const last = [...results].sort((a, b) => Number(b.rank) - Number(a.rank))[0]?.commune_name ?? "";
    const { page, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
    await page.goto(url("/"), { waitUntil: "load" });
    await page.fill("#tim-xa-ten", last);
    const found = await page.locator(".finder-list a").allTextContents();
    await close();
    expect(found).toContain(last);
    expect(found.length).toBeLessThanOrEqual(10);
  });

  it("answer a comparison, fetching the domain rates it shows", async () => {
    if (!browser) throw new Error("no build");
    const { page, problems, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
    await page.goto(url(pages()[4] ?? ""), { waitUntil: "load" });
    await page.waitForSelector("#compare-domains-chart svg");
    const rows = await page.locator("#compare-domains-table tbody tr").count();
    await close();
    expect(problems.failedRequests).toEqual([]);
    expect(rows).toBeGreaterThan(0);
  });

  it("compare a unit with another through a search box, not a list of every other unit on every unit page", async () => {
    if (!browser) throw new Error("no build");
    const byRank = [...results].sort((a, b) => Number(a.rank) - Number(b.rank));
    const [own, other] = [byRank[0]?.commune_name ?? "", byRank.at(-1)?.commune_name ?? ""];
    const path = `/xa/${communeSlug(own)}/`;
    const html = readFileSync(join(site, "xa", communeSlug(own), "index.html"), "utf8");
    const unitPage = parseHTML(html).document;
    // A list of the 234 others on each of 235 pages grew the unit pages with the square of the units.
    const comparison = unitPage.querySelector('[data-interactive-chart="commune-domains"]');
    expect(comparison?.querySelectorAll("select, option").length).toBe(0);
    expect(comparison?.querySelector("[data-comparison-search] input[role=combobox]")?.id).toBeTruthy();
    const { page, problems, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
    await page.goto(url(path), { waitUntil: "load" });
    const input = page.locator("[data-comparison-search] input[role=combobox]").first();
    await input.fill(other.replace(/^(Xã|Phường|Đặc khu) /u, ""));
    await page.locator(`[data-comparison-search] [role=option]`, { hasText: other }).first().click();
    const title = page.locator(".interactive-chart .chart-title").first();
    await title.filter({ hasText: other }).waitFor();
    const shown = (await title.textContent()) ?? "";
    const chosen = await page.locator("[data-comparison-search] .combobox-chosen button").allTextContents();
    await close();
    expect(problems.failedRequests).toEqual([]);
    expect(shown).toContain(own);
    expect(chosen).toEqual([other]);
  });

  it("pages readers open most: no sideways scroll at 390 px, no console error, no request elsewhere, no axe violation", async () => {
    if (!browser) throw new Error("no build");
    const found: Record<string, string[]> = {};
    for (const path of pages()) {
      const { page, problems, close } = await openWatchedPage(browser, { viewport: phone }, server?.url);
      await page.goto(url(path), { waitUntil: "load" });
      if (path.startsWith("/so-sanh/")) await page.waitForSelector("#compare-domains-chart svg");
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      const violations = (await new AxeBuilder({ page }).analyze()).violations.map(
        (violation) =>
          `axe ${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
      );
      await close();
      found[path] = [
        ...(width > phone.width ? [`${width} px wide`] : []),
        ...violations,
        ...problems.consoleErrors,
        ...problems.externalRequests.map((request) => `external: ${request}`),
        ...problems.failedRequests,
      ];
    }
    expect(found).toEqual(Object.fromEntries(pages().map((path) => [path, []])));
  }, 600_000);
});
