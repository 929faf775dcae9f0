import { describe, expect, it } from "vitest";
import { appraisalRow } from "../../schemas/appraisal.ts";
import type { Problem } from "../problem.ts";
import { openCsv, type CsvRow } from "../read/csv.ts";
import { knownColumns, inputColumns } from "./index.ts";
import { quickRows, rowParser, type ParsedRow } from "./rows.ts";

const file = "appraisal.csv";
const header = "commune_code,criterion_id,self_score,appraised_score,note";

/** Each body line of `body`: whether quickRows took it, and the record it made. */
function readQuickly(body: string[], head = header) {
  const bytes = new TextEncoder().encode([head, ...body].join("\n"));
  const opened = openCsv(bytes, { file, ...inputColumns[file] }).opened!;
  const taken: ParsedRow<unknown>[] = [];
  const quick = quickRows(file, opened, appraisalRow, knownColumns(file), (row) => taken.push(row));
  if (quick === null) return null;
  let start = opened.text.indexOf("\n") + 1;
  return body.map((line, i) => {
    const end = start + line.length;
    const took = quick(start, end, i + 2);
    start = end + 1;
    return { took, row: took ? taken.at(-1) : undefined };
  });
}

/** The record the general path gives for these cells (no problem expected). */
function generalRecord(cells: string[], line: number): ParsedRow<unknown> {
  const problems: Problem[] = [];
  const index = new Map(knownColumns(file).map((column, i) => [column, i]));
  const parse = rowParser(file, index, appraisalRow, knownColumns(file), {
    push: (p) => problems.push(p),
    some: () => false,
  });
  const row: CsvRow = { line, cells };
  const parsed = parse(row);
  expect(problems).toEqual([]);
  return parsed;
}

describe("quickRows", () => {
  it("takes a line of cells that pass, quoted note included, as the general path's record", () => {
    const read = readQuickly([
      "11155,1.1.1,1,0.75,",
      '11155,1.1.2,1.5,1.25,"Ghi chú, có dấu phẩy"',
      "11155,1.1.3,2,2,,,",
    ]);
    expect(read?.map((r) => r.took)).toEqual([true, true, true]);
    expect(read?.[0]?.row).toEqual(generalRecord(["11155", "1.1.1", "1", "0.75", ""], 2));
    expect(read?.[1]?.row).toEqual(
      generalRecord(["11155", "1.1.2", "1.5", "1.25", "Ghi chú, có dấu phẩy"], 3),
    );
    expect(read?.[2]?.row).toEqual(generalRecord(["11155", "1.1.3", "2", "2", ""], 4));
  });

  it("leaves every line with something to report, or read otherwise, to the general path", () => {
    const lines = [
      "11155,1.1.1,,1,", // a required cell blank
      "11155,1.1.1,abc,1,", // not a number
      "11155,1.1.1, 1,1,", // a space to trim
      "11155,1.1.1,1,1,=SUM(A1)", // a formula
      "11155\u200B,1.1.1,1,1,", // an invisible character
      "11155,1.1.1,1,1", // a cell short
      "11155,1.1.1,1,1,,x", // a cell too many
      '11155,1.1.1,1,1,"a ""b"""', // a quote written twice
      '11155,1.1.1,1,1,"opened', // a quoted cell not closing on its line
      '11155,1.1.1,1,1,"a"b', // text after the closing quote
      ",,,,", // a blank row
    ];
    expect(readQuickly(lines)?.map((r) => r.took)).toEqual(lines.map(() => false));
  });

  it("is not used when the header is not exactly the schema's columns", () => {
    expect(
      readQuickly(["11155,1.1.1,1,1"], "commune_code,criterion_id,self_score,appraised_score"),
    ).toBeNull();
    expect(readQuickly(["11155,1.1.1,1,1,,x"], `${header},extra`)).toBeNull();
  });
});
