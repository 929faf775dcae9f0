// Survey files read straight into columns (issue 17): at national scale they hold a million forms,
// and a row object, a cells array and a Zod parse per form cost more than everything else the
// validation does. A row whose cells all pass quick checks (no quote in the file, the header's
// width, no cell to trim or that Excel could run as a formula, fixed cells their schema accepts,
// known options) goes from the text into typed arrays; any other row takes the general path — the
// reader's row checks, the Zod schema, the answers against the scales — which reports exactly what
// it always has, at the same line and column. Rows from any other source (a parsed CSV with quotes,
// a workbook) use that general path too.
//
// No fixed cell becomes a string per form: commune codes, respondents and groups repeat, and are
// kept once each in a dictionary found by their characters in the text; the form's key (form_id) is
// unique, so it is checked for repeats and invisible characters as the row is read, at its place in
// the text, and not kept. A million forms' four cells as strings were most of the validation's
// garbage collection.
import type { z } from "zod";
import { nonBlank } from "../../schemas/survey.ts";
import { problem } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import { acceptRow, forEachBodyLineBytes, type CsvOpened, type CsvRow, utf8Encoder } from "../read/csv.ts";
import { invisibleCharacter, invisibleProblem, invisibleProblemIn } from "./invisible.ts";
import {
  duplicateProblem,
  hashBytes,
  hashChars,
  HashSlots,
  sameText,
  TextDictionary,
  textOf,
  type TextUnits,
} from "./keys.ts";
import { parseRow } from "./rows.ts";
import type { ScaleLookup } from "./survey.ts";

/** A fixed column's cells as read, each distinct one once: row r's cell is `values[codes[r]]`. */
export interface CodedColumn {
  /** The distinct cells, in order of first appearance. */
  values: readonly string[];
  codes: Uint32Array;
}

/** A survey file's rows in columns, valid or not: what the survey checks work on. */
export interface SurveyTable {
  /** The rows read (blank rows are skipped): the length of every column below. */
  rows: number;
  /** 1-based physical line of each row. */
  line: Uint32Array;
  /** 1 when the row is a form: not ragged and its fixed cells passed their schema. */
  valid: Uint8Array;
  /** The fixed columns but the key, by column name; a column absent from the file reads blank. */
  fixed: Record<string, CodedColumn>;
  /** The question columns present, in header order. */
  questionColumns: string[];
  /** Per question column: 0 for blank (or unchecked), else 1 + the option's index in its scale. */
  answers: Uint16Array[];
}

interface QuestionColumn {
  id: string;
  /** Column position in the header. */
  at: number;
  /** The scale's options, null when unknown (then nothing is checked, as the scale is reported). */
  options: ReadonlyMap<string, { scale: string }> | null;
  /** 1 + index of each option in its scale. */
  codes: Map<string, number>;
  /** The same for one-character options, by character code below 128: 0 when none. */
  charCodes: Uint16Array;
  /** The same for any text of printable ASCII met in the column, up to a few dozen: 0 when none. */
  longOptions: TextDictionary<number>;
}

const initialCapacity = 1024;
const lineFeed = 10;
// A line starting with U+FEFF keeps it: it is an invisible character to report, not a byte-order mark.
const utf8Decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** What a fixed column's reader knows of each distinct cell. */
interface FixedCell {
  /** Whether it passes its column's quick check (formCellChecks). */
  quick: boolean;
  /** Whether it holds an invisible character, reported on every row that has it. */
  invisible: boolean;
}

/** The distinct cells of one fixed column, found by their characters. */
function fixedDictionary(check: (cell: string) => boolean): TextDictionary<FixedCell> {
  return new TextDictionary((value) => ({
    quick: check(value),
    invisible: invisibleCharacter(value) !== null,
  }));
}

/** A fixed column other than the key, dictionary-coded. */
interface Coded {
  column: string;
  dictionary: TextDictionary<FixedCell>;
  codes: Uint32Array;
}

/**
 * The columns handed on (answers, coded fixed cells) on shared memory where there is any (Node; a
 * browser page only when cross-origin isolated): a survey worker hands them to the main thread, and
 * computation to its threads (compute/responses.ts), without a copy. Copying the citizens' columns
 * cost a tenth of a second at national scale.
 */
const shareable = typeof SharedArrayBuffer === "function";
const sharedUint16 = (length: number) =>
  shareable ? new Uint16Array(new SharedArrayBuffer(2 * length)) : new Uint16Array(length);
