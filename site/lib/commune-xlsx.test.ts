import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
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

  it("keeps what a reader sees in Excel: notes, widths, formats, frozen headers and filters", async () => {
    const { manifest } = latestYear(fixture);
    const bytes = await communeWorkbook(manifest, { code: "11215", name: "Xã Hồng Dụ" }, buildTime, fixture);
    const workbook = await read(bytes);

    const about = workbook.getWorksheet("Ghi chú")!;
    expect(about.getColumn(1).width).toBe(110);
    expect(about.getCell("A1").value).toBe(
      "Chỉ số cải cách hành chính của UBND các xã, thị trấn huyện Ninh Giang năm 2023: số liệu của Xã Hồng Dụ",
    );
    expect(about.getCell("A1").font).toMatchObject({ bold: true, size: 13 });
    expect(about.getCell("A2").font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    expect(about.getCell("A5").value).toBe(
      "Các trang tiếp theo: Kết quả chung; Theo lĩnh vực; Theo tiêu chí; Điều tra theo câu hỏi; " +
        "Số câu trả lời; Mức độ hài lòng.",
    );
    expect(about.getCell("A5").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(workbook.title).toBe(
      "Chỉ số cải cách hành chính của UBND các xã, thị trấn huyện Ninh Giang năm 2023: Xã Hồng Dụ",
    );

    // Hồng Dụ's row of results.csv, below the red notice (row 1) and the bold header (row 2).
    const results = workbook.getWorksheet("Kết quả chung")!;
    expect(results.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(results.getCell("A1").font).toMatchObject({ bold: true, color: { argb: "FFC00000" } });
    expect(results.getCell("D2").value).toBe("Chỉ số CCHC (%)");
    expect(results.getCell("D2").font?.bold).toBe(true);
    expect(results.getCell("A3").value).toBe("11215");
    expect(results.getCell("D3").value).toBe(91.23);
    expect(results.getCell("D3").numFmt).toBe("#,##0.00");
    expect(results.getCell("E3").value).toBe(1);
    expect(results.getCell("E3").numFmt).toBe("#,##0");
    // lowered_leaves, the 13th column: 3, an integer.
    expect(results.getCell("M3").value).toBe(3);
    expect(results.getCell("M3").numFmt).toBe("#,##0");
    // No group: an empty cell, not 0 nor "".
    expect(results.getCell("W3").value).toBeNull();
    expect(results.actualRowCount).toBe(3);
    // Widths: the header's length up to 24, plus 2, at least 10: the code's 43-character header
    // gives 26, "Tên xã, thị trấn" (16) 18, "Chỉ số CCHC (%)" (15) 17.
    expect([1, 2, 4].map((column) => results.getColumn(column).width)).toEqual([26, 18, 17]);
    // The filter on the header row, over the 25 columns A to Y.
    const entries = unzipSync(bytes);
    expect(strFromU8(entries["xl/worksheets/sheet2.xml"]!)).toContain('<autoFilter ref="A2:Y2"/>');
  });

  it("writes the name as text whatever it holds, and each commune its own name", async () => {
    const { manifest } = latestYear(fixture);
    const odd = { code: "11215", name: 'Xã "Hồng" & <Dụ>' };
    const first = await read(await communeWorkbook(manifest, odd, buildTime, fixture));
    expect(first.getWorksheet("Ghi chú")?.getCell("A1").value).toBe(
      `${manifest.title}: số liệu của Xã "Hồng" & <Dụ>`,
    );
    expect(first.title).toBe(`${manifest.title}: Xã "Hồng" & <Dụ>`);
    const next = await read(
      await communeWorkbook(manifest, { code: "11161", name: "Xã Ứng Hòe" }, buildTime, fixture),
    );
    expect(next.getWorksheet("Ghi chú")?.getCell("A1").value).toBe(
      `${manifest.title}: số liệu của Xã Ứng Hòe`,
    );
    expect(next.getWorksheet("Theo lĩnh vực")?.getCell("A3").value).toBe("11161");
  });

  it("has no notice row for official data: the header is the first row, frozen, with filters", async () => {
    const { manifest } = latestYear(fixture);
    const official = { ...manifest, status: "official" as const };
    const bytes = await communeWorkbook(official, { code: "11215", name: "Xã Hồng Dụ" }, buildTime, fixture);
    const workbook = await read(bytes);
    const about = workbook.getWorksheet("Ghi chú")!;
    expect(about.getCell("A1").value).toBe(`${manifest.title}: số liệu của Xã Hồng Dụ`);
    expect(String(about.getCell("A2").value)).toMatch(/^Nguồn: /);
    const domains = workbook.getWorksheet("Theo lĩnh vực")!;
    expect(domains.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(domains.getCell("A1").value).toBe("Mã đơn vị hành chính");
    expect(domains.getCell("A1").font?.bold).toBe(true);
    // The fixture's first domain of Hồng Dụ: 36,5 of 40 points, 91,25%, first of the district.
    expect([2, 5, 6, 7, 8].map((column) => domains.getRow(2).getCell(column).value)).toEqual([
      "Xã Hồng Dụ",
      36.5,
      40,
      91.25,
      1,
    ]);
    expect(strFromU8(unzipSync(bytes)["xl/worksheets/sheet3.xml"]!)).toContain('<autoFilter ref="A1:L1"/>');
  });

  it("dates every zip entry at the build time and orders them as Office does", async () => {
    const { manifest } = latestYear(fixture);
    const bytes = await communeWorkbook(manifest, { code: "11215", name: "Xã Hồng Dụ" }, buildTime, fixture);
    // The local file headers, one after the other: name, DOS time and date.
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const entries: { name: string; time: number; date: number }[] = [];
    for (let at = 0; view.getUint32(at, true) === 0x04034b50;) {
      const nameLength = view.getUint16(at + 26, true);
      const extraLength = view.getUint16(at + 28, true);
      const name = strFromU8(bytes.subarray(at + 30, at + 30 + nameLength));
      entries.push({ name, time: view.getUint16(at + 10, true), date: view.getUint16(at + 12, true) });
      at += 30 + nameLength + extraLength + view.getUint32(at + 18, true);
    }
    const names = entries.map((entry) => entry.name);
    expect(names[0]).toBe("[Content_Types].xml");
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(names).toContain("xl/worksheets/sheet7.xml");
    // 2024-03-15 08:00:00: date (2024 − 1980) × 512 + 3 × 32 + 15 = 22639, time 8 × 2048 = 16384.
    expect(new Set(entries.map((entry) => `${entry.date} ${entry.time}`))).toEqual(new Set(["22639 16384"]));
  });
});
