// Test support: the PublishedData interface of duckdb.ts over native DuckDB (@duckdb/node-api),
// so the pages' SQL is checked in Node against small hand-made tables. Never imported by a page.
import { DuckDBInstance } from "@duckdb/node-api";
import type { PublishedData, QueryParam } from "../../site/scripts/query/engine.ts";

/** An in-memory database prepared by `setupSql` (CREATE TABLE … statements). */
export async function nativePublishedData(setupSql: string): Promise<PublishedData & { close(): void }> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  await connection.run(setupSql);
  return {
    async query<Row extends object>(sql: string, params: readonly QueryParam[] = []): Promise<Row[]> {
      const reader = await connection.runAndReadAll(sql, [...params]);
      // Like the browser module (castBigIntToDouble), counts come back as plain numbers.
      return reader
        .getRowObjectsJS()
        .map(
          (row) =>
            Object.fromEntries(
              Object.entries(row).map(([name, value]) => [
                name,
                typeof value === "bigint" ? Number(value) : value,
              ]),
            ) as Row,
        );
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
