// The site's only way to the figures: it reads the tables the pipeline published under
// site/public/data/<year>/ (the same files users download), validates every row against the
// schemas of schemas/published.ts, and hands typed rows to the pages. Pages never recompute an
// official figure. PUBLISHED_DATA_DIR points elsewhere (tests use tests/fixtures/published/).
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { z } from "zod";
import { publishedTables } from "../../schemas/published.ts";
import type { PublishedTableName, PublishedTables } from "../../schemas/published.ts";
import { publishedManifest } from "../../schemas/published-manifest.ts";
import type { PublishedManifest } from "../../schemas/published-manifest.ts";
import { restoreFormula } from "../../pipeline/rules/formula.ts";
import { groupBy } from "../../pipeline/rules/group.ts";

/** The tables a page may need; `responses` (one row per answer) stays for the explore page's DuckDB. */
export type PageTableName = Exclude<PublishedTableName, "responses">;
const pageTables = ["results", "domains", "scores", "survey", "survey_options", "satisfaction"] as const;

/** One published year, as the pages see it. */
export interface PublishedYear extends Pick<PublishedTables, PageTableName> {
  year: number;
  manifest: PublishedManifest;
}

/** A published CSV exactly as written: its header and its cells as text (for per-commune downloads). */
export interface RawTable {
  fields: string[];
  rows: string[][];
}

export function publishedDataDir(): string {
  return resolve(process.env.PUBLISHED_DATA_DIR ?? "site/public/data");
}

/** The years with published data, ascending. */
export function publishedYears(dir = publishedDataDir()): number[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    throw new Error(
      `Không tìm thấy dữ liệu đã công bố tại ${dir}. Chạy "node pipeline/cli.ts build" trước ` +
        `(no published data at ${dir}; run the pipeline build first).`,
    );
  }
  return entries
    .filter((name) => /^\d{4}$/.test(name))
    .map(Number)
    .sort((a, b) => a - b);
}

const rawCache = new Map<string, RawTable>();

/** The cells of `<dir>/<year>/<table>.csv`, BOM removed, as text. */
export function rawTable(year: number, table: PublishedTableName, dir = publishedDataDir()): RawTable {
  const file = join(dir, String(year), `${table}.csv`);
  const cached = rawCache.get(file);
  if (cached) return cached;
  const text = readFileSync(file, "utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const first = parsed.errors[0];
    throw new Error(`${file}: ${first?.message ?? "CSV error"} (row ${first?.row ?? "?"})`);
  }
  const [fields = [], ...rows] = parsed.data;
  const raw = { fields, rows };
  rawCache.set(file, raw);
  return raw;
}

const communeRowsCache = new Map<string, Map<string, string[][]>>();

/**
 * The rows of `<dir>/<year>/<table>.csv` that belong to one commune, as published, in file order:
 * the table is split by commune once per build, not scanned again for every commune's download.
 */
export function communeRawRows(
  year: number,
  table: PublishedTableName,
  code: string,
  dir = publishedDataDir(),
): { fields: string[]; rows: string[][] } {
  const raw = rawTable(year, table, dir);
  const key = join(dir, String(year), table);
  let byCommune = communeRowsCache.get(key);
  if (!byCommune) {
    const column = raw.fields.indexOf("commune_code");
    if (column === -1) throw new Error(`${table}.csv has no commune_code column`);
    byCommune = groupBy(raw.rows, (cells) => cells[column] ?? "");
    communeRowsCache.set(key, byCommune);
  }
  return { fields: raw.fields, rows: byCommune.get(code) ?? [] };
}

function unwrapNullable(schema: z.ZodType): { inner: z.ZodType; nullable: boolean } {
  return schema instanceof z.ZodNullable
    ? { inner: schema.unwrap() as z.ZodType, nullable: true }
    : { inner: schema, nullable: false };
}

function cellValue(schema: z.ZodType, cell: string): unknown {
  const { inner, nullable } = unwrapNullable(schema);
  if (cell === "" && nullable) return null;
  if (inner instanceof z.ZodNumber) return cell === "" ? Number.NaN : Number(cell);
  // The published CSVs prefix ' to formula-like text (docs/quality.md); pages show the text as written.
  return restoreFormula(cell);
}

const tableCache = new Map<string, unknown[]>();

/** The rows of one published table, typed and validated; a bad cell stops the build with its place. */
export function loadTable<T extends PublishedTableName>(
  year: number,
  table: T,
  dir = publishedDataDir(),
): PublishedTables[T] {
  const key = `${dir}\u0000${year}\u0000${table}`;
  const cached = tableCache.get(key);
  if (cached) return cached as PublishedTables[T];
  const schema = publishedTables[table] as z.ZodObject;
  const columns = Object.keys(schema.shape);
  const { fields, rows } = rawTable(year, table, dir);
  const missing = columns.filter((column) => !fields.includes(column));
  if (missing.length > 0)
    throw new Error(`${year}/${table}.csv: thiếu cột (missing columns) ${missing.join(", ")}`);
  const typed = rows.map((cells, index) => {
    const record: Record<string, unknown> = {};
    for (const column of columns) {
      const cell = cells[fields.indexOf(column)] ?? "";
      record[column] = cellValue(schema.shape[column] as z.ZodType, cell);
    }
    const result = schema.safeParse(record);
    if (!result.success) {
      const issue = result.error.issues[0];
      // +2: the header is line 1 and lines count from 1.
      throw new Error(
        `${year}/${table}.csv dòng ${index + 2}, cột ${String(issue?.path[0])}: ${issue?.message ?? "invalid"}`,
      );
    }
    return result.data;
  });
  tableCache.set(key, typed);
  return typed as PublishedTables[T];
}

const manifestCache = new Map<string, PublishedManifest>();

export function loadManifest(year: number, dir = publishedDataDir()): PublishedManifest {
  const file = join(dir, String(year), "dataset.json");
  const cached = manifestCache.get(file);
  if (cached) return cached;
  const manifest = publishedManifest.parse(JSON.parse(readFileSync(file, "utf8")));
  manifestCache.set(file, manifest);
  return manifest;
}

/** Everything the pages show of one year. */
export function loadYear(year: number, dir = publishedDataDir()): PublishedYear {
  const tables = Object.fromEntries(
    pageTables.map((name) => [name, loadTable(year, name, dir)]),
  ) as unknown as Pick<PublishedTables, PageTableName>;
  return { year, manifest: loadManifest(year, dir), ...tables };
}

const latestCache = new Map<string, PublishedYear>();

/** The latest published year: the one the site is about (looked up once per build: every page asks). */
export function latestYear(dir = publishedDataDir()): PublishedYear {
  const cached = latestCache.get(dir);
  if (cached) return cached;
  const years = publishedYears(dir);
  const last = years.at(-1);
  if (last === undefined) throw new Error(`Chưa có năm nào được công bố trong ${dir} (no published year)`);
  const data = loadYear(last, dir);
  latestCache.set(dir, data);
  return data;
}

const previousCache = new Map<string, PublishedYear | null>();

/** The year before, when it was published too (for changes), else null. */
export function previousYear(year: number, dir = publishedDataDir()): PublishedYear | null {
  const key = `${dir}\u0000${year}`;
  const cached = previousCache.get(key);
  if (cached !== undefined) return cached;
  const previous = publishedYears(dir).includes(year - 1) ? loadYear(year - 1, dir) : null;
  previousCache.set(key, previous);
  return previous;
}
