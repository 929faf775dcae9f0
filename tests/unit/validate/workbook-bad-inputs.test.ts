// docs/quality.md's bad inputs entered in an Excel workbook instead of CSV files: each gives the same code
// as in a CSV file, naming the sheet (by its Vietnamese title) and the row number Excel shows
// (the workbook as workbook-fixture.ts makes it).
import type ExcelJS from "exceljs";
import { zipSync } from "fflate";
import Papa from "papaparse";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run as validateCommand } from "../../../pipeline/commands/validate.ts";
import { inputFiles, type InputFileName } from "../../../pipeline/model.ts";
import type { Problem } from "../../../pipeline/problem.ts";
import { namedBySheet, validateFileSet } from "../../../pipeline/validate/file-set.ts";
import { sheetWords } from "../../../schemas/workbook.ts";
import { validateFiles } from "../../../pipeline/validate/index.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { captureOutput } from "../publish/capture-output.ts";
import { toBytes, validTexts } from "./fixture.ts";
import { title, workbook, type Override, type Texts } from "./workbook-fixture.ts";

/** The CSV texts with Vietnamese headers and Vietnamese labels for coded values, as in the template. */
function inVietnamese(texts: Texts): Texts {
  const translated = { ...texts };
  for (const file of inputFiles.filter((f) => f.endsWith(".csv"))) {
    const words = sheetWords[file.replace(/\.csv$/, "")];
    const [header, ...rows] = Papa.parse<string[]>(texts[file], { skipEmptyLines: true }).data as string[][];
    const names = header ?? [];
    const labelled = [
      names.map((name) => words?.columns[name] ?? name),
      ...rows.map((row) => row.map((cell, i) => words?.values?.[names[i] as string]?.[cell] ?? cell)),
    ];
    translated[file] = `${Papa.unparse(labelled, { newline: "\n" })}\n`;
  }
  return translated;
}

async function check(texts: Texts, overrides: Override[] = [], omit: InputFileName[] = []) {
  const files = new Map([["du-lieu-2023.xlsx", await workbook(texts, overrides, omit)]]);
  const result = validateFileSet(files, { folderYear: 2023, digest: sha256 });
  return { data: result.data, problems: namedBySheet(result) };
}

function edit(file: InputFileName, change: (text: string) => string): Texts {
  const texts = validTexts();
  texts[file] = change(texts[file]);
  return texts;
}

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split("\n");
  lines[line - 1] = replacement;
  return lines.join("\n");
}

