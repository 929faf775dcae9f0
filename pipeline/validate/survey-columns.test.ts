import { describe, expect, it } from "vitest";
import { citizensFormColumns, formCellChecks, officialsFormColumns } from "../../schemas/survey.ts";
import type { Problem } from "../problem.ts";
import { openCsv, parseBody } from "../read/csv.ts";
import { SurveyColumns, type SurveyTable } from "./survey-columns.ts";
import type { ScaleLookup } from "./survey.ts";

const lookup: ScaleLookup = new Map(
  ["CB01", "CB02"].map((id) => [
    id,
    new Map(["A", "B", "C", "D", "E", "AB"].map((option) => [option, { scale: "muc_do" }])),
  ]),
) as unknown as ScaleLookup;

const spec = {
  file: "survey-officials.csv",
  required: ["form_id", "respondent_id", "group", "commune_code"],
  questions: { panel: "officials", ids: ["CB01", "CB02"] },
};

/** The file read by the quick path (scanBody) or by the general one (every row through addRow). */
function read(text: string, quick: boolean): { table: SurveyTable; problems: Problem[] } {
  const { opened, problems } = openCsv(new TextEncoder().encode(text), spec);
  if (opened === null) throw new Error("no header");
  const reader = new SurveyColumns(
    spec.file,
    opened,
    spec.required,
    officialsFormColumns,
    formCellChecks,
    lookup,
    problems,
  );
  if (quick) reader.scanBody(opened);
  else parseBody(spec.file, opened, problems, (row) => reader.addRow(row));
  return { table: reader.finish(), problems };
}

describe("survey files read into columns", () => {
  it("gives the general path's problems and columns for every kind of row", () => {
    const text = [
      "form_id,respondent_id,group,commune_code,CB01,CB02",
      "F1,R1,hdnd,01001,A,B",
      "F2,R1,hdnd,01002,AB,", // a two-character option, a blank answer
      "F3, R2,hdnd,01001,A,B", // a cell to trim
      "F4,R2,hdnd,01001,=A,B", // a formula trigger
      "F5,R2,hdnd,01001,Z,B", // an unknown option
      "F6,R2,hdnd,1001,A,B", // a code that lost its zero
      "F7,R2,hdnd,01001,A", // ragged
      "",
      ",,,,,", // blank row
      "F8,R3,Hdnd,01003,A,B\u00a0", // a bad group, a no-break space to trim
      "F9,R3,hdnd,01003,A,B,,", // trailing empty cells
      "F10,R3,hdnd,01003,A,B,x", // content beyond the header
      ",R3,hdnd,01003,-1,B", // a blank form id, a negative number
    ].join("\n");
    const quick = read(text, true);
    const general = read(text, false);
    expect(quick.problems).toEqual(general.problems);
    expect(quick.table).toEqual(general.table);
    // Lines: the header is line 1; lines 9 and 10 are blank rows, skipped.
    expect(quick.problems.map((p) => [p.line, p.code, p.column])).toEqual([
      [5, "formula_trigger", "CB01"],
      [5, "unknown_option", "CB01"],
      [6, "unknown_option", "CB01"],
      [7, "code_lost_leading_zeros", "commune_code"],
      [8, "ragged_row", null],
      [11, "code_format", "group"],
      [13, "ragged_row", null],
      [14, "required", "form_id"],
      [14, "unknown_option", "CB01"],
    ]);
    expect([...quick.table.line]).toEqual([2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14]);
    expect([...quick.table.valid]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 1, 0, 0]);
    // CB01: A, AB, A, =A (not an option, reported), Z (reported), A, A, A, A, A, -1.
    expect([...quick.table.answers[0]!]).toEqual([1, 6, 1, 0, 0, 1, 1, 1, 1, 1, 0]);
    expect(quick.table.fixed.respondent_id?.[2]).toBe("R2");
  });

  it("passes quickly only the fixed cells their schema accepts as they are", () => {
    const cells = ["", "x", "01001", "1001", "010010", "hdnd", "Hdnd", "h-d", "ubnd_2", "0a001", "ab"];
    for (const schema of [officialsFormColumns, citizensFormColumns]) {
      for (const [column, cellSchema] of Object.entries(schema.shape)) {
        for (const cell of cells) {
          const parsed = cellSchema.safeParse(cell);
          if (formCellChecks[column]?.(cell))
            expect(parsed, `${column} ${cell}`).toEqual({ success: true, data: cell });
        }
      }
    }
  });
});
