// Uniqueness of keys, checked on the cells as read so that a row with another invalid cell still
// counts: a duplicate is reported once per repeated row, pointing at the first occurrence.
import { problem } from "../messages.ts";
import type { Problem, ProblemSink } from "../problem.ts";
import type { ParsedRow } from "./rows.ts";

/** FNV-1a's start and prime; `hashChars` continues from a hash, so a key of several cells is one hash. */
export const hashStart = 0x811c9dc5;
const hashPrime = 0x01000193;

/** FNV-1a over the UTF-16 code units of source[start, end): spreads form ids that differ in one digit. */
export function hashChars(source: string, start: number, end: number, hash = hashStart): number {
  let h = hash;
  for (let i = start; i < end; i++) h = Math.imul(h ^ source.charCodeAt(i), hashPrime);
  return h >>> 0;
}

/**
 * The same over bytes, for text in printable ASCII, whose bytes are its code units: the hash of
 * bytes[start, end) is that of the text they spell (survey files scanned as bytes, issue 26).
 */
export function hashBytes(bytes: Uint8Array, start: number, end: number): number {
  let h = hashStart;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, hashPrime);
  return h >>> 0;
}

/** Text or ASCII bytes: where a key's cells are (survey-columns.ts). */
export type TextUnits = string | Uint8Array;

/** The code unit at i, of a text or of ASCII bytes. */
function unitAt(source: TextUnits, i: number): number {
  return typeof source === "string" ? source.charCodeAt(i) : source[i]!;
}

/** Printable ASCII bytes as text, in Node and in the browser's check (no Buffer there). */
const asciiDecoder = new TextDecoder("latin1");

/** source[start, end) as a string (bytes: printable ASCII). */
export function textOf(source: TextUnits, start: number, end: number): string {
  return typeof source === "string"
    ? source.slice(start, end)
    : asciiDecoder.decode(source.subarray(start, end));
}

/** A hash of two codes (row numbers, dictionary codes), spread over the low bits the table uses. */
export function hashCodes(a: number, b: number): number {
  const h = Math.imul(Math.imul(a, 0x9e3779b1) ^ b, 0x85ebca6b);
  return (h ^ (h >>> 15)) >>> 0;
}

/** Whether a[aStart, aEnd) and b[bStart, bEnd) are the same text (each a text or ASCII bytes). */
export function sameText(
  a: TextUnits,
  aStart: number,
  aEnd: number,
  b: TextUnits,
  bStart: number,
  bEnd: number,
): boolean {
  if (aEnd - aStart !== bEnd - bStart) return false;
  for (let i = 0; i < aEnd - aStart; i++) if (unitAt(a, aStart + i) !== unitAt(b, bStart + i)) return false;
  return true;
}

/** Whether the printable ASCII bytes[start, end) spell `text`. */
function spells(bytes: Uint8Array, start: number, end: number, text: string): boolean {
  if (end - start !== text.length) return false;
  for (let i = start; i < end; i++) if (bytes[i] !== text.charCodeAt(i - start)) return false;
  return true;
}

/**
 * An open-addressing table of entry numbers (a dictionary's values, a file's rows) found by the
 * hash of their key, which the caller keeps and compares: finding a key needs no string of it. A
 * Set of a million fresh strings (one per survey form) costs several times more, most of it in
 * garbage collection.
 */
export class HashSlots {
  private slots = new Int32Array(1024).fill(-1);
  /** Each entry's hash, by entry number: only entries of the same hash are compared. */
  private hashes = new Uint32Array(512);
  private size = 0;
  /** Where find() and next() are in the probe sequence, and the hash they look for. */
  private probe = 0;
  private hash = 0;

  /** The first entry with this hash, or -1; next() gives the others, and add() goes where it ends. */
  find(hash: number): number {
    this.hash = hash;
    this.probe = hash & (this.slots.length - 1);
    return this.next();
  }

  next(): number {
    const mask = this.slots.length - 1;
    for (;;) {
      const entry = this.slots[this.probe]!;
      if (entry === -1) return -1;
      this.probe = (this.probe + 1) & mask;
      if (this.hashes[entry] === this.hash) return entry;
    }
  }

  /** Adds `entry` under the hash last searched for, once find() or next() has returned -1. */
  add(entry: number): void {
    if (entry >= this.hashes.length) this.growHashes(Math.max(entry + 1, this.hashes.length * 2));
    this.hashes[entry] = this.hash;
    this.slots[this.probe] = entry;
    if (++this.size * 2 > this.slots.length) this.resize(this.slots.length * 2);
  }

  /** Room for entries 0 to `entries` − 1 at once (a file's rows) rather than by doubling up to it. */
  reserve(entries: number): void {
    if (entries > this.hashes.length) this.growHashes(entries);
    let size = this.slots.length;
    while (size < entries * 2) size *= 2;
    if (size > this.slots.length) this.resize(size);
  }

  private growHashes(entries: number): void {
    const hashes = new Uint32Array(entries);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private resize(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size).fill(-1);
    const mask = size - 1;
    for (const entry of old) {
      if (entry === -1) continue;
      let slot = this.hashes[entry]! & mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
      this.slots[slot] = entry;
    }
  }
}

/**
 * The distinct texts of a column, each found by its characters in the text being read (HashSlots),
 * so that a cell seen before becomes no new string; `describe` tells what the reader needs to know
 * of a text (whether it passes quick checks, its parsed value), once per text.
 */
export class TextDictionary<E> {
  readonly texts: string[] = [];
  readonly entries: E[] = [];
  private readonly slots = new HashSlots();
  private readonly describe: (text: string) => E;
  /** Texts kept at most: past it a new text is not added (code() gives -1). */
  private readonly limit: number;
  /** The code codeAscii last gave, or -1. */
  private last = -1;

