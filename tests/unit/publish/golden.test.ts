// Golden test, a regression guard: the committed sample data/2023 (with data/2022 as the previous
// year) gives exactly the committed tables under tests/golden/expected/2023/ — every CSV and the
// manifest, whose sha256 of the Parquet files and the workbook pins those bytes too. It says that
// nothing changed, not that the figures are right: tests/unit/reference/sql-check.test.ts
// checks those against an independent computation. On a mismatch the new output is written beside
// the expected folder, to tests/golden/expected/2023-changed/ (git ignores it), and the test fails;
// there is no switch that accepts it. A reviewer who judges the change right replaces the folder
// by hand, and the diff of the commit shows what changed.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../pipeline/commands/compute.ts";
import { publishedTableNames } from "../../../pipeline/publish/columns.ts";
import { captureOutput } from "./capture-output.ts";

const repo = resolve(import.meta.dirname, "../../..");
const sampleYear = join(repo, "data", "2023");
const expectedFolder = join(repo, "tests", "golden", "expected", "2023");
const changedFolder = join(repo, "tests", "golden", "expected", "2023-changed");
/** A fixed build time (2024-01-01T00:00:00Z), as CI would pass the commit's through SOURCE_DATE_EPOCH. */
const goldenEpoch = "1704067200";

let scratch: string;
const outputs: Map<string, Buffer>[] = [];

async function folderFiles(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of (await readdir(folder)).sort()) files.set(name, await readFile(join(folder, name)));
  return files;
}

/** Runs `npm run compute -- --data data/2023 --out <out>` in-process, at the fixed build time. */
async function compute(out: string): Promise<Map<string, Buffer>> {
  const saved = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = goldenEpoch;
  try {
    const { exitCode, printed } = await captureOutput(() => run(["--data", sampleYear, "--out", out]));
    if (exitCode !== 0) throw new Error(`compute exited with ${exitCode}:\n${printed}`);
  } finally {
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  return folderFiles(out);
}

const isGoldenFile = (name: string) => name.endsWith(".csv") || name === "dataset.json";

/** Where two texts first differ, as a line a reviewer can read. */
function firstDifference(file: string, expected: string, actual: string): string {
  const lineEnd = file.endsWith(".csv") ? "\r\n" : "\n";
  const expectedLines = expected.split(lineEnd);
  const actualLines = actual.split(lineEnd);
  const line = expectedLines.findIndex((text, index) => text !== actualLines[index]);
  const at = line === -1 ? expectedLines.length : line;
  return (
    `${file}: ${expectedLines.length} → ${actualLines.length} lines; first difference at line ${at + 1}:\n` +
    `  expected: ${expectedLines[at] ?? "(end of file)"}\n  actual:   ${actualLines[at] ?? "(end of file)"}`
  );
}

async function writeFolder(folder: string, files: Map<string, Buffer>): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder, { recursive: true });
  for (const [name, bytes] of files) await writeFile(join(folder, name), bytes);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "golden-"));
  outputs.push(await compute(join(scratch, "first")));
  outputs.push(await compute(join(scratch, "second")));
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("golden: the committed 2023 sample", () => {
  it("gives exactly the committed expected tables and manifest", async () => {
    const actual = new Map([...outputs[0]!].filter(([name]) => isGoldenFile(name)));
    const expected = await folderFiles(expectedFolder).catch(() => new Map<string, Buffer>());
    const names = [...new Set([...expected.keys(), ...actual.keys()])].sort();
    const differences = names.flatMap((name) => {
      const want = expected.get(name);
      const got = actual.get(name);
      if (want === undefined) return [`${name}: new file, not in the expected folder`];
      if (got === undefined) return [`${name}: expected but not written`];
      return want.equals(got) ? [] : [firstDifference(name, want.toString("utf8"), got.toString("utf8"))];
    });
    await rm(changedFolder, { recursive: true, force: true });
    if (differences.length > 0) {
      await writeFolder(changedFolder, actual);
      expect.fail(
        `${differences.length} file(s) differ from tests/golden/expected/2023/; the new output is in ` +
          `tests/golden/expected/2023-changed/ (if the change is right, replace the expected folder ` +
          `with it: rm -r tests/golden/expected/2023 && mv tests/golden/expected/2023-changed ` +
          `tests/golden/expected/2023):\n${differences.join("\n")}`,
      );
    }
  });

  it("publishes all 20 communes with their change against 2022", () => {
    const csv = outputs[0]!.get("results.csv")!.toString("utf8");
    const [header, ...rows] = csv.slice(1).trimEnd().split("\r\n");
    expect(rows).toHaveLength(20);
    const changeColumn = header!.split(",").indexOf("index_change");
    // Commune names hold no commas, so splitting the line is safe here; every change is filled.
    expect(rows.every((row) => row.split(",")[changeColumn] !== "")).toBe(true);
  });

  it("is byte-identical on a second run, Parquet, XLSX and the DOCX report included", () => {
    const [first, second] = outputs as [Map<string, Buffer>, Map<string, Buffer>];
    expect([...second.keys()]).toEqual([...first.keys()]);
    // Every table as CSV and Parquet, the workbook, the two data-entry workbooks, the report, the
    // manifest and the sample notice.
    expect(first.size).toBe(publishedTableNames.length * 2 + 6);
    for (const [name, bytes] of first) expect(second.get(name)?.equals(bytes), name).toBe(true);
  });
});
