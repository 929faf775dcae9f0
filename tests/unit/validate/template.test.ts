// The data-entry template of data/2023 as the Home Affairs office opens it in Excel: a "Hướng dẫn"
// sheet first, "Thông tin chung" as a form (Vietnamese labels, one value a cell, choices as drop-down
// lists, dates as dates) with the manifest's lists on sheets of their own, Vietnamese sheet titles
// and headers with the contract name in each header's note, the 20 units and the criteria tree filled
// in, one appraisal row per unit and applicable leaf (the same keys as the committed scores) with the
// scores blank and checked from 0 to their criterion's maximum, drop-down lists on coded columns,
// header rows protected and data rows open; the same bytes on every run. Filled in Excel and read
// back, it gives the dataset.json the editor meant; the plan is optional, as plan.csv is.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { frameWorkbook, streamedWorkbookZip } from "../../../pipeline/publish/xlsx.ts";
import { readManifestSheets } from "../../../pipeline/read/manifest-sheets.ts";
import { readWorkbook } from "../../../pipeline/read/workbook.ts";
import { yearWorkbook } from "../../../pipeline/template/index.ts";
import { namedBySheet, validateFileSet } from "../../../pipeline/validate/file-set.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { datasetManifest } from "../../../schemas/dataset.ts";
import { manifestFormFields } from "../../../schemas/workbook.ts";

const year2023 = resolve(import.meta.dirname, "../../../data/2023");
const year2022 = resolve(import.meta.dirname, "../../../data/2022");
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

async function made(folder: string, filled: boolean): Promise<Uint8Array> {
  const result = await yearWorkbook(folder, { filled, buildTime });
  if (!("bytes" in result)) throw new Error(JSON.stringify(result.problems));
  return result.bytes;
}

async function load(from: Uint8Array): Promise<ExcelJS.Workbook> {
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(
    from.buffer.slice(from.byteOffset, from.byteOffset + from.byteLength) as ArrayBuffer,
  );
  return loaded;
}

/** A workbook saved again after an editor's changes, as a year's one input. */
async function validated(edited: ExcelJS.Workbook, folderYear = 2023) {
  const files = new Map([["du-lieu.xlsx", new Uint8Array(await edited.xlsx.writeBuffer())]]);
  const result = validateFileSet(files, { folderYear, digest: sha256 });
  return { data: result.data, problems: namedBySheet(result) };
}

const manifest2023 = () =>
  JSON.parse(readFileSync(join(year2023, "dataset.json"), "utf8")) as Record<string, unknown>;

beforeAll(async () => {
  bytes = await made(year2023, false);
  await book.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
}, 60_000);

