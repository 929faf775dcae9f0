import { describe, expect, it } from "vitest";
import { citizensFormColumns, formCellChecks, officialsFormColumns } from "../../schemas/survey.ts";
import type { Problem } from "../problem.ts";
import { openCsv, parseBody } from "../read/csv.ts";
import { SurveyColumns, type SurveyTable } from "./survey-columns.ts";
import { checkFormCommunes, checkOfficials, panelForms, type ScaleLookup } from "./survey.ts";
import type { Group } from "../../schemas/groups.ts";

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
    "form_id",
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
    const respondents = quick.table.fixed.respondent_id!;
    expect(respondents.values).toEqual(["R1", "R2", "R3"]);
    expect([...respondents.codes]).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2]);
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

  it("finds a repeated form id whichever path read either row, and invisible characters in it", () => {
    const text = [
      "form_id,respondent_id,group,commune_code,CB01,CB02",
      "F1,R1,hdnd,01001,A,B", // quick
      "F1,R1,hdnd,01002,=A,B", // general (a formula trigger): repeats line 2
      "F2, R2,hdnd,01001,A,B", // general (a cell to trim)
      "F2,R2,hdnd,01003,A,B", // quick: repeats line 4
      "F3\u200b,R3,hdnd,01001,A,B", // general (a byte outside ASCII): a zero-width space in the id
      "F3\u200b,R3,hdnd,01002,A,B", // the same again
      "F3,R3,hdnd,01003,A,B", // not the same id
    ].join("\n");
    for (const quick of [true, false]) {
      const { problems } = read(text, quick);
      expect(problems.map((p) => [p.line, p.code, p.column, p.value])).toEqual([
        [3, "formula_trigger", "CB01", "=A"],
        [3, "unknown_option", "CB01", "=A"],
        [3, "duplicate_key", "form_id", "F1"],
        [5, "duplicate_key", "form_id", "F2"],
        [6, "invisible_in_code", "form_id", "F3\u200b"],
        [7, "invisible_in_code", "form_id", "F3\u200b"],
        [7, "duplicate_key", "form_id", "F3\u200b"],
      ]);
      expect(problems.filter((p) => p.code === "duplicate_key").map((p) => p.message_en)).toEqual([
        expect.stringContaining("line 2"),
        expect.stringContaining("line 4"),
        expect.stringContaining("line 6"),
      ]);
    }
  });

  it("reads a line with bytes outside ASCII as its text, with CR line ends too", () => {
    const lines = [
      "form_id,respondent_id,group,commune_code,CB01,CB02",
      "\ufeffF1,R1,hdnd,01001,A\u200b,B", // U+FEFF opening a line, trimmed like a space; a zero-width space
      "F1,R1,hdnd,01002,A,B", // quick: repeats line 2
      "F2,Bà Tư,hdnd,01001,A,B", // Vietnamese in a cell
      "F2,R1,hdnd,01003,AB,B", // quick: repeats line 4
    ];
    const expected = [
      [2, "unknown_option", "CB01", "A\u200b"],
      [3, "duplicate_key", "form_id", "F1"],
      [5, "duplicate_key", "form_id", "F2"],
    ];
    for (const text of [lines.join("\n"), lines.join("\r\n")]) {
      const quick = read(text, true);
      expect(quick.problems.map((p) => [p.line, p.code, p.column, p.value])).toEqual(expected);
      expect(quick.table).toEqual(read(text, false).table);
      expect(quick.table.fixed.respondent_id!.values).toEqual(["R1", "Bà Tư"]);
    }
  });

  it("checks respondents, groups and communes on the columns' codes", () => {
    const text = [
      "form_id,respondent_id,group,commune_code,CB01,CB02",
      "F1,R1,hdnd,01001,A,B",
      "F2,R1,ubnd,01002,A,B", // R1 changes group
      "F3,R1,,01003,A,B", // a blank group (invalid) is no change; 01003 is not in communes.csv
      "F4,R1,hdnd,01001,A,B", // R1 rates 01001 again
      "F5,R2,xyz,01001,A,B", // a group not in groups.csv
      "F6,,hdnd,01002,A,B", // no respondent (invalid)
      "F7,R2,hdnd,01002,A,B", // R2 changes group
    ].join("\n");
    const groups = [
      { code: "hdnd", panel: "officials", planned: 1 },
      { code: "ubnd", panel: "officials", planned: 2 },
    ] as Group[];
    const communes = { codes: new Set(["01001", "01002"]), byCode: new Map() };
    for (const quick of [true, false]) {
      const { table } = read(text, quick);
      const problems: Problem[] = [];
      checkFormCommunes(spec.file, table, communes, problems);
      checkOfficials(table, groups, problems);
      expect(problems.map((p) => [p.line, p.code, p.column, p.value, p.message_en])).toEqual([
        [4, "unknown_commune", "commune_code", "01003", expect.any(String)],
        [
          3,
          "respondent_group_changed",
          "respondent_id",
          "R1",
          expect.stringMatching(/hdnd on line 2 .* ubnd/),
        ],
        [5, "duplicate_rating", "respondent_id", "R1", expect.stringMatching(/01001 on line 2/)],
        [6, "unknown_group", "group", "xyz", expect.any(String)],
        [
          8,
          "respondent_group_changed",
          "respondent_id",
          "R2",
          expect.stringMatching(/xyz on line 6 .* hdnd/),
        ],
        // Respondents of valid forms: R1 and R2 in hdnd, R1 in ubnd.
        [null, "respondents_above_planned", "group", "hdnd", expect.stringMatching(/\b2\b.*\b1\b/)],
        [null, "respondents_below_planned", "group", "ubnd", expect.stringMatching(/\b1\b.*\b2\b/)],
      ]);
      // Valid forms per commune, in order of the first: lines 2, 5, 6 rate 01001; 3, 8 rate 01002.
      const forms = panelForms(table, lookup);
      expect([...forms.count]).toEqual([
        ["01001", 3],
        ["01002", 2],
      ]);
      // Every option counts here; 01003 has no valid form, CB03 is no column.
      expect(forms.answered("01001", "CB01")).toBe(true);
      expect(forms.answered("01002", "CB02")).toBe(true);
      expect(forms.answered("01003", "CB01")).toBe(false);
      expect(forms.answered("01001", "CB03")).toBe(false);
    }
  });
  it("holds the columns handed on in shared memory, by either path, however many rows", () => {
    // 1,500 forms: more than the first capacity (1,024), so the columns grow.
    const rows = Array.from({ length: 1500 }, (_, i) => `F${i},R${i % 7},hdnd,0100${i % 3},A,B`);
    const text = ["form_id,respondent_id,group,commune_code,CB01,CB02", ...rows].join("\n");
    for (const quick of [true, false]) {
      const { table } = read(text, quick);
      expect(table.rows).toBe(1500);
      for (const column of [...table.answers, table.fixed.commune_code!.codes])
        expect(column.buffer).toBeInstanceOf(SharedArrayBuffer);
      expect(table.answers[0]![1499]).toBe(1);
    }
  });
});
