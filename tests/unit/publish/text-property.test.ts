// Issue 24: validation is the gate for every text the build writes. Random Unicode (controls, bidi
// marks, combining marks, emoji, markup, half surrogates, noncharacters, texts at their limit and of
// 10,000 characters) goes into every text field of the contract, each case a new text for each
// field; then either validation refuses the field, with an error naming it, or the year is
// published (CSV, Parquet, XLSX, the .docx report) and drawn (every chart's SVG, its framed download
// and PNG, the Atom feed) and every XML part parses with a strict XML parser.
//
// TEXT_PROPERTY_RUNS sets the number of cases (default 200: each field gets 200 texts), of which
// one in TEXT_PROPERTY_HEAVY_EVERY (default 4) also writes the XLSX workbook and the .docx report,
// draws the charts at the phone's width too and renders PNGs, which take most of the time; TEXT_PROPERTY_SEED the seed. A longer run: TEXT_PROPERTY_RUNS=2000 npx vitest run --project unit
// tests/unit/publish/text-property.test.ts (docs/quality.md#tests).
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import type { InputFileName } from "../../../pipeline/model.ts";
import { publishedTableNames } from "../../../pipeline/publish/columns.ts";
import { tableCsv } from "../../../pipeline/publish/csv.ts";
import { manifestJson, publishedManifest } from "../../../pipeline/publish/manifest.ts";
import { reportDocx } from "../../../pipeline/publish/report/index.ts";
import { tablesXlsx } from "../../../pipeline/publish/xlsx.ts";
import { communeSlug } from "../../../pipeline/rules/slug.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { validateFiles } from "../../../pipeline/validate/index.ts";
import { buildDocument } from "../../../site/charts/build-document.ts";
import { DESKTOP_WIDTH, PHONE_WIDTH, type Chart } from "../../../site/charts/chart.ts";
import { communeDomainsChart } from "../../../site/charts/commune-domains.ts";
import { distributionChart } from "../../../site/charts/distribution.ts";
import { downloadSvg } from "../../../site/charts/download.ts";
import { svgToPng } from "../../../site/charts/png.ts";
import { rankingChart } from "../../../site/charts/ranking.ts";
import { satisfactionChart } from "../../../site/charts/satisfaction.ts";
import { loadYear } from "../../../site/lib/data.ts";
import { atomFeed } from "../../../site/lib/feed.ts";
import { chartSource, sampleNotice } from "../../../site/lib/portal.ts";
import { issuerWords } from "../../../pipeline/rules/issuer.ts";
import {
  baseTexts,
  fieldName,
  parseXml,
  parseZipXml,
  refusedFields,
  textFields,
  textFor,
  withValues,
  type TextField,
} from "../../support/text-fields.ts";

const runs = Number(process.env.TEXT_PROPERTY_RUNS ?? 200);
const seed = Number(process.env.TEXT_PROPERTY_SEED ?? 24);
/** One case in this many also writes the workbook and the report, draws for phones and renders PNGs. */
const heavyEvery = Number(process.env.TEXT_PROPERTY_HEAVY_EVERY ?? 4);

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "cchc-text-property-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

const encode = (texts: Record<InputFileName, string>) =>
  Object.fromEntries(Object.entries(texts).map(([file, text]) => [file, new TextEncoder().encode(text)]));

/** Every chart the site draws from the year's texts, at the desktop's width (and the phone's), and the framed downloads. */
function drawCharts(year: Awaited<ReturnType<typeof loadYear>>, phone: boolean): string[] {
  const document = buildDocument();
  const drawn: Chart[] = [];
  for (const width of phone ? [DESKTOP_WIDTH, PHONE_WIDTH] : [DESKTOP_WIDTH]) {
    const options = { width, document };
    drawn.push(rankingChart({ year: year.year, results: year.results, bands: year.manifest.bands }, options));
    for (const result of year.results) {
      const slug = communeSlug(result.commune_name);
      const domains = year.domains.filter((row) => row.commune_code === result.commune_code);
      drawn.push(
        communeDomainsChart(
          {
            year: year.year,
            slug,
            communeName: result.commune_name,
            domains,
            averageLabel: issuerWords(year.manifest).averageLabel,
          },
          options,
        ),
      );
      const elements = year.satisfaction.filter((row) => row.commune_code === result.commune_code);
      if (elements.length > 0)
        drawn.push(
          satisfactionChart(
            {
              year: year.year,
              slug,
              communeName: result.commune_name,
              satisfactionPct: result.satisfaction_pct,
              elements,
            },
            options,
          ),
        );
    }
    for (const domainId of new Set(year.domains.map((row) => row.domain_id)))
      drawn.push(
        distributionChart(
          {
            year: year.year,
            domainId,
            rows: year.domains,
            averageLabel: issuerWords(year.manifest).averageLabel,
          },
          options,
        ),
      );
  }
  const caption = { source: chartSource(year.manifest), notice: sampleNotice(year.manifest) };
  return drawn.flatMap((chart) => [chart.svg, downloadSvg(chart, caption)]);
}

