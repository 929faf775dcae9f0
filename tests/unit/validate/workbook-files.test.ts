// A workbook never changes a figure silently, and every file an editor may pick as the year's
// workbook gets one clear answer, the same on the command line and in the browser (/kiem-tra/ runs
// validateFileSet). Workbooks are written by exceljs (workbook-fixture.ts) or zipped by hand.
import type ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbook, workbookLimits } from "../../../pipeline/read/workbook.ts";
import { namedBySheet, validateFileSet } from "../../../pipeline/validate/file-set.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { validTexts } from "./fixture.ts";
import { title, workbook, type Override } from "./workbook-fixture.ts";

const a = "appraisal.csv";
const appraisalTitle = title(a);

function check(bytes: Uint8Array, name = "du-lieu-2023.xlsx") {
  const result = validateFileSet(new Map([[name, bytes]]), { folderYear: 2023, digest: sha256 });
  return { data: result.data, problems: namedBySheet(result) };
}

/** The workbook with one part's XML edited, zipped again. */
function editPart(bytes: Uint8Array, holding: string, edit: (xml: string) => string): Uint8Array {
  const parts = unzipSync(bytes);
  const name = Object.keys(parts).find((n) => strFromU8(parts[n] as Uint8Array).includes(holding));
  if (name === undefined) throw new Error(`no part holds ${holding}`);
  parts[name] = strToU8(edit(strFromU8(parts[name] as Uint8Array)));
  return zipSync(parts);
}

/** A copy of a sheet's cells on a new sheet. */
function copySheet(book: ExcelJS.Workbook, from: string, name: string): ExcelJS.Worksheet {
  const source = book.getWorksheet(from) as ExcelJS.Worksheet;
  const copy = book.addWorksheet(name);
  source.eachRow((row, n) => {
    copy.getRow(n).values = row.values;
  });
  return copy;
}

describe("a workbook never changes a figure silently", () => {
  it("a number formula whose saved result is empty (<v/>) is an error at its cell, never 0", async () => {
    // The appraised score of 01001 × 1.2 (row 3) is 9.5; its formula's result was never saved.
    const formula = { formula: "C3-1", result: "" } as unknown as ExcelJS.CellFormulaValue;
    const written = await workbook(validTexts(), [{ file: a, cell: "D3", value: formula }]);
    // exceljs types an empty result as text (t="str"); a number formula carries no type.
    const bytes = editPart(written, "<f>C3-1</f>", (xml) =>
      xml.replace(/<c r="D3"([^>]*) t="str"/, '<c r="D3"$1'),
    );
    const { data, problems } = check(bytes);
    expect(problems.filter((p) => p.code === "formula_without_value")).toMatchObject([
      { file: appraisalTitle, line: 3, severity: "error", message_vi: expect.stringContaining("Ô D3") },
    ]);
    expect(data).toBeNull();
  });

  it("a formula in a text column whose saved result is empty is an error too, not a blank", async () => {
    const formula = { formula: 'IF(1,"","x")', result: "" } as unknown as ExcelJS.CellFormulaValue;
    const overrides: Override[] = [{ file: a, cell: "E3", value: formula }];
    const { data, problems } = check(await workbook(validTexts(), overrides));
    expect(problems.filter((p) => p.code === "formula_without_value")).toMatchObject([
      { file: appraisalTitle, line: 3, severity: "error", message_vi: expect.stringContaining("Ô E3") },
    ]);
    expect(data).toBeNull();
  });

  it("a hidden sheet named like an input never wins over the visible one: ignored, with a warning", async () => {
    const bytes = await workbook(validTexts(), [], [], (book) => {
      // The first sheet for the appraisal is hidden and holds another score; a visible copy follows.
      copySheet(book, appraisalTitle, "appraisal");
      const hidden = book.getWorksheet(appraisalTitle) as ExcelJS.Worksheet;
      hidden.state = "hidden";
      hidden.getCell("D2").value = 1;
    });
    const { data, problems } = check(bytes);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(problems.filter((p) => p.code === "sheet_hidden_ignored")).toMatchObject([
      { file: appraisalTitle, severity: "warning", message_en: expect.stringContaining("“appraisal”") },
    ]);
    const appraisal = data!.appraisal;
    expect(appraisal.communeCodes[appraisal.commune[0]!]).toBe("01001");
    expect(appraisal.appraisedScore[0]).toBe(2850);
  });

  it("a hidden sheet alone is refused, named", async () => {
    const bytes = await workbook(validTexts(), [], [], (book) => {
      (book.getWorksheet(appraisalTitle) as ExcelJS.Worksheet).state = "veryHidden";
    });
    const { data, problems } = check(bytes);
    expect(problems.filter((p) => p.severity === "error")).toMatchObject([
      { code: "sheet_hidden", file: appraisalTitle, message_vi: expect.stringContaining("bị ẩn") },
    ]);
    expect(data).toBeNull();
  });

  it("two visible sheets for one input are an error naming both", async () => {
    const bytes = await workbook(validTexts(), [], [], (book) => {
      copySheet(book, appraisalTitle, "appraisal").getCell("D2").value = 1;
    });
    const { data, problems } = check(bytes);
    expect(problems.filter((p) => p.severity === "error")).toMatchObject([
      {
        code: "sheet_duplicate",
        file: `${appraisalTitle}, appraisal`,
        message_vi: expect.stringContaining(`“${appraisalTitle}” và “appraisal”`),
      },
    ]);
    expect(data).toBeNull();
  });

  it("a workbook in the 1904 date system keeps its dates (2023-12-01, not 2019-11-30)", async () => {
    const bytes = await workbook(validTexts(), [], [], (book) => {
      book.properties.date1904 = true;
      const dataset = book.getWorksheet(title("dataset.json")) as ExcelJS.Worksheet;
      dataset.eachRow((row) => {
        if (row.getCell(1).value === "published_on") row.getCell(2).value = new Date(Date.UTC(2023, 11, 1));
      });
    });
    // exceljs stores the date as a 1904 serial (43799) with a date format.
    expect(strFromU8(unzipSync(bytes)["xl/workbook.xml"] as Uint8Array)).toContain('date1904="1"');
    const { data, problems } = check(bytes);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(data?.manifest.published_on).toBe("2023-12-01");
  });
});

