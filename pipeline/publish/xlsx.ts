// The published workbook `chi-so-cchc-<year>.xlsx` (docs/data-contract.md#published-tables), for people who work in Excel: one
// sheet per table, Vietnamese headers from the contract, number formats, a frozen header row with
// filters. Text cells are written as text, never as formulas, so they need no `'` (unlike CSV).
// A table with more rows than an Excel sheet holds gets no sheet (a cut table would mislead);
// a first sheet "Ghi chú" then says so and where the whole table is.
//
// It must be byte-reproducible: exceljs stamps the clock into docProps/core.xml and the zip entries,
// so the dates are set to the build time and the zip is rewritten with fixed entry times and order.
//
// exceljs writes the workbook's frame — styles, columns, header rows, filters, notes — but not the
// table rows: it builds several objects per cell, which made the national workbook (an 837,400-row
// scores sheet) take over a minute and 2 GB. The rows are written here as the XML exceljs writes for
// them, byte for byte, into each sheet between its header and `</sheetData>`, and streamed into the
// zip a block of rows at a time.
import ExcelJS from "exceljs";
import { unzipSync, Zip, ZipDeflate, zipSync, type Unzipped, type Zippable } from "fflate";
import { createRequire } from "node:module";
import { Writable } from "node:stream";
import type { PublishedTableName } from "../../schemas/published.ts";
import { formatInt } from "../rules/format.ts";
import { tableTitles } from "../rules/table-titles.ts";
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

export type WorkbookWriter = ExcelJS.stream.xlsx.WorkbookWriter;

/** A column of a table sheet's frame: its header, width in characters and number format, if any. */
export interface SheetColumn {
  label: string;
  width: number;
  numFmt?: string;
}

/**
 * Adds a table's sheet to the frame, its header (after the sample notice's title row, if any) in
 * bold and wrapped, frozen, with filters, and no row below it; returns the zip entry its rows go into.
 */
export function addTableSheet(
  workbook: WorkbookWriter,
  name: string,
  columns: readonly SheetColumn[],
  notice: string | null,
): string {
  const headerRow = notice === null ? 1 : 2;
  const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: headerRow }] });
  // Column styles reach each cell as it is created, so number formats must be set before any row.
  sheet.columns = columns.map((column) => ({
    ...(notice === null ? { header: column.label } : {}),
    width: column.width,
    ...(column.numFmt === undefined ? {} : { style: { numFmt: column.numFmt } }),
  }));
  if (notice !== null) addTitleRows(sheet, notice, columns);
  const header = sheet.getRow(headerRow);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  // The filter is written when the sheet is committed, after its rows.
  sheet.autoFilter = {
    from: { row: headerRow, column: 1 },
    to: { row: headerRow, column: columns.length },
  };
  sheet.commit();
  return `xl/worksheets/sheet${sheet.id}.xml`;
}

/** A published table's columns in the year's workbook: widths from its values, plain number formats. */
function publishedColumns(tables: ComputedTables, table: PublishedTableName): SheetColumn[] {
  const data = tables[table];
  return tableColumns(table).map((column) => {
    const numFmt = numberFormat[column.kind];
    return {
      label: column.label,
      width: columnWidth(column, columnValues(table, data, column)),
      ...(numFmt === undefined ? {} : { numFmt }),
    };
  });
}

/**
 * Sample data: the notice as the sheet's first (title) row, in bold red, then the header row that
 * the sheet's columns would otherwise write as row 1. Frozen with the header, so it stays in view.
 */
function addTitleRows(
  sheet: ReturnType<WorkbookWriter["addWorksheet"]>,
  notice: string,
  columns: readonly SheetColumn[],
): void {
  const title = sheet.addRow([notice]);
  title.font = { bold: true, color: { argb: "FFC00000" } };
  title.commit();
  sheet.addRow(columns.map((column) => column.label));
}

// The escaping exceljs applies to cell text (it also drops control characters XML cannot hold):
// the same function, so that the rows written here are the bytes exceljs would write.
export const { xmlEncode } = createRequire(import.meta.url)("exceljs/lib/utils/utils.js") as {
  xmlEncode: (text: string) => string;
};

/** Column letters as in A1 references: 1 → A, 27 → AA. */
function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/** Rows per block of XML handed to the zip: about a megabyte. */
const rowsPerBlock = 2000;