describe("the template of data/2023", () => {
  it("has the guide sheet first, then one sheet per input under its Vietnamese title", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "Hướng dẫn",
      "Thông tin chung",
      "Xếp loại",
      "Căn cứ pháp lý",
      "Lịch sử công bố",
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
    // The unit type's help names the labels the list offers, not the CSV codes.
    expect(communes.getCell("C1").note).toContain("Chọn: Xã, Phường, Thị trấn, Đặc khu.");
    expect(communes.getCell("C1").note).not.toMatch(/\bxa\b|thi_tran/);
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
    expect(validationAt(communes, "C25")).toMatchObject({
      type: "list",
      formulae: ['"Xã,Phường,Thị trấn,Đặc khu"'],
    });
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

  it("checks every score from 0 to its row's criterion's maximum, with a Vietnamese input message", () => {
    const sheet = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
    for (const address of ["C2", "D2", "D800"]) {
      const check = validationAt(sheet, address);
      expect(check).toMatchObject({ type: "decimal", showInputMessage: true, allowBlank: true });
      expect(check?.operator ?? "between").toBe("between");
      expect(check?.formulae?.[0]).toBe(0);
      expect(check?.prompt).toMatch(/^Số từ 0 đến điểm tối đa của tiêu chí/);
    }
    // The maximum is the criteria sheet's "Điểm tối đa" on the row of the appraisal row's criterion
    // (exceljs reads a decimal check's formula back as a number, so it is read from the XML).
    const last = csvRows("criteria.csv").length + 1;
    const xml = Object.values(unzipSync(bytes))
      .map((part) => strFromU8(part))
      .join("");
    const sheetRef = "&apos;Tiêu chí&apos;";
    const maximum = `INDEX(${sheetRef}!$C$2:$C$${last},MATCH($B2,${sheetRef}!$A$2:$A$${last},0))`;
    // One check on each score column, self-assessed and appraised.
    const checks = [
      ...xml.matchAll(/sqref="([A-Z]+)2:\1\d+"><formula1>0<\/formula1><formula2>(INDEX\([^<]*)</g),
    ];
    expect(checks.map(([, column, formula]) => [column, formula])).toEqual([
      ["C", maximum],
      ["D", maximum],
    ]);
  });

  it("checks dates as dates and writes them as dates", async () => {
    const plan = book.getWorksheet("Kế hoạch") as ExcelJS.Worksheet;
    expect(plan.getRow(1).values).toContain("Hạn hoàn thành");
    expect(validationAt(plan, "F2")).toMatchObject({
      type: "date",
      operator: "between",
      showInputMessage: true,
    });
    const filled = await load(await made(year2023, true));
    const steps = filled.getWorksheet("Kế hoạch") as ExcelJS.Worksheet;
    const planned = csvRows("plan.csv")[0]?.[5] as string;
    expect(steps.getCell("F2").value).toBeInstanceOf(Date);
    expect((steps.getCell("F2").value as Date).toISOString().slice(0, 10)).toBe(planned);
    expect(steps.getCell("F2").numFmt).toBe("dd/mm/yyyy");
  });

  it("protects every header row without a password and leaves the data rows open", () => {
    for (const sheet of book.worksheets) {
      const { sheetProtection: protection } = sheet as unknown as {
        sheetProtection: {
          sheet?: boolean;
          hashValue?: string;
          insertRows?: boolean;
        };
      };
      expect(protection, sheet.name).toMatchObject({ sheet: true, insertRows: true });
      expect(protection.hashValue, sheet.name).toBeUndefined();
      expect(sheet.getCell("A1").protection?.locked, sheet.name).not.toBe(false);
      expect(sheet.views[0], sheet.name).toMatchObject({ state: "frozen", ySplit: 1 });
    }
    const appraisal = book.getWorksheet("Điểm thẩm định") as ExcelJS.Worksheet;
    expect(appraisal.getCell("D2").protection).toMatchObject({ locked: false });
    expect(appraisal.getCell("A2").protection).toMatchObject({ locked: false });
  });

  it("reports the rows written into each input sheet, a block of 2,000 rows at a time", async () => {
    const heard: [string, number, number][] = [];
    await yearWorkbook(year2023, {
      filled: true,
      buildTime,
      progress: (sheet, written, rows) => heard.push([sheet, written, rows]),
    });
    const appraisal = csvRows("appraisal.csv").length;
    const citizens = csvRows("survey-citizens.csv").length;
    expect(
      heard.filter(([sheet]) => ["Danh sách xã", "Điểm thẩm định", "Phiếu người dân"].includes(sheet)),
    ).toEqual([
      // In the zip's order (sheet11, sheet13, sheet6): each sheet fits in one block.
      ["Điểm thẩm định", appraisal, appraisal],
      ["Phiếu người dân", citizens, citizens],
      ["Danh sách xã", 20, 20],
    ]);
    // A sheet of 4,500 rows: three blocks.
    const { workbook, frame } = frameWorkbook(buildTime);
    workbook.addWorksheet("rows").commit();
    const blocks: [string, number, number][] = [];
    streamedWorkbookZip(
      await frame(),
      new Map([["xl/worksheets/sheet1.xml", () => ({ rows: 4500, columns: 1, cell: (row: number) => row })]]),
      buildTime,
      (entry, written, rows) => blocks.push([entry, written, rows]),
    );
    expect(blocks).toEqual([
      ["xl/worksheets/sheet1.xml", 2000, 4500],
      ["xl/worksheets/sheet1.xml", 4000, 4500],
      ["xl/worksheets/sheet1.xml", 4500, 4500],
    ]);
  });

  it("makes every input column at least as wide as its header", () => {
    for (const sheet of book.worksheets.slice(1)) {
      (sheet.getRow(1).values as unknown[]).forEach((label, column) => {
        if (typeof label === "string")
          expect(sheet.getColumn(column).width, `${sheet.name}: ${label}`).toBeGreaterThan(label.length);
      });
    }
  });
});

describe("“Thông tin chung”: the manifest as a form", () => {
  it("has one Vietnamese label a row and a value a cell: no JSON, no English key", () => {
    const form = book.getWorksheet("Thông tin chung") as ExcelJS.Worksheet;
    expect(form.getRow(1).values).toEqual([undefined, "Mục", "Giá trị"]);
    const labels: unknown[] = [];
    const keys = new Set([...Object.keys(datasetManifest.shape), ...Object.keys(manifestFormFields)]);
    book.worksheets
      .filter((sheet) =>
        ["Thông tin chung", "Xếp loại", "Căn cứ pháp lý", "Lịch sử công bố"].includes(sheet.name),
      )
      .forEach((sheet) =>
        sheet.eachRow((row) =>
          row.eachCell((cell) => {
            expect(String(cell.value), `${sheet.name}!${cell.address}`).not.toMatch(/^\s*[[{]/);
            expect(keys.has(String(cell.value)), `${sheet.name}!${cell.address}`).toBe(false);
          }),
        ),
      );
    form.eachRow((row, n) => {
      if (n > 1) labels.push(row.getCell(1).value);
    });
    expect(labels).toEqual(Object.values(manifestFormFields));
    expect(form.getCell("B2").value).toBe(2023);
    expect(form.getCell("B4").value).toBe("Minh họa");
    expect(validationAt(form, "B4")).toMatchObject({ type: "list", formulae: ['"Minh họa,Chính thức"'] });
    expect(form.getCell("B6").value).toBeNull();
    expect(validationAt(form, "B6")).toMatchObject({ type: "date" });
    expect(form.getCell("B7").value).toBe("30");
    const bands = book.getWorksheet("Xếp loại") as ExcelJS.Worksheet;
    expect(bands.getRow(2).values).toEqual([undefined, "A", "Nhóm A (từ 90% trở lên)", 90]);
    const legal = book.getWorksheet("Căn cứ pháp lý") as ExcelJS.Worksheet;
    expect(legal.getCell("B2").value).toEqual(new Date("2022-12-15T00:00:00Z"));
    const releases = book.getWorksheet("Lịch sử công bố") as ExcelJS.Worksheet;
    expect(releases.getRow(2).values).toEqual([
      undefined,
      "1.0.0",
      new Date("2024-03-15T00:00:00Z"),
      "Công bố",
      "Công bố dữ liệu minh họa",
    ]);
  });

  it("reads back as the dataset.json it was made from", () => {
    const read = readWorkbook("mau.xlsx", bytes);
    const form = read.sheets.find((sheet) => sheet.name === "Thông tin chung");
    if (form === undefined) throw new Error("no form");
    const manifest = readManifestSheets(form, read.sheets);
    expect(manifest.problems).toEqual([]);
    expect(JSON.parse(new TextDecoder().decode(manifest.json ?? new Uint8Array()))).toEqual(manifest2023());
  });

  it("filled in Excel (a choice, a date, a contact, a correction) reads back as the editor meant", async () => {
    const edited = await load(await made(year2023, true));
    const form = edited.getWorksheet("Thông tin chung") as ExcelJS.Worksheet;
    form.getCell("B4").value = "Chính thức";
    form.getCell("B6").value = new Date("2024-03-20T00:00:00Z");
    form.getCell("B16").value = "0220 3767 123";
    const releases = edited.getWorksheet("Lịch sử công bố") as ExcelJS.Worksheet;
    releases.addRow([
      "1.0.1",
      new Date("2024-04-02T00:00:00Z"),
      "Đính chính",
      "Sửa điểm tiêu chí 1.2",
      "11209, 11224",
    ]);
    const { data, problems } = await validated(edited);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    const expected = manifest2023() as { contact: object; releases: object[] };
    expect(data?.manifest).toEqual({
      ...expected,
      status: "official",
      published_on: "2024-03-20",
      contact: { ...expected.contact, phone: "0220 3767 123" },
      releases: [
        ...expected.releases,
        {
          version: "1.0.1",
          date: "2024-04-02",
          kind: "correction",
          reason: "Sửa điểm tiêu chí 1.2",
          communes: ["11209", "11224"],
        },
      ],
    });
  });

  it("names the sheet, the row and the column of a wrong value", async () => {
    const bands = await load(await made(year2023, true));
    (bands.getWorksheet("Xếp loại") as ExcelJS.Worksheet).getCell("C3").value = 95;
    const year = await load(await made(year2023, true));
    const form = year.getWorksheet("Thông tin chung") as ExcelJS.Worksheet;
    form.getCell("B2").value = "hai nghìn";
    // The title's row deleted: the problem names the field by its label.
    form.spliceRows(3, 1);
    const errors = async (edited: ExcelJS.Workbook) =>
      (await validated(edited)).problems.filter((p) => p.severity === "error");
    expect(await errors(bands)).toMatchObject([
      { code: "bands_order", file: "Xếp loại", line: 3, column: "Từ (% điểm tối đa)" },
    ]);
    expect(await errors(year)).toMatchObject([
      { code: "dataset_field", file: "Thông tin chung", line: null, column: "Tên bộ dữ liệu", value: null },
      { code: "dataset_field", file: "Thông tin chung", line: 2, column: "Giá trị", value: "hai nghìn" },
    ]);
  });
});

describe("the plan is optional in a workbook, as plan.csv is", () => {
  it("a workbook without the sheet “Kế hoạch” validates, without a plan", async () => {
    const edited = await load(await made(year2023, true));
    edited.removeWorksheet((edited.getWorksheet("Kế hoạch") as ExcelJS.Worksheet).id);
    const { data, problems } = await validated(edited);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(data?.plan).toBeNull();
  });

  it("a year without plan.csv: its filled workbook's “Kế hoạch” has the header only, and validates", async () => {
    const filled = await load(await made(year2022, true));
    expect((filled.getWorksheet("Kế hoạch") as ExcelJS.Worksheet).actualRowCount).toBe(1);
    const { data, problems } = await validated(filled, 2022);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(data?.plan).toBeNull();
  });
});
