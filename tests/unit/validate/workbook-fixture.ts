// The small valid year of fixture.ts as an Excel workbook written by exceljs (not the project's
// template writer), as Excel would store what an editor typed: numbers as numbers (so 1002 typed
// for 01002 loses its zero), codes with a leading zero as text, formulas with or without a result.
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { inputFiles, type InputFileName } from "../../../pipeline/model.ts";
import { sheetWords } from "../../../schemas/workbook.ts";

export type Texts = Record<InputFileName, string>;
/** A cell to store as something else than what the text says: a formula, with or without its result. */
export type Override = { file: InputFileName; cell: string; value: ExcelJS.CellValue };

export const title = (file: InputFileName) => sheetWords[file.replace(/\.(csv|json)$/, "")]?.title as string;
/** What Excel makes of a typed number: 1002 and 28.5 become numbers, 01002 only stays as text. */
export const excelNumber = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * The workbook of `texts`: `overrides` store some cells otherwise, `omit` leaves sheets out, and
 * `change` edits the workbook before it is written (a hidden sheet, the 1904 date system…).
 */
export async function workbook(
  texts: Texts,
  overrides: Override[] = [],
  omit: InputFileName[] = [],
  change: (book: ExcelJS.Workbook) => void = () => {},
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const dataset = book.addWorksheet(title("dataset.json"));
  dataset.addRow(["field", "value"]);
  for (const [field, value] of Object.entries(JSON.parse(texts["dataset.json"]) as Record<string, unknown>)) {
    dataset.addRow([
      field,
      typeof value === "string" || typeof value === "number" ? value : JSON.stringify(value),
    ]);
  }
  for (const file of inputFiles.filter((f) => f.endsWith(".csv") && !omit.includes(f))) {
    const sheet = book.addWorksheet(title(file));
    const lines = Papa.parse<string[]>(texts[file], { skipEmptyLines: false }).data;
    lines.forEach((cells, i) => {
      if (cells.every((c) => c === "")) return;
      sheet.getRow(i + 1).values = cells.map((c) => (excelNumber.test(c) ? Number(c) : c));
    });
    for (const o of overrides.filter((o) => o.file === file)) sheet.getCell(o.cell).value = o.value;
  }
  change(book);
  return new Uint8Array(await book.xlsx.writeBuffer());
}