/** The rows streamed into a sheet below its frame's rows: how many, how wide, and each cell. */
export interface SheetBody {
  rows: number;
  columns: number;
  cell(row: number, column: number): Cell;
}

/**
 * A table sheet's XML in blocks: the frame's XML up to `</sheetData>`, the rows, then the rest.
 * A cell takes its column's style (the `style` of its `<col>`); a blank cell is written only when
 * it has one, as exceljs does.
 */
function* sheetXml(frame: string, body: SheetBody): Generator<string> {
  const end = frame.lastIndexOf("</sheetData>");
  if (end === -1) throw new Error("workbook: a table sheet without sheetData");
  const head = frame.slice(0, end);
  const columns = body.columns;
  const styles: (string | null)[] = Array.from({ length: columns }, () => null);
  for (const [col] of head.matchAll(/<col [^>]*\/>/g)) {
    const attribute = (name: string) => new RegExp(` ${name}="(\\d+)"`).exec(col)?.[1];
    const style = attribute("style") ?? null;
    for (let c = Number(attribute("min")); c <= Number(attribute("max")) && c <= columns; c++) {
      styles[c - 1] = style;
    }
  }
  const lastRow = [...head.matchAll(/<row r="(\d+)"/g)].at(-1);
  const first = lastRow === undefined ? 1 : Number(lastRow[1]) + 1;
  const letters = styles.map((_, c) => columnLetters(c + 1));
  const spans = `1:${columns}`;
  const rows = body.rows;
  yield head;
  for (let start = 0; start < rows; start += rowsPerBlock) {
    let xml = "";
    for (let row = start; row < Math.min(rows, start + rowsPerBlock); row++) {
      const number = first + row;
      xml += `<row r="${number}" spans="${spans}" x14ac:dyDescent="0.25">`;
      for (let c = 0; c < columns; c++) {
        const value = body.cell(row, c);
        const style = styles[c];
        const s = style === null ? "" : ` s="${style}"`;
        if (value === null) {
          if (style !== null) xml += `<c r="${letters[c]}${number}"${s}/>`;
        } else if (typeof value === "number") {
          xml += `<c r="${letters[c]}${number}"${s}><v>${value}</v></c>`;
        } else {
          xml += `<c r="${letters[c]}${number}"${s} t="str"><v>${xmlEncode(value)}</v></c>`;
        }
      }
      xml += "</row>";
    }
    yield xml;
  }
  yield frame.slice(end);
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

/** The sheet that says which tables were left out for their size. */
export const notesSheet = "Ghi chú";

function addNotesSheet(workbook: WorkbookWriter, notes: readonly string[]): void {
  const sheet = workbook.addWorksheet(notesSheet);
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

/** Entry names as Office orders them: `[Content_Types].xml` first, then by name. */
function officeOrder(names: readonly string[]): string[] {
  const contentTypes = "[Content_Types].xml";
  return [...names].sort((a, b) =>
    a === contentTypes ? -1 : b === contentTypes ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
}

/**
 * Re-zip an Office file (the template, the draft report) with fixed entry times, in Office's order,
 * at deflate level 6 unless told.
 */
export function reproducibleZip(entries: Unzipped, buildTime: Date, level: 3 | 6 = 6): Uint8Array {
  const ordered: Zippable = {};
  for (const name of officeOrder(Object.keys(entries))) ordered[name] = entries[name] as Uint8Array;
  return zipSync(ordered, { level, mtime: zipTime(buildTime) });
}

/**
 * The zip of a workbook with fixed entry times, in Office's order; each sheet of `bodies` (by zip
 * entry) streamed in blocks between its frame's head and tail, its body made only when its turn comes.
 * `progress` hears of each block written: the entry, its rows written and its rows in all.
 */
export function streamedWorkbookZip(
  frame: Unzipped,
  bodies: ReadonlyMap<string, () => SheetBody>,
  buildTime: Date,
  progress?: (entry: string, written: number, rows: number) => void,
): Uint8Array {
  const names = officeOrder(Object.keys(frame));
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const encoder = new TextEncoder();
  const mtime = zipTime(buildTime);
  // Level 3, not 6: on these sheets fflate deflates 2.5 times faster for 4% more bytes, the
  // difference between about 30 s and 12 s for the national workbook's 900 MB of XML.
  for (const name of names) {
    const entry = new ZipDeflate(name, { level: 3 });
    entry.mtime = mtime;
    zip.add(entry);
    const bytes = frame[name] as Uint8Array;
    const makeBody = bodies.get(name);
    if (makeBody === undefined) {
      entry.push(bytes, true);
      continue;
    }
    const body = makeBody();
    // The blocks are the head, the rows a block at a time, then the tail.
    let blocks = 0;
    for (const block of sheetXml(new TextDecoder().decode(bytes), body)) {
      entry.push(encoder.encode(block));
      const written = Math.min(body.rows, blocks * rowsPerBlock);
      if (written > 0 && written > (blocks - 1) * rowsPerBlock) progress?.(name, written, body.rows);
      blocks++;
    }
    entry.push(new Uint8Array(0), true);
  }
  zip.end();
  return Buffer.concat(chunks);
}

/**
 * A small workbook's zip (a unit's): its frame with each sheet of `bodies` (by zip entry) filled
 * in whole, zipped at once as `reproducibleZip` does. `streamedWorkbookZip` is for sheets too large
 * to hold: fflate's streaming deflate gives every block a hash table of a million entries, a cost
 * that only pays on sheets of thousands of rows.
 */
export function filledWorkbookZip(
  frame: Unzipped,
  bodies: ReadonlyMap<string, SheetBody>,
  buildTime: Date,
): Uint8Array {
  const entries: Unzipped = { ...frame };
  const encoder = new TextEncoder();
  for (const [name, body] of bodies) {
    const bytes = frame[name];
    if (bytes === undefined) throw new Error(`workbook: no sheet ${name} in the frame`);
    entries[name] = encoder.encode([...sheetXml(new TextDecoder().decode(bytes), body)].join(""));
  }
  // Level 3, as the streamed workbook: a unit's workbook deflates in half the time, 2% larger.
  return reproducibleZip(entries, buildTime, 3);
}

/**
 * An exceljs streaming writer of a workbook's frame (styles, columns, header rows, notes, …, dated
 * `buildTime`); `frame()` commits it and gives its zip entries, for `streamedWorkbookZip`.
 */
export function frameWorkbook(buildTime: Date): { workbook: WorkbookWriter; frame: () => Promise<Unzipped> } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // Stored, not deflated: the zip is rewritten anyway, and fflate deflates reproducibly on any
  // Node (its own code, not the platform's zlib). Inline strings, not a shared-strings table: that
  // table would hold every distinct text of the workbook in memory until the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
    zip: { store: true },
  });
  workbook.creator = "chi-so-cchc-ninh-giang";
  workbook.lastModifiedBy = "chi-so-cchc-ninh-giang";
  workbook.created = buildTime;
  workbook.modified = buildTime;
  const frame = async () => {
    await workbook.commit();
    return unzipSync(Buffer.concat(chunks.splice(0)));
  };
  return { workbook, frame };
}

