// CSV rows → typed records through the Zod row schemas. A schema's `error` strings are problem
// codes of the catalogue, so a failed check becomes a Problem at the row's line and column.
import { z } from "zod";
import { isProblemCode, problem, type ProblemCode, type ProblemParams } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import { inputFormulaTrigger, type CsvOpened, type CsvRow, type QuickLine } from "../read/csv.ts";
import { invisibleProblem } from "./invisible.ts";
import { TextDictionary } from "./keys.ts";

export interface ParsedRow<T> {
  line: number;
  /** The row's known cells as read (blank when the column is absent), also when the row is invalid. */
  raw: Record<string, string>;
  /** The parsed record, or null when a cell is invalid. */
  value: T | null;
}

/** Extra details of a cell code, filled into its message. */
const cellParams: { [C in ProblemCode]?: (issue: z.core.$ZodIssue) => ProblemParams<C> } = {
  too_many_decimals: (issue) => {
    const pattern = "pattern" in issue ? String(issue.pattern) : "";
    return { places: /\{1,(\d+)\}/.exec(pattern)?.[1] ?? 2 };
  },
};

/** The params a refinement carries for its message (a range, the years allowed). */
export function refinementParams(issue: z.core.$ZodIssue): Record<string, string | number> {
  return issue.code === "custom" ? ((issue.params ?? {}) as Record<string, string | number>) : {};
}

/** The problem for one failed cell; codes the catalogue does not know are reported as the Zod text. */
export function cellProblem(
  file: string,
  line: number,
  column: string,
  value: string,
  issue: z.core.$ZodIssue,
): Problem {
  const at = { file, line, column, value };
  // Excel turns the text 01155 into the number 1155: say so rather than "not 5 digits".
  if (issue.message === "commune_code_format" && /^\d{1,4}$/.test(value)) {
    return problem("code_lost_leading_zeros", at, { suggestion: value.padStart(5, "0") });
  }
  if (isProblemCode(issue.message))
    return problem(issue.message, at, cellParams[issue.message]?.(issue) ?? refinementParams(issue));
  return problem("dataset_field", at, { detail_vi: issue.message, detail_en: issue.message });
}

/** The row's cells by column name; `at` is each column's position in the header, if there. */
export function rowRecord(
  at: readonly (number | undefined)[],
  row: CsvRow,
  columns: readonly string[],
): Record<string, string> {
  const record: Record<string, string> = {};
  for (let k = 0; k < columns.length; k++) {
    const i = at[k];
    record[columns[k]!] = i === undefined ? "" : (row.cells[i] as string);
  }
  return record;
}

/** Parses one row's record; reports the first failed check of each cell. */
export function parseRow<S extends z.ZodType>(
  file: string,
  line: number,
  raw: Record<string, string>,
  schema: S,
  problems: ProblemSink,
): z.output<S> | null {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const reported = new Set<string>();
  for (const issue of result.error.issues) {
    const column = String(issue.path[0] ?? "");
    if (reported.has(column)) continue;
    reported.add(column);
    problems.push(cellProblem(file, line, column, raw[column] ?? "", issue));
  }
  return null;
}

/**
 * A cell's parse by its column's schema, kept for the next cell with the same text; `text` is the
 * first such cell, which the next ones' rows keep instead of their own copy.
 */
type CellParse = { ok: true; value: unknown; text: string } | { ok: false; text: string };

/** Distinct cells remembered per column: codes, ids and scores repeat; free text need not be kept. */
const cellCacheLimit = 50_000;

/**
 * Parses rows one at a time, as a file is read; reports the first failed check of each cell. The
 * row schemas check each cell on its own (no rule spans two cells), so a row is parsed cell by
 * cell, each distinct text of a column once: the appraisal file's half a million rows repeat a few
 * thousand codes and scores, and then share their strings too. A row with a failing cell is parsed
 * again whole, so that its problems are exactly the schema's.
 */
