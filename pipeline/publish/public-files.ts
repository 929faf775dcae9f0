// The gate every public file passes (docs/quality.md#security-and-privacy): before a build's data
// folder or site replaces the published one, each table in it — a CSV's header, a Parquet file's
// columns, each sheet of a workbook — is held to schemas/publication.ts. A column that is private (a
// survey form's) or that the contract does not know at all stops the build with a message naming the
// file and the column, and nothing is published. A workbook's survey sheets may keep their headers as a
// blank form to fill, never a row. Other files (pages, JSON, text, the report) hold no table columns.
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import Papa from "papaparse";
import { parquetMetadata } from "hyparquet";
import { inputPublication } from "../../schemas/publication.ts";
import { manifestTables, sheetWords, wordsOf } from "../../schemas/workbook.ts";
import { CommandError } from "../messages.ts";
import { readWorkbook, type SheetRow, type WorkbookSheet } from "../read/workbook.ts";
import type { Problem } from "../problem.ts";
import { inputColumns, knownColumns, type CsvFileName } from "../validate/index.ts";
import { publishedTableNames, tableColumns } from "./columns.ts";
import { tableSheetNames } from "../rules/table-titles.ts";
import { notesSheet } from "./xlsx.ts";

export interface ColumnFinding {
  file: string;
  column: string;
  kind: "private" | "undeclared";
}

/** Every published table's columns, each public. */
const publishedNames = new Set(
  publishedTableNames.flatMap((table) => tableColumns(table).map((c) => c.name)),
);
const inputFileNames = Object.keys(inputColumns) as CsvFileName[];
/** Contract columns of the public inputs (published as they are in the data-entry workbooks). */
const publicInputNames = new Set(
  inputFileNames.filter((file) => inputPublication[file] === "public").flatMap(knownColumns),
);
/** Contract columns of the private inputs (the survey forms) that no public table reuses. */
const privateNames = new Set(
  inputFileNames.filter((file) => inputPublication[file] === "private").flatMap(knownColumns),
);

function judge(file: string, column: string, publicNames: ReadonlySet<string>): ColumnFinding | null {
  if (publicNames.has(column)) return null;
  return { file, column, kind: privateNames.has(column) ? "private" : "undeclared" };
}

const anyPublic = new Set([...publishedNames, ...publicInputNames]);

