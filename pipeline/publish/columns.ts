// The columns of each published table, read from its Zod schema (schemas/published.ts) so that the
// CSV header, the Parquet types and the XLSX headers all follow the one contract and cannot drift.
import { z } from "zod";
import { publishedTables, type PublishedTableName } from "../../schemas/published.ts";
import type { ColumnTable, ComputedTables } from "../model.ts";

/** How a column is stored: text (codes keep leading zeros), a decimal, or a whole number. */
export type ColumnKind = "text" | "decimal" | "integer";

export interface TableColumn {
  /** The machine name: CSV header, Parquet column. */
  name: string;
  kind: ColumnKind;
  nullable: boolean;
  /** The Vietnamese description, used as the XLSX header and in the data dictionary. */
  label: string;
}

/** A cell as it leaves the pipeline: already rounded numbers, NFC text, or null. */
export type Cell = string | number | null;

const kindOfJsonType: Record<string, ColumnKind> = { string: "text", number: "decimal", integer: "integer" };

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** The JSON types a column allows: Zod writes a nullable as `type: [t, "null"]` or as `anyOf`. */
function jsonTypes(property: JsonSchema): string[] {
  const own =
    property.type === undefined ? [] : Array.isArray(property.type) ? property.type : [property.type];
  const alternatives = (property.anyOf ?? []).flatMap((member) =>
    typeof member === "boolean" ? [] : jsonTypes(member),
  );
  return [...own, ...alternatives];
}

function columnFromJsonSchema(table: string, name: string, property: JsonSchema): TableColumn {
  const types = jsonTypes(property);
  const nullable = types.includes("null");
  const valueTypes = types.filter((t) => t !== "null");
  const kind = valueTypes.length === 1 ? kindOfJsonType[String(valueTypes[0])] : undefined;
  if (kind === undefined || property.description === undefined) {
    throw new Error(`published table ${table}: column ${name} has no publishable type or description`);
  }
  return { name, kind, nullable, label: property.description };
}

function columnsOf(table: PublishedTableName): TableColumn[] {
  const jsonSchema = z.toJSONSchema(publishedTables[table]);
  return Object.entries(jsonSchema.properties ?? {}).map(([name, property]) => {
    if (typeof property === "boolean") throw new Error(`published table ${table}: column ${name} is untyped`);
    return columnFromJsonSchema(table, name, property);
  });
}

const columnsByTable = new Map<PublishedTableName, TableColumn[]>();

/** The columns of a published table, in the schema's key order (the order docs/data-contract.md#published-tables fixes). */
export function tableColumns(table: PublishedTableName): TableColumn[] {
  let columns = columnsByTable.get(table);
  if (!columns) {
    columns = columnsOf(table);
    columnsByTable.set(table, columns);
  }
  return columns;
}

/** The published table names, in the order their files are written and listed in the manifest. */
export const publishedTableNames = Object.keys(publishedTables) as PublishedTableName[];

/** The number of rows of a table as computation hands it over (rows, or columns). */
export function rowCount(data: ComputedTables[PublishedTableName]): number {
  return Array.isArray(data) ? data.length : (data as ColumnTable<unknown>).rows;
}

/**
 * One column's values, checked against the contract. Only the contract's columns are ever read,
 * so any other property a row may carry (an id, a phone number) cannot reach a file. A wrong type
 * is a pipeline bug and stops publishing before anything is written in place.
 */
export function columnValues<K extends PublishedTableName>(
  table: K,
  data: ComputedTables[K],
  column: TableColumn,
  /** Rows [from, to) only: a writer can take a table of millions of rows a slice at a time. */
  from = 0,
  to = rowCount(data),
): Cell[] {
  const valueAt = cellReader(table, data, column.name);
  const cells = new Array<Cell>(Math.max(0, to - from));
  for (let row = from; row < to; row++) cells[row - from] = checkedCell(table, row, column, valueAt(row));
  return cells;
}

function cellReader(
  table: PublishedTableName,
  data: ComputedTables[PublishedTableName],
  name: string,
): (row: number) => unknown {
  if (Array.isArray(data)) return (row) => (data[row] as Record<string, unknown>)[name];
  const { read } = data as ColumnTable<Record<string, unknown>>;
  if (!Object.hasOwn(read, name)) throw new Error(`published table ${table}: no column ${name}`);
  return read[name]!;
}

function checkedCell(table: PublishedTableName, row: number, column: TableColumn, value: unknown): Cell {
  if (value === null || value === undefined) {
    if (column.nullable) return null;
  } else if (column.kind === "text") {
    if (typeof value === "string") return value;
  } else if (typeof value === "number") {
    if (column.kind === "integer" ? Number.isSafeInteger(value) : Number.isFinite(value)) return value;
  }
  throw new Error(
    `published table ${table}, row ${row + 1}, column ${column.name}: ${String(value)} is not a valid ${column.kind}`,
  );
}
