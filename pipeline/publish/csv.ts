// Published CSV (docs/data-contract.md#published-tables): UTF-8 with a BOM so that Excel shows Vietnamese correctly, `,` between
// cells, `.` decimals, CRLF line ends (RFC 4180, what Excel itself writes), the contract's columns in
// order, null as an empty cell. Numbers are printed exactly as published: the shortest text that reads
// back as the same number (81.1, not 81.10), so a coefficient of 0.125 is not cut to 2 decimals.
import Papa from "papaparse";
import type { PublishedTableName } from "../../schemas/published.ts";
import type { ComputedTables } from "../model.ts";
import { neutraliseFormula } from "../rules/formula.ts";
import { columnValues, rowCount, tableColumns, type Cell } from "./columns.ts";

const byteOrderMark = "\uFEFF";
const lineEnd = "\r\n";
const utf8 = new TextEncoder();

/**
 * Rows are read, unparsed and encoded this many at a time: the responses table has millions of
 * rows, and its cells, one array per row and one string of the whole file would cost gigabytes.
 * Papa quotes a cell from its own content only, so unparsing in slices gives the same text as all
 * at once.
 */
const rowsPerSlice = 65_536;
const unparseConfig = { delimiter: ",", newline: lineEnd };

/** The CSV bytes of one published table, BOM included. */
export function tableCsv<K extends PublishedTableName>(table: K, data: ComputedTables[K]): Uint8Array {
  const columns = tableColumns(table);
  /** The cells of rows [from, to), column by column, text cells neutralised. */
  const values = (from: number, to: number) =>
    columns.map((column) => {
      const cells = columnValues(table, data, column, from, to);
      if (column.kind === "text") {
        for (let row = 0; row < cells.length; row++) {
          const cell = cells[row];
          if (cell !== null && cell !== undefined) cells[row] = neutraliseFormula(String(cell));
        }
      }
      return cells;
    });
  const rows = rowCount(data);
  // Every line ends with CRLF, the last one too (diff tools and `wc -l` expect it).
  const parts = [
    utf8.encode(
      byteOrderMark + Papa.unparse([columns.map((column) => column.name)], unparseConfig) + lineEnd,
    ),
  ];
  for (let start = 0; start < rows; start += rowsPerSlice) {
    const end = Math.min(rows, start + rowsPerSlice);
    const cells = values(start, end);
    const slice: Cell[][] = [];
    for (let row = 0; row < end - start; row++) slice.push(cells.map((column) => column[row] ?? null));
    parts.push(utf8.encode(Papa.unparse(slice, unparseConfig) + lineEnd));
  }
  return concatBytes(parts);
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}
