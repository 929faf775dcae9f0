// A year's inputs held in memory as name → bytes: a folder's files, a workbook beside dataset.json, or
// the File objects a reader picks in the browser (/kiem-tra/). A workbook's sheets stand for the CSV
// files (matched by name or Vietnamese title); problems then name the sheet, at Excel's row numbers.
import { sheetName, sheetWords, wordsOf } from "../../schemas/workbook.ts";
import { inWords, problem, workbookWords } from "../messages.ts";
import { inputFiles, optionalInputFiles, type InputFileName } from "../model.ts";
import type { Problem } from "../problem.ts";
import { isWorkbookName, notXlsx } from "../read/file-kind.ts";
import { readManifestSheets } from "../read/manifest-sheets.ts";
import { readWorkbook, type WorkbookSheet } from "../read/workbook.ts";
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

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("vi");

/**
 * The sheet standing for an input file: named like the file without extension, or by its title.
 * Only a visible sheet is read: a hidden one beside it is ignored with a warning (what the editor
 * sees in Excel is what is checked and published), a hidden one alone is refused; two visible
 * ones are refused, naming both. Undefined when there is none to read.
 */
function findSheet(
  sheets: readonly WorkbookSheet[],
  file: string,
  problems: Problem[],
): WorkbookSheet | undefined {
  const names = new Set([sheetName(file), wordsOf(file)?.title].filter((n) => n !== undefined).map(fold));
  const matching = sheets.filter((sheet) => names.has(fold(sheet.name)));
  const visible = matching.filter((s) => !s.hidden);
  const hidden = matching.filter((s) => s.hidden);
  const input = sheetName(file);
  const [first, second] = visible;
  if (first === undefined) {
    for (const s of hidden)
      problems.push(problem("sheet_hidden", { file: s.name, line: null }, { sheet: input, hidden: s.name }));
    if (hidden.length === 0) problems.push(missingSheet(file));
    return undefined;
  }
  for (const s of hidden) {
    const params = { sheet: input, hidden: s.name, visible: first.name };
    problems.push(problem("sheet_hidden_ignored", { file: s.name, line: null }, params));
  }
  if (second === undefined) return first;
  problems.push(
    problem(
      "sheet_duplicate",
      { file: `${first.name}, ${second.name}`, line: null },
      { sheet: input, first: first.name, second: second.name },
    ),
  );
  return undefined;
}

/** Validates a year given as files in memory; `digest` hashes the inputs for the manifest. */
export function validateFileSet(
  files: FileSet,
  options: { folderYear?: number | undefined; digest: Digest; progress?: Progress },
): Omit<LoadedYear, "folder"> {
  const workbooks = [...files.keys()].filter(isWorkbookName);
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
  const other = notXlsx(name, content);
  if (other !== null) return fail([other]);
  const workbook = readWorkbook(name, content);
  early.push(...workbook.problems);
  if (workbook.sheets.length === 0 && workbook.problems.length > 0) return fail([]);

  const sheetOf = new Map<string, SheetNames>();
  const sheets = new Map<InputFileName, SheetInput>();
  const unavailable = new Set<InputFileName>();
  if (!bytes.has("dataset.json")) {
    const sheet = findSheet(workbook.sheets, "dataset.json", early);
    const read = sheet && readManifestSheets(sheet, workbook.sheets);
    if (read) early.push(...read.problems);
    if (sheet && read?.json) {
      bytes.set("dataset.json", read.json);
      sheetOf.set("dataset.json", { ...names("dataset.json", sheet), places: read.places });
    } else unavailable.add("dataset.json");
  }
  for (const file of Object.keys(inputColumns) as CsvFileName[]) {
    // A CSV file given beside the workbook stands for a sheet the workbook lacks.
    const found: Problem[] = [];
    const sheet = findSheet(workbook.sheets, file, found);
    const optional = optionalInputFiles.has(file);
    // An optional input's sheet left with its header only (the template's plan) is no input, as a
    // missing file; a look at its first two rows tells (its problems come when it is read).
    const blank = optional && sheet !== undefined && (sheet.read([], 2)?.length ?? 0) <= 1;
    if (sheet && !blank) {
      sheets.set(file, { each: (onRow) => sheet.each(early, onRow), bytes: sheet.bytes });
      sheetOf.set(file, names(file, sheet));
    }
    // An optional input may have no sheet at all (the plan), as it may have no file.
    const problems = optional ? found.filter((p) => p.code !== "sheet_missing") : found;
    if (sheet || !bytes.has(file)) early.push(...problems);
    if (!sheet && !bytes.has(file) && !optional) unavailable.add(file);
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
  for (const row of sheet.read([], headerRows) ?? []) {
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
    // A field of "Thông tin chung" kept on a sheet of its own (bands, legal basis, releases) is named there.
    const place = p.column === null ? undefined : loaded.sheets?.[p.file]?.places?.[p.column];
    if (place !== undefined) return { ...said, file: place.sheet, line: place.line, column: place.column };
    return p.file === "dataset.json" && loaded.sheets?.[p.file] ? { ...said, line: null } : said;
  });
}

function missingSheet(file: string): Problem {
  const name = sheetName(file);
  return problem("sheet_missing", { file: name, line: null }, { title: sheetWords[name]?.title ?? name });
}
