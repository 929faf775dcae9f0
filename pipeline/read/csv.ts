// Bytes → rows that keep their physical line numbers, with every problem of the layers below the
// cells (docs/quality.md#validation: bytes → dialect → header → rows). Cells come out trimmed and NFC-normalised;
// what they must contain is the schemas' business.
import Papa from "papaparse";
import { problem } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import { decodeText } from "./decode.ts";
import { closestName, findHeader, headerSearchBytes, type HeaderSearch } from "./header.ts";
import { findLegacyVietnamese } from "./legacy.ts";
import { formulaTrigger } from "../rules/formula.ts";

/** The columns a file is expected to have. */
/** Text to UTF-8 bytes, in Node and in the browser's check (no Buffer there). */
export const utf8Encoder = new TextEncoder();

export interface CsvSpec {
  file: string;
  required: readonly string[];
  /** Known columns that may be absent (their cells then read as blank). */
  optional?: readonly string[];
  /** Survey files: one column per question of the panel, from questions.csv (null if unknown). */
  questions?: { panel: string; ids: readonly string[] | null };
}

export interface CsvRow {
  /** 1-based physical line where the row starts. */
  line: number;
  /** Cells in header order, trimmed and NFC. */
  cells: string[];
  /**
   * The row had fewer cells than the header (already reported): its cells are kept so keys such as
   * a commune code still count for other files, but it is not parsed.
   */
  ragged?: true;
}

export interface CsvTable {
  /** Header cells as found (trimmed, NFC). */
  header: string[];
  /** Column index of each known column present in the header. */
  index: Map<string, number>;
  /** Question columns present (survey files), in header order. */
  questionColumns: string[];
  headerLine: number;
  rows: CsvRow[];
}

export interface CsvRead {
  table: CsvTable | null;
  problems: Problem[];
}

const questionIdLike = /^[A-Za-z]{2}\d{2,3}$/;
const plainNumber = /^[-+]?\d+([.,]\d+)?$/;
/** Outside Latin and the Vietnamese block, text may be non-NFC; inside it, every character is NFC. */
const mayNeedNormalising = /[^\u0000-\u02FF\u1E00-\u1EFF]/;

function firstDifferenceLine(a: string, b: string): number {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i).split("\n").length;
}

/** Unicode text → LF line ends, NFC; the line of the first non-NFC character, if any. */
function normaliseText(decoded: string): { text: string; nfdLine: number | null } {
  // A file without CR (most) is left as it is: finding none is a far quicker scan than a replace.
  const text = decoded.includes("\r") ? decoded.replace(/\r\n?/g, "\n") : decoded;
  if (!mayNeedNormalising.test(text)) return { text, nfdLine: null };
  const nfc = text.normalize("NFC");
  return nfc === text ? { text, nfdLine: null } : { text: nfc, nfdLine: firstDifferenceLine(text, nfc) };
}

interface HeaderCheck {
  index: Map<string, number>;
  questionColumns: string[];
  problems: Problem[];
}

