// dataset.json as a workbook holds it (pipeline/template): the form "Thông tin chung" (a Vietnamese
// label and one value a row, choices as their labels, dates as dates) and the lists on sheets of
// their own ("Xếp loại", "Căn cứ pháp lý", "Lịch sử công bố") → dataset.json's bytes, so the
// manifest goes through the same checks as the file, and where each field was read so that its
// problems name the sheet and the row. A form row may also name the field as dataset.json does
// (`year`, `province.code`) and give a list or an object as JSON, as the first templates wrote it.
import { z } from "zod";
import { datasetManifest } from "../../schemas/dataset.ts";
import {
  enumCodes,
  manifestFormFields,
  manifestTables,
  sheetWords,
  type SheetWords,
} from "../../schemas/workbook.ts";
import type { Problem } from "../problem.ts";
import { readSheet } from "./sheet.ts";
import type { WorkbookSheet } from "./workbook.ts";

/** Where a field of dataset.json was read: its sheet, Excel row and column header. */
export interface ManifestPlace {
  sheet: string;
  line: number | null;
  column: string | null;
}

export interface ManifestRead {
  /** dataset.json as read, or null when the form could not be read (its problems say why). */
  json: Uint8Array | null;
  problems: Problem[];
  /** Dotted paths of dataset.json (`bands.1.min_pct`) → where the editor wrote them. */
  places: Record<string, ManifestPlace>;
}

const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase("vi");

/** The field inside optional and nullable wrappers. */
export function unwrapOptional(field: z.ZodType): z.ZodType {
  if (field instanceof z.ZodOptional || field instanceof z.ZodNullable)
    return unwrapOptional(field.unwrap() as z.ZodType);
  return field;
}

/** The schema of a dotted path of dataset.json (`province.code`, `releases.communes`), list items' fields included. */
export function manifestField(path: string): z.ZodType | undefined {
  let field: z.ZodType | undefined = datasetManifest;
  for (const key of path.split(".")) {
    let inner: z.ZodType = unwrapOptional(field);
    if (inner instanceof z.ZodArray) inner = unwrapOptional(inner.element as z.ZodType);
    if (!(inner instanceof z.ZodObject)) return undefined;
    field = (inner.shape as Record<string, z.ZodType>)[key];
    if (field === undefined) return undefined;
  }
  return field;
}

/** How a value of the field is typed in a cell. */
export type ManifestKind = "number" | "date" | "list" | "codes" | "json" | "text";

export function manifestKind(field: z.ZodType): ManifestKind {
  const inner = unwrapOptional(field);
  if (inner instanceof z.ZodNumber) return "number";
  if (enumCodes(inner) !== null) return "list";
  if (inner instanceof z.ZodArray)
    return unwrapOptional(inner.element as z.ZodType) instanceof z.ZodString ? "codes" : "json";
  if (inner instanceof z.ZodObject) return "json";
  // A date field accepts a calendar date and no other text.
  if (inner.safeParse("2000-01-01").success && !inner.safeParse("x").success) return "date";
  return "text";
}

/** A cell's text as the JSON value of the field; undefined leaves an optional field out. */
function typedValue(field: z.ZodType, text: string, labels: Record<string, string> | undefined): unknown {
  // A nullable field left blank, or written `null` as JSON (earlier templates), is null.
  if (field instanceof z.ZodNullable && (text === "" || text === "null")) return null;
  if (text === "") {
    if (field instanceof z.ZodOptional) return undefined;
    return manifestKind(field) === "text" ? "" : undefined;
  }
  switch (manifestKind(field)) {
    case "number": {
      const number = Number(text.replace(",", "."));
      return /^[+-]?\d+([.,]\d+)?$/.test(text) && Number.isFinite(number) ? number : text;
    }
    case "list": {
      const code = Object.entries(labels ?? {}).find(([, label]) => fold(label) === fold(text))?.[0];
      return code ?? text;
    }
    case "codes":
      return text
        .split(/[,;]/)
        .map((code) => code.trim())
        .filter((code) => code !== "");
    case "json":
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys.at(-1) as string] = value;
}

/** A sheet by its title or its key (`bands`). */
function findSheet(sheets: readonly WorkbookSheet[], key: string): WorkbookSheet | undefined {
  const names = new Set([key, sheetWords[key]?.title].filter((n) => n !== undefined).map(fold));
  // A hidden sheet never stands for a visible one's part (pipeline/validate/file-set.ts).
  return sheets.find((sheet) => !sheet.hidden && names.has(fold(sheet.name)));
}

/** Problems of a sheet read under `key` carry the sheet's name. */
const named = (problems: readonly Problem[], sheet: string) => problems.map((p) => ({ ...p, file: sheet }));

