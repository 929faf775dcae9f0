// Published Parquet (docs/data-contract.md#published-tables): what DuckDB-WASM queries in the browser. Types come from the
// contract, never guessed from the data: codes are strings (leading zeros kept), decimals DOUBLE,
// whole numbers INT32, and only the contract's nullable columns may hold nulls.
import { parquetWriteBuffer, type ColumnSource } from "hyparquet-writer";
import type { PublishedTableName } from "../../schemas/published.ts";
import type { ComputedTables } from "../model.ts";
import { columnValues, tableColumns, type ColumnKind } from "./columns.ts";

const parquetType = {
  text: "STRING",
  decimal: "DOUBLE",
  integer: "INT32",
} as const satisfies Record<ColumnKind, ColumnSource["type"]>;

/** The Parquet bytes of one published table. */
export function tableParquet<K extends PublishedTableName>(table: K, data: ComputedTables[K]): Uint8Array {
  const columnData: ColumnSource[] = tableColumns(table).map((column) => ({
    name: column.name,
    data: columnValues(table, data, column),
    type: parquetType[column.kind],
    nullable: column.nullable,
  }));
  return new Uint8Array(parquetWriteBuffer({ columnData }));
}
