// The check of a workbook speaks the editor's language (issue 22): from the site's own template, filled
// with the committed data, a wrong commune code and a score above its maximum are reported at the
// sheet, header and Excel row the editor sees, values as Excel shows them (decimal comma), errors
// before warnings, and no message names a CSV file or a contract column. The blank template checked
// unchanged gives one line per sheet and column left empty, not one per cell.
import ExcelJS from "exceljs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { run as validateCommand } from "../../../pipeline/commands/validate.ts";
import type { Problem } from "../../../pipeline/problem.ts";
import { yearWorkbook } from "../../../pipeline/template/index.ts";
import { namedBySheet, validateFileSet } from "../../../pipeline/validate/file-set.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { inputColumns } from "../../../pipeline/validate/index.ts";
import { captureOutput } from "../publish/capture-output.ts";

const year2023 = resolve(import.meta.dirname, "../../../data/2023");
const buildTime = new Date("2024-01-01T00:00:00Z");

async function template(filled: boolean): Promise<Uint8Array> {
  const made = await yearWorkbook(year2023, { filled, buildTime });
  if (!("bytes" in made)) throw new Error(JSON.stringify(made.problems));
  return made.bytes;
}

/** The committed data's workbook with two mistakes typed into "Điểm thẩm định". */
async function withMistakes(): Promise<{ bytes: Uint8Array; codeRow: number; scoreRow: number }> {
  const book = new ExcelJS.Workbook();
  const filled = await template(true);
  await book.xlsx.load(
    filled.buffer.slice(filled.byteOffset, filled.byteOffset + filled.byteLength) as ArrayBuffer,
  );
  const sheet = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
  const header = sheet.getRow(1).values as unknown[];
  const column = (title: string) => header.indexOf(title);
  // Row 2 holds the first unit's first criterion; 11156 is no unit's code.
  const codeRow = 2;
  sheet.getRow(codeRow).getCell(column("Mã xã")).value = "11156";
  // Criterion 1.2.2 is worth at most 1.5 points; the editor types 2,25 (stored as the number 2.25).
  let scoreRow = 0;
  sheet.eachRow((row, number) => {
    if (scoreRow === 0 && row.getCell(column("Mã tiêu chí")).text === "1.2.2") scoreRow = number;
  });
  sheet.getRow(scoreRow).getCell(column("Điểm thẩm định")).value = 2.25;
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return { bytes, codeRow, scoreRow };
}

function check(bytes: Uint8Array): Problem[] {
  return namedBySheet(
    validateFileSet(new Map([["du-lieu.xlsx", bytes]]), { folderYear: 2023, digest: sha256 }),
  );
}

/** Contract column names an editor never sees in the workbook (those written with an underscore). */
const contractColumns = [
  ...new Set(
    Object.values(inputColumns).flatMap((spec) => [
      ...spec.required,
      ...("optional" in spec ? spec.optional : []),
    ]),
  ),
].filter((name) => name.includes("_"));

function expectEditorWords(text: string): void {
  expect(text).not.toMatch(/[\w-]+\.csv\b/);
  expect(text).not.toMatch(/\bCSV\b/);
  for (const name of contractColumns) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
}

