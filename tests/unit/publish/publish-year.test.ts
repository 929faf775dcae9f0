import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { publishedTableNames } from "../../../pipeline/publish/columns.ts";
import { publishYear, type PublishedManifest } from "../../../pipeline/publish/index.ts";
import { reportMaxUnits } from "../../../pipeline/publish/report/index.ts";
import { publication, results } from "./fixture.ts";
import { publishedText } from "./published-text.ts";

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "publish-year-"));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function folderBytes(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) files.set(name, await readFile(join(folder, name)));
  return files;
}

const tableFiles = publishedTableNames.flatMap((table) => [`${table}.csv`, `${table}.parquet`]);

describe("publishing a year", () => {
  it("writes every table as CSV and Parquet, the workbook, the draft report and the manifest", async () => {
    const out = join(parent, "2023");
    await publishYear(out, publication());
    expect((await readdir(out)).sort()).toEqual(
      // Sample data: the notice beside the tables.
      [
        ...tableFiles,
        "chi-so-cchc-2023.xlsx",
        "bao-cao-chi-so-cchc-2023.docx",
        "DOC-TRUOC-minh-hoa.txt",
        "dataset.json",
      ].sort(),
    );
  });

  it("lists every output but itself in the manifest, with the sha256, size and rows on disk", async () => {
    const out = join(parent, "2023");
    await publishYear(out, publication());
    const manifest = JSON.parse(await readFile(join(out, "dataset.json"), "utf8")) as PublishedManifest;
    expect(manifest.outputs.map((output) => output.file)).toEqual([
      ...tableFiles,
      "chi-so-cchc-2023.xlsx",
      "bao-cao-chi-so-cchc-2023.docx",
      "DOC-TRUOC-minh-hoa.txt",
    ]);
    for (const output of manifest.outputs) {
      const bytes = await readFile(join(out, output.file));
      expect(output.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(output.bytes).toBe(bytes.byteLength);
    }
    const rowsOf = (file: string) => manifest.outputs.find((output) => output.file === file)?.rows;
    expect(rowsOf("results.csv")).toBe(2);
    expect(rowsOf("responses.parquet")).toBe(2);
    expect(rowsOf("chi-so-cchc-2023.xlsx")).toBeNull();
  });

  it("records the year's facts, the build time given and the method parameters", async () => {
    const out = join(parent, "2023");
    const manifest = await publishYear(out, publication());
    expect(JSON.parse(await readFile(join(out, "dataset.json"), "utf8"))).toEqual(manifest);
    expect(manifest).toMatchObject({
      year: 2023,
      status: "sample",
      version: "1.0.0",
      published_on: null,
      district: { code: "299", name: "Huyện Ninh Giang" },
      releases: [],
      build_time: "2024-01-15T03:04:05.000Z",
      inputs: [{ file: "dataset.json", sha256: "0".repeat(64), bytes: 812, rows: null }],
      parameters: { bootstrap_seed: 2023, bootstrap_replicates: 1000, previous_year: 2022 },
      survey_design: [{ group: "nguoi_dan", planned: 1200, achieved: 58 }],
    });
  });

  it("publishes warnings without their raw value, and never an error", async () => {
    const manifest = await publishYear(join(parent, "2023"), publication());
    expect(manifest.warnings).toEqual([
      {
        file: "survey-citizens.csv",
        line: 1,
        column: "so_dien_thoai",
        code: "unknown_column",
        message_vi: "Cột không có trong mẫu; không được công bố.",
      },
    ]);
  });

  it("lets no value outside the contract reach any byte: CSV, Parquet, unzipped XLSX and DOCX, manifest", async () => {
    const out = join(parent, "2023");
    await publishYear(out, publication());
    const texts = await publishedText(out);
    // The tables, the workbook, the report, the sample notice and the manifest.
    expect(texts.size).toBe(tableFiles.length + 4);
    for (const [name, text] of texts) {
      for (const canary of ["CANARY", "0987654321", "form_id", "respondent_id"]) {
        expect(text.includes(canary), `${canary} in ${name}`).toBe(false);
      }
    }
    // The scan does see the published values, in every file kind.
    expect(texts.get("responses.parquet")).toContain('"option":"5"');
    expect(texts.get("chi-so-cchc-2023.xlsx")).toContain("Hồng Dụ");
    expect(texts.get("bao-cao-chi-so-cchc-2023.docx")).toContain("Hồng Dụ");
  });

  it("publishes no draft report for more units than a report can hold", async () => {
    const large = publication();
    const first = large.results.tables.results[0]!;
    large.results.tables.results = Array.from({ length: reportMaxUnits + 1 }, (_, i) => ({
      ...first,
      commune_code: String(i).padStart(5, "0"),
    }));
    const manifest = await publishYear(join(parent, "2023"), large);
    const files = manifest.outputs.map((output) => output.file);
    expect(files).toContain("results.csv");
    expect(files).toContain("chi-so-cchc-2023.xlsx");
    expect(files).not.toContain("bao-cao-chi-so-cchc-2023.docx");
    expect(await readdir(join(parent, "2023"))).not.toContain("bao-cao-chi-so-cchc-2023.docx");
  });

  it("gives byte-identical folders for the same inputs", async () => {
    await publishYear(join(parent, "a"), publication());
    await publishYear(join(parent, "b"), publication());
    expect(await folderBytes(join(parent, "b"))).toEqual(await folderBytes(join(parent, "a")));
  });
});

describe("atomic replacement", () => {
  it("replaces a previous output wholesale: a file it no longer writes is gone", async () => {
    const out = join(parent, "2023");
    await publishYear(out, publication());
    await writeFile(join(out, "stale.csv"), "old");
    const changed = publication();
    changed.results.tables.results[0]!.index_pct = 91.49;
    await publishYear(out, changed);
    expect(await readdir(out)).not.toContain("stale.csv");
    expect(await readFile(join(out, "results.csv"), "utf8")).toContain(",91.49,");
    expect(await readdir(parent)).toEqual(["2023"]);
  });

  it("leaves the previous output untouched and no temporary folder when publishing fails midway", async () => {
    const out = join(parent, "2023");
    await publishYear(out, publication());
    const before = await folderBytes(out);
    // The last table is broken: results.csv … survey_options.parquet are written before it fails.
    const broken = publication();
    broken.results.tables.responses.question[1] = 7; // no 8th question in its dictionary
    await expect(publishYear(out, broken)).rejects.toThrow(/responses, row 2, column question_id/);
    expect(await folderBytes(out)).toEqual(before);
    expect(await readdir(parent)).toEqual(["2023"]);
  });

  it("fails cleanly when there was no previous output", async () => {
    const broken = publication();
    broken.results.tables.domains[0]!.pct = Number.NaN;
    await expect(publishYear(join(parent, "2023"), broken)).rejects.toThrow(/domains/);
    expect(await readdir(parent)).toEqual([]);
  });

  it("refuses to replace a folder that is not a previous output", async () => {
    const data = join(parent, "data");
    await mkdir(data);
    await writeFile(join(data, "dataset.json"), JSON.stringify({ year: 2023, title: "đầu vào" }));
    await expect(publishYear(data, publication())).rejects.toMatchObject({
      code: "output_not_previous",
      message: expect.stringContaining("is not the output of an earlier run, so it is not replaced"),
    });
    expect(await readdir(data)).toEqual(["dataset.json"]);
    expect((await readdir(parent)).sort()).toEqual(["data"]);
  });

  it("publishes into an empty existing folder", async () => {
    const out = join(parent, "2023");
    await mkdir(out);
    await publishYear(out, publication());
    expect(await readdir(out)).toContain("results.csv");
  });
});

// Keep the fixture honest: it must carry the canaries this file looks for.
it("fixture plants canaries outside the contract", () => {
  expect(JSON.stringify(results().tables)).toContain("CANARY-RESPONDENT-ID");
  expect(JSON.stringify(publication().problems)).toContain("CANARY-PHONE-0987654321");
});
