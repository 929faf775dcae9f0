// The data-entry workbook for the Home Affairs office: a first sheet "Hướng dẫn" explaining each
// column, then "Thông tin chung" as a form (a Vietnamese label and one value a row) with the lists
// of dataset.json on sheets of their own, then one sheet per input file under its Vietnamese title,
// Vietnamese headers with the contract's column name in a note. It guides entry: drop-down lists on
// every coded column, scores checked from 0 to their criterion's maximum, dates as dates, codes
// stored as text (leading zeros kept), header rows frozen and protected (no password: "Review →
// Unprotect Sheet" lifts it), the data rows open. Blank, it holds the year's units, criteria tree
// and survey design with one appraisal row per unit and leaf to fill; filled, the year's data as
// published, so a correction starts from them. It reads back through pipeline/read/ to exactly the
// same records and dataset.json as the files it was made from.
//
// Every sheet's header, styles, notes and checks are written by exceljs's streaming writer; the
// input sheets' rows are streamed into the zip below them (pipeline/publish/xlsx.ts), so a national
// filled workbook (a million survey forms) never holds one object per cell.
import type ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { appraisalRow } from "../../schemas/appraisal.ts";
import { communeRow } from "../../schemas/communes.ts";
import { criterionRow } from "../../schemas/criteria.ts";
import { groupRow } from "../../schemas/groups.ts";
import { questionRow } from "../../schemas/questions.ts";
import { scaleOptionRow } from "../../schemas/scales.ts";
import { isoFromPlanDate, planRow } from "../../schemas/plan.ts";
import { citizensFormColumns, officialsFormColumns } from "../../schemas/survey.ts";
import {
  enumCodes,
  manifestFormFields,
  manifestTables,
  sheetName,
  sheetWords,
  wordsOf,
  type ManifestTable,
  type SheetWords,
} from "../../schemas/workbook.ts";
import type { Cell } from "../publish/columns.ts";
import { frameWorkbook, streamedWorkbookZip, type SheetBody, type WorkbookWriter } from "../publish/xlsx.ts";
import type { Problem } from "../problem.ts";
import { readCsv, type CsvTable } from "../read/csv.ts";
import { manifestField, manifestKind, unwrapOptional } from "../read/manifest-sheets.ts";
import { columnLetters } from "../read/workbook.ts";
import { optionalInputFiles } from "../model.ts";
import { inputColumns, knownColumns, type CsvFileName } from "../validate/index.ts";
import { loadYear } from "../validate/folder.ts";

/** The row schema of each CSV input file, for each column's kind (number, code list, text). */
export const rowSchemas: Record<CsvFileName, z.ZodObject> = {
  "communes.csv": communeRow,
  "criteria.csv": criterionRow,
  "groups.csv": groupRow,
  "scales.csv": scaleOptionRow,
  "questions.csv": questionRow,
  "appraisal.csv": appraisalRow,
  "survey-officials.csv": officialsFormColumns,
  "survey-citizens.csv": citizensFormColumns,
  "plan.csv": planRow,
};

/** Columns whose values are keys of another sheet: their drop-down lists that sheet's column. */
const references: Record<string, { file: CsvFileName; column: string }> = {
  commune_code: { file: "communes.csv", column: "code" },
  criterion_id: { file: "criteria.csv", column: "id" },
  group: { file: "groups.csv", column: "code" },
  scale: { file: "scales.csv", column: "scale" },
};

/** Score columns: checked from 0 to the maximum of the row's criterion (its `criterion_id`). */
const scoreColumns: Partial<Record<CsvFileName, readonly string[]>> = {
  "appraisal.csv": ["self_score", "appraised_score"],
};

/** Blank rows below the data that still get drop-down lists and checks. */
const spareRows = 2000;
/** Blank rows below a list of "Thông tin chung" (bands, releases …). */
const spareListRows = 50;

/** A year's CSV inputs as read: the filled workbook shows exactly these cells. */
export type InputTables = Record<CsvFileName, CsvTable>;

export interface TemplateOptions {
  /** The year's dataset.json, parsed. */
  manifest: Record<string, unknown>;
  tables: InputTables;
  /** true: every file's rows; false: the units, criteria and survey design, blank appraisal scores. */
  filled: boolean;
  /** Stamped into the file so that it is byte-reproducible. */
  buildTime: Date;
  /** Hears of the rows written into each input sheet, a block at a time. */
  progress?: (sheet: string, written: number, rows: number) => void;
}

