// Finding the header row and the delimiter: the editor's Excel may write `,`, `;` (Vietnamese
// locale) or tab ("Unicode text"), and may put a title row above the table. The delimiter is the
// one under which a line best matches the columns the file is expected to have.
import Papa from "papaparse";

export const delimiters = [",", ";", "\t"] as const;
export type Delimiter = (typeof delimiters)[number];

/** How many lines from the top may hold a title above the real header. */
const headerSearchLines = 10;

/** Levenshtein distance, for suggesting the expected name of a misspelled column. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The expected name a header cell most likely meant, if it is close enough to be a typo. */
export function closestName(cell: string, candidates: Iterable<string>): string | null {
  const lower = cell.toLowerCase().replace(/[\s-]+/g, "_");
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  const tolerance = Math.max(1, Math.floor((best?.length ?? 0) / 4));
  return best !== null && bestDistance <= tolerance ? best : null;
}

export function splitLine(line: string, delimiter: Delimiter): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: "\n", skipEmptyLines: false });
  return (parsed.data[0] ?? []).map((cell) => cell.trim());
}

/**
 * Exact names count double, near misses once: a misspelled header still wins over a title row. A
 * line that cannot score above `above` even if every other cell were a near miss scores 0 without
 * looking for near misses: a survey file's rows below its header, a hundred cells each, cost most
 * of the search (issue 26).
 */
export function headerScore(cells: string[], expected: ReadonlySet<string>, above = 0): number {
  let exact = 0;
  let others = 0;
  for (const cell of cells) {
    if (cell === "") continue;
    if (expected.has(cell)) exact++;
    else others++;
  }
  if (2 * exact + others <= above) return 0;
  let total = 2 * exact;
  if (others > 0)
    for (const cell of cells)
      if (cell !== "" && !expected.has(cell) && closestName(cell, expected) !== null) total += 1;
  return total;
}

export function isBlankLine(line: string): boolean {
  return /^[\s,;]*$/.test(line);
}

const space = 32;
const comma = 44;
const semicolon = 59;
const lineFeed = 10;

/**
 * For a text in printable ASCII and line feeds given as its bytes: how many bytes from the start hold
 * every line findHeader looks at, so that it is given only those as text (a survey file's body is
 * read as bytes, never decoded whole: issue 26).
 */
export function headerSearchBytes(bytes: Uint8Array): number {
  let examined = 0;
  for (let start = 0; start <= bytes.length;) {
    let end = bytes.indexOf(lineFeed, start);
    if (end === -1) end = bytes.length;
    // isBlankLine on bytes: \s in printable ASCII is the space alone
    for (let i = start; i < end; i++) {
      const c = bytes[i];
      if (c !== space && c !== comma && c !== semicolon) {
        if (++examined === headerSearchLines) return end;
        break;
      }
    }
    start = end + 1;
  }
  return bytes.length;
}

export type HeaderSearch =
  | {
      found: true;
      line: number;
      offset: number;
      delimiter: Delimiter;
      cells: string[];
      firstContentLine: number;
    }
  | { found: false; firstContentLine: number; cells: string[] };

/**
 * Looks at the first non-blank lines for the best header under each delimiter. `text` has LF line
 * ends. Returns the header's 1-based line and the character offset where it starts.
 */
export function findHeader(text: string, expected: ReadonlySet<string>): HeaderSearch {
  let best: { line: number; offset: number; delimiter: Delimiter; cells: string[]; score: number } | null =
    null;
  let firstContent: { line: number; cells: string[] } | null = null;
  let offset = 0;
  let examined = 0;
  for (let line = 1; offset <= text.length && examined < headerSearchLines; line++) {
    const end = text.indexOf("\n", offset);
    const content = text.slice(offset, end === -1 ? text.length : end);
    if (!isBlankLine(content)) {
      examined++;
      for (const delimiter of delimiters) {
        const cells = splitLine(content, delimiter);
        if (
          firstContent === null ||
          (firstContent.line === line && cells.length > firstContent.cells.length)
        ) {
          firstContent = { line, cells };
        }
        const s = headerScore(cells, expected, best?.score ?? 0);
        if (s > 0 && (best === null || s > best.score)) best = { line, offset, delimiter, cells, score: s };
      }
    }
    if (end === -1) break;
    offset = end + 1;
  }
  const firstContentLine = firstContent?.line ?? 1;
  if (best === null) return { found: false, firstContentLine, cells: firstContent?.cells ?? [] };
  return { found: true, ...best, firstContentLine };
}