describe("a workbook with mistakes, checked as the editor would", () => {
  let made: Awaited<ReturnType<typeof withMistakes>>;
  beforeAll(async () => {
    made = await withMistakes();
  }, 120_000);

  it("names the sheet, the header and the Excel row, with the value as Excel shows it", () => {
    const problems = check(made.bytes);
    const commune = problems.find((p) => p.code === "unknown_commune");
    expect(commune).toMatchObject({
      file: "Điểm thẩm định",
      line: made.codeRow,
      column: "Mã xã",
      value: "11156",
    });
    expect(commune?.message_vi).toBe(
      'Mã xã "11156" không có trong trang tính Danh sách xã. Cách sửa: Sửa mã cho đúng mã 5 chữ số trong ' +
        "trang tính Danh sách xã (định dạng cột là Văn bản để giữ số 0 đầu).",
    );
    expect(commune?.message_en).toContain("is not in the sheet “Danh sách xã”");
    const score = problems.find((p) => p.code === "score_above_max");
    expect(score).toMatchObject({
      file: "Điểm thẩm định",
      line: made.scoreRow,
      column: "Điểm thẩm định",
      value: "2,25",
    });
    expect(score?.message_vi).toBe(
      "Điểm 2,25 lớn hơn điểm tối đa 1,5 của tiêu chí 1.2.2. Cách sửa: Sửa điểm trong khoảng 0 đến 1,5.",
    );
    for (const p of problems) {
      expectEditorWords(`${p.file} ${p.column ?? ""} ${p.message_vi}`);
      expectEditorWords(`${p.file} ${p.column ?? ""} ${p.message_en}`);
    }
  });

  it("`npm run validate -- --data that.xlsx` says the same, errors before warnings, in text and JSON", async () => {
    const folder = await mkdtemp(join(tmpdir(), "workbook-words-"));
    try {
      const path = join(folder, "du-lieu.xlsx");
      await writeFile(path, made.bytes);
      const text = await captureOutput(() => validateCommand(["--data", path]));
      expect(text.exitCode).toBe(1);
      expect(text.printed).toMatch(/^Mức\s+Tệp \/ trang tính\s+Dòng\s+Cột\s/m);
      expect(text.printed).toMatch(
        new RegExp(`lỗi\\s+Điểm thẩm định\\s+${made.codeRow}\\s+Mã xã\\s+11156\\s`),
      );
      expect(text.printed).toMatch(
        new RegExp(`lỗi\\s+Điểm thẩm định\\s+${made.scoreRow}\\s+Điểm thẩm định\\s+2,25\\s`),
      );
      const report = text.printed.split("\n").filter((line) => /^(lỗi|cảnh báo)\s/.test(line));
      const firstWarning = report.findIndex((line) => line.startsWith("cảnh báo"));
      expect(firstWarning).toBeGreaterThan(0);
      expect(report.slice(firstWarning).every((line) => line.startsWith("cảnh báo"))).toBe(true);
      expectEditorWords(text.printed.replace(/^.*\.xlsx.*$/gm, ""));

      const json = await captureOutput(() =>
        validateCommand(["--data", path, "--format", "json", "--lang", "en"]),
      );
      const parsed = JSON.parse(json.printed) as { problems: Problem[] };
      const severities = parsed.problems.map((p) => p.severity);
      expect(severities).toEqual([...severities].sort());
      expect(parsed.problems.find((p) => p.code === "score_above_max")?.message_en).toContain(
        "Score 2,25 is above criterion 1.2.2's maximum of 1,5",
      );
      for (const p of parsed.problems) expectEditorWords(`${p.file} ${p.column ?? ""} ${p.message_en}`);
    } finally {
      await rm(folder, { recursive: true });
    }
  }, 60_000);
});

describe("the blank template, checked unchanged", () => {
  it("says at most one line per sheet and column left empty", async () => {
    const problems = check(await template(false));
    expect(problems.map((p) => [p.severity, p.code, p.file, p.column])).toEqual([
      ["error", "blank_cells", "Điểm thẩm định", "Điểm thẩm định"],
      ["error", "blank_cells", "Điểm thẩm định", "Điểm tự đánh giá"],
      ["error", "no_rows", "Phiếu cán bộ", null],
      ["error", "no_rows", "Phiếu người dân", null],
    ]);
    // The template has a row per unit and applicable appraisal leaf: 840 rows, from row 2.
    expect(problems[0]?.message_vi).toMatch(
      /^Cột Điểm thẩm định còn trống ở 840 dòng \(dòng 2, 3, 4, 5, 6, …\)\./,
    );
    expect(problems[2]?.message_vi).toMatch(/^Trang tính Phiếu cán bộ chưa có dòng nào\./);
    for (const p of problems) expectEditorWords(`${p.message_vi} ${p.message_en}`);
  }, 60_000);
});