export function checkHeader(header: string[], spec: CsvSpec): HeaderCheck {
  const file = spec.file;
  const known = new Set([...spec.required, ...(spec.optional ?? [])]);
  const questionIds = spec.questions?.ids ?? null;
  const questionSet = new Set(questionIds ?? []);
  const problems: Problem[] = [];
  const index = new Map<string, number>();
  const questionColumns: string[] = [];
  const firstPosition = new Map<string, number>();
  const unknown: { cell: string; position: number }[] = [];

  header.forEach((cell, i) => {
    const position = i + 1;
    if (cell === "") {
      problems.push(problem("blank_column", { file, line: 1, column: null }, { position }));
      return;
    }
    const first = firstPosition.get(cell);
    if (first !== undefined) {
      problems.push(
        problem(
          "duplicate_column",
          { file, line: 1, column: cell, value: cell },
          { first_position: first, position },
        ),
      );
      return;
    }
    firstPosition.set(cell, position);
    if (known.has(cell)) index.set(cell, i);
    else if (
      spec.questions &&
      (questionSet.has(cell) || (questionIds === null && questionIdLike.test(cell)))
    ) {
      index.set(cell, i);
      questionColumns.push(cell);
    } else unknown.push({ cell, position });
  });

  const missingRequired = spec.required.filter((name) => !index.has(name));
  const missingQuestions = (questionIds ?? []).filter((id) => !index.has(id));
  const suggested = new Set<string>();
  for (const { cell } of unknown) {
    const candidates = [
      ...missingRequired,
      ...(spec.optional ?? []).filter((n) => !index.has(n)),
      ...missingQuestions,
    ];
    const suggestion = closestName(
      cell,
      candidates.filter((n) => !suggested.has(n)),
    );
    if (suggestion !== null) {
      suggested.add(suggestion);
      problems.push(
        problem("misspelled_column", { file, line: 1, column: cell, value: cell }, { suggestion }),
      );
    } else if (spec.questions && questionIdLike.test(cell)) {
      problems.push(
        problem(
          "unknown_question",
          { file, line: 1, column: cell, value: cell },
          { panel: spec.questions.panel },
        ),
      );
    } else {
      problems.push(problem("unknown_column", { file, line: 1, column: cell, value: cell }));
    }
  }
  const expected = [...spec.required, ...(spec.optional ?? [])].join(", ");
  const found = header.join(", ");
  for (const column of missingRequired.filter((n) => !suggested.has(n))) {
    problems.push(problem("missing_column", { file, line: 1, column }, { expected, found }));
  }
  for (const column of missingQuestions.filter((n) => !suggested.has(n))) {
    problems.push(
      problem("missing_question_column", { file, line: 1, column }, { panel: spec.questions?.panel ?? "" }),
    );
  }
  return { index, questionColumns, problems };
}

/**
 * What makes an input cell one Excel could run as a formula (the one trigger of
 * pipeline/rules/formula.ts), named for the editor: "tab", "xuống dòng" or the sign. A lone sign and
 * plain numbers such as -1 are left to the range checks.
 */
export function inputFormulaTrigger(raw: string): string | null {
  if (!formulaTrigger.test(raw)) return null;
  const first = raw[0] as string;
  if (first === "\t") return "tab";
  if (first === "\r" || first === "\n") return "xuống dòng";
  return raw.length > 1 && !plainNumber.test(raw.trim()) ? first : null;
}

/** Whether a cell at `from` or after is not blank (Excel adds trailing empty cells, which are fine). */
export function hasContentFrom(cells: readonly string[], from: number): boolean {
  for (let i = from; i < cells.length; i++) if ((cells[i] as string).trim() !== "") return true;
  return false;
}

/** A file opened up to its header: the text, where the body starts and the header's columns. */
export interface CsvOpened {
  text: string;
  header: string[];
  index: Map<string, number>;
  questionColumns: string[];
  headerLine: number;
  /** Character offset of the header line in `text`. */
  offset: number;
  delimiter: string;
  /**
   * The file's bytes when `text` is exactly their UTF-8 decoding (a byte-order mark aside, no CR
   * replaced, nothing normalised), with the byte offset of the header line: a survey file's body is
   * then read as bytes, line for line the same as the text's (issue 26).
   */
  utf8?: { bytes: Uint8Array; offset: number };
}

/**
 * Checks one row's cells as the parser gave them (problems of the reading layer: ragged rows,
 * formula triggers) and trims them in place; null for a blank row, which is skipped.
 */
export function acceptRow(
  file: string,
  header: readonly string[],
  cells: string[],
  line: number,
  problems: ProblemSink,
): CsvRow | null {
  if (cells.every((cell) => cell.trim() === "")) return null;
  const width = header.length;
  const found = cells.length;
  const ragged = found < width || hasContentFrom(cells, width);
  if (ragged) problems.push(problem("ragged_row", { file, line }, { found, expected: width }));
  for (let i = 0; i < width; i++) {
    const cell = cells[i] ?? "";
    const trigger = inputFormulaTrigger(cell);
    if (trigger !== null) {
      const at = { file, line, column: header[i] ?? null, value: cell };
      problems.push(problem("formula_trigger", at, { trigger }));
    }
    cells[i] = cell.trim();
  }
  cells.length = width;
  return ragged ? { line, cells, ragged } : { line, cells };
}

