import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { afterEach, describe, expect, it } from "vitest";
import { Writable } from "node:stream";
import { columnValues, publishedTableNames, tableColumns } from "../../../pipeline/publish/columns.ts";
import { tablesXlsx } from "../../../pipeline/publish/xlsx.ts";
import { buildTime, manifest, results } from "./fixture.ts";

const options = { title: manifest.title, buildTime };

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return workbook;
}

const originalTimeZone = process.env.TZ;
afterEach(() => {
  process.env.TZ = originalTimeZone;
});

describe("published XLSX workbook", () => {
  it("has one sheet per table, with Vietnamese headers from the contract", async () => {
    const workbook = await readWorkbook(await tablesXlsx(results().tables, options));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "results",
      "domains",
      "scores",
      "survey",
      "satisfaction",
      "survey_options",
      "responses",
    ]);
    const sheet = workbook.getWorksheet("results")!;
    expect(sheet.getCell("A1").value).toBe("Mã đơn vị hành chính (mã Tổng cục Thống kê)");
    expect(sheet.getCell("D1").value).toBe("Chỉ số CCHC (%)");
    expect(sheet.actualColumnCount).toBe(25);
    expect(sheet.actualRowCount).toBe(3);
  });

  it("keeps codes as text, formula-like names as plain text, numbers as numbers with formats", async () => {
    const sheet = (await readWorkbook(await tablesXlsx(results().tables, options))).getWorksheet("results")!;
    expect(sheet.getCell("A2").value).toBe("00007");
    expect(sheet.getCell("B2").value).toBe("=Xã Hồng Dụ");
    expect(sheet.getCell("B2").type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell("D2").value).toBe(91.5);
    expect(sheet.getCell("D2").numFmt).toBe("0.00");
    expect(sheet.getCell("E2").value).toBe(1);
    expect(sheet.getCell("E2").numFmt).toBe("0");
    // A null is an empty cell, not 0.
    expect(sheet.getCell("N3").value).toBeNull();
    expect(sheet.getCell("U2").value).toBe(-1.25);
  });

  it("gives the last row the column's number format and the header its bold, wrapped style", async () => {
    // Rows are streamed one by one: the format must reach every row, not just the first.
    const sheet = (await readWorkbook(await tablesXlsx(results().tables, options))).getWorksheet("results")!;
    expect(sheet.getCell("D3").numFmt).toBe("0.00");
    expect(sheet.getCell("E3").numFmt).toBe("0");
    expect(sheet.getCell("D1").font?.bold).toBe(true);
    expect(sheet.getCell("D1").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    // "Chỉ số CCHC (%)" is 15 characters, the values (91.5, 79.99) shorter: 15 + 2 = 17.
    expect(sheet.getColumn(4).width).toBe(17);
  });

  it("freezes the header row and puts filters on it", async () => {
    const sheet = (await readWorkbook(await tablesXlsx(results().tables, options))).getWorksheet("survey")!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const xml = strFromU8(
      unzipSync(await tablesXlsx(results().tables, options))["xl/worksheets/sheet4.xml"]!,
    );
    expect(xml).toContain('<autoFilter ref="A1:N1"/>');
  });

  it("stamps the build time, not the clock, in its properties and zip entries", async () => {
    const bytes = await tablesXlsx(results().tables, options);
    const core = strFromU8(unzipSync(bytes)["docProps/core.xml"]!);
    expect(core).toContain("2024-01-15T03:04:05Z");
    // Zip local header of the first entry: DOS time at offset 10, date at 12 (little-endian).
    // 03:04:05 → (3 << 11) | (4 << 5) | (5 >> 1) = 6144 + 128 + 2 = 6274;
    // 2024-01-15 → ((2024 − 1980) << 9) | (1 << 5) | 15 = 22528 + 32 + 15 = 22575.
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    expect(view.getUint16(10, true)).toBe(6274);
    expect(view.getUint16(12, true)).toBe(22575);
  });

  it("accepts a build time before 1980 (SOURCE_DATE_EPOCH=0), the zip stamping 1980-01-01 00:00:00", async () => {
    const bytes = await tablesXlsx(results().tables, { ...options, buildTime: new Date(0) });
    const view = new DataView(bytes.buffer, bytes.byteOffset);
    // 00:00:00 → 0; 1980-01-01 → (0 << 9) | (1 << 5) | 1 = 33.
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0, 33]);
    expect(strFromU8(unzipSync(bytes)["docProps/core.xml"]!)).toContain("1970-01-01T00:00:00Z");
  });

  it("is byte-identical on a second write and in another time zone", async () => {
    process.env.TZ = "UTC";
    const first = await tablesXlsx(results().tables, options);
    const second = await tablesXlsx(results().tables, options);
    process.env.TZ = "Asia/Ho_Chi_Minh";
    const elsewhere = await tablesXlsx(results().tables, options);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    expect(Buffer.from(elsewhere).equals(Buffer.from(first))).toBe(true);
  });

  it("holds none of the values that rows carry outside the contract", async () => {
    const entries = unzipSync(await tablesXlsx(results().tables, options));
    for (const [name, content] of Object.entries(entries)) {
      expect(strFromU8(content), name).not.toContain("CANARY");
    }
  });

  it("leaves out a table with more rows than a sheet holds, and says so and where to get it", async () => {
    // A limit of 2 sheet rows (header + 1 row) stands in for Excel's 1,048,576: results,
    // survey_options and responses (2 rows each) no longer fit; the 1-row tables do.
    const workbook = await readWorkbook(await tablesXlsx(results().tables, { ...options, sheetRows: 2 }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      "Ghi chú",
      "domains",
      "scores",
      "survey",
      "satisfaction",
    ]);
    const notes = workbook.getWorksheet("Ghi chú")!;
    expect(notes.getCell("A1").value).toBe("Ghi chú");
    const lines = [2, 3, 4].map((row) => String(notes.getCell(`A${row}`).value));
    expect(lines[0]).toMatch(
      /^Bảng results \(.+\) có 2 dòng, nhiều hơn số dòng tối đa của một trang tính Excel \(2 dòng/,
    );
    expect(lines[1]).toContain("Bảng survey_options");
    expect(lines[2]).toContain("Bảng responses");
    expect(lines[2]).toContain("responses.csv");
    expect(lines[2]).toContain("responses.parquet");
    expect(notes.getCell("A5").value).toBeNull();
  });

  it("writes each table's rows exactly as exceljs writes them, with a character XML must escape", async () => {
    // The rows are written without exceljs (for speed); exceljs writing the same rows itself, cell
    // by cell with the columns' number formats, is the reference for every sheet's <sheetData>.
    const tables = results().tables;
    tables.results[0]!.commune_name = `=Xã "Hồng" <Dụ> & 'Tân'\u0001`;
    const chunks: Buffer[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        chunks.push(chunk);
        done();
      },
    });
    const reference = new ExcelJS.stream.xlsx.WorkbookWriter({
      stream,
      useStyles: true,
      zip: { store: true },
    });
    for (const table of publishedTableNames) {
      const columns = tableColumns(table);
      const sheet = reference.addWorksheet(table);
      sheet.columns = columns.map((column) => ({
        header: column.label,
        key: column.name,
        ...(column.kind === "text" ? {} : { style: { numFmt: column.kind === "decimal" ? "0.00" : "0" } }),
      }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).alignment = { wrapText: true, vertical: "top" };
      const values = columns.map((column) => columnValues(table, tables[table], column));
      for (let row = 0; row < (values[0]?.length ?? 0); row++)
        sheet.addRow(values.map((cells) => cells[row] ?? null)).commit();
      sheet.commit();
    }
    await reference.commit();
    const expected = unzipSync(Buffer.concat(chunks));
    const written = unzipSync(await tablesXlsx(tables, options));
    const sheetData = (xml: Uint8Array | undefined) =>
      /<sheetData>.*<\/sheetData>/s.exec(strFromU8(xml!))?.[0];
    publishedTableNames.forEach((table, i) => {
      const entry = `xl/worksheets/sheet${i + 1}.xml`;
      expect(sheetData(written[entry]), table).toBe(sheetData(expected[entry]));
    });
    expect(sheetData(written["xl/worksheets/sheet1.xml"])).toContain(
      "<v>=Xã &quot;Hồng&quot; &lt;Dụ&gt; &amp; &apos;Tân&apos;</v>",
    );
  });

  it("keeps a table whose rows and header exactly fill a sheet", async () => {
    // results: 2 rows + header = 3 sheet rows, the limit given.
    const workbook = await readWorkbook(await tablesXlsx(results().tables, { ...options, sheetRows: 3 }));
    expect(workbook.getWorksheet("results")?.actualRowCount).toBe(3);
    expect(workbook.getWorksheet("Ghi chú")).toBeUndefined();
  });

  it("opens on the sample notice and repeats it above every sheet's header while the data are a sample", async () => {
    const notice = "Dữ liệu minh họa – không phải kết quả chính thức";
    const workbook = await readWorkbook(await tablesXlsx(results().tables, { ...options, notice }));
    expect(workbook.worksheets[0]?.name).toBe("Ghi chú");
    expect(workbook.getWorksheet("Ghi chú")?.getCell("A2").value).toBe(notice);
    const sheet = workbook.getWorksheet("results")!;
    expect(sheet.getCell("A1").value).toBe(notice);
    expect(sheet.getCell("A2").value).toBe("Mã đơn vị hành chính (mã Tổng cục Thống kê)");
    expect(sheet.getCell("A3").value).toBe("00007");
    // Two results rows under the notice and the header.
    expect(sheet.actualRowCount).toBe(4);
    for (const other of workbook.worksheets.filter((s) => s.name !== "Ghi chú")) {
      expect(other.getCell("A1").value, other.name).toBe(notice);
    }
  });

  it("counts the notice row against a sheet's size", async () => {
    // results: notice + header + 2 rows = 4 sheet rows; a limit of 3 leaves it out.
    const notice = "Dữ liệu minh họa – không phải kết quả chính thức";
    const workbook = await readWorkbook(
      await tablesXlsx(results().tables, { ...options, notice, sheetRows: 3 }),
    );
    expect(workbook.getWorksheet("results")).toBeUndefined();
    expect(String(workbook.getWorksheet("Ghi chú")?.getCell("A3").value)).toContain("Bảng results");
  });
});
