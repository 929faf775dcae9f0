// The data-entry workbook for the Home Affairs office: one sheet per input file under its Vietnamese
// title, Vietnamese headers with the contract's column name in a note, drop-down lists for every
// coded column, number formats for scores and counts, codes stored as text (leading zeros kept),
// and a first sheet "Hướng dẫn" explaining each column. Blank, it holds the year's units, criteria
// tree and survey design with one appraisal row per unit and leaf to fill; filled, it holds the
// year's data as published, so a correction starts from them. It reads back through
// pipeline/read/sheet.ts to exactly the same records as the CSV files it was made from.
import ExcelJS from "exceljs";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { z } from "zod";
import { appraisalRow } from "../../schemas/appraisal.ts";
import { communeRow } from "../../schemas/communes.ts";
import { criterionRow } from "../../schemas/criteria.ts";
import { datasetManifest } from "../../schemas/dataset.ts";
import { groupRow } from "../../schemas/groups.ts";
import { questionRow } from "../../schemas/questions.ts";
import { scaleOptionRow } from "../../schemas/scales.ts";
import { planRow } from "../../schemas/plan.ts";
import { citizensFormColumns, officialsFormColumns } from "../../schemas/survey.ts";
import { enumCodes, sheetName, sheetWords, wordsOf } from "../../schemas/workbook.ts";
import { reproducibleZip } from "../publish/xlsx.ts";
import type { Problem } from "../problem.ts";
import { readCsv, type CsvTable } from "../read/csv.ts";
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

/** Blank rows below the data that still get drop-down lists and formats. */
const spareRows = 2000;

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
}

type Kind = { type: "number"; format: string } | { type: "list"; codes: string[] } | { type: "text" };

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
  return { type: "text" };
}

const sheetTitle = (file: string) => wordsOf(file)?.title ?? sheetName(file);
const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

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

