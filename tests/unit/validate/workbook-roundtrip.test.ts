// A year entered in one Excel workbook publishes exactly what its CSV files publish: the workbook an
// editor would make by hand (sheets named like the files, contract headers and codes, numbers typed
// as numbers) and the filled template (Vietnamese sheet titles, headers and labels) both compute to
// byte-identical tables; only the manifest's record of the input files (their hashes and sizes) differs.
import ExcelJS from "exceljs";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../pipeline/commands/compute.ts";
import { inputFiles } from "../../../pipeline/model.ts";
import { rowSchemas, yearWorkbook } from "../../../pipeline/template/index.ts";
import type { CsvFileName } from "../../../pipeline/validate/index.ts";
import { captureOutput } from "../publish/capture-output.ts";

const repo = resolve(import.meta.dirname, "../../..");
const year2023 = join(repo, "data", "2023");
const year2022 = join(repo, "data", "2022");
const epoch = "1704067200";

let scratch: string;
const outputs = new Map<string, Map<string, Buffer>>();

async function compute(data: string, out: string): Promise<Map<string, Buffer>> {
  const saved = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = epoch;
  try {
    const { exitCode, printed } = await captureOutput(() =>
      run(["--data", data, "--out", out, "--previous", year2022]),
    );
    if (exitCode !== 0) throw new Error(`compute exited with ${exitCode}:\n${printed}`);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(out)).sort()) files.set(name, await readFile(join(out, name)));
  return files;
}

/** The workbook an editor makes by pasting each CSV file into a sheet of the same name. */
async function plainWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const manifest = JSON.parse(await readFile(join(year2023, "dataset.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const dataset = workbook.addWorksheet("dataset");
  dataset.addRow(["field", "value"]);
  for (const [field, value] of Object.entries(manifest)) {
    // Numbers typed as numbers, text as text, lists as JSON.
    dataset.addRow([
      field,
      typeof value === "string" || typeof value === "number" ? value : JSON.stringify(value),
    ]);
  }
  for (const file of inputFiles.filter((f): f is CsvFileName => f.endsWith(".csv"))) {
    const text = await readFile(join(year2023, file), "utf8");
    const [header, ...rows] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data as string[][];
    const shape = rowSchemas[file].shape as Record<
      string,
      { safeParse(v: string): { success: boolean; data?: unknown } }
    >;
    const numeric = (header ?? []).map((column) => typeof shape[column]?.safeParse("1").data === "number");
    const sheet = workbook.addWorksheet(file.replace(/\.csv$/, ""));
    sheet.addRow(header);
    for (const row of rows)
      sheet.addRow(row.map((cell, i) => (numeric[i] && cell !== "" ? Number(cell) : cell)));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The manifest with the input files' hashes and sizes left out. */
function withoutInputHashes(bytes: Buffer): unknown {
  const manifest = JSON.parse(bytes.toString("utf8")) as { inputs: { sha256?: string; bytes?: number }[] };
  for (const input of manifest.inputs) {
    delete input.sha256;
    delete input.bytes;
  }
  return manifest;
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "workbook-"));
  outputs.set("csv", await compute(year2023, join(scratch, "out-csv")));

  const plain = join(scratch, "plain.xlsx");
  await writeFile(plain, await plainWorkbook());
  outputs.set("plain", await compute(plain, join(scratch, "out-plain")));

  const made = await yearWorkbook(year2023, { filled: true, buildTime: new Date(Number(epoch) * 1000) });
  if (!("bytes" in made)) throw new Error(JSON.stringify(made.problems));
  // Committed the way a year may be: data/<year>/<name>.xlsx, the manifest inside the workbook.
  const folder = join(scratch, "data", "2023");
  await mkdir(folder, { recursive: true });
  await writeFile(join(folder, "du-lieu-2023.xlsx"), made.bytes);
  outputs.set("template", await compute(folder, join(scratch, "out-template")));
}, 240_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("a year entered in a workbook", () => {
  it.each(["plain", "template"])(
    "%s workbook: every published file is byte-identical to the CSV folder's",
    (kind) => {
      const csv = outputs.get("csv") as Map<string, Buffer>;
      const workbook = outputs.get(kind) as Map<string, Buffer>;
      expect([...workbook.keys()]).toEqual([...csv.keys()]);
      expect(csv.size).toBeGreaterThan(10);
      for (const [name, bytes] of csv) {
        if (name === "dataset.json") continue;
        expect(workbook.get(name)?.equals(bytes), name).toBe(true);
      }
    },
  );

  it.each(["plain", "template"])(
    "%s workbook: the manifest differs only in the inputs' hashes and sizes",
    (kind) => {
      const csv = outputs.get("csv")?.get("dataset.json") as Buffer;
      const workbook = outputs.get(kind)?.get("dataset.json") as Buffer;
      expect(workbook.equals(csv)).toBe(false);
      expect(withoutInputHashes(workbook)).toEqual(withoutInputHashes(csv));
    },
  );
});