function csvHeader(bytes: Uint8Array): string[] {
  const text = new TextDecoder().decode(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  return Papa.parse<string[]>(firstLine).data[0] ?? [];
}

function parquetColumns(bytes: Uint8Array): string[] {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // The first schema element is the root; the others are the columns.
  return parquetMetadata(buffer)
    .schema.slice(1)
    .map((element) => element.name);
}

/** Sheets that explain a workbook rather than hold a table: the template's guide, the tables' notes. */
const documentSheets = new Set(["Hướng dẫn", notesSheet, sheetWords.dataset?.title]);

/** The lists of dataset.json on sheets of their own (bands, legal basis, releases), by title: their headers. */
const manifestSheets = new Map(
  manifestTables.map((table) => [
    sheetWords[table]?.title ?? table,
    new Set(Object.values(sheetWords[table]?.columns ?? {})),
  ]),
);

/** The sheets of the data-entry workbook, by title: their input file. */
const inputSheets = new Map(inputFileNames.map((file) => [wordsOf(file)?.title ?? file, file]));

const isHeader = (row: SheetRow) => row.cells.filter((cell) => cell !== "").length > 1;

/** The header row: the first row with more than one cell (a sample notice stands alone above it). */
function headerAt(rows: readonly SheetRow[]): number {
  const at = rows.findIndex(isHeader);
  return at === -1 ? 0 : at;
}

/**
 * The rows of a sheet the gate judges: up to its header and one row beyond (whether a survey form
 * holds any row), no more; the rest of the sheet is neither inflated nor parsed. The whole sheet
 * only when no row has the two cells of a header. Null when the sheet cannot be read.
 */
export function gateRows(sheet: Pick<WorkbookSheet, "each">, problems: Problem[]): SheetRow[] | null {
  const rows: SheetRow[] = [];
  let header = false;
  const read = sheet.each(problems, (row) => {
    rows.push(row);
    if (header) return false;
    header = isHeader(row);
    return true;
  });
  return read ? rows : null;
}

function sheetFindings(file: string, sheet: WorkbookSheet, rows: readonly SheetRow[]): ColumnFinding[] {
  if (documentSheets.has(sheet.name)) return [];
  const where = `${file} (${sheet.name})`;
  const at = headerAt(rows);
  const header = (rows[at]?.cells ?? []).filter((cell) => cell !== "");
  const hasRows = rows.slice(at + 1).some((row) => row.cells.some((cell) => cell !== ""));
  // Parts of dataset.json, published whole: only their own columns.
  const manifestColumns = manifestSheets.get(sheet.name);
  if (manifestColumns !== undefined)
    return header.flatMap((label) =>
      manifestColumns.has(label) ? [] : [{ file: where, column: label, kind: "undeclared" as const }],
    );
  // A published table's sheet: named as the table (the year's workbook) or by its short title (a unit's).
  const table = publishedTableNames.find(
    (name) => name === sheet.name || (name !== "responses" && tableSheetNames[name] === sheet.name),
  );
  if (table !== undefined) {
    const byLabel = new Map(tableColumns(table).map((column) => [column.label, column.name]));
    return header.flatMap((label) => {
      const finding = judge(where, byLabel.get(label) ?? label, publishedNames);
      return finding === null ? [] : [finding];
    });
  }
  const input = inputSheets.get(sheet.name);
  if (input === undefined) return [{ file, column: sheet.name, kind: "undeclared" }];
  const labels = wordsOf(input)?.columns ?? {};
  const byLabel = new Map(Object.entries(labels).map(([column, label]) => [label, column]));
  const columns = header.map((label) => byLabel.get(label) ?? label);
  // A survey sheet is a blank form: its headers (ids, groups, questions) with no row to publish.
  if (inputPublication[input] === "private")
    return hasRows ? columns.map((column) => ({ file: where, column, kind: "private" as const })) : [];
  const known = new Set(knownColumns(input));
  return columns.flatMap((column) =>
    known.has(column) ? [] : [{ file: where, column, kind: "undeclared" as const }],
  );
}

/** What one file holds that schemas/publication.ts does not let out; `file` names it in findings. */
export function fileFindings(file: string, bytes: Uint8Array): ColumnFinding[] {
  const found = (columns: string[]) =>
    columns.flatMap((column) => {
      const finding = judge(file, column, anyPublic);
      return finding === null ? [] : [finding];
    });
  if (file.endsWith(".csv")) return found(csvHeader(bytes));
  if (file.endsWith(".parquet")) return found(parquetColumns(bytes));
  if (file.endsWith(".xlsx")) {
    const read = readWorkbook(file, bytes);
    const problems = [...read.problems];
    const findings = read.sheets.flatMap((sheet) =>
      documentSheets.has(sheet.name) ? [] : sheetFindings(file, sheet, gateRows(sheet, problems) ?? []),
    );
    const errors = problems.filter((p) => p.severity === "error");
    if (errors.length > 0) throw new Error(`${file}: ${errors.map((p) => p.message_vi).join(" ")}`);
    return findings;
  }
  return [];
}

function readIfPresent(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch {
    return null;
  }
}

/**
 * Every finding in the files under `folder`, named by their path inside it. A file whose bytes are
 * those of the same path under `gated` (a folder that passed this gate already: the data the site
 * copies from site/public) is not read again.
 */
export async function folderFindings(folder: string, gated?: string): Promise<ColumnFinding[]> {
  const findings: ColumnFinding[] = [];
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !/\.(csv|parquet|xlsx)$/.test(entry.name)) continue;
    const path = join(entry.parentPath, entry.name);
    const file = relative(folder, path);
    // Read synchronously: the site's gate reads thousands of small files, one after the other, and
    // each asynchronous read is four trips through the thread pool.
    const bytes = readFileSync(path);
    if (gated !== undefined) {
      const passed = readIfPresent(join(gated, file));
      if (passed !== null && passed.equals(bytes)) continue;
    }
    findings.push(...fileFindings(file, bytes));
  }
  return findings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Throws, naming each file and column, when a file under `folder` may not be published. */
export async function assertPublicFolder(folder: string, gated?: string): Promise<void> {
  const findings = await folderFindings(folder, gated);
  if (findings.length === 0) return;
  throw new Error(
    findings
      .map(
        ({ file, column, kind }) =>
          new CommandError(kind === "private" ? "publish_private_column" : "publish_undeclared_column", {
            file,
            column,
          }).message,
      )
      .join("\n"),
  );
}
