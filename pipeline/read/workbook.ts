// An .xlsx workbook → its sheets as rows of text cells with their Excel row numbers, for the same
// checks as a CSV file (pipeline/read/sheet.ts). A workbook is untrusted input: the zip's central
// directory is checked (declared sizes, entry count) before anything is inflated, and inflating
// stops as soon as an entry gives more bytes than it declared or than the cap, so a zip bomb costs
// neither memory nor time. Formulas are never evaluated: a formula cell's cached value is read.
// Plain fflate + saxes (no exceljs) so the same code runs in Node and in the browser under the CSP.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { Inflate, inflateSync } from "fflate";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";

export interface WorkbookLimits {
  /** Sum of the declared uncompressed sizes of the entries read. */
  inflatedBytes: number;
  /** The declared uncompressed size of one sheet's XML. */
  sheetBytes: number;
  entries: number;
  sheets: number;
  rows: number;
  columns: number;
}

export const workbookLimits: WorkbookLimits = {
  // A sheet is parsed as it is inflated, so these bound time, not memory. Excel's 1,048,576 rows
  // of the citizens' survey (17 columns) are 522 MB of XML, the officials' (22 columns) ~860 MB.
  inflatedBytes: 2048 * 1024 * 1024,
  sheetBytes: 1024 * 1024 * 1024,
  entries: 1000,
  sheets: 50,
  // Excel's own sheet size.
  rows: 1_048_576,
  columns: 500,
};

export interface SheetRow {
  /** The row number Excel shows. */
  row: number;
  /** Cells by column (A = 0), as text; blank where there is no cell. */
  cells: string[];
}

export interface WorkbookSheet {
  name: string;
  /** Hidden in Excel (`state="hidden"` or `"veryHidden"`): never read in place of a visible sheet. */
  hidden: boolean;
  /**
   * Gives the sheet's rows one by one to `onRow` as its XML is inflated and parsed, anew at each
   * call, so that not even one sheet's rows are held at once (Excel's 1,048,576 rows would take
   * gigabytes); `onRow` returns false to stop there. Problems (a formula without its result, a
   * limit, damaged XML) go to `problems`; false when the sheet could not be read.
   */
  each: (problems: Problem[], onRow: (row: SheetRow) => boolean | void) => boolean;
  /** The sheet's rows as an array (each): for the small sheets, or only the `first` rows. */
  read: (problems: Problem[], first?: number) => SheetRow[] | null;
  /**
   * The sheet's XML as stored in the workbook (compressed), recorded as the input's bytes and
   * hashed for the manifest: the inflated XML is parsed as it comes and never held whole.
   */
  bytes: Uint8Array;
}

export interface WorkbookRead {
  sheets: WorkbookSheet[];
  problems: Problem[];
}

/** Compressed bytes pushed at a time: at deflate's 1032:1 at most ~16 MB come out per push. */
const pushBytes = 16 * 1024;

/**
 * An entry this small, compressed and as declared, is inflated in one call into a buffer of its
 * declared size plus one byte (a full buffer means it gives more than it declared). Chunk by chunk,
 * fflate grows and copies its output for every chunk: that was most of the cost of reading a small
 * workbook (the site's gate reads one per unit). At 1032:1, 64 KB give at most ~66 MB of output,
 * which fflate counts but never stores beyond the buffer.
 */
const oneCallBytes = { stored: 64 * 1024, declared: 16 * 1024 * 1024 };

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);

function tooLarge(file: string, detail: string): Problem {
  return problem("workbook_too_large", { file, line: null }, { detail });
}

function unreadable(file: string, detail: string): Problem {
  return problem("workbook_unreadable", { file, line: null }, { detail });
}

/** A part of the zip as its central directory describes it; `stored` is its bytes as in the file. */
interface ZipEntry {
  name: string;
  method: number;
  originalSize: number;
  stored: Uint8Array;
}

/** A zip's central directory, read without inflating anything; throws on a malformed zip. */
function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  // The end-of-central-directory record is in the last 65,557 bytes (22 + a comment of ≤ 65,535).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (u32(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("không phải tệp nén (zip)");
  const count = u16(end + 10);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder("utf-8");
  for (let i = 0, at = u32(end + 16); i < count; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) throw new Error("danh mục tệp nén hỏng");
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    if (local + 30 > bytes.length || u32(local) !== 0x04034b50) throw new Error("tệp nén hỏng");
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const size = u32(at + 20);
    if (start + size > bytes.length) throw new Error("tệp nén bị cắt cụt");
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(at + 10),
      originalSize: u32(at + 24),
      stored: bytes.subarray(start, start + size),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  return entries;
}

/** Thrown when an entry gives more bytes than it declared. */
class OverDeclared extends Error {}

