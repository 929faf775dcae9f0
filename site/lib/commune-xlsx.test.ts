import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { latestYear } from "./data.ts";
import { communeWorkbook } from "./commune-xlsx.ts";
import { fileFindings } from "../../pipeline/publish/public-files.ts";

// A hand-made published year: 3 communes, 2 domains (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;
const buildTime = new Date("2024-03-15T08:00:00Z");

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}

describe("a commune's workbook", () => {
  it("has a sheet saying what it is, then one sheet per table with Vietnamese headers and only that commune's rows", async () => {
    const { manifest } = latestYear(fixture);
    const workbook = await read(
      await communeWorkbook(manifest, { code: "11215", name: "Xã Hồng Dụ" }, buildTime, fixture),
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Ghi chú",
      "Kết quả chung",
      "Theo lĩnh vực",
      "Theo tiêu chí",
      "Điều tra theo câu hỏi",
      "Số câu trả lời",
      "Mức độ hài lòng",
    ]);
    const about = workbook.getWorksheet("Ghi chú");
    expect(String(about?.getCell("A1").value)).toContain("Xã Hồng Dụ");
    expect(String(about?.getCell("A2").value)).toContain("minh họa");

    // Sample data: the notice heads every sheet, the headers follow.
    const domains = workbook.getWorksheet("Theo lĩnh vực");
    expect(String(domains?.getCell("A1").value)).toBe("Dữ liệu minh họa – không phải kết quả chính thức");
    const header = (domains?.getRow(2).values as unknown[]).slice(1);
    expect(header).not.toContain("pct");
    expect(header.every((label) => typeof label === "string" && /[àáảãạăâđêôơưÀ-ỹ]/u.test(label))).toBe(true);
    // The fixture's first domain of Hồng Dụ: 36,5 of 40 points, 91,25%.
    const first = domains?.getRow(3);
    expect(first?.getCell(1).value).toBe("11215");
    const numbers = (first?.values as unknown[]).filter((value) => typeof value === "number");
    expect(numbers).toEqual(expect.arrayContaining([36.5, 40, 91.25]));
    const pctCell = first?.getCell(7);
    expect(pctCell?.value).toBe(91.25);
    expect(pctCell?.numFmt).toBe("#,##0.00");
    const codes = new Set<unknown>();
    domains?.eachRow((row, index) => {
      if (index > 2) codes.add(row.getCell(1).value);
    });
    expect([...codes]).toEqual(["11215"]);
  });

  it("writes text as the editor wrote it, never as a formula, and is the same bytes on every build", async () => {
    const { manifest } = latestYear(fixture);
    const town = { code: "11155", name: "Thị trấn Ninh Giang" };
    const bytes = await communeWorkbook(manifest, town, buildTime, fixture);
    expect(
      Buffer.from(await communeWorkbook(manifest, town, buildTime, fixture)).equals(Buffer.from(bytes)),
    ).toBe(true);
    const scores = (await read(bytes)).getWorksheet("Theo tiêu chí");
    const notes: unknown[] = [];
    scores?.eachRow((row) => row.eachCell((cell) => notes.push(cell.value)));
    expect(notes).toContain("- Báo cáo nộp muộn");
    expect(notes.some((value) => typeof value === "object" && value !== null && "formula" in value)).toBe(
      false,
    );
  });

  it("passes the gate every public file passes: each sheet a published table's, under its short name", async () => {
    const { manifest } = latestYear(fixture);
    const bytes = await communeWorkbook(manifest, { code: "11215", name: "Xã Hồng Dụ" }, buildTime, fixture);
    expect(fileFindings("so-lieu.xlsx", bytes)).toEqual([]);
    // A sheet the contract does not know is stopped, by its name.
    const workbook = await read(bytes);
    workbook.addWorksheet("Danh bạ").addRow(["Họ tên", "Số điện thoại"]);
    const edited = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(fileFindings("so-lieu.xlsx", edited)).toEqual([
      { file: "so-lieu.xlsx", column: "Danh bạ", kind: "undeclared" },
    ]);
  });
});