type Kind =
  | { type: "number"; format: string }
  | { type: "list"; codes: string[] }
  | { type: "date" }
  | { type: "text" };

const dateFormat = "dd/mm/yyyy";

function columnKind(field: z.ZodType | undefined): Kind {
  if (field === undefined) return { type: "text" };
  const codes = enumCodes(field);
  if (codes !== null) return { type: "list", codes };
  // A column whose parsed value of "1" is a number is a number column (scores, counts, coefficients).
  const parsed = field.safeParse("1");
  if (parsed.success && typeof parsed.data === "number") {
    const decimals = field.safeParse("1.5");
    return { type: "number", format: decimals.success ? "0.00" : "0" };
  }
  // A date column reads Vietnamese dates as ISO ones (plan.csv).
  if (field.safeParse("31/12/2023").data === "2023-12-31") return { type: "date" };
  return { type: "text" };
}

/** A date of the data (ISO, or as plan.csv accepts it) as a date cell; the text itself when it is none. */
function dateCell(text: string): Date | string {
  const iso = isoFromPlanDate(text);
  return iso === null ? text : new Date(`${iso}T00:00:00Z`);
}

/** Excel's serial day of a date (the 1900 system), as its cell holds it. */
const excelSerial = (date: Date) => date.getTime() / 86_400_000 + 25_569;

const sheetTitle = (file: string) => wordsOf(file)?.title ?? sheetName(file);
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Header cells locked (and bold), data cells open: protection stops edits to the header only. */
const openCell = { locked: false } as const;

/**
 * Protects a sheet against accidental edits of locked cells, without a password; the editor still
 * enters, sorts, filters, inserts and deletes data rows and widens columns.
 */
function protect(sheet: Worksheet): void {
  void sheet.protect("", {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    insertRows: true,
    deleteRows: true,
    sort: true,
    autoFilter: true,
  });
}

/** A width in characters fitting the header and the first values. */
function fitWidth(label: string, values: Iterable<string>): number {
  let widest = label.length + 3;
  let seen = 0;
  for (const value of values) {
    widest = Math.max(widest, value.length + 2);
    if (++seen === 200) break;
  }
  return Math.min(60, Math.max(10, widest));
}

type Worksheet = ReturnType<WorkbookWriter["addWorksheet"]>;

