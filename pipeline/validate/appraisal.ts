// appraisal.csv read into columns (issue 26), then checked against communes and the criteria tree:
// exactly one row per commune and applicable appraisal leaf, and scores within the leaf's maximum.
//
// At national scale the file has half a million rows repeating a few thousand codes and scores. A
// line whose every cell is one its column has seen pass goes from the text into typed columns — each
// distinct cell checked and parsed once, found by its characters (keys.ts TextDictionary) — with no
// cells array, no string per cell and no object per row. Any other line takes the general path (the
// reader's row checks, the Zod schema: rows.ts rowParser), so its problems are exactly as they were;
// its cells are then coded into the same columns. The checks across files run on the codes.
import { appraisalRow, type AppraisalScore } from "../../schemas/appraisal.ts";
import type { Commune } from "../../schemas/communes.ts";
import type { Criterion } from "../../schemas/criteria.ts";
import { problem } from "../messages.ts";
import type { AppraisalColumns } from "../model.ts";
import type { ProblemSink } from "../problem.ts";
import { inputFormulaTrigger, type CsvOpened, type CsvRow, type QuickLine } from "../read/csv.ts";
import { hundredths } from "../rules/hundredths.ts";
import { appliesTo, leafSource, type CriteriaTree } from "./criteria.ts";
import { invisibleProblem } from "./invisible.ts";
import { duplicateCodedKeys, TextDictionary, type KeyCells } from "./keys.ts";
import { cellCacheLimit, rowParser, type ParsedRow } from "./rows.ts";

const file = "appraisal.csv";
const shape = appraisalRow.shape;
type Column = keyof typeof shape;
/** The coded columns; the note is kept apart, only where it is not blank. */
const codedColumns = ["commune_code", "criterion_id", "self_score", "appraised_score"] as const;
type CodedColumn = (typeof codedColumns)[number];
const scoreColumns = ["self_score", "appraised_score"] as const;
const appraisalKey = ["commune_code", "criterion_id"] as const;

/** What the reader knows of a column's distinct cell: whether a line may take it as it is, its value. */
interface Cell {
  /** Nothing to trim, no formula, no invisible character, and its column's schema accepts it. */
  quick: boolean;
  /** The parsed value when the schema accepts the cell alone. */
  value: unknown;
}

/** A column's cells as read, each distinct one once: row r's cell is `texts[codes[r]]`. */
export interface AppraisalCells {
  texts: readonly string[];
  /** The parsed value of each text, undefined when its column's schema refuses it. */
  values: readonly unknown[];
  codes: Uint32Array;
}

/** The appraisal file's rows in columns, valid or not: what its checks work on. */
export interface AppraisalTable {
  /** The rows read (blank rows are skipped): the length of every column. */
  rows: number;
  /** 1-based physical line of each row. */
  line: Uint32Array;
  /** 1 when the row is a record: not ragged and every cell passed its schema. */
  valid: Uint8Array;
  cells: Record<CodedColumn, AppraisalCells>;
  /** The notes of valid rows that are not blank, by row. */
  notes: Map<number, string>;
}

const initialCapacity = 1024;
const quote = 34;

/**
 * Reads the appraisal's rows into columns: lines of cells that pass through quickLine, any other
 * row through addRow. `unchecked` holds the rows of the general path, whose cells are then checked
 * for invisible characters (invisible.ts checkInvisible) as every other file's.
 */
export class AppraisalReader {
  readonly unchecked: ParsedRow<AppraisalScore>[] = [];
  private size = 0;
  private line = new Uint32Array(initialCapacity);
  private valid = new Uint8Array(initialCapacity);
  private codes: Uint32Array[] = codedColumns.map(() => new Uint32Array(initialCapacity));
  private readonly notes = new Map<number, string>();
  /** Per column of the schema: its distinct cells (notes: up to cellCacheLimit, the others all). */
  private readonly dictionaries: Record<Column, TextDictionary<Cell>>;
  private readonly parse: (row: CsvRow) => ParsedRow<AppraisalScore>;