const sharedUint32 = (length: number) =>
  shareable ? new Uint32Array(new SharedArrayBuffer(4 * length)) : new Uint32Array(length);

export class SurveyColumns {
  private rows = 0;
  private line = new Uint32Array(initialCapacity);
  private valid = new Uint8Array(initialCapacity);
  private answers: Uint16Array[];
  /** Per fixed column: its dictionary and codes, or null for the key. */
  private readonly coded: (Coded | null)[];
  private readonly fixedAt: (number | undefined)[];
  /**
   * The key cell of each row: source[keyStart, keyEnd), its source being the text scanned (quick
   * path) or the row's own cell (general path, in ownKeys). Rows with a new key are in keySlots.
   */
  private keyStart = new Uint32Array(initialCapacity);
  private keyEnd = new Uint32Array(initialCapacity);
  private readonly ownKeys = new Map<number, string>();
  private readonly keySlots = new HashSlots();
  /** What the quick path reads: the file's bytes. */
  private source: TextUnits = "";
  private readonly key: string;
  private readonly questions: QuestionColumn[];
  private readonly file: string;
  private readonly questionColumns: string[];
  private readonly fixedColumns: readonly string[];
  private readonly schema: z.ZodType;
  /** The key column's quick check (formCellChecks); a column without one takes the general path. */
  private readonly keyCheck: (cell: string) => boolean;
  private readonly problems: ProblemSink;

  constructor(
    file: string,
    opened: Pick<CsvOpened, "index" | "questionColumns">,
    /** The fixed (non-question) columns, parsed by `schema`; `checks` are their quick tests. */
    fixedColumns: readonly string[],
    /** The fixed column identifying a form: unique, and not kept. */
    key: string,
    schema: z.ZodType,
    checks: Readonly<Record<string, (cell: string) => boolean>>,
    lookup: ScaleLookup | null,
    problems: ProblemSink,
  ) {
    this.file = file;
    this.questionColumns = opened.questionColumns;
    this.fixedColumns = fixedColumns;
    this.schema = schema;
    this.keyCheck = checks[key] ?? (() => false);
    this.problems = problems;
    this.key = key;
    this.coded = fixedColumns.map((column) =>
      column === key
        ? null
        : {
            column,
            dictionary: fixedDictionary(checks[column] ?? (() => false)),
            codes: sharedUint32(initialCapacity),
          },
    );
    this.fixedAt = fixedColumns.map((column) => opened.index.get(column));
    this.questions = opened.questionColumns.map((id) => {
      const options = lookup?.get(id) ?? null;
      const codes = new Map([...(options?.keys() ?? [])].map((option, i) => [option, i + 1]));
      const charCodes = new Uint16Array(128);
      for (const [option, code] of codes) {
        if (option.length === 1 && option.charCodeAt(0) < 128) charCodes[option.charCodeAt(0)] = code;
      }
      const longOptions = new TextDictionary((text) => codes.get(text) ?? 0, 64);
      return { id, at: opened.index.get(id) as number, options, codes, charCodes, longOptions };
    });
    if (this.questions.some((q) => q.codes.size > 0xfffe))
      throw new Error(`${file}: a scale with too many options`);
    this.answers = this.questions.map(() => sharedUint16(initialCapacity));
  }

  private ensure(rows: number): void {
    if (rows <= this.line.length) return;
    const capacity = Math.max(rows, this.line.length * 2);
    const grow = <A extends Uint32Array | Uint8Array | Uint16Array>(array: A, make: (n: number) => A): A => {
      const bigger = make(capacity);
      bigger.set(array);
      return bigger;
    };
    this.line = grow(this.line, (n) => new Uint32Array(n));
    this.valid = grow(this.valid, (n) => new Uint8Array(n));
    this.answers = this.answers.map((column) => grow(column, sharedUint16));
    for (const coded of this.coded) if (coded !== null) coded.codes = grow(coded.codes, sharedUint32);
    this.keyStart = grow(this.keyStart, (n) => new Uint32Array(n));
    this.keyEnd = grow(this.keyEnd, (n) => new Uint32Array(n));
  }