// ── files that are no .xlsx ────────────────────────────────────────────────────────────────────

const ole2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** An OLE2 compound file's first sector, with a directory entry named `stream` (UTF-16). */
function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048);
  bytes.set(ole2);
  bytes.set(
    [...stream].flatMap((c) => [c.charCodeAt(0), 0]),
    1024,
  );
  return bytes;
}
const ods = zipSync({
  mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
  "content.xml": strToU8("<office:document-content/>"),
});
const text = (s: string) => strToU8(s);

const files: [string, string, Uint8Array, string, RegExp][] = [
  ["an Excel 97–2003 workbook", "du-lieu-2023.xls", compoundFile("Workbook"), "not_xlsx_xls", /\.xls\b/],
  ["an OpenDocument spreadsheet", "du-lieu-2023.ods", ods, "not_xlsx_ods", /LibreOffice/],
  ["a CSV file renamed .xlsx", "du-lieu-2023.xlsx", text("code,name\n01001,Xã A\n"), "not_xlsx_text", /CSV/],
  [
    "a password-protected workbook",
    "du-lieu-2023.xlsx",
    compoundFile("EncryptedPackage"),
    "not_xlsx_encrypted",
    /mật khẩu/,
  ],
  ["a PDF", "bao-cao-2023.pdf", text("%PDF-1.7\n%âãÏÓ\n1 0 obj\n"), "not_xlsx_pdf", /PDF/],
];

describe("every file an editor may pick gets one clear answer", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "workbook-files-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true });
  });

  it.each(files)("%s (%s): one problem, in the browser", (_, name, bytes, code, says) => {
    const { data, problems } = check(bytes, name);
    expect(problems).toMatchObject([{ code, file: name, line: null, severity: "error" }]);
    expect(problems[0]?.message_vi).toMatch(says);
    expect(problems[0]?.message_vi).toContain(".xlsx");
    expect(problems[0]?.message_en).toContain(".xlsx");
    expect(data).toBeNull();
  });

  it.each(files)("%s (%s): the same problem from `--data <file>`", async (_, name, bytes, code) => {
    const path = join(folder, name);
    await writeFile(path, bytes);
    const year = await loadYear(path);
    expect(year.problems).toMatchObject([{ code, file: name, line: null }]);
    expect(year.data).toBeNull();
  });

  it("an .xls in a year folder is answered for, not taken for missing CSV files", async () => {
    const year = join(folder, "2023");
    await mkdir(year);
    await writeFile(join(year, "du-lieu.xls"), compoundFile("Workbook"));
    const loaded = await loadYear(year);
    expect(loaded.problems.map((p) => p.code)).toEqual(["not_xlsx_xls"]);
  });

  it("an XML error names the sheet", async () => {
    const written = await workbook(validTexts());
    // 28.5 is only on the appraisal sheet; &nbsp; is no XML entity.
    const broken = editPart(written, "<v>28.5</v>", (xml) =>
      xml.replace("</sheetData>", "&nbsp;</sheetData>"),
    );
    const { data, problems } = check(broken);
    expect(problems).toMatchObject([{ code: "sheet_unreadable", file: appraisalTitle, severity: "error" }]);
    expect(problems[0]?.message_vi).toContain(`“${appraisalTitle}”`);
    expect(data).toBeNull();
  });

  it("a sheet above the size limit is refused from the zip directory, the limit stated", async () => {
    // The appraisal sheet declares 590 MB (as a sheet of blank cells would); the limit is 512 MB.
    const bytes = declareSize(await workbook(validTexts()), "xl/worksheets/sheet2.xml", 590 * 1024 * 1024);
    const limits = { ...workbookLimits, sheetBytes: 512 * 1024 * 1024 };
    const read = readWorkbook("du-lieu.xlsx", bytes, limits);
    expect(read.sheets).toEqual([]);
    expect(read.problems).toMatchObject([{ code: "sheet_too_large", line: null, severity: "error" }]);
    expect(read.problems[0]?.message_en).toContain("590 MB once decompressed, above the 512 MB limit");
  });
});

/** Sets the uncompressed size an entry declares in the zip's central directory. */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const wanted = strToU8(name);
  for (let i = 0; i + 46 <= zip.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== wanted.length) continue;
    if (wanted.every((byte, j) => zip[i + 46 + j] === byte)) view.setUint32(i + 24, size, true);
  }
  return zip;
}
