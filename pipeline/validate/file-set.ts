// A year's inputs held in memory as name → bytes: a folder's files, a workbook beside dataset.json, or
// the File objects a reader picks in the browser (/kiem-tra/). A workbook's sheets stand for the CSV
// files (matched by name or Vietnamese title); problems then name the sheet, at Excel's row numbers.
import { z } from "zod";
import { datasetManifest } from "../../schemas/dataset.ts";
import { sheetName, sheetWords, wordsOf } from "../../schemas/workbook.ts";
import { inWords, problem, workbookWords } from "../messages.ts";
import { inputFiles, type InputFileName } from "../model.ts";
import type { Problem } from "../problem.ts";
import { readSheet } from "../read/sheet.ts";
import { readWorkbook, type SheetRow, type WorkbookSheet } from "../read/workbook.ts";
import { sortProblems } from "./problem-log.ts";
import {
  inputColumns,
  maxInputBytes,
  validateYear,
  type CsvFileName,
  type Digest,
  type LoadedYear,
  type Progress,
  type SheetInput,
  type SheetNames,
} from "./index.ts";

/** Input files by name (`communes.csv`, `dataset.json`, `du-lieu-2023.xlsx`, …). */
export type FileSet = Map<string, Uint8Array>;

export const isWorkbook = (name: string) => /\.xlsx$/i.test(name);
const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("vi");

/** The sheet standing for an input file: named like the file without extension, or by its title. */
function findSheet(sheets: readonly WorkbookSheet[], file: string): WorkbookSheet | undefined {
  const names = new Set([sheetName(file), wordsOf(file)?.title].filter((n) => n !== undefined).map(fold));
  return sheets.find((sheet) => names.has(fold(sheet.name)));
}

/** Whether a dataset.json field is text (kept as typed) rather than a JSON value (number, list…). */
function isTextField(field: z.ZodType | undefined): boolean {
  if (field instanceof z.ZodString) return true;
  if (field instanceof z.ZodNullable || field instanceof z.ZodOptional)
    return isTextField(field.unwrap() as z.ZodType);
  return false;
}

/**
 * The dataset sheet (a row per field of dataset.json: text fields as typed, the others as JSON)
 * → dataset.json's bytes, so the manifest goes through the same checks.
 */
function datasetJson(rows: readonly SheetRow[], problems: Problem[]): Uint8Array | null {
  const read = readSheet(rows, { file: "dataset", required: ["field", "value"] });
  problems.push(...read.problems);
  if (read.table === null) return null;
  const fieldAt = read.table.index.get("field") as number;
  const valueAt = read.table.index.get("value") as number;
  const shape = datasetManifest.shape as Record<string, z.ZodType>;
  const manifest: Record<string, unknown> = {};
  for (const row of read.table.rows) {
    const field = row.cells[fieldAt] ?? "";
    const value = row.cells[valueAt] ?? "";
    if (field === "") continue;
    const type = shape[field];
    // A blank (or JSON null) nullable field is null, e.g. published_on before publication.
    if (type instanceof z.ZodNullable && (value === "" || value === "null")) manifest[field] = null;
    else if (isTextField(type)) manifest[field] = value;
    else {
      try {
        manifest[field] = JSON.parse(value);
      } catch {
        manifest[field] = value;
      }
    }
  }
  return new TextEncoder().encode(JSON.stringify(manifest, null, 2));
}