  /** The general path: one row as a reader gave it, checked like every row of the other files. */
  addRow(row: CsvRow): void {
    const r = this.rows;
    this.ensure(r + 1);
    const raw: Record<string, string> = {};
    this.fixedColumns.forEach((column, k) => {
      const at = this.fixedAt[k];
      const cell = at === undefined ? "" : (row.cells[at] as string);
      raw[column] = cell;
      const coded = this.coded[k];
      if (coded) coded.codes[r] = coded.dictionary.code(cell, 0, cell.length);
      else {
        this.ownKeys.set(r, cell);
        this.keyStart[r] = 0;
        this.keyEnd[r] = cell.length;
      }
    });
    const value = row.ragged ? null : parseRow(this.file, row.line, raw, this.schema, this.problems);
    this.valid[r] = value === null ? 0 : 1;
    this.questions.forEach(({ id, at, options, codes }, q) => {
      const option = row.cells[at] as string;
      let code = 0;
      if (option !== "" && options !== null) {
        code = codes.get(option) ?? 0;
        if (code === 0) {
          const allowed = [...options.keys()].join(", ");
          const scale = options.values().next().value?.scale ?? "";
          const at = { file: this.file, line: row.line, column: id, value: option };
          this.problems.push(problem("unknown_option", at, { scale, options: allowed }));
        }
      }
      this.answers[q]![r] = code;
    });
    this.line[r] = row.line;
    this.checkFixed(r);
    this.rows++;
  }

  /**
   * Row r's fixed cells once it is read by the general path: invisible characters, then a repeated
   * key (the order in which they were reported when both were checked after the whole file).
   */
  private checkFixed(r: number): void {
    const line = this.line[r]!;
    for (const coded of this.coded) {
      if (coded === null || !coded.dictionary.entries[coded.codes[r]!]!.invisible) continue;
      const value = coded.dictionary.texts[coded.codes[r]!]!;
      this.problems.push(invisibleProblem(this.file, line, coded.column, value) as Problem);
    }
    const source = this.ownKeys.get(r);
    if (source === undefined || source === "") return; // a blank key is reported by the schema
    const invisible = invisibleProblemIn(this.file, line, this.key, source, 0, source.length);
    if (invisible !== null) this.problems.push(invisible);
    this.checkRepeat(r, source, 0, source.length, hashChars(source, 0, source.length));
  }

  /**
   * Whether row r's key source[start, end) (hashed `hash`) repeats an earlier row's, which is then
   * reported; else the row is added to the keys. A row read quickly needs no other check: its
   * cells are printable ASCII, with no invisible character.
   */
  private checkRepeat(r: number, source: TextUnits, start: number, end: number, hash: number): void {
    for (let first = this.keySlots.find(hash); first !== -1; first = this.keySlots.next()) {
      const other = this.ownKeys.get(first) ?? this.source;
      if (sameText(other, this.keyStart[first]!, this.keyEnd[first]!, source, start, end)) {
        const value = textOf(source, start, end);
        this.problems.push(duplicateProblem(this.file, this.line[r]!, this.line[first]!, [this.key], value));
        return;
      }
    }
    this.keySlots.add(r);
  }

  /**
   * The whole body of a file without any quote (`withoutQuotes`): every line is one row, split at
   * the delimiter exactly as the general path splits it. The body is read as bytes, twice as fast
   * as its characters (issue 26): a cell in printable ASCII is its bytes; any line with another
   * byte is decoded and takes the general path. A file whose text is not its bytes' decoding (CR
   * line ends, normalised) is read from its text encoded again.
   */
  scanBody(opened: CsvOpened): void {
    const { header, delimiter } = opened;
    const utf8 = opened.utf8 ?? {
      bytes: utf8Encoder.encode(opened.text),
      offset: utf8Encoder.encode(opened.text.slice(0, opened.offset)).length,
    };
    const { bytes } = utf8;
    this.source = bytes;
    // Room for every line at once: growing a million rows' columns by doubling cost a tenth of the
    // reading, in copies and in garbage collections their discarded buffers set off.
    let lines = 1;
    for (let i = bytes.indexOf(lineFeed, utf8.offset); i !== -1; i = bytes.indexOf(lineFeed, i + 1)) lines++;
    this.ensure(this.rows + lines);
    this.keySlots.reserve(this.rows + lines);
    // A missing fixed column makes every row invalid: the general path reports each.
    const fast = this.fixedAt.every((at) => at !== undefined);
    const roles = this.roles(header.length);
    const split = delimiter.charCodeAt(0);
    forEachBodyLineBytes(opened, utf8, (start, end, line) => {
      if (end === start || (fast && this.fastRow(bytes, start, end, line, split, roles))) return;
      const cells = utf8Decoder.decode(bytes.subarray(start, end)).split(delimiter);
      const row = acceptRow(this.file, header, cells, line, this.problems);
      if (row !== null) this.addRow(row);
    });
  }