function addGuideSheet(workbook: ExcelJS.Workbook, files: CsvFileName[]): void {
  const sheet = workbook.addWorksheet("Hướng dẫn", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "Trang tính", width: 20 },
    { header: "Cột", width: 22 },
    { header: "Tên cột trong tệp CSV", width: 22 },
    { header: "Nội dung", width: 70 },
    { header: "Giá trị được chọn", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.addRow([
    "Cách dùng",
    "",
    "",
    "Nhập dữ liệu vào các trang tính dưới đây (không đổi tên trang tính, không đổi dòng tiêu đề). " +
      "Ô có danh sách thả xuống chỉ nhận giá trị trong danh sách. Mã xã, mã tiêu chí là văn bản: giữ nguyên số 0 ở đầu. " +
      "Kiểm tra tệp trên trang Kiểm tra dữ liệu của trang web trước khi gửi.",
    "",
  ]);
  for (const file of files) {
    const words = wordsOf(file);
    const shape = rowSchemas[file].shape as Record<string, z.ZodType>;
    for (const [column, field] of Object.entries(shape)) {
      const kind = columnKind(field);
      const labels = words?.values?.[column];
      const allowed = kind.type === "list" ? kind.codes.map((code) => labels?.[code] ?? code).join(", ") : "";
      sheet.addRow([
        sheetTitle(file),
        words?.columns[column] ?? column,
        column,
        field.description ?? "",
        allowed,
      ]);
    }
    if (file.startsWith("survey-")) {
      sheet.addRow([
        sheetTitle(file),
        "CB01, ND01, …",
        "",
        "Mỗi câu hỏi một cột: mã phương án trả lời; để trống nếu không trả lời",
        "",
      ]);
    }
  }
  sheet.getColumn(4).alignment = { wrapText: true, vertical: "top" };
}

function addDatasetSheet(workbook: ExcelJS.Workbook, manifest: Record<string, unknown>): void {
  const words = sheetWords.dataset as NonNullable<(typeof sheetWords)["dataset"]>;
  const sheet = workbook.addWorksheet(words.title, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: words.columns.field, width: 24, style: { numFmt: "@" } },
    { header: words.columns.value, width: 90, style: { numFmt: "@" } },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.getCell("A1").note = "field";
  sheet.getCell("B1").note = "value: văn bản giữ nguyên; danh sách, số viết dạng JSON";
  const shape = datasetManifest.shape as Record<string, z.ZodType>;
  for (const [field, value] of Object.entries(manifest)) {
    if (!(field in shape)) continue;
    sheet.addRow([field, typeof value === "string" ? value : value === null ? "" : JSON.stringify(value)]);
  }
}

function addInputSheet(
  workbook: ExcelJS.Workbook,
  file: CsvFileName,
  tables: InputTables,
  rows: string[][],
  options: Map<string, string[]>,
): void {
  const table = tables[file];
  const words = wordsOf(file);
  const shape = rowSchemas[file].shape as Record<string, z.ZodType>;
  const sheet = workbook.addWorksheet(sheetTitle(file), { views: [{ state: "frozen", ySplit: 1 }] });
  const kinds = table.header.map((column) => columnKind(shape[column]));
  sheet.columns = table.header.map((column, i) => {
    const kind = kinds[i] as Kind;
    const label = words?.columns[column] ?? column;
    return {
      header: label,
      width: Math.min(40, Math.max(10, label.length + 2)),
      style: { numFmt: kind.type === "number" ? kind.format : "@" },
    };
  });
  const header = sheet.getRow(1);
  header.font = { bold: true };
  table.header.forEach((column, i) => {
    const description = shape[column]?.description;
    header.getCell(i + 1).note = description ? `${column}: ${description}` : column;
  });
  const labelOf = (column: string, code: string) => words?.values?.[column]?.[code] ?? code;
  for (const cells of rows) {
    sheet.addRow(
      cells.map((cell, i) => {
        const column = table.header[i] as string;
        const kind = kinds[i] as Kind;
        if (cell === "") return null;
        if (kind.type === "number") return Number(cell.replace(",", "."));
        if (kind.type === "list") return labelOf(column, cell);
        return cell;
      }),
    );
  }
  const last = rows.length + 1 + spareRows;
  // Data validation is not in exceljs's typings; its writer takes ranges (see its data-validations xform).
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
  table.header.forEach((column, i) => {
    const kind = kinds[i] as Kind;
    const range = `${columnLetters(i)}2:${columnLetters(i)}${last}`;
    let list: string | null = null;
    const reference = references[column];
    if (kind.type === "list") list = `"${kind.codes.map((code) => labelOf(column, code)).join(",")}"`;
    else if (reference && reference.file !== file) {
      const target = workbook.getWorksheet(sheetTitle(reference.file));
      const position = tables[reference.file].header.indexOf(reference.column);
      if (target && position >= 0) {
        const letter = columnLetters(position);
        list = `${quoted(target.name)}!$${letter}$2:$${letter}$${Math.max(2, target.rowCount)}`;
      }
    } else if (table.questionColumns.includes(column)) {
      const codes = options.get(column) ?? [];
      if (codes.length > 0) list = `"${codes.join(",")}"`;
    }
    if (list !== null) {
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: [list],
        showErrorMessage: true,
        errorTitle: "Giá trị không có trong danh sách",
        error: "Chọn một giá trị trong danh sách thả xuống.",
      });
    }
  });
}

/** The template (or filled) workbook of a year, as reproducible .xlsx bytes. */
export async function templateWorkbook(options: TemplateOptions): Promise<Uint8Array> {
  const { tables, filled } = options;
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chi-so-cchc-ninh-giang";
  workbook.lastModifiedBy = "chi-so-cchc-ninh-giang";
  workbook.created = options.buildTime;
  workbook.modified = options.buildTime;
  const files = Object.keys(rowSchemas) as CsvFileName[];
  addGuideSheet(workbook, files);
  addDatasetSheet(workbook, options.manifest);
  const answerOptions = questionOptions(tables);
  for (const file of files) {
    const table = tables[file];
    const rows = filled
      ? table.rows.map((r) => r.cells)
      : file === "appraisal.csv"
        ? appraisalKeys(tables)
        : file.startsWith("survey-")
          ? []
          : table.rows.map((r) => r.cells);
    addInputSheet(workbook, file, tables, rows, answerOptions);
  }
  const written = new Uint8Array(await workbook.xlsx.writeBuffer());
  return reproducibleZip(unzipSync(written), options.buildTime);
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
 * The template (`filled: false`) or the filled workbook of a data year folder; the year must
 * validate, so a template never carries a broken criteria tree or unit list.
 */
export async function yearWorkbook(
  folder: string,
  options: { filled: boolean; buildTime: Date },
): Promise<{ bytes: Uint8Array } | { problems: Problem[] }> {
  const loaded = await loadYear(folder);
  if (loaded.data === null) return { problems: loaded.problems };
  const manifest = JSON.parse(await readFile(join(folder, "dataset.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const tables = await readInputTables(folder);
  return { bytes: await templateWorkbook({ manifest, tables, ...options }) };
}
