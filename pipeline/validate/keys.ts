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
  const keyOf = (row: ParsedRow<unknown>): string | null => {
    let key = "";
    for (const column of columns) {
      const part = row.raw[column] ?? "";
      if (part === "") return null;
      key = key === "" ? part : `${key}\u0000${part}`;
    }
    return key;
  };
  // Repeats are rare: one Set insertion per row finds whether there are any (a million survey
  // forms at national scale), and only the repeated keys are then looked up again for first lines.
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const size = seen.size;
    if (seen.add(key).size === size) repeated.add(key);
  }
  if (repeated.size === 0) return;
  const firstLine = new Map<string, number>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null || !repeated.has(key)) continue;
    const first = firstLine.get(key);
    if (first === undefined) {
      firstLine.set(key, row.line);
      continue;
    }
    const at = {
      file,
      line: row.line,
      column: columns.at(-1) ?? null,
      value: key.replaceAll("\u0000", " × "),
    };
    problems.push(problem("duplicate_key", at, { key: columns.join(" + "), first_line: first }));
  }
}