  /** Per header position: the fixed column (k ≥ 0), the question column (−2 − q) or neither (−1). */
  private roles(width: number): Int32Array {
    const roles = new Int32Array(width).fill(-1);
    this.fixedAt.forEach((at, k) => {
      if (at !== undefined) roles[at] = k;
    });
    this.questions.forEach(({ at }, q) => (roles[at] = -2 - q));
    return roles;
  }

  /**
   * One line of bytes into the columns when every cell is printable ASCII and passes the quick
   * checks; false leaves it to addRow.
   */
  private fastRow(
    bytes: Uint8Array,
    start: number,
    end: number,
    line: number,
    split: number,
    roles: Int32Array,
  ): boolean {
    const r = this.rows;
    this.ensure(r + 1);
    const width = roles.length;
    let position = 0;
    let cellStart = start;
    for (;;) {
      let cellEnd = cellStart;
      for (; cellEnd < end; cellEnd++) {
        const c = bytes[cellEnd]!;
        if (c === split) break;
        if (c < 32 || c > 126) return false;
      }
      if (position >= width) {
        // Trailing empty cells (Excel adds them) are fine; anything else makes the row ragged.
        if (cellEnd > cellStart) return false;
      } else if (!this.fastCell(bytes, cellStart, cellEnd, roles[position]!, r)) return false;
      position++;
      if (cellEnd === end) break;
      cellStart = cellEnd + 1;
    }
    if (position < width) return false;
    this.line[r] = line;
    this.valid[r] = 1;
    const keyStart = this.keyStart[r]!;
    const keyEnd = this.keyEnd[r]!;
    this.checkRepeat(r, bytes, keyStart, keyEnd, hashBytes(bytes, keyStart, keyEnd));
    this.rows++;
    return true;
  }

  /** A cell of printable ASCII bytes[start, end) at its column's place in row r, if it passes. */
  private fastCell(bytes: Uint8Array, start: number, end: number, role: number, r: number): boolean {
    if (start === end) {
      if (role >= 0) return false; // every fixed cell is required
      if (role < -1) this.answers[-2 - role]![r] = 0;
      return true;
    }
    const first = bytes[start]!;
    // Spaces to trim, and the characters that can start a formula (= + - @): such cells go the
    // general way, which reports or trims them.
    if (first === 32 || bytes[end - 1] === 32 || first === 61 || first === 43 || first === 45 || first === 64)
      return false;
    if (role < -1) {
      const question = this.questions[-2 - role]!;
      let code = 0;
      if (question.options !== null) {
        if (end - start === 1) code = question.charCodes[first]!;
        else {
          const option = question.longOptions.codeAscii(bytes, start, end);
          code = option === -1 ? 0 : question.longOptions.entries[option]!;
        }
        if (code === 0) return false;
      }
      this.answers[-2 - role]![r] = code;
      return true;
    }
    if (role < 0) return true;
    const coded = this.coded[role];
    if (coded) {
      const code = coded.dictionary.codeAscii(bytes, start, end);
      if (!coded.dictionary.entries[code]!.quick) return false;
      coded.codes[r] = code;
    } else {
      // A key any text but a blank one passes (nonBlank) needs no string: this cell is not blank.
      // The row keeps where its key is in the bytes.
      if (this.keyCheck !== nonBlank && !this.keyCheck(textOf(bytes, start, end))) return false;
      this.keyStart[r] = start;
      this.keyEnd[r] = end;
    }
    return true;
  }

  finish(): SurveyTable {
    const rows = this.rows;
    const fixed: Record<string, CodedColumn> = {};
    for (const coded of this.coded) {
      if (coded)
        fixed[coded.column] = { values: coded.dictionary.texts, codes: coded.codes.subarray(0, rows) };
    }
    return {
      rows,
      line: this.line.subarray(0, rows),
      valid: this.valid.subarray(0, rows),
      fixed,
      questionColumns: this.questionColumns,
      answers: this.answers.map((column) => column.subarray(0, rows)),
    };
  }
}
