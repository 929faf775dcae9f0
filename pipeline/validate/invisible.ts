// Invisible characters: bidirectional controls (U+202A–202E, U+2066–2069) reorder what a reader sees,
// zero-width ones (U+200B–200F, U+2060, U+FEFF) hide inside a word, other control characters come
// from copy-paste. In a code they make two codes that look the same differ, so they are errors; in
// a name or a sentence the format characters are warnings, to be removed before the text is
// published. A control character in a text is the text rule's (schemas/text.ts): refused there.
import { problem } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import type { TextUnits } from "./keys.ts";
import type { ParsedRow } from "./rows.ts";

/** Control (Cc) and format (Cf) characters; tab and line breaks are no problem. */
const anyControl = /[\p{Cc}\p{Cf}]/u;
const invisible = /(?![\t\n\r])[\p{Cc}\p{Cf}]/u;
/** In a text: format characters only. */
const invisibleInText = /\p{Cf}/u;

/** Columns and dataset.json fields holding free text; every other one holds a code, a number or a date. */
const textColumns = new Set([
  "name",
  "label",
  "text",
  "note",
  "title",
  "notes",
  "reason",
  "ref",
  "lead",
  "partners",
  "office",
  "address",
]);

/** Whether source[start, end) is printable ASCII, which holds no invisible character. */
function printableAscii(source: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    if (c < 32 || c > 126) return false;
  }
  return true;
}

/** The first invisible character of a text (of a free text: format character) as `U+202E`, or null. */
export function invisibleCharacter(text: string, inText = false): string | null {
  // Most cells are codes and numbers in printable ASCII, whose few characters a loop checks faster
  // than an expression is called (a million cells in the appraisal file); then the plain class,
  // four times faster than the exact one.
  if (printableAscii(text, 0, text.length) || !anyControl.test(text)) return null;
  const found = (inText ? invisibleInText : invisible).exec(text)?.[0];
  return found === undefined
    ? null
    : `U+${(found.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The problem of a value holding an invisible character, or null. */
export function invisibleProblem(
  file: string,
  line: number | null,
  column: string,
  value: string,
): Problem | null {
  const inText = textColumns.has(column.split(".").at(-1) ?? "");
  const char = invisibleCharacter(value, inText);
  if (char === null) return null;
  const at = { file, line, column, value };
  return inText ? problem("invisible_in_text", at, { char }) : problem("invisible_in_code", at, { char });
}

export function checkInvisible(
  file: string,
  rows: readonly ParsedRow<unknown>[],
  problems: ProblemSink,
): void {
  for (const row of rows) {
    for (const column in row.raw) {
      const found = invisibleProblem(file, row.line, column, row.raw[column] as string);
      if (found !== null) problems.push(found);
    }
  }
}

/**
 * The same for the text source[start, end), cut out only when it holds a character outside
 * printable ASCII, where every invisible one is: a million survey forms' ids need no string each.
 * Bytes are a survey file's, read as bytes only when in printable ASCII (survey-columns.ts).
 */
export function invisibleProblemIn(
  file: string,
  line: number,
  column: string,
  source: TextUnits,
  start: number,
  end: number,
): Problem | null {
  return typeof source !== "string" || printableAscii(source, start, end)
    ? null
    : invisibleProblem(file, line, column, source.slice(start, end));
}

/** Every string in a parsed JSON value, with its dotted path. */
export function* jsonStrings(value: unknown, path = ""): Generator<[string, string]> {
  if (typeof value === "string") yield [path, value];
  else if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value))
      yield* jsonStrings(child, path === "" ? key : `${path}.${key}`);
  }
}
