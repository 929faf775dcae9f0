// Uniqueness of keys, checked on the cells as read so that a row with another invalid cell still
// counts: a duplicate is reported once per repeated row, pointing at the first occurrence.
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import type { ParsedRow } from "./rows.ts";

export function duplicateKeys(
  file: string,
  rows: readonly ParsedRow<unknown>[],
  columns: readonly string[],
  problems: Problem[],
): void {
  /** The row's key, or null when a key cell is blank (reported by the schema instead). */
  const keyOf = (i: number): string | null => {
    const row = rows[i] as ParsedRow<unknown>;
    let key = "";
    for (const column of columns) {
      const part = row.raw[column] ?? "";
      if (part === "") return null;
      key = key === "" ? part : `${key}\u0000${part}`;
    }
    return key;
  };
  reportDuplicates(file, rows.length, keyOf, (i) => (rows[i] as ParsedRow<unknown>).line, columns, problems);
}

/** The same for a one-column key held as a column of cells (the survey files' form_id). */
export function duplicateCells(
  file: string,
  cells: readonly string[],
  lines: Uint32Array,
  column: string,
  problems: Problem[],
): void {
  const keyOf = (i: number) => (cells[i] === "" ? null : (cells[i] as string));
  reportDuplicates(file, cells.length, keyOf, (i) => lines[i] as number, [column], problems);
}

function reportDuplicates(
  file: string,
  rows: number,
  keyOf: (row: number) => string | null,
  lineOf: (row: number) => number,
  columns: readonly string[],
  problems: Problem[],
): void {
  // Repeats are rare: one pass through an open-addressing table of row numbers, hashed from the
  // key's characters, finds whether there are any (a million survey forms at national scale: a Set
  // of a million fresh strings costs several times more), and only the repeated keys are then
  // looked up again for their first lines.
  const keys = new Array<string | null>(rows);
  let size = 1024;
  while (size < rows * 2) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const repeated = new Set<string>();
  for (let i = 0; i < rows; i++) {
    const key = keyOf(i);
    keys[i] = key;
    if (key === null) continue;
    for (let slot = hash(key) & (size - 1); ; slot = (slot + 1) & (size - 1)) {
      const other = table[slot]!;
      if (other === -1) {
        table[slot] = i;
        break;
      }
      if (keys[other] === key) {
        repeated.add(key);
        break;
      }
    }
  }
  if (repeated.size === 0) return;
  const firstLine = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const key = keys[i] as string | null;
    if (key === null || !repeated.has(key)) continue;
    const first = firstLine.get(key);
    const line = lineOf(i);
    if (first === undefined) {
      firstLine.set(key, line);
      continue;
    }
    const at = {
      file,
      line,
      column: columns.at(-1) ?? null,
      value: key.replaceAll("\u0000", " × "),
    };
    problems.push(problem("duplicate_key", at, { key: columns.join(" + "), first_line: first }));
  }
}

/** FNV-1a over the UTF-16 code units: spreads form ids that differ in one digit. */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