/** Printable ASCII as text, in Node and in the browser's check (no Buffer there). */
const asciiDecoder = new TextDecoder("latin1");

/**
 * Whether every byte is printable ASCII or a line feed. Such a file's text is its bytes, one
 * character each: no byte-order mark, CR, control character, legacy letter or character to
 * normalise, valid UTF-8. A loop over the bytes costs a fifth of decoding them.
 */
function printableAsciiLines(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c > 126 || (c < 32 && c !== lineFeed)) return false;
  }
  return true;
}

/**
 * Bytes → text → header, with every problem of those layers. `opened` is null when nothing
 * trustworthy could be read. With `bytesBody` (survey files, whose body is scanned as bytes), a
 * file in printable ASCII is not decoded whole: only the lines the header is looked for in, and
 * `text` when it is asked for. It gives the same opening and problems as a decoded file.
 */
export function openCsv(
  bytes: Uint8Array,
  spec: CsvSpec,
  bytesBody = false,
): { opened: CsvOpened | null; problems: Problem[] } {
  if (bytesBody && printableAsciiLines(bytes)) {
    const opened = openAscii(bytes, spec);
    if (opened !== null) return opened;
  }
  const file = spec.file;
  const decoded = decodeText(file, bytes);
  if (decoded.text === null) return { opened: null, problems: [decoded.problem] };
  if (decoded.text.trim() === "")
    return { opened: null, problems: [problem("empty_file", { file, line: null })] };

  const problems: Problem[] = [];
  const { text, nfdLine } = normaliseText(decoded.text);
  const legacy = findLegacyVietnamese(text);
  if (legacy) {
    const at = { file, line: legacy.line, value: legacy.sample };
    return { opened: null, problems: [problem("legacy_vietnamese_encoding", at, { sample: legacy.sample })] };
  }
  if (nfdLine !== null) problems.push(problem("text_not_nfc", { file, line: nfdLine }, { line: nfdLine }));

  const expected = expectedColumns(spec);
  const search = findHeader(text, expected);
  if (!search.found) {
    const at = { file, line: search.firstContentLine, value: search.cells.join(", ").slice(0, 200) };
    const params = { expected: [...expected].join(", "), found: search.cells.join(", ") };
    problems.push(problem("header_not_found", at, params));
    return { opened: null, problems };
  }
  const opened: CsvOpened = { text, ...openAtHeader(search, spec, problems) };
  // UTF-16 starts with FF FE or FE FF, bytes UTF-8 never holds; normaliseText returns the decoded
  // text itself when it changes nothing.
  if (text === decoded.text && bytes[0] !== 0xff && bytes[0] !== 0xfe) {
    const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    opened.utf8 = { bytes, offset: bom + utf8Encoder.encode(text.slice(0, search.offset)).length };
  }
  return { opened, problems };
}

/**
 * openCsv of a file in printable ASCII and line feeds with a header: its text decoded only when
 * asked for. Null when the file has no header (or is blank), left to openCsv's report.
 */
function openAscii(bytes: Uint8Array, spec: CsvSpec): { opened: CsvOpened; problems: Problem[] } | null {
  const firstLines = asciiDecoder.decode(bytes.subarray(0, headerSearchBytes(bytes)));
  const search = findHeader(firstLines, expectedColumns(spec));
  if (!search.found) return null;
  const problems: Problem[] = [];
  let text: string | undefined;
  const opened: CsvOpened = {
    get text() {
      return (text ??= asciiDecoder.decode(bytes));
    },
    ...openAtHeader(search, spec, problems),
    utf8: { bytes, offset: search.offset },
  };
  return { opened, problems };
}

function expectedColumns(spec: CsvSpec): Set<string> {
  return new Set([...spec.required, ...(spec.optional ?? []), ...(spec.questions?.ids ?? [])]);
}

