// An .xlsx workbook → its sheets as rows of text cells with their Excel row numbers, for the same
// checks as a CSV file (pipeline/read/sheet.ts). A workbook is untrusted input: the zip's central
// directory is checked (declared sizes, entry count) before anything is inflated, and inflating
// stops as soon as an entry gives more bytes than it declared or than the cap, so a zip bomb costs
// neither memory nor time. Formulas are never evaluated: a formula cell's cached value is read.
// Plain fflate + saxes (no exceljs) so the same code runs in Node and in the browser under the CSP.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { Unzip, UnzipInflate, unzipSync, type UnzipFileInfo } from "fflate";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";

export interface WorkbookLimits {
  /** Sum of the declared uncompressed sizes of the entries read. */
  inflatedBytes: number;
  entries: number;
  sheets: number;
  rows: number;
  columns: number;
}

export const workbookLimits: WorkbookLimits = {
  // A national survey sheet is about 300 MB of XML; more is not a workbook this project makes.
  inflatedBytes: 600 * 1024 * 1024,
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
  rows: SheetRow[];
  /** Inflated size of the sheet's XML, recorded as the input's size. */
  bytes: Uint8Array;
}

export interface WorkbookRead {
  sheets: WorkbookSheet[];
  problems: Problem[];
}

/** Compressed bytes pushed at a time: at deflate's 1032:1 at most ~16 MB come out per push. */
const pushBytes = 16 * 1024;

function tooLarge(file: string, detail: string): Problem {
  return problem("workbook_too_large", { file, line: null }, { detail });
}

function unreadable(file: string, detail: string): Problem {
  return problem("workbook_unreadable", { file, line: null }, { detail });
}

/**
 * Inflates the wanted entries, each stopped at its declared size. Null after a problem is pushed.
 */
function inflateEntries(
  file: string,
  bytes: Uint8Array,
  wanted: ReadonlyMap<string, number>,
  problems: Problem[],
): Map<string, Uint8Array> | null {
  const out = new Map<string, Uint8Array>();
  let failure: Problem | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    const declared = wanted.get(entry.name);
    if (declared === undefined) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, data, final) => {
      if (failure !== null) return;
      if (error) {
        failure = unreadable(file, `${entry.name}: ${error.message}`);
        return;
      }
      size += data.length;
      if (size > declared) {
        failure = tooLarge(file, `${entry.name} giải nén ra nhiều hơn ${declared} byte đã khai`);
        entry.terminate();
        return;
      }
      chunks.push(data);
      if (final) {
        const joined = new Uint8Array(size);
        let offset = 0;
        for (const chunk of chunks.splice(0)) {
          joined.set(chunk, offset);
          offset += chunk.length;
        }
        out.set(entry.name, joined);
      }
    };
    entry.start();
  };
  try {
    for (let i = 0; i < bytes.length && failure === null; i += pushBytes) {
      unzip.push(bytes.subarray(i, i + pushBytes), i + pushBytes >= bytes.length);
    }
  } catch (error) {
    failure ??= unreadable(file, error instanceof Error ? error.message : String(error));
  }
  if (failure !== null) {
    problems.push(failure);
    return null;
  }
  return out;
}