  constructor(index: ReadonlyMap<string, number>, columns: readonly string[], problems: ProblemSink) {
    const dictionary = (column: Column, limit = Infinity) =>
      new TextDictionary<Cell>((cell) => {
        const parsed = shape[column].safeParse(cell);
        const quick =
          parsed.success &&
          cell.trim() === cell &&
          inputFormulaTrigger(cell) === null &&
          invisibleProblem(file, null, column, cell) === null;
        return { quick, value: parsed.data };
      }, limit);
    this.dictionaries = {
      commune_code: dictionary("commune_code"),
      criterion_id: dictionary("criterion_id"),
      self_score: dictionary("self_score"),
      appraised_score: dictionary("appraised_score"),
      note: dictionary("note", cellCacheLimit),
    };
    this.parse = rowParser(file, index, appraisalRow, columns, problems);
  }

  rows(): number {
    return this.size;
  }

  /** Room for `rows` rows at least. */
  private reserve(rows: number): void {
    if (rows <= this.line.length) return;
    const grow = <A extends Uint32Array | Uint8Array>(array: A, bigger: A): A => {
      bigger.set(array);
      return bigger;
    };
    this.line = grow(this.line, new Uint32Array(rows));
    this.valid = grow(this.valid, new Uint8Array(rows));
    this.codes = this.codes.map((codes) => grow(codes, new Uint32Array(rows)));
  }

  /** Row number of a new row at `line`, room made for it. */
  private next(line: number, valid: boolean): number {
    const r = this.size++;
    if (r === this.line.length) this.reserve(r * 2);
    this.line[r] = line;
    this.valid[r] = valid ? 1 : 0;
    return r;
  }

  /** The general path: one row as a reader gave it, parsed with all its problems, then coded. */
  addRow(row: CsvRow): void {
    const parsed = this.parse(row);
    this.unchecked.push(parsed);
    const r = this.next(parsed.line, parsed.value !== null);
    codedColumns.forEach((column, k) => {
      const cell = parsed.raw[column] ?? "";
      this.codes[k]![r] = this.dictionaries[column].code(cell, 0, cell.length);
    });
    const note = parsed.value?.note;
    if (note !== undefined && note !== null) this.notes.set(r, note);
  }

  /**
   * Lines taken straight from the text when every cell is one its column has seen pass and the row
   * has the header's width (trailing empty cells aside); any other line returns false and is read
   * as any row, with all its problems. Undefined when the header is not exactly the schema's
   * columns: then every row takes the general path.
   */
  quickLine(opened: CsvOpened): QuickLine | undefined {
    const { text, header } = opened;
    const keys = Object.keys(shape);
    if (header.length !== keys.length || !keys.every((key) => header.includes(key))) return undefined;
    // Room for every line at once, as for the survey files: growing half a million rows' columns
    // by doubling cost copies and twice the fresh memory.
    let lines = 1;
    for (let i = text.indexOf("\n", opened.offset); i !== -1; i = text.indexOf("\n", i + 1)) lines++;
    this.reserve(lines);
    const width = header.length;
    const cells = header.map((column) => this.dictionaries[column as Column]);
    const codedAt = codedColumns.map((column) => header.indexOf(column));
    const noteAt = header.indexOf("note");
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
          const dictionary = cells[position]!;
          const code = dictionary.code(text, cellStart, textEnd);
          if (code === -1 || !dictionary.entries[code]!.quick) return false;
          found[position] = code;
          if (textEnd > cellStart) blank = false;
        }
        position++;
        if (cellEnd === end) break;
        cellStart = cellEnd + 1;
      }
      if (position < width || blank) return false;
      const r = this.next(line, true);
      for (let k = 0; k < codedAt.length; k++) this.codes[k]![r] = found[codedAt[k]!]!;
      const note = this.dictionaries.note.entries[found[noteAt]!]!.value;
      if (note !== null) this.notes.set(r, note as string);
      return true;
    };
  }

  finish(): AppraisalTable {
    const rows = this.size;
    const cells = {} as Record<CodedColumn, AppraisalCells>;
    codedColumns.forEach((column, k) => {
      const { texts, entries } = this.dictionaries[column];
      cells[column] = { texts, values: entries.map((e) => e.value), codes: this.codes[k]!.subarray(0, rows) };
    });
    return {
      rows,
      line: this.line.subarray(0, rows),
      valid: this.valid.subarray(0, rows),
      cells,
      notes: this.notes,
    };
  }
}

