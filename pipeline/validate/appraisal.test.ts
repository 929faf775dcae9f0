import { describe, expect, it } from "vitest";
import type { Problem } from "../problem.ts";
import { openCsv } from "../read/csv.ts";
import { appraisalColumns, AppraisalReader, type AppraisalTable } from "./appraisal.ts";
import { knownColumns, inputColumns } from "./index.ts";

const file = "appraisal.csv";
const header = "commune_code,criterion_id,self_score,appraised_score,note";

function reader(problems: Problem[], index: ReadonlyMap<string, number>) {
  return new AppraisalReader(index, knownColumns(file), { push: (p) => problems.push(p), some: () => false });
}

/** Each body line of `body`: whether the quick path took it; and the columns it made. */
function readQuickly(body: string[], head = header) {
  const bytes = new TextEncoder().encode([head, ...body].join("\n"));
  const opened = openCsv(bytes, { file, ...inputColumns[file] }).opened!;
  const appraisal = reader([], opened.index);
  const quick = appraisal.quickLine(opened);
  if (quick === undefined) return null;
  let start = opened.text.indexOf("\n") + 1;
  const took = body.map((line, i) => {
    const end = start + line.length;
    const taken = quick(start, end, i + 2);
    start = end + 1;
    return taken;
  });
  return { took, table: appraisal.finish() };
}

/** The same rows through the general path (no problem expected). */
function readGenerally(rows: string[][]): AppraisalTable {
  const problems: Problem[] = [];
  const appraisal = reader(problems, new Map(knownColumns(file).map((column, i) => [column, i])));
  rows.forEach((cells, i) => appraisal.addRow({ line: i + 2, cells }));
  expect(problems).toEqual([]);
  return appraisal.finish();
}

/** Each row of a table as its cells' texts and its note. */
function rowsOf(table: AppraisalTable) {
  return Array.from(table.line, (line, r) => ({
    line,
    valid: table.valid[r],
    ...Object.fromEntries(
      Object.entries(table.cells).map(([column, cells]) => [column, cells.texts[cells.codes[r]!]]),
    ),
    note: table.notes.get(r) ?? null,
  }));
}

describe("AppraisalReader", () => {
  it("takes a line of cells that pass, quoted note included, into the columns the general path gives", () => {
    const read = readQuickly([
      "11155,1.1.1,1,0.75,",
      '11155,1.1.2,1.5,1.25,"Ghi chú, có dấu phẩy"',
      "11155,1.1.3,2,2,,,",
    ]);
    expect(read?.took).toEqual([true, true, true]);
    const general = readGenerally([
      ["11155", "1.1.1", "1", "0.75", ""],
      ["11155", "1.1.2", "1.5", "1.25", "Ghi chú, có dấu phẩy"],
      ["11155", "1.1.3", "2", "2", ""],
    ]);
    expect(rowsOf(read!.table)).toEqual(rowsOf(general));
    expect(rowsOf(general)[1]).toEqual({
      line: 3,
      valid: 1,
      commune_code: "11155",
      criterion_id: "1.1.2",
      self_score: "1.5",
      appraised_score: "1.25",
      note: "Ghi chú, có dấu phẩy",
    });
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
    const read = readQuickly(lines);
    expect(read?.took).toEqual(lines.map(() => false));
    expect(read?.table.rows).toBe(0);
  });

  it("is not used when the header is not exactly the schema's columns", () => {
    expect(
      readQuickly(["11155,1.1.1,1,1"], "commune_code,criterion_id,self_score,appraised_score"),
    ).toBeNull();
    expect(readQuickly(["11155,1.1.1,1,1,,x"], `${header},extra`)).toBeNull();
  });
});

describe("appraisalColumns", () => {
  it("hands computation the valid rows, scores in whole hundredths and notes by row", () => {
    const problems: Problem[] = [];
    const appraisal = reader(problems, new Map(knownColumns(file).map((column, i) => [column, i])));
    const rows = [
      ["11155", "1.1.1", "1", "0,75", ""],
      ["11155", "1.1.2", "abc", "1", ""], // not a number: not handed on
      ["11157", "1.1.1", "2.5", "1.05", "Thiếu báo cáo"],
    ];
    rows.forEach((cells, i) => appraisal.addRow({ line: i + 2, cells }));
    expect(problems.map((p) => p.code)).toEqual(["not_a_number"]);
    const columns = appraisalColumns(appraisal.finish());
    expect(columns.size).toBe(2);
    expect(Array.from(columns.commune, (c) => columns.communeCodes[c])).toEqual(["11155", "11157"]);
    expect(Array.from(columns.criterion, (k) => columns.criterionIds[k])).toEqual(["1.1.1", "1.1.1"]);
    expect(Array.from(columns.selfScore)).toEqual([100, 250]);
    expect(Array.from(columns.appraisedScore)).toEqual([75, 105]);
    expect([...columns.notes]).toEqual([[1, "Thiếu báo cáo"]]);
  });
});