// ── XML ─────────────────────────────────────────────────────────────────────────────────────

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** Runs saxes over UTF-8 XML bytes in slices, so a 300 MB sheet is never one string. */
function parseXml(
  bytes: Uint8Array,
  handlers: {
    open?: (tag: SaxesTagPlain) => void;
    close?: (name: string) => void;
    text?: (text: string) => void;
  },
): void {
  const parser = new SaxesParser();
  if (handlers.open) {
    const open = handlers.open;
    parser.on("opentag", (tag) => open({ ...tag, name: localName(tag.name) }));
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
  for (let i = 0; i < bytes.length; i += slice) {
    parser.write(decoder.decode(bytes.subarray(i, i + slice), { stream: i + slice < bytes.length }));
  }
  parser.close();
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  for (const [key, value] of Object.entries(tag.attributes)) if (localName(key) === name) return value;
  return undefined;
};

function sharedStrings(bytes: Uint8Array | undefined): string[] {
  if (bytes === undefined) return [];
  const strings: string[] = [];
  let current: string | null = null;
  let inText = false;
  let inPhonetic = false;
  parseXml(bytes, {
    open: (tag) => {
      if (tag.name === "si") current = "";
      else if (tag.name === "rPh") inPhonetic = true;
      else if (tag.name === "t" && !inPhonetic) inText = true;
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
    open: (tag) => {
      if (tag.name === "numFmt") {
        // A date format has d, m or y outside quoted text and brackets (e.g. "dd/mm/yyyy").
        const code = (attr(tag, "formatCode") ?? "").replace(/"[^"]*"|\[[^\]]*\]/g, "");
        if (/[dmy]/i.test(code)) customDate.add(Number(attr(tag, "numFmtId")));
      } else if (tag.name === "cellXfs") inCellXfs = true;
      else if (tag.name === "xf" && inCellXfs) {
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

/** Excel's serial day → ISO date (the 1900 system; serials below 61 count the fictitious 29 Feb 1900). */
function serialToDate(serial: number): string {
  const days = Math.floor(serial) - (serial < 61 ? 1 : 2);
  return new Date(Date.UTC(1900, 0, 1) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A stored number as people typed it: 15 significant digits drop binary noise (0.6000000000000001). */
function numberText(stored: string): string {
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
  limits: WorkbookLimits;
  problems: Problem[];
}

/** One sheet's XML → rows; null after a limit problem. */
function sheetRows(bytes: Uint8Array, context: SheetContext): SheetRow[] | null {
  const { sheet, strings, dates, limits, problems } = context;
  const rows: SheetRow[] = [];
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

  parseXml(bytes, {
    open: (tag) => {
      if (over !== null) return;
      if (tag.name === "row") {
        const number = Number(attr(tag, "r") ?? lastRow + 1);
        lastRow = number;
        if (number > limits.rows) over = limit(`hơn ${limits.rows} dòng`);
        row = { row: number, cells: [] };
      } else if (tag.name === "c" && row !== null) {
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
      } else if (cell !== null && (tag.name === "v" || tag.name === "f" || tag.name === "t")) {
        text = tag.name;
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
        if (row.cells.length > 0) rows.push(row);
        row = null;
      }
    },
  });

  function cellText(c: NonNullable<typeof cell>): string | null {
    if (c.value === null) return c.formula !== null ? null : "";
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
        return dates[c.style] ? serialToDate(Number(c.value)) : numberText(c.value);
    }
  }

  if (over !== null) {
    problems.push(over);
    return null;
  }
  return rows;
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
  const entries: UnzipFileInfo[] = [];
  try {
    // The filter sees each central-directory entry and inflates none: sizes are checked first.
    unzipSync(bytes, {
      filter: (entry) => {
        entries.push(entry);
        return false;
      },
    });
  } catch (error) {
    problems.push(unreadable(file, error instanceof Error ? error.message : String(error)));
    return { sheets: [], problems };
  }
  if (entries.length > limits.entries) {
    problems.push(tooLarge(file, `${entries.length} phần trong tệp nén`));
    return { sheets: [], problems };
  }
  // Only the XML parts are read (images and the like never are).
  const declared = new Map(
    entries.filter((e) => /^xl\/.*\.(xml|rels)$/.test(e.name)).map((e) => [e.name, e.originalSize]),
  );
  const total = entries.reduce((sum, e) => sum + e.originalSize, 0);
  if (total > limits.inflatedBytes) {
    const mb = (n: number) => Math.round(n / 1024 / 1024);
    problems.push(tooLarge(file, `giải nén ra ${mb(total)} MB, giới hạn ${mb(limits.inflatedBytes)} MB`));
    return { sheets: [], problems };
  }
  const parts = inflateEntries(file, bytes, declared, problems);
  if (parts === null) return { sheets: [], problems };

  try {
    const workbookXml = parts.get("xl/workbook.xml");
    if (workbookXml === undefined) {
      problems.push(unreadable(file, "thiếu xl/workbook.xml"));
      return { sheets: [], problems };
    }
    const targets = new Map<string, string>();
    const rels = parts.get("xl/_rels/workbook.xml.rels");
    if (rels)
      parseXml(rels, {
        open: (tag) => {
          const id = attr(tag, "Id");
          const target = attr(tag, "Target");
          if (tag.name === "Relationship" && id && target) targets.set(id, partPath(target));
        },
      });
    const sheetList: { name: string; path: string | undefined }[] = [];
    parseXml(workbookXml, {
      open: (tag) => {
        if (tag.name === "sheet") {
          const id = attr(tag, "id");
          sheetList.push({ name: (attr(tag, "name") ?? "").normalize("NFC"), path: id && targets.get(id) });
        }
      },
    });
    if (sheetList.length > limits.sheets) {
      problems.push(
        problem("workbook_limits", { file, line: null }, { detail: `hơn ${limits.sheets} trang tính` }),
      );
      return { sheets: [], problems };
    }
    const context = {
      strings: sharedStrings(parts.get("xl/sharedStrings.xml")),
      dates: dateStyles(parts.get("xl/styles.xml")),
      limits,
      problems,
    };
    const sheets: WorkbookSheet[] = [];
    for (const { name, path } of sheetList) {
      const xml = path === undefined ? undefined : parts.get(path);
      if (xml === undefined) continue;
      const rows = sheetRows(xml, { ...context, sheet: name });
      if (rows !== null) sheets.push({ name, rows, bytes: xml });
    }
    return { sheets, problems };
  } catch (error) {
    problems.push(unreadable(file, error instanceof Error ? error.message : String(error)));
    return { sheets: [], problems };
  }
}