/** Each score text's whole hundredths; NaN for a text its schema refuses. */
function scoreHundredths(cells: AppraisalCells): Float64Array {
  return Float64Array.from(cells.values, (value) => (typeof value === "number" ? hundredths(value) : NaN));
}

/**
 * The valid rows' cells of a coded column, coded again over the texts they use, in order of first
 * appearance (the reader's dictionary also holds the cells it tried and refused).
 */
function validCells(table: AppraisalTable, cells: AppraisalCells, size: number) {
  const recoded = new Int32Array(cells.texts.length).fill(-1);
  const texts: string[] = [];
  const codes = new Uint32Array(size);
  for (let r = 0, i = 0; r < table.rows; r++) {
    if (table.valid[r] === 0) continue;
    const code = cells.codes[r]!;
    if (recoded[code] === -1) recoded[code] = texts.push(cells.texts[code]!) - 1;
    codes[i++] = recoded[code]!;
  }
  return { texts, codes };
}

/** The valid rows, as computation takes them (data is handed on only without an error). */
export function appraisalColumns(table: AppraisalTable): AppraisalColumns {
  let size = 0;
  for (let r = 0; r < table.rows; r++) size += table.valid[r]!;
  const { commune_code, criterion_id, self_score, appraised_score } = table.cells;
  const communes = validCells(table, commune_code, size);
  const criteria = validCells(table, criterion_id, size);
  const selfOf = scoreHundredths(self_score);
  const appraisedOf = scoreHundredths(appraised_score);
  const selfScore = new Int32Array(size);
  const appraisedScore = new Int32Array(size);
  // Each valid row's place among them, for its note.
  const position = new Int32Array(table.rows);
  for (let r = 0, i = 0; r < table.rows; r++) {
    if (table.valid[r] === 0) continue;
    selfScore[i] = selfOf[self_score.codes[r]!]!;
    appraisedScore[i] = appraisedOf[appraised_score.codes[r]!]!;
    position[r] = i++;
  }
  // Without an invalid row (the rule: data is handed on only without an error) rows keep their places.
  let notes = table.notes;
  if (size < table.rows) {
    notes = new Map();
    for (const [r, note] of table.notes) notes.set(position[r]!, note);
  }
  return {
    size,
    communeCodes: communes.texts,
    commune: communes.codes,
    criterionIds: criteria.texts,
    criterion: criteria.codes,
    selfScore,
    appraisedScore,
    notes,
  };
}

/** A key column for duplicateCodedKeys: a blank cell is -1 (the schema reports it instead). */
function keyCells(cells: AppraisalCells): KeyCells {
  const blank = cells.texts.indexOf("");
  const codes = new Int32Array(cells.codes.length);
  for (let r = 0; r < codes.length; r++) codes[r] = cells.codes[r] === blank ? -1 : cells.codes[r]!;
  return { codes, texts: cells.texts };
}

/** A commune and criterion with more than one row, reported on each repeated row. */
export function appraisalDuplicates(table: AppraisalTable, problems: ProblemSink): void {
  const keys = appraisalKey.map((column) => keyCells(table.cells[column]));
  duplicateCodedKeys(file, appraisalKey, keys, (r) => table.line[r]!, problems);
}

export interface CommuneIndex {
  /** Every code as read, valid or not. */
  codes: Set<string>;
  /** Valid communes by code. */
  byCode: Map<string, Commune>;
}

const fiveDigits = /^\d{5}$/;

/** A commune code that is well formed (else the schema reported it) but not in communes.csv. */
export function unknownCommune(communes: CommuneIndex, code: string): boolean {
  return fiveDigits.test(code) && !communes.codes.has(code);
}

/** Where a criterion id problem is (made only for a problem: half a million rows have none). */
const criterionCell = (line: number, value: string) => ({ file, line, column: "criterion_id", value });

/** What a row's criterion id is checked for, worked out once per id. */
type CriterionCheck = "unknown" | "not appraisal leaf" | { criterion: Criterion; max: number } | null;