// Data validation is not in exceljs's typings; its writer takes ranges (see its data-validations xform).
function validations(sheet: Worksheet): { add(range: string, v: ExcelJS.DataValidation): void } {
  return (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
}

function listCheck(list: string): ExcelJS.DataValidation {
  return {
    type: "list",
    allowBlank: true,
    formulae: [list],
    showErrorMessage: true,
    errorTitle: "Giá trị không có trong danh sách",
    error: "Chọn một giá trị trong danh sách thả xuống.",
  };
}

const dateCheck: ExcelJS.DataValidation = {
  type: "date",
  operator: "between",
  allowBlank: true,
  formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
  showInputMessage: true,
  promptTitle: "Ngày",
  prompt: "Nhập ngày dạng ngày/tháng/năm, ví dụ 31/12/2023.",
  showErrorMessage: true,
  errorTitle: "Không phải ngày",
  error: "Nhập một ngày từ năm 2000 đến năm 2100, dạng ngày/tháng/năm (ví dụ 31/12/2023).",
};

/** A number from `min` (and up to `max`), whole or with decimals. */
function numberCheck(whole: boolean, min = 0, max?: number): ExcelJS.DataValidation {
  const range = max === undefined ? `từ ${min} trở lên` : `từ ${min} đến ${max}`;
  return {
    type: whole ? "whole" : "decimal",
    operator: max === undefined ? "greaterThanOrEqual" : "between",
    allowBlank: true,
    formulae: max === undefined ? [min] : [min, max],
    showErrorMessage: true,
    errorTitle: "Không phải số hợp lệ",
    error: whole ? `Nhập một số nguyên ${range}.` : `Nhập một số ${range}.`,
  };
}

/** Appraisal rows to fill: each unit × each appraisal leaf that applies to it. */
function appraisalKeys(tables: InputTables): string[][] {
  const communes = tables["communes.csv"];
  const criteria = tables["criteria.csv"];
  const at = (table: CsvTable, column: string) => table.index.get(column) as number;
  const ids = criteria.rows.map((r) => r.cells[at(criteria, "id")] as string);
  const leaves = criteria.rows.filter((r) => {
    const id = r.cells[at(criteria, "id")] as string;
    return (
      r.cells[at(criteria, "source")] === "appraisal" && !ids.some((other) => other.startsWith(`${id}.`))
    );
  });
  const appraisal = tables["appraisal.csv"];
  const width = appraisal.header.length;
  return communes.rows.flatMap((commune) => {
    const type = commune.cells[at(communes, "type")] as string;
    return leaves
      .filter((leaf) => {
        const applies = leaf.cells[at(criteria, "applies_to")] ?? "";
        return applies === "" || applies === "all" || applies === type;
      })
      .map((leaf) => {
        const cells = Array.from({ length: width }, () => "");
        cells[at(appraisal, "commune_code")] = commune.cells[at(communes, "code")] as string;
        cells[at(appraisal, "criterion_id")] = leaf.cells[at(criteria, "id")] as string;
        return cells;
      });
  });
}

/** Options of each question, for the survey sheets' drop-down lists. */
function questionOptions(tables: InputTables): Map<string, string[]> {
  const scales = tables["scales.csv"];
  const questions = tables["questions.csv"];
  const byScale = new Map<string, string[]>();
  for (const row of scales.rows) {
    const scale = row.cells[scales.index.get("scale") as number] as string;
    byScale.set(scale, [
      ...(byScale.get(scale) ?? []),
      row.cells[scales.index.get("option") as number] as string,
    ]);
  }
  return new Map(
    questions.rows.map((row) => [
      row.cells[questions.index.get("id") as number] as string,
      byScale.get(row.cells[questions.index.get("scale") as number] as string) ?? [],
    ]),
  );
}

/** The labels a coded column offers, in the schema's order. */
function labelsOf(words: SheetWords | undefined, column: string, codes: readonly string[]): string[] {
  return codes.map((code) => words?.values?.[column]?.[code] ?? code);
}

/** A column's help: its description, then what a drop-down list offers. */
function help(field: z.ZodType | undefined, words: SheetWords | undefined, column: string): string {
  const kind = columnKind(field);
  const offered = kind.type === "list" ? `Chọn: ${labelsOf(words, column, kind.codes).join(", ")}.` : "";
  return [field?.description ?? "", offered].filter((part) => part !== "").join(". ");
}

function addGuideSheet(workbook: WorkbookWriter, files: CsvFileName[]): void {
  const sheet = workbook.addWorksheet("Hướng dẫn", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Trang tính", width: 20 },
    { header: "Cột", width: 24 },
    { header: "Tên cột trong tệp CSV", width: 24 },
    { header: "Nội dung", width: 70, style: { alignment: { wrapText: true, vertical: "top" } } },
    { header: "Giá trị được chọn", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  const add = (cells: string[]) => sheet.addRow(cells).commit();
  add([
    "Cách dùng",
    "",
    "",
    "Nhập dữ liệu vào các trang tính dưới đây (không đổi tên trang tính, không đổi dòng tiêu đề: dòng tiêu đề được khóa, " +
      "các dòng dữ liệu mở để nhập). Ô có danh sách thả xuống chỉ nhận giá trị trong danh sách; ô điểm chỉ nhận số từ 0 " +
      "đến điểm tối đa của tiêu chí; ô ngày nhận ngày dạng ngày/tháng/năm. Mã xã, mã tiêu chí là văn bản: giữ nguyên số 0 ở đầu. " +
      "Khóa trang tính không có mật khẩu (Xem lại → Bỏ bảo vệ trang tính). " +
      "Kiểm tra tệp trên trang Kiểm tra dữ liệu của trang web trước khi gửi.",
    "",
  ]);
  const dataset = sheetWords.dataset as SheetWords;
  add([dataset.title, "", "", dataset.purpose, ""]);
  for (const [path, label] of Object.entries(manifestFormFields)) {
    const codes = manifestCodes(path);
    add([dataset.title, label, path, "", labelsOf(dataset, path, codes).join(", ")]);
  }
  for (const key of manifestTables) {
    const words = sheetWords[key] as SheetWords;
    add([words.title, "", key, words.purpose, ""]);
    for (const [column, label] of Object.entries(words.columns)) {
      const codes = manifestCodes(`${key}.${column}`);
      add([words.title, label, column, "", labelsOf(words, column, codes).join(", ")]);
    }
  }
  for (const file of files) {
    const words = wordsOf(file);
    const shape = rowSchemas[file].shape as Record<string, z.ZodType>;
    for (const [column, field] of Object.entries(shape)) {
      const kind = columnKind(field);
      add([
        sheetTitle(file),
        words?.columns[column] ?? column,
        column,
        field.description ?? "",
        kind.type === "list" ? labelsOf(words, column, kind.codes).join(", ") : "",
      ]);
    }
    if (file.startsWith("survey-")) {
      add([
        sheetTitle(file),
        "CB01, ND01, …",
        "",
        "Mỗi câu hỏi một cột: mã phương án trả lời; để trống nếu không trả lời",
        "",
      ]);
    }
  }
  protect(sheet);
  sheet.commit();
}

/** The codes a field of dataset.json accepts when it is a closed list (`status`, `releases.kind`). */
function manifestCodes(path: string): string[] {
  const field = manifestField(path);
  return (field && enumCodes(unwrapOptional(field))) ?? [];
}

/** A manifest value in its cell: numbers as numbers, dates as dates, choices by their labels. */
function manifestCell(
  path: string,
  value: unknown,
  words: SheetWords,
  column: string,
): { value: ExcelJS.CellValue; numFmt: string } {
  const field = manifestField(path);
  const kind = field === undefined ? "text" : manifestKind(field);
  if (value === undefined || value === null)
    return { value: null, numFmt: kind === "date" ? dateFormat : "@" };
  if (kind === "number" && typeof value === "number") return { value, numFmt: "General" };
  if (kind === "date" && typeof value === "string") return { value: dateCell(value), numFmt: dateFormat };
  if (kind === "list")
    return { value: words.values?.[column]?.[String(value)] ?? String(value), numFmt: "@" };
  if (kind === "codes" && Array.isArray(value)) return { value: value.join(", "), numFmt: "@" };
  return { value: typeof value === "string" ? value : JSON.stringify(value), numFmt: "@" };
}

/** The check of a manifest value's cell, by the field's kind. */
function manifestCheck(path: string, words: SheetWords, column: string): ExcelJS.DataValidation | null {
  const field = manifestField(path);
  if (field === undefined) return null;
  const kind = manifestKind(field);
  if (kind === "date") return dateCheck;
  if (kind === "list") {
    const codes = manifestCodes(path);
    return listCheck(`"${labelsOf(words, column, codes).join(",")}"`);
  }
  if (kind === "number") {
    // The schema's bounds where it states them (year 2000–2100, min_pct 0–100, the seed's range).
    const number = unwrapOptional(field) as z.ZodNumber;
    const meta = number.meta() as { minimum?: number; maximum?: number } | undefined;
    const bounded = (value: number | null) =>
      value === null || Math.abs(value) >= Number.MAX_SAFE_INTEGER ? undefined : value;
    const min = meta?.minimum ?? bounded(number.minValue) ?? 0;
    return numberCheck(number.format === "safeint", min, meta?.maximum ?? bounded(number.maxValue));
  }
  return null;
}

const valueAt = (manifest: Record<string, unknown>, path: string): unknown =>
  path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], manifest);

/** "Thông tin chung": one labelled row per field, the value beside it. */
function addDatasetSheet(workbook: WorkbookWriter, manifest: Record<string, unknown>): void {
  const words = sheetWords.dataset as SheetWords;
  const sheet = workbook.addWorksheet(words.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: words.columns.field, width: fitWidth("", Object.values(manifestFormFields)) },
    {
      header: words.columns.value,
      width: 90,
      style: { protection: openCell, alignment: { wrapText: true } },
    },
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.getCell(2).protection = { locked: true };
  let row = 1;
  for (const [path, label] of Object.entries(manifestFormFields)) {
    row++;
    const cell = manifestCell(path, valueAt(manifest, path), words, path);
    const added = sheet.addRow([label, cell.value]);
    added.getCell(2).numFmt = cell.numFmt;
    added.commit();
    const check = manifestCheck(path, words, path);
    if (check !== null) validations(sheet).add(`B${row}`, check);
  }
  protect(sheet);
  sheet.commit();
}

/** A list of dataset.json (bands, legal basis, releases) as a small table on its own sheet. */
function addManifestListSheet(
  workbook: WorkbookWriter,
  key: ManifestTable,
  manifest: Record<string, unknown>,
): void {
  const words = sheetWords[key] as SheetWords;
  const items = (manifest[key] ?? []) as Record<string, unknown>[];
  const sheet = workbook.addWorksheet(words.title, { views: [{ state: "frozen", ySplit: 1 }] });
  const columns = Object.entries(words.columns);
  sheet.columns = columns.map(([column, label]) => ({
    header: label,
    width: fitWidth(
      label,
      items.map((item) => String(item[column] ?? "")),
    ),
    style: { protection: openCell, alignment: { wrapText: true, vertical: "top" } },
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.protection = { locked: true };
  for (const item of items) {
    const cells = columns.map(([column]) => manifestCell(`${key}.${column}`, item[column], words, column));
    const added = sheet.addRow(cells.map((c) => c.value));
    cells.forEach((c, i) => (added.getCell(i + 1).numFmt = c.numFmt));
    added.commit();
  }
  columns.forEach(([column], i) => {
    const check = manifestCheck(`${key}.${column}`, words, column);
    const letter = columnLetters(i);
    if (check !== null)
      validations(sheet).add(`${letter}2:${letter}${items.length + 1 + spareListRows}`, check);
  });
  protect(sheet);
  sheet.commit();
}

interface InputSheet {
  file: CsvFileName;
  rows: readonly (readonly string[])[];
}

/**
 * An input file's sheet: the header, column formats and checks written now; its rows are streamed
 * later by the returned body. `rowCounts` gives the rows of the sheets it refers to.
 */
function addInputSheet(
  workbook: WorkbookWriter,
  input: InputSheet,
  tables: InputTables,
  rowCounts: ReadonlyMap<CsvFileName, number>,
  options: Map<string, string[]>,
): { entry: string; body: () => SheetBody } {
  const { file, rows } = input;
  const table = tables[file];
  const words = wordsOf(file);
  const shape = rowSchemas[file].shape as Record<string, z.ZodType>;
  const sheet = workbook.addWorksheet(sheetTitle(file), { views: [{ state: "frozen", ySplit: 1 }] });
  const kinds = table.header.map((column) => columnKind(shape[column]));
  const labelOf = (column: string, code: string) => words?.values?.[column]?.[code] ?? code;
  sheet.columns = table.header.map((column, i) => {
    const kind = kinds[i] as Kind;
    const label = words?.columns[column] ?? column;
    const numFmt = kind.type === "number" ? kind.format : kind.type === "date" ? dateFormat : "@";
    const shown = (function* () {
      for (const cells of rows)
        yield kind.type === "list" ? labelOf(column, cells[i] ?? "") : (cells[i] ?? "");
    })();
    return { header: label, width: fitWidth(label, shown), style: { numFmt, protection: openCell } };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: "top" };
  table.header.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.protection = { locked: true };
    const text = help(shape[column], words, column);
    cell.note = text === "" ? column : `${column}: ${text}`;
  });
  const last = rows.length + 1 + spareRows;
  const rangeOf = (i: number) => `${columnLetters(i)}2:${columnLetters(i)}${last}`;
  const keyRange = (target: CsvFileName, column: string) => {
    const letter = columnLetters(tables[target].header.indexOf(column));
    return `${quoted(sheetTitle(target))}!$${letter}$2:$${letter}$${Math.max(2, (rowCounts.get(target) ?? 0) + 1)}`;
  };
  table.header.forEach((column, i) => {
    const kind = kinds[i] as Kind;
    const reference = references[column];
    if (scoreColumns[file]?.includes(column)) {
      // The row's criterion's maximum, looked up in the criteria sheet by the row's criterion id.
      const id = columnLetters(table.header.indexOf("criterion_id"));
      const max = `INDEX(${keyRange("criteria.csv", "max_points")},MATCH($${id}2,${keyRange("criteria.csv", "id")},0))`;
      validations(sheet).add(rangeOf(i), {
        type: "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [0, max],
        showInputMessage: true,
        promptTitle: "Điểm",
        prompt: `Số từ 0 đến điểm tối đa của tiêu chí ở cột “${words?.columns.criterion_id ?? "criterion_id"}” (trang ${sheetTitle("criteria.csv")}), tối đa 2 chữ số thập phân.`,
        showErrorMessage: true,
        errorTitle: "Điểm không hợp lệ",
        error: "Điểm phải là số từ 0 đến điểm tối đa của tiêu chí của dòng này.",
      });
    } else if (kind.type === "list")
      validations(sheet).add(rangeOf(i), listCheck(`"${labelsOf(words, column, kind.codes).join(",")}"`));
    else if (reference && reference.file !== file)
      validations(sheet).add(rangeOf(i), listCheck(keyRange(reference.file, reference.column)));
    else if (table.questionColumns.includes(column)) {
      const codes = options.get(column) ?? [];
      if (codes.length > 0) validations(sheet).add(rangeOf(i), listCheck(`"${codes.join(",")}"`));
    } else if (kind.type === "date") validations(sheet).add(rangeOf(i), dateCheck);
    else if (kind.type === "number") validations(sheet).add(rangeOf(i), numberCheck(kind.format === "0"));
  });
  protect(sheet);
  sheet.commit();
  const cellOf = (text: string, i: number): Cell => {
    if (text === "") return null;
    const kind = kinds[i] as Kind;
    if (kind.type === "number") return Number(text.replace(",", "."));
    if (kind.type === "list") return labelOf(table.header[i] as string, text);
    if (kind.type === "date") {
      const date = dateCell(text);
      return typeof date === "string" ? date : excelSerial(date);
    }
    return text;
  };
  const body = () => ({
    rows: rows.length,
    columns: table.header.length,
    cell: (row: number, i: number) => cellOf(rows[row]?.[i] ?? "", i),
  });
  return { entry: `xl/worksheets/sheet${sheet.id}.xml`, body };
}

/** The template (or filled) workbook of a year, as reproducible .xlsx bytes. */
export async function templateWorkbook(options: TemplateOptions): Promise<Uint8Array> {
  const { tables, filled } = options;
  const { workbook, frame } = frameWorkbook(options.buildTime);
  const files = Object.keys(rowSchemas) as CsvFileName[];
  addGuideSheet(workbook, files);
  addDatasetSheet(workbook, options.manifest);
  for (const key of manifestTables) addManifestListSheet(workbook, key, options.manifest);
  const inputs: InputSheet[] = files.map((file) => {
    const cells = () => tables[file].rows.map((r) => r.cells);
    if (filled) return { file, rows: cells() };
    if (file === "appraisal.csv") return { file, rows: appraisalKeys(tables) };
    return { file, rows: file.startsWith("survey-") ? [] : cells() };
  });
  const rowCounts = new Map(inputs.map((input) => [input.file, input.rows.length]));
  const answerOptions = questionOptions(tables);
  const bodies = new Map<string, () => SheetBody>();
  const titles = new Map<string, string>();
  for (const input of inputs) {
    const { entry, body } = addInputSheet(workbook, input, tables, rowCounts, answerOptions);
    bodies.set(entry, body);
    titles.set(entry, sheetTitle(input.file));
  }
  const progress = options.progress;
  return streamedWorkbookZip(
    await frame(),
    bodies,
    options.buildTime,
    progress && ((entry, written, rows) => progress(titles.get(entry) ?? entry, written, rows)),
  );
}

/** A valid year folder's CSV inputs, read as the validator reads them. */
export async function readInputTables(folder: string): Promise<InputTables> {
  const tables: Partial<InputTables> = {};
  for (const file of Object.keys(inputColumns) as CsvFileName[]) {
    const path = join(folder, file);
    if (optionalInputFiles.has(file) && !existsSync(path)) {
      // An optional file the year lacks (plan.csv before 2023): its sheet starts empty.
      const header = knownColumns(file);
      tables[file] = {
        header,
        index: new Map(header.map((c, i) => [c, i])),
        questionColumns: [],
        headerLine: 1,
        rows: [],
      };
      continue;
    }
    const bytes = await readFile(path);
    const spec = {
      file,
      ...inputColumns[file],
      ...(file.startsWith("survey-") ? { questions: { panel: "", ids: null } } : {}),
    };
    const read = readCsv(bytes, spec);
    if (read.table === null) throw new Error(`${file}: ${read.problems.map((p) => p.message_vi).join(" ")}`);
    tables[file] = read.table;
  }
  return tables as InputTables;
}

/**
 * The problems of a year that does not validate, or null; its validated data are let go at once (a
 * national year's would stay in memory while the workbook is written).
 */
async function yearProblems(folder: string): Promise<Problem[] | null> {
  const loaded = await loadYear(folder);
  return loaded.data === null ? loaded.problems : null;
}

/**
 * The template (`filled: false`) or the filled workbook of a data year folder; the year must
 * validate, so a template never carries a broken criteria tree or unit list.
 */
export async function yearWorkbook(
  folder: string,
  options: Pick<TemplateOptions, "filled" | "buildTime" | "progress">,
): Promise<{ bytes: Uint8Array } | { problems: Problem[] }> {
  const problems = await yearProblems(folder);
  if (problems !== null) return { problems };
  const manifest = JSON.parse(await readFile(join(folder, "dataset.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const tables = await readInputTables(folder);
  return { bytes: await templateWorkbook({ manifest, tables, ...options }) };
}
