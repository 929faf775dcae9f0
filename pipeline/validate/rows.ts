// CSV rows → typed records through the Zod row schemas. A schema's `error` strings are problem
// codes of the catalogue, so a failed check becomes a Problem at the row's line and column.
import { z } from "zod";
import { isProblemCode, problem, type ProblemCode, type ProblemParams } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import type { CsvRow } from "../read/csv.ts";

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
export const cellCacheLimit = 50_000;

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
