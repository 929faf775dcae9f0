// One workbook sheet → the same table a CSV file gives (pipeline/read/csv.ts), so every later check
// runs unchanged; lines are Excel's row numbers. Headers may be the contract's column names or the
// template's Vietnamese headers, coded values the codes or their Vietnamese labels (schemas/workbook.ts).
import { wordsOf } from "../../schemas/workbook.ts";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import {
  checkHeader,
  hasContentFrom,
  inputFormulaTrigger,
  type CsvRead,
  type CsvRow,
  type CsvSpec,
  type CsvTable,
} from "./csv.ts";
import { headerScore } from "./header.ts";
import { findLegacyVietnamese } from "./legacy.ts";
import type { SheetRow } from "./workbook.ts";

/** How many rows from the top may hold a title above the real header (as in a CSV file). */
const headerSearchRows = 10;

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("vi");

/** Vietnamese header → contract column, and per column Vietnamese label → code. */
function vocabulary(file: string): {
  headers: Map<string, string>;
  values: Map<string, Map<string, string>>;
} {
  const words = wordsOf(file);
  const headers = new Map(Object.entries(words?.columns ?? {}).map(([name, label]) => [fold(label), name]));
  const values = new Map(
    Object.entries(words?.values ?? {}).map(([column, labels]) => [
      column,
      new Map(Object.entries(labels).map(([code, label]) => [fold(label), code])),
    ]),
  );
  return { headers, values };
}

/** A sheet's rows given one by one to `onRow` (WorkbookSheet.each); false if it could not be read. */
export type SheetRows = (onRow: (row: SheetRow) => boolean | void) => boolean;

/** A sheet's table without its rows, which go one by one to the caller (readSheetRows). */
export type SheetTable = Omit<CsvTable, "rows">;

/**
 * Reads one sheet as the input file `spec.file`, whose name the problems carry (the caller names the
 * sheet instead once every check ran); their lines are Excel's row numbers. The sheet's rows come
 * from `each` as it reads them and, once the header is found among the first rows, each body row
 * goes to the sink `start` returns, so that no row outlives its turn (a survey sheet may have
 * 1,048,576). `table` is null when the sheet is no table (its problems tell why); `rows` counts
 * the body rows given to the sink.
 */
export function readSheetRows(
  each: SheetRows,
  spec: CsvSpec,
  start: (table: SheetTable) => (row: CsvRow) => void,
): { table: SheetTable | null; rows: number; problems: Problem[] } {
  const sheet = spec.file;
  const problems: Problem[] = [];
  const { headers, values } = vocabulary(spec.file);
  const asColumn = (cell: string) => headers.get(fold(cell)) ?? cell.normalize("NFC").trim();
  const expected = new Set([...spec.required, ...(spec.optional ?? []), ...(spec.questions?.ids ?? [])]);
  /** The first non-blank rows, where the header is looked for. */
  const top: SheetRow[] = [];
  let table: SheetTable | null = null;
  let failed = false;
  let sink: (row: CsvRow) => void = () => {};
  let header: string[] = [];
  let labels: (Map<string, string> | undefined)[] = [];
  let count = 0;
  let nfcReported = false;

  /** Finds the header among the top rows; the rows below it are then read as the body. */
  function findHeader(): void {
    const first = top[0];
    if (first === undefined) {
      problems.push(problem("empty_file", { file: sheet, line: null }));
      failed = true;
      return;
    }
    let best: { at: number; score: number } | null = null;
    top.forEach((r, at) => {
      const score = headerScore(r.cells.map(asColumn), expected);
      if (score > 0 && (best === null || score > best.score)) best = { at, score };
    });
    if (best === null) {
      const found = first.cells.join(", ");
      const at = { file: sheet, line: first.row, value: found.slice(0, 200) };
      problems.push(problem("header_not_found", at, { expected: [...expected].join(", "), found }));
      failed = true;
      return;
    }
    const headerAt = (best as { at: number }).at;
    const headerRow = top[headerAt] as SheetRow;
    if (headerAt > 0)
      problems.push(problem("title_row", { file: sheet, line: first.row }, { header_line: headerRow.row }));
    // Trailing blank header cells are Excel's formatting, not columns.
    header = headerRow.cells.map(asColumn);
    while (header.length > 0 && header.at(-1) === "") header.pop();
    const checked = checkHeader(header, spec);
    for (const p of checked.problems) problems.push(p.line === 1 ? { ...p, line: headerRow.row } : p);
    labels = header.map((name) => values.get(name));
    table = {
      header,
      index: checked.index,
      questionColumns: checked.questionColumns,
      headerLine: headerRow.row,
    };
    sink = start(table);
    for (const r of top.slice(headerAt + 1)) if (!body(r)) return;
  }

  /** One body row to the sink; false when the sheet turns out to be no table after all. */
  function body(r: SheetRow): boolean {
    const line = r.row;
    const width = header.length;
    const ragged = hasContentFrom(r.cells, width);
    if (ragged)
      problems.push(problem("ragged_row", { file: sheet, line }, { found: r.cells.length, expected: width }));
    const cells: string[] = [];
    for (let i = 0; i < width; i++) {
      const raw = r.cells[i] ?? "";
      const trigger = inputFormulaTrigger(raw);
      if (trigger !== null) {
        problems.push(
          problem(
            "formula_trigger",
            { file: sheet, line, column: header[i] ?? null, value: raw },
            { trigger },
          ),
        );
      }
      const legacy = findLegacyVietnamese(raw);
      if (legacy) {
        const at = { file: sheet, line, value: legacy.sample };
        problems.push(problem("legacy_vietnamese_encoding", at, { sample: legacy.sample }));
        failed = true;
        return false;
      }
      const nfc = raw.normalize("NFC");
      if (nfc !== raw && !nfcReported) {
        nfcReported = true;
        problems.push(problem("text_not_nfc", { file: sheet, line }, { line }));
      }
      const cell = nfc.trim();
      cells.push(labels[i]?.get(fold(cell)) ?? cell);
    }
    count++;
    sink(ragged ? { line, cells, ragged } : { line, cells });
    return true;
  }

  const read = each((r) => {
    if (!r.cells.some((c) => c.trim() !== "")) return true;
    if (table === null) {
      top.push(r);
      if (top.length === headerSearchRows) findHeader();
      return !failed;
    }
    return body(r);
  });
  if (read && table === null && !failed) findHeader();
  // A sheet in an old Vietnamese encoding is no table: its other problems are noise.
  const legacy = problems.find((p) => p.code === "legacy_vietnamese_encoding");
  if (legacy) return { table: null, rows: count, problems: problems.slice(0, problems.indexOf(legacy) + 1) };
  if (!read || failed) return { table: null, rows: count, problems };
  if (count === 0) problems.push(problem("no_rows", { file: sheet, line: null }));
  return { table, rows: count, problems };
}

/** A whole sheet as the table a CSV file gives, its rows held (readSheetRows): for the small sheets. */
export function readSheet(each: SheetRows, spec: CsvSpec): CsvRead {
  const body: CsvRow[] = [];
  const read = readSheetRows(each, spec, () => (row) => body.push(row));
  return { table: read.table && { ...read.table, rows: body }, problems: read.problems };
}