  constructor(describe: (text: string) => E, limit = Infinity) {
    this.describe = describe;
    this.limit = limit;
  }

  /** The code of the text source[start, end), added on its first appearance; -1 when full. */
  code(source: string, start: number, end: number): number {
    return this.codeOf(source, start, end, hashChars(source, start, end));
  }

  /**
   * The same for bytes[start, end) in printable ASCII: the code of the text they spell. The last
   * code found is tried first: a survey file's forms come commune by commune, respondent by
   * respondent.
   */
  codeAscii(bytes: Uint8Array, start: number, end: number): number {
    const last = this.last;
    if (last !== -1 && spells(bytes, start, end, this.texts[last]!)) return last;
    const hash = hashBytes(bytes, start, end);
    for (let code = this.slots.find(hash); code !== -1; code = this.slots.next()) {
      if (spells(bytes, start, end, this.texts[code]!)) return (this.last = code);
    }
    return (this.last = this.add(bytes, start, end));
  }

  private codeOf(source: TextUnits, start: number, end: number, hash: number): number {
    for (let code = this.slots.find(hash); code !== -1; code = this.slots.next()) {
      const text = this.texts[code]!;
      if (sameText(text, 0, text.length, source, start, end)) return code;
    }
    return this.add(source, start, end);
  }

  /** source[start, end) as a new text, under the hash last searched for; -1 when full. */
  private add(source: TextUnits, start: number, end: number): number {
    const code = this.texts.length;
    if (code >= this.limit) return -1;
    const text = textOf(source, start, end);
    this.texts.push(text);
    this.entries.push(this.describe(text));
    this.slots.add(code);
    return code;
  }
}

/** A repeated key, pointing at its first occurrence; its cells are joined by " × ". */
export function duplicateProblem(
  file: string,
  line: number,
  firstLine: number,
  columns: readonly string[],
  value: string,
): Problem {
  const at = { file, line, column: columns.at(-1) ?? null, value };
  return problem("duplicate_key", at, { key: columns.join(" + "), first_line: firstLine });
}

export function duplicateKeys(
  file: string,
  rows: readonly ParsedRow<unknown>[],
  columns: readonly string[],
  problems: ProblemSink,
): void {
  const cells = columns.map((column) => keyCellsOf(rows, column));
  duplicateCodedKeys(file, columns, cells, (i) => rows[i]!.line, problems);
}

/**
 * A key column's cells as numbers, the same for the same text: row i's cell is `texts[codes[i]]`,
 * or blank when its code is -1.
 */
export interface KeyCells {
  codes: Int32Array;
  texts: readonly string[];
}

/** Each row's cell of a column as its text's number in that column (a Map of a small file's cells). */
function keyCellsOf(rows: readonly ParsedRow<unknown>[], column: string): KeyCells {
  const codes = new Int32Array(rows.length);
  const numbers = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const cell = rows[i]!.raw[column] ?? "";
    let code = -1;
    if (cell !== "") {
      code = numbers.get(cell) ?? numbers.size;
      if (code === numbers.size) numbers.set(cell, code);
    }
    codes[i] = code;
  }
  return { codes, texts: [...numbers.keys()] };
}

/**
 * The same on key cells already numbered (the appraisal's columns, validate/appraisal.ts): each
 * key becomes one number, and its first row is found in an array indexed by that number. The
 * appraisal file's half a million keys need no string and no hashing of characters each (issue 26).
 */
export function duplicateCodedKeys(
  file: string,
  columns: readonly string[],
  cells: readonly KeyCells[],
  lineOf: (row: number) => number,
  problems: ProblemSink,
): void {
  const keys = keyNumbers(cells);
  const first = new Int32Array(keys.count).fill(-1);
  for (let i = 0; i < keys.numbers.length; i++) {
    const key = keys.numbers[i]!;
    if (key === -1) continue; // a blank key cell is reported by the schema instead
    const seen = first[key]!;
    if (seen === -1) first[key] = i;
    else {
      const value = cells.map((column) => column.texts[column.codes[i]!]).join(" × ");
      problems.push(duplicateProblem(file, lineOf(i), lineOf(seen), columns, value));
    }
  }
}

/**
 * Each row's key as a number from 0 to `count` − 1, the same for the same cells; -1 when one of
 * its cells is blank. Numbers of several columns are combined column by column and renumbered
 * whenever their range outgrows the rows, so they stay exact integers.
 */
function keyNumbers(cells: readonly KeyCells[]): { numbers: Float64Array; count: number } {
  const rows = cells[0]?.codes.length ?? 0;
  const numbers = new Float64Array(rows);
  let count = 1;
  for (const { codes, texts } of cells) {
    const size = Math.max(texts.length, 1);
    for (let i = 0; i < rows; i++) {
      const code = codes[i]!;
      if (numbers[i] !== -1) numbers[i] = code === -1 ? -1 : numbers[i]! * size + code;
    }
    count *= size;
    if (count > 2 * rows + 1024) count = renumber(numbers);
  }
  return { numbers, count };
}

/** Replaces each number other than -1 by its rank of first appearance; gives how many there are. */
function renumber(numbers: Float64Array): number {
  const ranks = new Map<number, number>();
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i]!;
    if (n === -1) continue;
    const rank = ranks.get(n) ?? ranks.size;
    if (rank === ranks.size) ranks.set(n, rank);
    numbers[i] = rank;
  }
  return Math.max(ranks.size, 1);
}