const a = "appraisal.csv";
// [docs/quality.md class, description, texts, overrides, code, file, Excel row]
const cases: [string, string, () => Texts, Override[], string, InputFileName, number | null][] = [
  [
    "2",
    "TCVN3 text in a cell",
    () => edit("communes.csv", (t) => replaceLine(t, 4, "01003,X· Hång Dô,xa,3")),
    [],
    "legacy_vietnamese_encoding",
    "communes.csv",
    4,
  ],
  [
    "4",
    "a header matching nothing",
    () => edit("communes.csv", (t) => replaceLine(t, 1, "Mã xã|Tên xã|Loại|Chỉ tiêu")),
    [],
    "header_not_found",
    "communes.csv",
    1,
  ],
  [
    "5",
    "a missing column",
    () => edit("communes.csv", (t) => t.replace(/,(3|survey_quota)$/gm, "")),
    [],
    "missing_column",
    "communes.csv",
    1,
  ],
  [
    "5",
    "a misspelled column",
    () => edit(a, (t) => t.replace("commune_code", "comune_code")),
    [],
    "misspelled_column",
    a,
    1,
  ],
  [
    "5",
    "a duplicate column",
    () => edit("survey-citizens.csv", (t) => t.replace("ND03", "ND02")),
    [],
    "duplicate_column",
    "survey-citizens.csv",
    1,
  ],
  [
    "5",
    "a blank column",
    () => edit("groups.csv", (t) => t.replace("code,name", "code,,name").replace(/^(\w+),/gm, "$1,x,")),
    [],
    "blank_column",
    "groups.csv",
    1,
  ],
  [
    "5",
    "a title row above the header",
    () => edit(a, (t) => `BẢNG ĐIỂM THẨM ĐỊNH NĂM 2023,,,,\n${t}`),
    [],
    "title_row",
    a,
    1,
  ],
  [
    "6",
    "a value beyond the last column",
    () => edit("communes.csv", (t) => replaceLine(t, 3, "01002,Thị trấn Ninh Giang,thi_tran,3,thừa")),
    [],
    "ragged_row",
    "communes.csv",
    3,
  ],
  [
    "7",
    "a score in words",
    () => edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,tám")),
    [],
    "not_a_number",
    a,
    2,
  ],
  [
    "7",
    "a negative score",
    () => edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,-1")),
    [],
    "negative_number",
    a,
    2,
  ],
  [
    "7",
    "a score above the maximum",
    () => edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,31")),
    [],
    "score_above_max",
    a,
    2,
  ],
  [
    "7",
    "a score with three decimals",
    () => edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,28.555")),
    [],
    "too_many_decimals",
    a,
    2,
  ],
  [
    "8",
    "an option not in the scale",
    () =>
      edit("survey-officials.csv", (t) =>
        t.replace("CB-F004,CB-02,hdnd,01001,B,C", "CB-F004,CB-02,hdnd,01001,B,F"),
      ),
    [],
    "unknown_option",
    "survey-officials.csv",
    5,
  ],
  [
    "9",
    "an unknown commune",
    () => edit("survey-citizens.csv", (t) => t.replace("ND-F009,01003", "ND-F009,01009")),
    [],
    "unknown_commune",
    "survey-citizens.csv",
    10,
  ],
  [
    "9",
    "an unknown criterion",
    () => edit(a, (t) => t.replace("01003,1.2,9.5,9,", "01003,1.9,9.5,9,")),
    [],
    "unknown_criterion",
    a,
    9,
  ],
  [
    "9",
    "a code typed as a number",
    () => edit(a, (t) => t.replace("01002,1.1,29,29,", "1002,1.1,29,29,")),
    [],
    "code_lost_leading_zeros",
    a,
    5,
  ],
  [
    "10",
    "commune × criterion twice",
    () => edit(a, (t) => `${t}01003,1.1,30,30,\n`),
    [],
    "duplicate_key",
    a,
    11,
  ],
  [
    "10",
    "a form twice",
    () => edit("survey-citizens.csv", (t) => t.replace("ND-F009", "ND-F008")),
    [],
    "duplicate_key",
    "survey-citizens.csv",
    10,
  ],
  [
    "10",
    "a respondent rating a commune twice",
    () =>
      edit("survey-officials.csv", (t) => t.replace("CB-F003,CB-01,hdnd,01003", "CB-F003,CB-01,hdnd,01002")),
    [],
    "duplicate_rating",
    "survey-officials.csv",
    4,
  ],
  [
    "11",
    "a commune without an appraisal leaf",
    () => edit(a, (t) => t.replace("01003,1.2,9.5,9,\n", "")),
    [],
    "appraisal_missing",
    a,
    null,
  ],
  [
    "12",
    "an orphan criterion",
    () => edit("criteria.csv", (t) => `${t}3.1,Tiêu chí lạc,0,appraisal,all\n`),
    [],
    "criterion_orphan",
    "criteria.csv",
    12,
  ],
  [
    "17",
    "a header without rows",
    () => edit("groups.csv", () => "code,name,panel,planned\n"),
    [],
    "no_rows",
    "groups.csv",
    null,
  ],
  [
    "—",
    "a formula without its saved result",
    () => validTexts(),
    [{ file: a, cell: "D3", value: { formula: "C3-1" } as ExcelJS.CellFormulaValue }],
    "formula_without_value",
    a,
    3,
  ],
];