/** The form → the manifest's fields; false when the sheet has no header to read. */
function readForm(
  sheet: WorkbookSheet,
  manifest: Record<string, unknown>,
  problems: Problem[],
  places: Record<string, ManifestPlace>,
): boolean {
  const words = sheetWords.dataset as SheetWords;
  const read = readSheet((onRow) => sheet.each(problems, onRow), {
    file: "dataset",
    required: ["field", "value"],
  });
  problems.push(...named(read.problems, sheet.name));
  if (read.table === null) return false;
  const labels = new Map(Object.entries(manifestFormFields).map(([path, label]) => [fold(label), path]));
  const fieldAt = read.table.index.get("field") as number;
  const valueAt = read.table.index.get("value") as number;
  for (const row of read.table.rows) {
    const name = row.cells[fieldAt] ?? "";
    if (name === "") continue;
    const path = labels.get(fold(name)) ?? name;
    const field = manifestField(path);
    places[path] = { sheet: sheet.name, line: row.line, column: words.columns.value ?? null };
    if (field === undefined) continue;
    const value = typedValue(field, row.cells[valueAt] ?? "", words.values?.[path]);
    // A blank optional field of an object (contact.phone) is left out, and so is an object left blank.
    if (value !== undefined) setPath(manifest, path, value);
  }
  // An optional object whose fields were all left blank (the district of a province-issued year,
  // the issuer by default) is left out, not read as an object of empty texts.
  for (const [key, value] of Object.entries(manifest)) {
    const blank = typeof value === "object" && value !== null && !Array.isArray(value);
    if (blank && datasetManifest.shape[key as keyof typeof datasetManifest.shape] instanceof z.ZodOptional) {
      if (Object.values(value).every((inner) => inner === "")) delete manifest[key];
    }
  }
  return true;
}

/** A list's sheet → its items; a sheet with a header and no rows is an empty list. */
function readList(
  key: (typeof manifestTables)[number],
  sheet: WorkbookSheet,
  problems: Problem[],
  places: Record<string, ManifestPlace>,
): Record<string, unknown>[] | null {
  const words = sheetWords[key] as SheetWords;
  const item = unwrapOptional(manifestField(key) as z.ZodType);
  const shape = ((item as z.ZodArray).element as z.ZodObject).shape as Record<string, z.ZodType>;
  const columns = Object.keys(shape);
  const required = columns.filter((c) => !(shape[c] instanceof z.ZodOptional));
  const optional = columns.filter((c) => shape[c] instanceof z.ZodOptional);
  const read = readSheet((onRow) => sheet.each(problems, onRow), { file: key, required, optional });
  problems.push(
    ...named(
      read.problems.filter((p) => p.code !== "no_rows"),
      sheet.name,
    ),
  );
  places[key] = { sheet: sheet.name, line: null, column: null };
  if (read.table === null) return null;
  const table = read.table;
  return table.rows.map((row, i) => {
    const entry: Record<string, unknown> = {};
    for (const [column, at] of table.index) {
      const field = shape[column];
      if (field === undefined) continue;
      const value = typedValue(field, row.cells[at] ?? "", words.values?.[column]);
      places[`${key}.${i}.${column}`] = {
        sheet: sheet.name,
        line: row.line,
        column: words.columns[column] ?? column,
      };
      if (value !== undefined) entry[column] = value;
    }
    return entry;
  });
}

/**
 * The manifest of a workbook whose sheet `form` is "Thông tin chung", with the lists' sheets found
 * among `sheets`. A list whose sheet is missing is left as the form gave it (or out).
 */
export function readManifestSheets(form: WorkbookSheet, sheets: readonly WorkbookSheet[]): ManifestRead {
  const problems: Problem[] = [];
  const places: Record<string, ManifestPlace> = {};
  const manifest: Record<string, unknown> = {};
  if (!readForm(form, manifest, problems, places)) return { json: null, problems, places };
  // A field whose row is missing is named by its label (a missing title: "Tên bộ dữ liệu").
  for (const [path, label] of Object.entries(manifestFormFields))
    places[path] ??= { sheet: form.name, line: null, column: label };
  for (const key of manifestTables) {
    const sheet = findSheet(sheets, key);
    if (sheet === undefined) continue;
    const items = readList(key, sheet, problems, places);
    if (items === null) return { json: null, problems, places };
    // An optional list left empty is left out (releases before the first release).
    if (items.length > 0 || !(manifestField(key) instanceof z.ZodOptional)) manifest[key] = items;
  }
  return { json: new TextEncoder().encode(JSON.stringify(manifest, null, 2)), problems, places };
}
