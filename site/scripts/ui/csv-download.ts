// The CSV files the site makes in the browser — "Tải dữ liệu đã lọc" (the rows of the current query)
// and the report of /kiem-tra/ — in the
// same form as the published CSVs (pipeline/publish/csv.ts): UTF-8 with a BOM so Excel shows
// Vietnamese, CRLF line ends, and text cells that a spreadsheet would run as a formula
// (= + - @ tab CR LF first) prefixed with ' — numbers are left as numbers.
import Papa from "papaparse";
import { formulaTrigger } from "../../../pipeline/rules/formula.ts";
import { downloadBlob } from "./download-file.ts";

/** CSV text (BOM included) of a header and rows of cells: every download the site makes. */
export function cellsToCsv(fields: readonly string[], data: readonly (readonly unknown[])[]): string {
  const body = Papa.unparse(
    { fields: [...fields], data: data.map((cells) => [...cells]) },
    { newline: "\r\n", escapeFormulae: formulaTrigger },
  );
  return `\uFEFF${body}\r\n`;
}

/** CSV text (BOM included) of `rows` with the given columns, in that order. */
export function rowsToCsv<Row extends object>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  return cellsToCsv(
    columns,
    rows.map((row) => columns.map((column) => row[column] ?? null)),
  );
}

/** Offers `csv` as a file download. */
export function downloadCsv(csv: string, fileName: string): void {
  downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), fileName);
}