describe("docs/quality.md's bad inputs in a workbook: same code, the sheet's title, Excel's row", () => {
  it.each(cases)("%s. %s → %s", async (_, __, texts, overrides, code, file, row) => {
    const { data, problems } = await check(texts(), overrides);
    const found = problems.filter((p) => p.code === code);
    expect(found, JSON.stringify(problems, null, 1)).toHaveLength(1);
    expect(found[0]).toMatchObject({ file: title(file), line: row, severity: "error" });
    expect((found[0] as Problem).message_vi).toMatch(/Cách sửa: /);
    expect(data).toBeNull();
  });

  it.each([
    [
      "13",
      "text in NFD",
      () => edit("communes.csv", (t) => t.normalize("NFD")),
      "text_not_nfc",
      "communes.csv",
      2,
    ],
    [
      "14",
      "a note starting with =",
      () => edit(a, (t) => t.replace("Chưa ban hành", "=HYPERLINK(1) Chưa ban hành")),
      "formula_trigger",
      a,
      2,
    ],
    [
      "16",
      "an extra column",
      () =>
        edit("survey-citizens.csv", (t) =>
          t.replace(/\n(?=.)/g, "\nx,").replace("form_id", "so_dien_thoai,form_id"),
        ),
      "unknown_column",
      "survey-citizens.csv",
      1,
    ],
  ] as const)("%s. %s warns (%s) and the year still validates", async (_, __, texts, code, file, row) => {
    const { data, problems } = await check(texts());
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(problems.filter((p) => p.code === code)).toMatchObject([
      { file: title(file), line: row, severity: "warning" },
    ]);
    expect(data).not.toBeNull();
  });

  it("Vietnamese headers and labels read as the contract's columns and codes", async () => {
    const { data, problems } = await check(inVietnamese(validTexts()));
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(data).toEqual(validateFiles(toBytes(validTexts()), 2023, sha256).data);
    expect(data?.communes.map((c) => c.type)).toEqual(["xa", "thi_tran", "xa"]);
  });

  it("with Vietnamese headers, a problem names the column by its Vietnamese header", async () => {
    const texts = inVietnamese(edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,tám")));
    const { problems } = await check(texts);
    expect(problems.filter((p) => p.code === "not_a_number")).toMatchObject([
      { file: "Điểm thẩm định", line: 2, column: "Điểm thẩm định", value: "tám" },
    ]);
  });

  it("a formula's saved result is used, never recalculated", async () => {
    // C2 is 30: the formula would give 28, its saved result says 28.5 (the committed score).
    const formula = { formula: "C2-2", result: 28.5 } as ExcelJS.CellFormulaValue;
    const { data, problems } = await check(validTexts(), [{ file: a, cell: "D2", value: formula }]);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const appraisal = data!.appraisal;
    expect(appraisal.communeCodes[appraisal.commune[0]!]).toBe("01001");
    expect(appraisal.criterionIds[appraisal.criterion[0]!]).toBe("1.1");
    expect(appraisal.appraisedScore[0]).toBe(2850);
  });

  it("a missing sheet is named with its Vietnamese title", async () => {
    const { problems } = await check(validTexts(), [], ["scales.csv"]);
    expect(problems.filter((p) => p.code === "sheet_missing")).toMatchObject([
      { file: "scales", severity: "error", message_vi: expect.stringContaining("“Thang đo”") },
    ]);
  });
});

/** Sets the declared uncompressed size of every entry (local headers and central directory). */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i + 4 <= zip.length; i++) {
    const signature = view.getUint32(i, true);
    if (signature === 0x04034b50) view.setUint32(i + 22, size, true);
    if (signature === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return zip;
}

describe("a workbook is untrusted: bounded before and after decompression", () => {
  it("an entry declaring 4 GB is refused from the central directory, before any inflating", () => {
    const zip = declareSize(zipSync({ "xl/workbook.xml": new Uint8Array(1000) }), 0xffff_fff0);
    const result = validateFileSet(new Map([["bom.xlsx", zip]]), { digest: sha256 });
    expect(result.problems).toMatchObject([{ code: "workbook_too_large", file: "bom.xlsx", line: null }]);
    expect(result.problems[0]?.message_vi).toContain("4096 MB");
    expect(result.data).toBeNull();
  });

  it("an entry inflating beyond what it declared is stopped there, in bounded memory", () => {
    // 128 MB of zeros deflate to ~130 KB; the entry says 1000 bytes.
    const zip = declareSize(
      zipSync({ "xl/workbook.xml": new Uint8Array(128 * 1024 * 1024) }, { level: 1 }),
      1000,
    );
    const before = process.memoryUsage().rss;
    const result = validateFileSet(new Map([["bom.xlsx", zip]]), { digest: sha256 });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
    expect(result.problems).toMatchObject([{ code: "workbook_too_large", file: "bom.xlsx" }]);
    expect(result.problems[0]?.message_vi).toContain("1000 byte");
  });

  it("a small entry inflating beyond what it declared is refused too (read in one call)", () => {
    // 4 MB of zeros deflate to ~4 KB, small enough to be inflated in one call; it says 1000 bytes.
    const zip = declareSize(
      zipSync({ "xl/workbook.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 }),
      1000,
    );
    expect(zip.length).toBeLessThan(64 * 1024);
    const result = validateFileSet(new Map([["bom.xlsx", zip]]), { digest: sha256 });
    expect(result.problems).toMatchObject([{ code: "workbook_too_large", file: "bom.xlsx" }]);
    expect(result.problems[0]?.message_vi).toContain("1000 byte");
  });

  it("text bytes named .xlsx are a text file, not a crash", () => {
    const result = validateFileSet(
      new Map([["2023.xlsx", new TextEncoder().encode("code,name\n01001,Xã")]]),
      {
        digest: sha256,
      },
    );
    expect(result.problems).toMatchObject([{ code: "not_xlsx_text", file: "2023.xlsx", severity: "error" }]);
  });

  it("two workbooks at once are refused with both names", () => {
    const bytes = new Uint8Array(0);
    const result = validateFileSet(
      new Map([
        ["a.xlsx", bytes],
        ["b.xlsx", bytes],
      ]),
      { digest: sha256 },
    );
    expect(result.problems).toMatchObject([{ code: "several_workbooks", file: "a.xlsx, b.xlsx" }]);
  });
});

describe("`--data` names a workbook, or a year folder holding one", () => {
  it("npm run validate -- --data <file>.xlsx reports the sheet and Excel row, exit 1", async () => {
    const folder = await mkdtemp(join(tmpdir(), "workbook-cli-"));
    try {
      const path = join(folder, "du-lieu.xlsx");
      const texts = edit(a, (t) => t.replace("01001,1.1,30,28.5", "01001,1.1,30,tám"));
      await writeFile(path, await workbook(texts));
      const { exitCode, printed } = await captureOutput(() => validateCommand(["--data", path]));
      expect(exitCode).toBe(1);
      expect(printed).toMatch(/lỗi\s+Điểm thẩm định\s+2\s+appraised_score\s+tám\s+not_a_number/);
      expect(printed).toContain("1 lỗi");
    } finally {
      await rm(folder, { recursive: true });
    }
  });

  it("a year folder with two workbooks is refused, naming both", async () => {
    const folder = await mkdtemp(join(tmpdir(), "workbook-two-"));
    try {
      const bytes = await workbook(validTexts());
      await writeFile(join(folder, "a.xlsx"), bytes);
      await writeFile(join(folder, "b.xlsx"), bytes);
      const year = await loadYear(folder);
      expect(year.problems).toMatchObject([{ code: "several_workbooks", file: "a.xlsx, b.xlsx" }]);
      expect(year.data).toBeNull();
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});