describe("what validation accepts, the pipeline and the renderers write as well-formed XML", () => {
  const base = baseTexts();
  const tally = new Map<TextField, { accepted: number; refused: number }>(
    textFields.map((field) => [field, { accepted: 0, refused: 0 }]),
  );
  let published = 0;

  it(`${runs} cases, a random text in each of the ${textFields.length} fields (seed ${seed})`, async () => {
    let n = 0;
    const run = fc.assert(
      fc.asyncProperty(fc.tuple(...textFields.map((field) => textFor(field.kind))), async (texts) => {
        const values = new Map(textFields.map((field, i) => [field, texts[i] as string]));
        // Validate; take out the fields validation refused (each must be named by an error of the
        // text rule or a blank or slug rule), and validate again until the year is accepted.
        let result = validateFiles(encode(withValues(base, values)), 2023, sha256);
        for (let round = 0; result.data === null && round < 3; round++) {
          // A report, never a crash; every message says what to do.
          const errors = result.problems.filter((p) => p.severity === "error");
          for (const p of errors) {
            expect(p.code).not.toBe("unexpected_failure");
            expect(p.message_vi).toMatch(/Cách sửa: \S/);
            expect(p.message_en).toMatch(/Fix: \S/);
          }
          const refused = refusedFields(errors, [...values.keys()]);
          expect(
            refused.size,
            errors.map((p) => `${p.code} ${p.file} ${p.column}`).join("; "),
          ).toBeGreaterThan(0);
          for (const field of refused) {
            values.delete(field);
            tally.get(field)!.refused++;
          }
          result = validateFiles(encode(withValues(base, values)), 2023, sha256);
        }
        expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
        for (const field of values.keys()) tally.get(field)!.accepted++;

        // Publish the year's tables as the build does (CSV, the manifest; Parquet holds no XML), read
        // them back as the site does; every few cases the workbook and the report too, whose XML
        // parts take most of the time.
        const root = join(scratch, String(n));
        const folder = join(root, "2023");
        await mkdir(folder, { recursive: true });
        const data = result.data!;
        const results = computeYear(data, { previous: null, bootstrap: false });
        const buildTime = new Date("2024-03-15T00:00:00Z");
        const publication = {
          manifest: data.manifest,
          inputs: result.inputs,
          problems: result.problems,
          results,
          buildTime,
        };
        for (const table of publishedTableNames)
          await writeFile(join(folder, `${table}.csv`), tableCsv(table, results.tables[table]));
        await writeFile(
          join(folder, "dataset.json"),
          manifestJson(publishedManifest({ ...publication, outputs: [] })),
        );
        const heavy = n++ % heavyEvery === 0;
        if (heavy) {
          parseZipXml(await reportDocx(publication), "report");
          parseZipXml(
            await tablesXlsx(results.tables, { title: data.manifest.title, buildTime, notice: null }),
            "workbook",
          );
        }
        const year = loadYear(2023, root);
        const svgs = drawCharts(year, heavy);
        for (const svg of svgs) parseXml(svg, "chart");
        // resvg, which failed on the vertical tab: the ranking's and the first commune's downloads.
        if (heavy) for (const svg of [svgs[1], svgs[3]]) await svgToPng(svg as string);
        const feed = atomFeed({
          manifests: [year.manifest],
          communeNames: new Map(year.results.map((row) => [row.commune_code, row.commune_name])),
          link: (path) => `https://example.org/chi-so-cchc${path}`,
          archived: () => false,
        });
        parseXml(feed, "feed");
        await rm(root, { recursive: true, force: true });
        published++;
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    // A counterexample holds texts of 10,000 characters: its start and the cause are enough.
    await run.catch((error: unknown) => {
      const shorten = (text: string) =>
        text.length > 4000 ? `${text.slice(0, 2000)}\n…\n${text.slice(-2000)}` : text;
      const { message, cause } = error as Error;
      const why = cause instanceof Error ? cause.message : String(cause);
      throw new Error(`${shorten(message)}\nCaused by: ${shorten(why)}`);
    });
    const report = [...tally].map(
      ([field, t]) => `${fieldName(field)}: ${t.accepted} accepted, ${t.refused} refused`,
    );
    // Both ways are tried for every field: a generator that made only bad or only good texts would prove little.
    for (const [field, t] of tally) {
      expect(t.accepted + t.refused, fieldName(field)).toBeGreaterThanOrEqual(runs);
      expect(t.accepted, report.join("\n")).toBeGreaterThan(runs / 10);
      expect(t.refused, report.join("\n")).toBeGreaterThan(runs / 10);
    }
    expect(published).toBe(runs);
  }, 600_000);
});
