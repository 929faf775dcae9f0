// A workbook's sheets are read row by row, never held whole: Excel's 1,048,576 rows of a survey
// sheet once took over 2 GB to validate. Guarded here at a size a unit test affords: the peak
// memory a validation adds per citizens' form, from 1,189 to 51,189 forms, each in its own
// process (tests/support/peak-memory.ts), with workbooks written by tools/bench/big-workbook.ts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const node = join(root, "node_modules/.bin/node");
const folder = mkdtempSync(join(tmpdir(), "workbook-memory-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

function run(args: string[]): string {
  const done = spawnSync(node, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 20 });
  if (done.status !== 0) throw new Error(`${args.join(" ")}: ${done.stderr}`);
  return done.stdout;
}

/** The peak resident memory of validating the sample year with its citizens' sheet at `rows` rows. */
function peak(rows: number): { errors: number; rows: number; peakBytes: number } {
  const file = join(folder, `${rows}.xlsx`);
  run(["tools/bench/big-workbook.ts", "--data", "data/2023", "--out", file, "--rows", String(rows)]);
  return JSON.parse(run(["tests/support/peak-memory.ts", file])) as ReturnType<typeof peak>;
}

describe("a workbook's rows are validated as they are read", () => {
  it("a form adds well under 1.2 KB to the peak (the rows held as objects took 1.9 KB)", () => {
    // 1,190 and 51,190 rows: the sample's 1,189 forms, then 50,000 more under new ids.
    const small = peak(1190);
    const large = peak(51_190);
    expect(small.errors).toBe(0);
    expect(large.errors).toBe(0);
    expect(large.rows - small.rows).toBe(50_000);
    const perForm = (large.peakBytes - small.peakBytes) / 50_000;
    expect(perForm).toBeLessThan(1200);
  }, 120_000);
});
