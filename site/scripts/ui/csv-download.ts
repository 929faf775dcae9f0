// "Tải dữ liệu đã lọc": the rows of the current query as a CSV file made in the browser, in the
// same form as the published CSVs (pipeline/publish/csv.ts): UTF-8 with a BOM so Excel shows
// Vietnamese, CRLF line ends, and text cells that a spreadsheet would run as a formula
// (= + - @ tab CR LF first) prefixed with ' — numbers are left as numbers.
import Papa from "papaparse";
import { formulaTrigger } from "../../../pipeline/rules/formula.ts";

/** CSV text (BOM included) of `rows` with the given columns, in that order. */
export function rowsToCsv<Row extends object>(
  rows: readonly Row[],
  columns: readonly (keyof Row & string)[],
): string {
  const body = Papa.unparse(
    {
      fields: [...columns],
      data: rows.map((row) => columns.map((column) => row[column] ?? null)),
    },
    { newline: "\r\n", escapeFormulae: formulaTrigger },
  );
  return `\uFEFF${body}\r\n`;
}

/** Offers `csv` as a file download (a blob: URL, released once the download has started). */
export function downloadCsv(csv: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
