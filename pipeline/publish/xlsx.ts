// The published workbook `chi-so-cchc-<year>.xlsx` (DATA.md §4), for people who work in Excel: one
// sheet per table, Vietnamese headers from the contract, number formats, a frozen header row with
// filters. Text cells are written as text, never as formulas, so they need no `'` (unlike CSV).
// A table with more rows than an Excel sheet holds gets no sheet (a cut table would mislead);
// a first sheet "Ghi chú" then says so and where the whole table is.
//
// It must be byte-reproducible: exceljs stamps the clock into docProps/core.xml and the zip entries,
// so the dates are set to the build time and the zip is rewritten with fixed entry times and order.
import ExcelJS from "exceljs";
import { unzipSync, zipSync, type Unzipped, type Zippable } from "fflate";
import { Writable } from "node:stream";
import type { PublishedTableName } from "../../schemas/published.ts";
import { formatInt } from "../../site/lib/format.ts";
import { tableTitles } from "../../site/lib/dictionary.ts";
import type { ComputedTables } from "../model.ts";
import {
  columnValues,
  publishedTableNames,
  rowCount,
  tableColumns,
  type Cell,
  type ColumnKind,
  type TableColumn,
} from "./columns.ts";

// Text cells are written as strings and keep the General format: a per-cell "@" style would only
// slow exceljs down (it styles every cell it writes) and change nothing a reader sees.
const numberFormat: Partial<Record<ColumnKind, string>> = { decimal: "0.00", integer: "0" };

// Column widths in characters: wide enough for the values, headers wrap beyond `headerWidth`.
const minWidth = 8;
const maxWidth = 60;
const headerWidth = 22;

function columnWidth(column: TableColumn, cells: Cell[]): number {
  const widest = cells.reduce<number>(
    (max, cell) => Math.max(max, cell === null ? 0 : String(cell).length),
    0,
  );
  return Math.min(maxWidth, Math.max(minWidth, Math.min(column.label.length, headerWidth), widest) + 2);
}

/** The rows of one Excel worksheet, header included (Excel 2007 and later). */
export const excelSheetRows = 1_048_576;

// The streaming writer: each row is written into the sheet's XML as soon as it is committed and
// then dropped, so a national table of 800,000 rows never lives in memory as exceljs cells.
type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

function addTableSheet(workbook: WorkbookWriter, tables: ComputedTables, table: PublishedTableName): void {
  const data = tables[table];
  const rows = rowCount(data);
  const columns = tableColumns(table);
  const values = columns.map((column) => columnValues(table, data, column));
  const sheet = workbook.addWorksheet(table, { views: [{ state: "frozen", ySplit: 1 }] });
  // Column styles reach each cell as it is created, so number formats must be set before any row.
  sheet.columns = columns.map((column, index) => {
    const numFmt = numberFormat[column.kind];
    return {
      header: column.label,
      key: column.name,
      width: columnWidth(column, values[index] ?? []),
      ...(numFmt === undefined ? {} : { style: { numFmt } }),
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  // The filter is written when the sheet is committed, after its rows.
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  for (let row = 0; row < rows; row++) sheet.addRow(values.map((cells) => cells[row] ?? null)).commit();
  sheet.commit();
}

/** The note of a table left out for its size, in Vietnamese: what it is and where to get it. */
function tooLargeNote(table: PublishedTableName, rows: number, sheetRows: number): string {
  return (
    `Bảng ${table} (${tableTitles[table]}) có ${formatInt(rows)} dòng, nhiều hơn số dòng tối đa ` +
    `của một trang tính Excel (${formatInt(sheetRows)} dòng, kể cả dòng tiêu đề), nên không có ` +
    `trong tệp này. Bảng đầy đủ có trong các tệp ${table}.csv và ${table}.parquet, tải ở trang ` +
    `Dữ liệu (/du-lieu/), cùng nơi với tệp này; Excel cũng chỉ mở được phần đầu của tệp CSV đó.`
  );
}

function addNotesSheet(workbook: WorkbookWriter, notes: readonly string[]): void {
  const sheet = workbook.addWorksheet("Ghi chú");
  sheet.columns = [{ header: "Ghi chú", key: "note", width: 120 }];
  sheet.getRow(1).font = { bold: true };
  for (const note of notes) {
    const row = sheet.addRow([note]);
    row.alignment = { wrapText: true, vertical: "top" };
    row.commit();
  }
  sheet.commit();
}

/**
 * fflate writes zip times as local wall-clock fields (DOS time has no zone); building the Date
 * from the build time's UTC fields makes the stored time the UTC build time on any machine. DOS
 * time starts in 1980, so an earlier build time (SOURCE_DATE_EPOCH=0 is common) becomes 1980-01-01.
 */
function zipTime(buildTime: Date): Date {
  if (buildTime.getUTCFullYear() < 1980) return new Date(1980, 0, 1);
  return new Date(
    buildTime.getUTCFullYear(),
    buildTime.getUTCMonth(),
    buildTime.getUTCDate(),
    buildTime.getUTCHours(),
    buildTime.getUTCMinutes(),
    buildTime.getUTCSeconds(),
  );
}

/** Re-zip with fixed entry times, `[Content_Types].xml` first (as Office writes it), then by name. */
export function reproducibleZip(entries: Unzipped, buildTime: Date): Uint8Array {
  const contentTypes = "[Content_Types].xml";
  const names = Object.keys(entries).sort((a, b) =>
    a === contentTypes ? -1 : b === contentTypes ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const ordered: Zippable = {};
  for (const name of names) ordered[name] = entries[name] as Uint8Array;
  return zipSync(ordered, { level: 6, mtime: zipTime(buildTime) });
}

/**
 * The workbook of every published table that fits in a sheet, as bytes. `sheetRows` is Excel's
 * limit; only tests set a smaller one.
 */
export async function tablesXlsx(
  tables: ComputedTables,
  options: { title: string; buildTime: Date; sheetRows?: number },
): Promise<Uint8Array> {
  const sheetRows = options.sheetRows ?? excelSheetRows;
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // Stored, not deflated: the zip is rewritten below anyway, and fflate deflates reproducibly on
  // any Node (its own code, not the platform's zlib). Inline strings, not a shared-strings table:
  // that table would hold every distinct text of the workbook in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: { store: true },
  });
  workbook.creator = "chi-so-cchc-ninh-giang";
  workbook.lastModifiedBy = "chi-so-cchc-ninh-giang";
  workbook.title = options.title;
  workbook.created = options.buildTime;
  workbook.modified = options.buildTime;
  const fits = (table: PublishedTableName) => rowCount(tables[table]) + 1 <= sheetRows;
  const tooLarge = publishedTableNames.filter((table) => !fits(table));
  if (tooLarge.length > 0)
    addNotesSheet(
      workbook,
      tooLarge.map((table) => tooLargeNote(table, rowCount(tables[table]), sheetRows)),
    );
  for (const table of publishedTableNames.filter(fits)) addTableSheet(workbook, tables, table);
  await workbook.commit();
  // The stored zip is held once as chunks, once joined, once unzipped: emptying `chunks` and
  // keeping no name for the joined copy lets each go as soon as the next exists (national
  // workbooks hold several hundred megabytes of XML).
  return reproducibleZip(unzipSync(Buffer.concat(chunks.splice(0))), options.buildTime);
}