export function rowParser<S extends z.ZodType>(
  file: string,
  index: ReadonlyMap<string, number>,
  schema: S,
  columns: readonly string[],
  problems: ProblemSink,
): (row: CsvRow) => ParsedRow<z.output<S>> {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
  const keys = shape === null ? [] : Object.keys(shape);
  const caches = keys.map(() => new Map<string, CellParse>());
  const byCells = (raw: Record<string, string>): Record<string, unknown> | null => {
    if (shape === null) return null;
    const value: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!;
      const cell = raw[key];
      if (cell === undefined) return null;
      const cache = caches[k]!;
      let parsed = cache.get(cell);
      if (parsed === undefined) {
        const result = shape[key]!.safeParse(cell);
        parsed = result.success ? { ok: true, value: result.data, text: cell } : { ok: false, text: cell };
        if (cache.size < cellCacheLimit) cache.set(cell, parsed);
      }
      raw[key] = parsed.text;
      if (!parsed.ok) return null;
      value[key] = parsed.value;
    }
    return value;
  };
  const at = columns.map((column) => index.get(column));
  return (row) => {
    const raw = rowRecord(at, row, columns);
    if (row.ragged) return { line: row.line, raw, value: null };
    const value = (byCells(raw) as z.output<S> | null) ?? parseRow(file, row.line, raw, schema, problems);
    return { line: row.line, raw, value };
  };
}

/** What a quick reader knows of a column's distinct cell: its text, and its value if it passed. */
interface QuickCell {
  /** Whether a row may take it as it is: nothing to trim, no formula, no invisible character, parsed. */
  quick: boolean;
  value: unknown;
}

/**
 * Rows taken straight from a line of the text when every cell is one its column has seen pass (issue
 * 26): the appraisal file's half a million rows repeat a few thousand codes and scores, which are
 * then checked and parsed once each, and no row makes a cells array or a string per cell. A cell is
 * quick when the general path would report nothing of it — the reader's checks (acceptRow: trim,
 * formula), the invisible characters (checkInvisible), its column's schema — and the row has the
 * header's width; it is then the record rowParser would give, sharing each cell's first text as
 * rowParser does. Any other line returns false and is read as any row, with all its problems.
 * Null when the header is not exactly the schema's columns (then every row takes the general path).
 */
export function quickRows<S extends z.ZodType>(
  file: string,
  opened: CsvOpened,
  schema: S,
  columns: readonly string[],
  onRow: (row: ParsedRow<z.output<S>>) => void,
): QuickLine | null {
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
  const keys = shape === null ? [] : Object.keys(shape);
  const { text, header } = opened;
  const sameColumns = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && a.every((c) => b.includes(c));
  if (shape === null || !sameColumns(keys, columns) || !sameColumns(header, columns)) return null;
  const width = header.length;
  // Per header position: the cells seen, and where the column goes in the record and the value.
  const cells = header.map(
    (column) =>
      new TextDictionary<QuickCell>((cell) => {
        const parsed = shape[column]!.safeParse(cell);
        const quick =
          parsed.success &&
          cell.trim() === cell &&
          inputFormulaTrigger(cell) === null &&
          invisibleProblem(file, null, column, cell) === null;
        return { quick, value: parsed.data };
      }, cellCacheLimit),
  );
  const recordAt = columns.map((column) => header.indexOf(column));
  const valueAt = keys.map((key) => header.indexOf(key));
  const found = new Int32Array(width);
  const split = opened.delimiter.charCodeAt(0);
  return (start, end, line) => {
    let position = 0;
    let blank = true;
    for (let cellStart = start; ;) {
      let cellEnd = cellStart;
      // Where the cell's text ends, before a closing quote.
      let textEnd: number;
      if (text.charCodeAt(cellStart) === quote) {
        // A quoted cell (a note with a comma): quick when it closes on the line, without a quote
        // written twice, right before the delimiter or the line's end.
        cellStart++;
        textEnd = text.indexOf('"', cellStart);
        if (textEnd === -1 || textEnd >= end) return false;
        cellEnd = textEnd + 1;
        if (cellEnd < end && text.charCodeAt(cellEnd) !== split) return false;
      } else {
        while (cellEnd < end && text.charCodeAt(cellEnd) !== split) cellEnd++;
        textEnd = cellEnd;
      }
      if (position >= width) {
        // Trailing empty cells (Excel adds them) are fine; anything else makes the row ragged.
        if (textEnd > cellStart) return false;
      } else {
        const code = cells[position]!.code(text, cellStart, textEnd);
        if (code === -1 || !cells[position]!.entries[code]!.quick) return false;
        found[position] = code;
        if (textEnd > cellStart) blank = false;
      }
      position++;
      if (cellEnd === end) break;
      cellStart = cellEnd + 1;
    }
    if (position < width || blank) return false;
    const raw: Record<string, string> = {};
    for (let k = 0; k < columns.length; k++) {
      const at = recordAt[k]!;
      raw[columns[k]!] = cells[at]!.texts[found[at]!]!;
    }
    const value: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const at = valueAt[k]!;
      value[keys[k]!] = cells[at]!.entries[found[at]!]!.value;
    }
    onRow({ line, raw, value: value as z.output<S> });
    return true;
  };
}

const quote = 34;
