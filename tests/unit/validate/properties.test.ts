// Whatever bytes an editor's tools produce, reading and validation answer with problems, never a
// crash, and the year's data are handed on exactly when there is no error.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../../pipeline/messages.ts";
import { inputFiles, type InputFileName } from "../../../pipeline/model.ts";
import { readCsv } from "../../../pipeline/read/csv.ts";
import { validTexts, validate, withFiles } from "./fixture.ts";

const csvFiles = inputFiles.filter((f) => f.endsWith(".csv"));
const texts = validTexts();

/** Characters that matter to the reader: separators, quotes, line ends, BOM, NUL, Vietnamese, Latin-1. */
const trickyChar = fc.constantFrom(
  ",",
  ";",
  "\t",
  '"',
  "\n",
  "\r",
  "\uFEFF",
  "\u0000",
  "ã",
  "ư",
  "\u0301",
  "ø",
  "§",
  "=",
  "-",
  " ",
  "0",
  "9",
  ".",
  "A",
  "x",
);
const trickyText = fc.array(trickyChar, { maxLength: 12 }).map((cs) => cs.join(""));

const mutation = fc.oneof(
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: trickyText }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
  fc.record({ kind: fc.constant("duplicateLine" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("dropLine" as const), at: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  const lines = text.split("\n");
  const line = m.at % lines.length;
  switch (m.kind) {
    case "insert":
      return text.slice(0, at) + m.text + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "duplicateLine":
      return [...lines.slice(0, line + 1), ...lines.slice(line)].join("\n");
    case "dropLine":
      return lines.filter((_, i) => i !== line).join("\n");
  }
}

describe("never a crash", () => {
  it("random bytes through the CSV reader: a table of whole rows after its header, or an error", () => {
    // Random bytes alone almost never hold a header; half the runs put a valid one first, so that
    // both outcomes are exercised (counted below) and neither assertion holds vacuously.
    const header = new TextEncoder().encode("code,name,type,survey_quota\n");
    const outcomes = { table: 0, none: 0 };
    fc.assert(
      fc.property(fc.boolean(), fc.uint8Array({ maxLength: 400 }), (withHeader, bytes) => {
        const read = readCsv(withHeader ? new Uint8Array([...header, ...bytes]) : bytes, {
          file: "communes.csv",
          required: ["code", "name", "type", "survey_quota"],
        });
        for (const p of read.problems) expect(p.code in catalogue).toBe(true);
        if (read.table === null) {
          outcomes.none++;
          expect(read.problems.some((p) => p.severity === "error")).toBe(true);
        } else {
          outcomes.table++;
          const { header: columns, headerLine, rows } = read.table;
          expect(rows.every((row) => row.cells.length === columns.length)).toBe(true);
          expect(rows.every((row, i) => row.line > (i === 0 ? headerLine : rows[i - 1]!.line))).toBe(true);
        }
      }),
      { seed: 20231, numRuns: 500 },
    );
    expect(outcomes.table).toBeGreaterThan(50);
    expect(outcomes.none).toBeGreaterThan(50);
  });

  it("random bytes as any input file of a year", () => {
    fc.assert(
      fc.property(fc.constantFrom(...inputFiles), fc.uint8Array({ maxLength: 300 }), (file, bytes) => {
        const result = validate(withFiles({ [file]: bytes }));
        expect(result.data).toBeNull();
      }),
      { seed: 20232, numRuns: 100 },
    );
  });

  it("random edits of a valid year: problems from the catalogue, data iff no error", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...csvFiles),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (file: InputFileName, edits) => {
          const text = edits.reduce(mutate, texts[file]);
          const result = validate(withFiles({ [file]: text }));
          const lineCount = text.split(/\r\n|\r|\n/).length;
          for (const p of result.problems) {
            expect(p.code in catalogue).toBe(true);
            if (p.file === file) expect(p.line === null || (p.line >= 1 && p.line <= lineCount)).toBe(true);
            expect(p.message_vi.length).toBeGreaterThan(0);
          }
          const hasError = result.problems.some((p) => p.severity === "error");
          expect(result.data === null).toBe(hasError);
        },
      ),
      { seed: 20233, numRuns: 150 },
    );
  });
});