/**
 * Inflates one entry chunk by chunk into `sink`, stopped as soon as it gives more bytes than it
 * declared: nothing but the chunk in hand is held, so a zip bomb costs neither memory nor time.
 */
function inflateEntry(entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
  let size = 0;
  const take = (chunk: Uint8Array) => {
    size += chunk.length;
    if (size > entry.originalSize)
      throw new OverDeclared(`${entry.name} giải nén ra nhiều hơn ${entry.originalSize} byte đã khai`);
    if (chunk.length > 0) sink(chunk);
  };
  if (entry.method === 0) return take(entry.stored);
  if (entry.method !== 8) throw new Error(`${entry.name}: cách nén ${entry.method} không được hỗ trợ`);
  const { stored } = entry;
  if (
    stored.length > 0 &&
    stored.length <= oneCallBytes.stored &&
    entry.originalSize <= oneCallBytes.declared
  )
    return take(inflateSync(stored, { out: new Uint8Array(entry.originalSize + 1) }));
  const inflate = new Inflate((chunk) => take(chunk));
  for (let i = 0; i < stored.length; i += pushBytes)
    inflate.push(stored.subarray(i, i + pushBytes), i + pushBytes >= stored.length);
  if (stored.length === 0) inflate.push(new Uint8Array(0), true);
}

/** An entry's whole bytes (the small parts: workbook, relationships, styles). */
function inflated(entry: ZipEntry): Uint8Array {
  const chunks: Uint8Array[] = [];
  inflateEntry(entry, (chunk) => chunks.push(chunk));
  const joined = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.length;
  }
  return joined;
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

interface XmlHandlers {
  /** A start tag, by its local name (`x:c` → `c`). */
  open?: (name: string, tag: SaxesTagPlain) => void;
  close?: (name: string) => void;
  text?: (text: string) => void;
}

/** A saxes parser fed UTF-8 bytes chunk by chunk, in slices, so a 500 MB sheet is never one string. */
function xmlStream(handlers: XmlHandlers): { write: (bytes: Uint8Array) => void; close: () => void } {
  // No position tracking: it costs on every character, and an error names the sheet instead.
  const parser = new SaxesParser({ xmlns: false, position: false } as const);
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open(localName(tag.name), tag));
  }
  if (handlers.close) {
    const close = handlers.close;
    parser.on("closetag", (tag) => close(localName(tag.name)));
  }
  if (handlers.text) {
    parser.on("text", handlers.text);
    parser.on("cdata", handlers.text);
  }
  parser.on("error", (error) => {
    throw error;
  });
  const decoder = new TextDecoder("utf-8");
  const slice = 1 << 20;
  return {
    write: (bytes) => {
      for (let i = 0; i < bytes.length; i += slice)
        parser.write(decoder.decode(bytes.subarray(i, i + slice), { stream: true }));
    },
    close: () => {
      parser.write(decoder.decode());
      parser.close();
    },
  };
}

/** Parses one zip entry's XML as it is inflated. */
function parseEntry(entry: ZipEntry, handlers: XmlHandlers): void {
  const xml = xmlStream(handlers);
  inflateEntry(entry, xml.write);
  xml.close();
}

/** Parses XML held in memory. */
function parseXml(bytes: Uint8Array, handlers: XmlHandlers): void {
  const xml = xmlStream(handlers);
  xml.write(bytes);
  xml.close();
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => tag.attributes[name];

/** An attribute by its local name, whatever its prefix (`r:id` → `id`). */
const prefixedAttr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const key in tag.attributes) if (localName(key) === name) return tag.attributes[key];
  return undefined;
};

function sharedStrings(entry: ZipEntry | undefined): string[] {
  if (entry === undefined) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseEntry(entry, {
    open: (name) => {
      if (name === "si") current = "";
      else if (name === "rPh") inPhonetic = true;
      else if (name === "t" && !inPhonetic) inText = true;
    },
    close: (name) => {
      if (name === "si") {
        strings.push(current ?? "");
        current = null;
      } else if (name === "rPh") inPhonetic = false;
      else if (name === "t") inText = false;
    },
    text: (text) => {
      if (inText && current !== null) current += text;
    },
  });
  return strings;
}