export function checkAppraisal(
  table: AppraisalTable,
  communes: CommuneIndex | null,
  tree: CriteriaTree | null,
  problems: ProblemSink,
): void {
  const { commune_code, criterion_id } = table.cells;
  const criterionCheck = (id: string): CriterionCheck => {
    if (tree === null || id === "" || !/^[\d.]+$/.test(id)) return null;
    if (!tree.ids.has(id)) return "unknown";
    const criterion = tree.byId.get(id);
    if (criterion === undefined) return null;
    if (leafSource(tree, id) !== "appraisal") return "not appraisal leaf";
    return { criterion, max: hundredths(criterion.max_points) };
  };
  // Each distinct commune code and criterion id looked up once.
  const unknown = commune_code.texts.map((code) => communes !== null && unknownCommune(communes, code));
  const valid = commune_code.texts.map((code) => communes?.byCode.get(code));
  const checks = criterion_id.texts.map(criterionCheck);
  const appraisalLeaves =
    tree === null ? [] : [...tree.byId].filter(([id]) => leafSource(tree, id) === "appraisal");
  // Which valid commune has a row for which appraisal leaf: a slot per valid commune and leaf.
  const communeSlot = new Int32Array(commune_code.texts.length).fill(-1);
  const communeList = [...(communes?.byCode.values() ?? [])];
  const slotOf = new Map(communeList.map((c, i) => [c.code, i]));
  commune_code.texts.forEach((code, c) => (communeSlot[c] = slotOf.get(code) ?? -1));
  const leafSlot = new Int32Array(criterion_id.texts.length).fill(-1);
  const leafOf = new Map(appraisalLeaves.map(([id], i) => [id, i]));
  criterion_id.texts.forEach((id, k) => (leafSlot[k] = leafOf.get(id) ?? -1));
  const leaves = appraisalLeaves.length;
  const scored = new Uint8Array(communeList.length * leaves);
  const scores = scoreColumns.map((column) => ({
    column,
    cells: table.cells[column],
    hundredths: scoreHundredths(table.cells[column]),
  }));

  for (let r = 0; r < table.rows; r++) {
    const c = commune_code.codes[r]!;
    const k = criterion_id.codes[r]!;
    const line = table.line[r]!;
    const slot = communeSlot[c]!;
    if (slot !== -1 && leafSlot[k] !== -1) scored[slot * leaves + leafSlot[k]!] = 1;
    if (unknown[c]) {
      const value = commune_code.texts[c]!;
      problems.push(problem("unknown_commune", { file, line, column: "commune_code", value }));
    }
    const check = checks[k]!;
    if (check === null) continue;
    const id = criterion_id.texts[k]!;
    if (check === "unknown") {
      problems.push(problem("unknown_criterion", criterionCell(line, id)));
      continue;
    }
    if (check === "not appraisal leaf") {
      problems.push(problem("not_an_appraisal_leaf", criterionCell(line, id)));
      continue;
    }
    const { criterion } = check;
    const commune = valid[c];
    if (commune !== undefined && !appliesTo(criterion, commune.type)) {
      const params = { applies_to: criterion.applies_to, commune: commune.code, commune_type: commune.type };
      problems.push(problem("appraisal_not_applicable", criterionCell(line, id), params));
    }
    if (table.valid[r] === 0) continue;
    for (const score of scores) {
      const code = score.cells.codes[r]!;
      if (score.hundredths[code]! > check.max) {
        const cell = { file, line, column: score.column, value: score.cells.texts[code]! };
        problems.push(problem("score_above_max", cell, { max: criterion.max_points, criterion: id }));
      }
    }
  }
  if (communes === null || tree === null) return;
  // A year just started (npm run new-year) has no score yet: one problem says so, not one per score.
  if (table.rows === 0) {
    const params = { units: communes.byCode.size, criteria: appraisalLeaves.length };
    problems.push(problem("appraisal_to_fill", { file, line: null }, params));
    return;
  }
  communeList.forEach((commune, slot) => {
    appraisalLeaves.forEach(([id, criterion], leaf) => {
      if (!appliesTo(criterion, commune.type) || scored[slot * leaves + leaf] === 1) return;
      const at = { file, line: null, column: "criterion_id", value: id };
      problems.push(
        problem("appraisal_missing", at, { commune: commune.code, name: commune.name, criterion: id }),
      );
    });
  });
}
