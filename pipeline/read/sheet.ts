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

/**
 * Reads one sheet as the input file `spec.file`, whose name the problems carry (the caller names the
 * sheet instead once every check ran); their lines are Excel's row numbers.
 */
export function readSheet(rows: readonly SheetRow[], spec: CsvSpec): CsvRead {
  const sheet = spec.file;
  const problems: Problem[] = [];
  const { headers, values } = vocabulary(spec.file);
  const asColumn = (cell: string) => headers.get(fold(cell)) ?? cell.normalize("NFC").trim();
  const nonBlank = rows.filter((r) => r.cells.some((c) => c.trim() !== ""));
  const first = nonBlank[0];
  if (first === undefined)
    return { table: null, problems: [problem("empty_file", { file: sheet, line: null })] };

  const expected = new Set([...spec.required, ...(spec.optional ?? []), ...(spec.questions?.ids ?? [])]);
  let best: { at: number; score: number } | null = null;
  nonBlank.slice(0, headerSearchRows).forEach((r, at) => {
    const score = headerScore(r.cells.map(asColumn), expected);
    if (score > 0 && (best === null || score > best.score)) best = { at, score };
  });
  if (best === null) {
    const found = first.cells.join(", ");
    const at = { file: sheet, line: first.row, value: found.slice(0, 200) };
    problems.push(problem("header_not_found", at, { expected: [...expected].join(", "), found }));
    return { table: null, problems };
  }
  const headerAt = (best as { at: number }).at;
  const headerRow = nonBlank[headerAt] as SheetRow;
  if (headerAt > 0)
    problems.push(problem("title_row", { file: sheet, line: first.row }, { header_line: headerRow.row }));

  // Trailing blank header cells are Excel's formatting, not columns.
  const header = headerRow.cells.map(asColumn);
  while (header.length > 0 && header.at(-1) === "") header.pop();
  const checked = checkHeader(header, spec);
  for (const p of checked.problems) problems.push(p.line === 1 ? { ...p, line: headerRow.row } : p);

  const width = header.length;
  const labels = header.map((name) => values.get(name));
  const tableRows: CsvRow[] = [];
  let nfcReported = false;
  for (const r of nonBlank.slice(headerAt + 1)) {
    const line = r.row;
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
        return {
          table: null,
          problems: [...problems, problem("legacy_vietnamese_encoding", at, { sample: legacy.sample })],
        };
      }
      const nfc = raw.normalize("NFC");
      if (nfc !== raw && !nfcReported) {
        nfcReported = true;
        problems.push(problem("text_not_nfc", { file: sheet, line }, { line }));
      }
      const cell = nfc.trim();
      cells.push(labels[i]?.get(fold(cell)) ?? cell);
    }
    tableRows.push(ragged ? { line, cells, ragged } : { line, cells });
  }
  if (tableRows.length === 0) problems.push(problem("no_rows", { file: sheet, line: null }));
  return {
    table: {
      header,
      index: checked.index,
      questionColumns: checked.questionColumns,
      headerLine: headerRow.row,
      rows: tableRows,
    },
    problems,
  };
}
