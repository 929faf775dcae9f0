// The data-entry template of data/2023 as the Home Affairs office opens it in Excel: a "Hướng dẫn"
// sheet first, Vietnamese sheet titles and headers with the contract name in each header's note,
// the 20 units and the criteria tree filled in, one appraisal row per unit and applicable leaf (the
// same keys as the committed scores) with the scores blank, drop-down lists on coded columns, codes
// stored as text and scores with two decimals; the same bytes on every run.
import ExcelJS from "exceljs";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { yearWorkbook } from "../../../pipeline/template/index.ts";

const year2023 = resolve(import.meta.dirname, "../../../data/2023");
const buildTime = new Date("2024-01-01T00:00:00Z");
let bytes: Uint8Array;
const book = new ExcelJS.Workbook();

function csvRows(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(join(year2023, file), "utf8"), {
    skipEmptyLines: true,
  }).data.slice(1);
}

/** A cell's drop-down list (exceljs gives each cell of a validated range its validation on load). */
function validationAt(sheet: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined {
  return sheet.getCell(address).dataValidation;
}

beforeAll(async () => {
  const made = await yearWorkbook(year2023, { filled: false, buildTime });
  if (!("bytes" in made)) throw new Error(JSON.stringify(made.problems));
  bytes = made.bytes;
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
});

describe("the template of data/2023", () => {
  it("has the guide sheet first, then one sheet per input under its Vietnamese title", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Hướng dẫn",
      "Thông tin chung",
      "Danh sách xã",
      "Tiêu chí",
      "Nhóm đối tượng",
      "Thang đo",
      "Câu hỏi",
      "Điểm thẩm định",
      "Phiếu cán bộ",
      "Phiếu người dân",
      "Kế hoạch",
    ]);
  });

  it("fills the 20 units and the criteria tree as committed, codes as text", () => {
    const communes = book.getWorksheet("Danh sách xã") as ExcelJS.Worksheet;
    expect(communes.getRow(1).values).toEqual([
      undefined,
      "Mã xã",
      "Tên đơn vị",
      "Loại đơn vị",
      "Số phiếu dự kiến",
    ]);
    expect(communes.getCell("A1").note).toMatch(/^code: Mã đơn vị hành chính 5 chữ số/);
    const units = csvRows("communes.csv");
    expect(units).toHaveLength(20);
    expect(communes.actualRowCount).toBe(21);
    expect(communes.getCell("A2").value).toBe(units[0]?.[0]);
    expect(communes.getCell("A2").numFmt).toBe("@");
    expect(communes.getCell("C2").value).toBe("Thị trấn");
    expect(communes.getCell("D2").value).toBe(60);
    const criteria = book.getWorksheet("Tiêu chí") as ExcelJS.Worksheet;
    expect(criteria.actualRowCount - 1).toBe(csvRows("criteria.csv").length);
  });

  it("has one blank-score appraisal row per unit and applicable leaf: the committed keys", () => {
    const sheet = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
    const keys: string[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      keys.push(`${String(row.getCell(1).value)}|${String(row.getCell(2).value)}`);
      expect(row.getCell(3).value).toBeNull();
      expect(row.getCell(4).value).toBeNull();
    });
    expect(keys).toEqual(csvRows("appraisal.csv").map((r) => `${r[0]}|${r[1]}`));
    expect(sheet.getCell("C2").numFmt).toBe("0.00");
  });

  it("offers drop-down lists: labels for coded columns, other sheets' keys, each question's options", () => {
    const communes = book.getWorksheet("Danh sách xã") as ExcelJS.Worksheet;
    expect(validationAt(communes, "C25")).toMatchObject({ type: "list", formulae: ['"Xã,Thị trấn"'] });
    const appraisal = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
    expect(validationAt(appraisal, "A2")?.formulae).toEqual(["'Danh sách xã'!$A$2:$A$21"]);
    const citizens = book.getWorksheet("Phiếu người dân") as ExcelJS.Worksheet;
    expect(citizens.actualRowCount).toBe(1);
    // ND01 (how the file was submitted) uses the scale kenh_nop: options 1, 2, 3.
    expect(validationAt(citizens, "C2")?.formulae).toEqual(['"1,2,3"']);
  });

  it("is byte-reproducible", async () => {
    const again = await yearWorkbook(year2023, { filled: false, buildTime });
    expect("bytes" in again && Buffer.from(again.bytes).equals(Buffer.from(bytes))).toBe(true);
  });
});