/**
 * The workbook of every published table that fits in a sheet, as bytes. `sheetRows` is Excel's
 * limit; only tests set a smaller one.
 */
export async function tablesXlsx(
  tables: ComputedTables,
  options: { title: string; buildTime: Date; sheetRows?: number; notice?: string | null },
): Promise<Uint8Array> {
  const sheetRows = options.sheetRows ?? excelSheetRows;
  const notice = options.notice ?? null;
  const { workbook, frame } = frameWorkbook(options.buildTime);
  workbook.title = options.title;
  const headerRows = notice === null ? 1 : 2;
  const fits = (table: PublishedTableName) => rowCount(tables[table]) + headerRows <= sheetRows;
  const tooLarge = publishedTableNames.filter((table) => !fits(table));
  // Sample data: the notice is the first note, so the workbook opens on it.
  const notes = [
    ...(notice === null ? [] : [notice]),
    ...tooLarge.map((table) => tooLargeNote(table, rowCount(tables[table]), sheetRows)),
  ];
  if (notes.length > 0) addNotesSheet(workbook, notes);
  const bodies = new Map<string, () => SheetBody>();
  for (const table of publishedTableNames.filter(fits)) {
    // One table's cells at a time (read again rather than kept from the frame's column widths).
    bodies.set(addTableSheet(workbook, table, publishedColumns(tables, table), notice), () => {
      const values = tableColumns(table).map((column) => columnValues(table, tables[table], column));
      return { rows: values[0]?.length ?? 0, columns: values.length, cell: (row, c) => values[c]![row]! };
    });
  }
  return streamedWorkbookZip(await frame(), bodies, options.buildTime);
}