/** A file opened at the header found, with the problems of its place (a title row) and its columns. */
function openAtHeader(
  search: Extract<HeaderSearch, { found: true }>,
  spec: CsvSpec,
  problems: Problem[],
): Omit<CsvOpened, "text" | "utf8"> {
  const file = spec.file;
  if (search.line !== search.firstContentLine) {
    problems.push(
      problem("title_row", { file, line: search.firstContentLine }, { header_line: search.line }),
    );
  }
  const header = search.cells;
  const checked = checkHeader(header, spec);
  // Header problems are reported on the line the header is really on (line 1 unless a title row).
  for (const p of checked.problems) problems.push(p.line === 1 ? { ...p, line: search.line } : p);
  return {
    header,
    index: checked.index,
    questionColumns: checked.questionColumns,
    headerLine: search.line,
    offset: search.offset,
    delimiter: search.delimiter,
  };
}

const quote = 34;
const lineFeed = 10;

/** Whether the body can be read line by line: without a quote, a line is a row. */
export function withoutQuotes(opened: CsvOpened): boolean {
  const { utf8 } = opened;
  // In UTF-8 a quote's byte is the quote: its bytes are searched far quicker than the text.
  return utf8 === undefined
    ? !opened.text.includes('"', opened.offset)
    : utf8.bytes.indexOf(quote, utf8.offset) === -1;
}

/** Each line below the header as byte offsets [start, end) of `opened.utf8`, with its 1-based number. */
export function forEachBodyLineBytes(
  opened: CsvOpened,
  utf8: NonNullable<CsvOpened["utf8"]>,
  onLine: (start: number, end: number, line: number) => void,
): void {
  const { bytes } = utf8;
  let line = opened.headerLine + 1;
  for (let start = bytes.indexOf(lineFeed, utf8.offset) + 1; start > 0 && start < bytes.length; line++) {
    let end = bytes.indexOf(lineFeed, start);
    if (end === -1) end = bytes.length;
    onLine(start, end, line);
    start = end + 1;
  }
}

/**
 * A row starting at `start` whose quotes are of the plain kind, or null: a cell opening with a quote
 * writes a quote as two and closes right before the delimiter or the row's end (any other cell is
 * read as it stands, quotes included). The CSV parser reads such a row exactly so; any other (an
 * unclosed quote, text after the closing one) is left to it. `end` is the line break ending the row
 * (or the text's end).
 */
function plainRow(text: string, start: number, delimiter: number): { cells: string[]; end: number } | null {
  const cells: string[] = [];
  // `at` is where a cell starts; the increment steps over the delimiter after it.
  for (let at = start; ; at++) {
    if (text.charCodeAt(at) === quote) {
      let cell = "";
      let from = at + 1;
      for (;;) {
        const closing = text.indexOf('"', from);
        if (closing === -1) return null;
        cell += text.slice(from, closing);
        from = closing + 1;
        if (text.charCodeAt(from) !== quote) break;
        cell += '"';
        from++;
      }
      cells.push(cell);
      at = from;
    } else {
      let end = at;
      for (let c = text.charCodeAt(end); end < text.length && c !== delimiter && c !== lineFeed;)
        c = text.charCodeAt(++end);
      cells.push(text.slice(at, end));
      at = end;
    }
    if (at === text.length || text.charCodeAt(at) === lineFeed) return { cells, end: at };
    if (text.charCodeAt(at) !== delimiter) return null;
  }
}

/**
 * The rows from the header on, as long as they are plain (plainRow; a line without a quote is one
 * row, split at the delimiter): each body row's cells and first line go to `onRow`, the header row
 * is passed over. Returns the offset of the first row that is not plain, or -1.
 */
function readPlainRows(
  opened: CsvOpened,
  onRow: (cells: string[], line: number) => void,
  quickLine?: QuickLine,
): number {
  const { text } = opened;
  const delimiter = opened.delimiter.charCodeAt(0);
  let line = opened.headerLine;
  let nextQuote = text.indexOf('"', opened.offset);
  for (let start = opened.offset, isHeader = true; start < text.length; isHeader = false) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let cells: string[];
    let lines = 1;
    if (!isHeader && end > start && quickLine?.(start, end, line) === true) {
      if (nextQuote !== -1 && nextQuote < end) nextQuote = text.indexOf('"', end);
      line++;
      start = end + 1;
      continue;
    }
    if (nextQuote === -1 || nextQuote > end) {
      // No quote: the line is the row, cut at each delimiter (a fifth quicker than split on a slice).
      cells = [];
      let cellStart = start;
      for (let i = start; i < end; i++) {
        if (text.charCodeAt(i) !== delimiter) continue;
        cells.push(text.slice(cellStart, i));
        cellStart = i + 1;
      }
      cells.push(text.slice(cellStart, end));
    } else {
      const row = plainRow(text, start, delimiter);
      if (row === null) return start;
      cells = row.cells;
      // Its quoted cells may hold line breaks.
      for (let i = end; i !== -1 && i < row.end; i = text.indexOf("\n", i + 1)) lines++;
      end = row.end;
      nextQuote = text.indexOf('"', end);
    }
    if (!isHeader && end > start) onRow(cells, line);
    line += lines;
    start = end + 1;
  }
  return -1;
}