/** Validates a year given as files in memory; `digest` hashes the inputs for the manifest. */
export function validateFileSet(
  files: FileSet,
  options: { folderYear?: number | undefined; digest: Digest; progress?: Progress },
): Omit<LoadedYear, "folder"> {
  const workbooks = [...files.keys()].filter(isWorkbook);
  const bytes = new Map<InputFileName, Uint8Array>();
  for (const file of inputFiles) {
    const content = files.get(file);
    if (content !== undefined) bytes.set(file, content);
  }
  if (workbooks.length === 0)
    return validateYear(bytes, options.folderYear, new Set(), undefined, options.digest, options.progress);

  const early: Problem[] = [];
  const fail = (problems: Problem[]) => ({
    data: null,
    problems: sortProblems([...early, ...problems]),
    omitted: [],
    inputs: [],
    sheets: {},
  });
  if (workbooks.length > 1) {
    return fail([
      problem(
        "several_workbooks",
        { file: workbooks.join(", "), line: null },
        { files: workbooks.join(", ") },
      ),
    ]);
  }
  const name = workbooks[0] as string;
  const content = files.get(name) as Uint8Array;
  if (content.length > maxInputBytes) {
    const size = (content.length / 1024 / 1024).toFixed(1);
    return fail([
      problem("file_too_large", { file: name, line: null }, { size, limit: maxInputBytes / 1024 / 1024 }),
    ]);
  }
  const workbook = readWorkbook(name, content);
  early.push(...workbook.problems);
  if (workbook.sheets.length === 0 && workbook.problems.length > 0) return fail([]);

  const sheetOf = new Map<string, SheetNames>();
  const sheets = new Map<InputFileName, SheetInput>();
  const unavailable = new Set<InputFileName>();
  if (!bytes.has("dataset.json")) {
    const sheet = findSheet(workbook.sheets, "dataset.json");
    const json = sheet && datasetJson(sheet.rows, early);
    if (sheet && json) {
      bytes.set("dataset.json", json);
      sheetOf.set("dataset.json", names("dataset.json", sheet));
    } else if (!sheet) {
      early.push(missingSheet("dataset.json"));
      unavailable.add("dataset.json");
    } else unavailable.add("dataset.json");
  }
  for (const file of Object.keys(inputColumns) as CsvFileName[]) {
    const sheet = findSheet(workbook.sheets, file);
    if (sheet) {
      sheets.set(file, { rows: sheet.rows, bytes: sheet.bytes });
      sheetOf.set(file, names(file, sheet));
    } else if (!bytes.has(file)) {
      early.push(missingSheet(file));
      unavailable.add(file);
    }
  }
  const result = validateYear(
    bytes,
    options.folderYear,
    unavailable,
    sheets,
    options.digest,
    options.progress,
  );
  return {
    ...result,
    data: early.some((p) => p.severity === "error") ? null : result.data,
    problems: sortProblems([...early, ...result.problems]),
    sheets: Object.fromEntries(sheetOf),
  };
}

/** How many rows from the top may hold the header (as in pipeline/read/sheet.ts). */
const headerRows = 10;

/** The sheet's name, and the Vietnamese headers it uses for contract columns. */
function names(file: string, sheet: WorkbookSheet): SheetNames {
  const labels = Object.entries(wordsOf(file)?.columns ?? {});
  const columns: Record<string, string> = {};
  for (const row of sheet.rows.slice(0, headerRows)) {
    for (const cell of row.cells) {
      const found = labels.find(([, label]) => fold(label) === fold(cell));
      if (found) columns[found[0]] = cell.normalize("NFC").trim();
    }
  }
  return { sheet: sheet.name, columns };
}

/**
 * The problems as the editor should read them: a file read from a sheet is named by that sheet and
 * its columns by the headers the sheet uses (the lines already are its rows; a manifest's JSON lines
 * mean nothing there), and every message speaks of sheets and headers, never of CSV files. Published
 * problems keep the contract's names, so a year publishes the same whether it came as CSV or as a
 * workbook.
 */
export function namedBySheet(loaded: Pick<LoadedYear, "problems" | "sheets">): Problem[] {
  if (loaded.sheets === undefined) return loaded.problems;
  const words = workbookWords(loaded.sheets);
  return loaded.problems.map((p) => {
    const said = inWords(p, words);
    return p.file === "dataset.json" && loaded.sheets?.[p.file] ? { ...said, line: null } : said;
  });
}

function missingSheet(file: string): Problem {
  const name = sheetName(file);
  return problem("sheet_missing", { file: name, line: null }, { title: sheetWords[name]?.title ?? name });
}
