// Published CSV (DATA.md §4): UTF-8 with a BOM so that Excel shows Vietnamese correctly, `,` between
// cells, `.` decimals, CRLF line ends (RFC 4180, what Excel itself writes), the contract's columns in
// order, null as an empty cell. Numbers are printed exactly as published: the shortest text that reads
// back as the same number (81.1, not 81.10), so a coefficient of 0.125 is not cut to 2 decimals.
import Papa from "papaparse";
import type { PublishedTableName, PublishedTables } from "../../schemas/published.ts";
import { columnValues, tableColumns, type Cell } from "./columns.ts";

/**
 * Text cells that a spreadsheet would run as a formula (OWASP "CSV injection") get a leading `'`.
 * Only text columns: a negative number such as an index change of -1.25 stays a number.
 */
const formulaTrigger = /^[=+\-@\t\r\n]/;

export function neutraliseFormula(text: string): string {
  return formulaTrigger.test(text) ? `'${text}` : text;
}

const byteOrderMark = "\uFEFF";

/** The CSV text of one published table, BOM included. */
export function tableCsv<K extends PublishedTableName>(table: K, rows: PublishedTables[K]): string {
  const columns = tableColumns(table);
  const values = columns.map((column) => {
    const cells = columnValues(table, rows, column);
    return column.kind === "text"
      ? cells.map((cell) => (cell === null ? null : neutraliseFormula(String(cell))))
      : cells;
  });
  const data: Cell[][] = rows.map((_, rowIndex) => values.map((cells) => cells[rowIndex] ?? null));
  const body = Papa.unparse(
    { fields: columns.map((column) => column.name), data },
    { delimiter: ",", newline: "\r\n", header: true },
  );
  // Every line ends with CRLF, the last one too (diff tools and `wc -l` expect it). unparse ends a
  // header-only table with one already, but not the last data row (which is never a bare CRLF:
  // a cell holding a line break is quoted).
  return `${byteOrderMark}${body}${body.endsWith("\r\n") ? "" : "\r\n"}`;
}