/**
 * A line [start, end) of the text, offered to the reader before it is cut into cells: true when the
 * reader took it whole as one row (every cell passed its quick checks; a quoted cell read as
 * plainRow reads it, closing on the line), false to have it read as any row.
 */
export type QuickLine = (start: number, end: number, line: number) => boolean;

/**
 * Every row of the body, in file order, with its reading problems. Plain rows (readPlainRows) are
 * read here, at a fraction of the CSV parser's cost: the appraisal file has half a million rows at
 * national scale, a few quoted notes among them. From the first row that is not plain, the parser
 * reads the rest. Each plain line goes to `quickLine` first, if given.
 */
export function parseBody(
  file: string,
  opened: CsvOpened,
  problems: ProblemSink,
  onRow: (row: CsvRow) => void,
  quickLine?: QuickLine,
): void {
  const { text, header, offset } = opened;
  const from = readPlainRows(
    opened,
    (cells, line) => {
      const row = acceptRow(file, header, cells, line, problems);
      if (row !== null) onRow(row);
    },
    quickLine,
  );
  if (from === -1) return;
  // The parser starts at the header all the same, passing over the rows already read: where its
  // input starts may change how it reads the first row (it drops a byte-order mark there).
  let line = opened.headerLine;
  let cursor = offset;
  let isHeader = true;
  Papa.parse<string[]>(text.slice(offset), {
    delimiter: opened.delimiter,
    newline: "\n",
    skipEmptyLines: false,
    step: (result) => {
      const rowLine = line;
      const rowStart = cursor;
      const end = offset + result.meta.cursor;
      for (let i = text.indexOf("\n", cursor); i !== -1 && i < end; i = text.indexOf("\n", i + 1)) line++;
      cursor = end;
      if (isHeader) {
        isHeader = false;
        return;
      }
      if (rowStart < from) return;
      if (result.errors.some((e) => e.type === "Quotes")) {
        problems.push(problem("unclosed_quote", { file, line: rowLine }, { line: rowLine }));
        return;
      }
      // The parser's own array becomes the row's cells, trimmed in place: a copy per row of a
      // million-row survey file costs more time than the parsing itself.
      const row = acceptRow(file, header, result.data, rowLine, problems);
      if (row !== null) onRow(row);
    },
  });
}

/** Reports a body without rows (unless an error of the file's below its header may have hidden them). */
export function noRowsProblem(file: string, opened: CsvOpened, rows: number, problems: ProblemSink): void {
  const below = (p: Problem) =>
    p.file === file && p.severity === "error" && p.line !== null && p.line > opened.headerLine;
  if (rows === 0 && !problems.some(below)) {
    problems.push(problem("no_rows", { file, line: null }));
  }
}

/** Reads one CSV input file. `table` is null when nothing trustworthy could be read. */
export function readCsv(bytes: Uint8Array, spec: CsvSpec): CsvRead {
  const file = spec.file;
  const { opened, problems } = openCsv(bytes, spec);
  if (opened === null) return { table: null, problems };
  const rows: CsvRow[] = [];
  parseBody(file, opened, problems, (row) => rows.push(row));
  noRowsProblem(file, opened, rows.length, problems);
  return {
    table: {
      header: opened.header,
      index: opened.index,
      questionColumns: opened.questionColumns,
      headerLine: opened.headerLine,
      rows,
    },
    problems,
  };
}