/** Built-in number formats that show a date (ECMA-376 §18.8.30). */
const builtInDateFormats = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (`s` index) show dates. */
function dateStyles(bytes: Uint8Array | undefined): boolean[] {
  if (bytes === undefined) return [];
  const customDate = new Set<number>();
  const styles: boolean[] = [];
  let inCellXfs = false;
  parseXml(bytes, {
    open: (name, tag) => {
      if (name === "numFmt") {
        // A date format has d, m or y outside quoted text and brackets (e.g. "dd/mm/yyyy").
        const code = (attr(tag, "formatCode") ?? "").replace(/"[^"]*"|\[[^\]]*\]/g, "");
        if (/[dmy]/i.test(code)) customDate.add(Number(attr(tag, "numFmtId")));
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) {
        const id = Number(attr(tag, "numFmtId") ?? 0);
        styles.push(builtInDateFormats.has(id) || customDate.has(id));
      }
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  return styles;
}

/**
 * Excel's serial day → ISO date. In the 1900 system serials below 61 count the fictitious
 * 29 Feb 1900; in the 1904 system (`date1904`, older Mac workbooks) day 0 is 1 Jan 1904.
 */
export function serialToDate(serial: number, date1904 = false): string {
  const days = date1904 ? Math.floor(serial) + 1460 : Math.floor(serial) - (serial < 61 ? 1 : 2);
  return new Date(Date.UTC(1900, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A stored number as people typed it: 15 significant digits drop binary noise (0.6000000000000001). */
function numberText(stored: string): string {
  // Most numbers are short integers, already as typed (toPrecision is costly over millions of cells).
  if (/^(0|-?[1-9]\d{0,14})$/.test(stored)) return stored;
  const value = Number(stored);
  return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : stored;
}

function columnIndex(reference: string): number {
  let index = 0;
  for (const char of reference) {
    const code = char.charCodeAt(0);
    if (code < 65 || code > 90) break;
    index = index * 26 + (code - 64);
  }
  return index - 1;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

interface SheetContext {
  sheet: string;
  strings: readonly string[];
  dates: readonly boolean[];
  date1904: boolean;
  limits: WorkbookLimits;
  problems: Problem[];
}

/** Thrown to stop reading a sheet once the rows wanted are read. */
class Enough extends Error {}

/** One sheet's XML → rows given to `onRow`, parsed as it is inflated; false after a limit problem. */
function sheetRows(
  entry: ZipEntry,
  context: SheetContext,
  onRow: (row: SheetRow) => boolean | void,
): boolean {
  const { sheet, strings, dates, date1904, limits, problems } = context;
  let row: SheetRow | null = null;
  let cell: {
    column: number;
    type: string;
    style: number;
    formula: string | null;
    value: string | null;
  } | null = null;
  let text: "v" | "f" | "t" | null = null;
  let buffer = "";
  let lastRow = 0;
  let over: Problem | null = null;
  const limit = (detail: string) => problem("workbook_limits", { file: sheet, line: null }, { detail });

  try {
    readRows();
  } catch (error) {
    if (!(error instanceof Enough)) throw error;
  }
  function readRows() {
    parseEntry(entry, {
      open: (name, tag) => {
        if (over !== null) return;
        if (name === "row") {
          const number = Number(attr(tag, "r") ?? lastRow + 1);
          lastRow = number;
          if (number > limits.rows) over = limit(`hơn ${limits.rows} dòng`);
          row = { row: number, cells: [] };
        } else if (name === "c" && row !== null) {
          const reference = attr(tag, "r");
          const column = reference === undefined ? row.cells.length : columnIndex(reference);
          if (column >= limits.columns) over = limit(`hơn ${limits.columns} cột`);
          cell = {
            column,
            type: attr(tag, "t") ?? "n",
            style: Number(attr(tag, "s") ?? 0),
            formula: null,
            value: null,
          };
        } else if (cell !== null && (name === "v" || name === "f" || name === "t")) {
          text = name;
          buffer = "";
        }
      },
      text: (chunk) => {
        if (text !== null) buffer += chunk;
      },
      close: (name) => {
        if (over !== null) return;
        if (cell !== null && name === text) {
          if (text === "f") cell.formula = buffer;
          else cell.value = (cell.value ?? "") + buffer;
          text = null;
        } else if (name === "c" && cell !== null && row !== null) {
          const value = cellText(cell);
          if (value === null) {
            const at = { file: sheet, line: row.row, value: `=${cell.formula ?? ""}` };
            problems.push(
              problem("formula_without_value", at, { cell: `${columnLetters(cell.column)}${row.row}` }),
            );
          } else if (value !== "") {
            while (row.cells.length < cell.column) row.cells.push("");
            row.cells[cell.column] = value;
          }
          cell = null;
        } else if (name === "row" && row !== null) {
          const done = row.cells.length > 0 && onRow(row) === false;
          row = null;
          if (done) throw new Enough();
        }
      },
    });
  }

  /** The cell as text; null for a formula whose result was not saved (an empty `<v/>` is none). */
  function cellText(c: NonNullable<typeof cell>): string | null {
    if (c.formula !== null && (c.value === null || c.value === "")) return null;
    if (c.value === null) return "";
    switch (c.type) {
      case "s":
        return strings[Number(c.value)] ?? "";
      case "b":
        return c.value === "1" ? "true" : "false";
      case "str":
      case "inlineStr":
      case "e":
        return c.value;
      default:
        return dates[c.style] ? serialToDate(Number(c.value), date1904) : numberText(c.value);
    }
  }

  if (over !== null) {
    problems.push(over);
    return false;
  }
  return true;
}

/** Resolves a relationship target against the workbook part's folder. */
function partPath(target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = ["xl"];
  for (const segment of target.split("/")) {
    if (segment === "..") parts.pop();
    else if (segment !== ".") parts.push(segment);
  }
  return parts.join("/");
}

/** Reads every sheet of an .xlsx file; `file` names the workbook in problems. */
export function readWorkbook(file: string, bytes: Uint8Array, limits = workbookLimits): WorkbookRead {
  const problems: Problem[] = [];
  const fail = (p: Problem) => ({ sheets: [], problems: [...problems, p] });
  let entries: ZipEntry[];
  try {
    // The central directory gives every entry's declared size: all are checked before any inflating.
    entries = zipEntries(bytes);
  } catch (error) {
    return fail(unreadable(file, error instanceof Error ? error.message : String(error)));
  }
  if (entries.length > limits.entries) return fail(tooLarge(file, `${entries.length} phần trong tệp nén`));
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (total > limits.inflatedBytes)
    return fail(tooLarge(file, `giải nén ra ${mb(total)} MB, giới hạn ${mb(limits.inflatedBytes)} MB`));
  // Only the XML parts are read (images and the like never are).
  const parts = new Map(entries.filter((e) => /^xl\/.*\.(xml|rels)$/.test(e.name)).map((e) => [e.name, e]));

  try {
    const workbookEntry = parts.get("xl/workbook.xml");
    if (workbookEntry === undefined) return fail(unreadable(file, "thiếu xl/workbook.xml"));
    const targets = new Map<string, string>();
    const rels = parts.get("xl/_rels/workbook.xml.rels");
    if (rels)
      parseXml(inflated(rels), {
        open: (name, tag) => {
          const id = attr(tag, "Id");
          const target = attr(tag, "Target");
          if (name === "Relationship" && id && target) targets.set(id, partPath(target));
        },
      });
    const sheetList: { name: string; hidden: boolean; entry: ZipEntry | undefined }[] = [];
    let date1904 = false;
    parseXml(inflated(workbookEntry), {
      open: (name, tag) => {
        if (name === "workbookPr") date1904 = /^(1|true)$/.test(attr(tag, "date1904") ?? "");
        else if (name === "sheet") {
          const path = targets.get(prefixedAttr(tag, "id") ?? "");
          sheetList.push({
            name: (attr(tag, "name") ?? "").normalize("NFC"),
            hidden: /^(hidden|veryHidden)$/.test(attr(tag, "state") ?? ""),
            entry: path === undefined ? undefined : parts.get(path),
          });
        }
      },
    });
    if (sheetList.length > limits.sheets)
      return fail(
        problem("workbook_limits", { file, line: null }, { detail: `hơn ${limits.sheets} trang tính` }),
      );
    // A sheet is refused from its declared size, before any of it is read.
    const oversized = sheetList.find((s) => (s.entry?.originalSize ?? 0) > limits.sheetBytes);
    if (oversized !== undefined) {
      const size = mb(oversized.entry?.originalSize ?? 0);
      const at = { file: oversized.name, line: null };
      return fail(
        problem("sheet_too_large", at, { sheet: oversized.name, size, limit: mb(limits.sheetBytes) }),
      );
    }
    const styles = parts.get("xl/styles.xml");
    const context = {
      strings: sharedStrings(parts.get("xl/sharedStrings.xml")),
      dates: dateStyles(styles && inflated(styles)),
      date1904,
      limits,
    };
    const sheets: WorkbookSheet[] = [];
    for (const { name, hidden, entry } of sheetList) {
      if (entry === undefined) continue;
      const each = (sink: Problem[], onRow: (row: SheetRow) => boolean | void): boolean => {
        try {
          return sheetRows(entry, { ...context, problems: sink, sheet: name }, onRow);
        } catch (error) {
          if (error instanceof OverDeclared) sink.push(tooLarge(file, error.message));
          else {
            // A sheet's XML error names the sheet.
            const detail = error instanceof Error ? error.message : String(error);
            sink.push(problem("sheet_unreadable", { file: name, line: null }, { sheet: name, detail }));
          }
          return false;
        }
      };
      const read = (sink: Problem[], first = Infinity): SheetRow[] | null => {
        const rows: SheetRow[] = [];
        return each(sink, (row) => rows.push(row) < first) ? rows : null;
      };
      sheets.push({ name, hidden, each, read, bytes: entry.stored });
    }
    return { sheets, problems };
  } catch (error) {
    if (error instanceof OverDeclared) return fail(tooLarge(file, error.message));
    return fail(unreadable(file, error instanceof Error ? error.message : String(error)));
  }
}
