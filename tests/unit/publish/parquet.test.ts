// Reads the published Parquet back with DuckDB (the engine the site runs as WASM) to check the types
// a query sees: codes as VARCHAR with their leading zeros, DOUBLE decimals, INTEGER counts, nulls.
import { DuckDBInstance } from "@duckdb/node-api";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tableParquet } from "../../../pipeline/publish/parquet.ts";
import { results } from "./fixture.ts";

let folder: string;
let duckdb: DuckDBInstance;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "publish-parquet-"));
  const tables = results().tables;
  await writeFile(join(folder, "results.parquet"), tableParquet("results", tables.results));
  await writeFile(
    join(folder, "survey_options.parquet"),
    tableParquet("survey_options", tables.survey_options),
  );
  await writeFile(join(folder, "domains.parquet"), tableParquet("domains", []));
  await writeFile(join(folder, "responses.parquet"), tableParquet("responses", tables.responses));
  duckdb = await DuckDBInstance.create(":memory:");
});

afterAll(async () => {
  duckdb.closeSync();
  await rm(folder, { recursive: true, force: true });
});

async function query(sql: string) {
  const connection = await duckdb.connect();
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson();
  } finally {
    connection.closeSync();
  }
}

describe("published Parquet read by DuckDB", () => {
  it("types the columns from the contract", async () => {
    const described = await query(`DESCRIBE SELECT * FROM '${join(folder, "results.parquet")}'`);
    const types = Object.fromEntries(described.map((row) => [row.column_name, row.column_type]));
    expect(types).toMatchObject({
      commune_code: "VARCHAR",
      commune_name: "VARCHAR",
      index_pct: "DOUBLE",
      rank: "INTEGER",
      satisfaction_pct: "DOUBLE",
      index_change: "DOUBLE",
      rank_change: "INTEGER",
      unit_group: "VARCHAR",
      predecessors: "VARCHAR",
      formed_on: "VARCHAR",
    });
    expect(described.map((row) => row.column_name)).toHaveLength(25);
  });

  it("keeps leading zeros, exact decimals, negative changes and nulls", async () => {
    const rows = await query(
      `SELECT commune_code, commune_name, index_pct, index_change, rank_change, satisfaction_pct
       FROM '${join(folder, "results.parquet")}' ORDER BY rank`,
    );
    expect(rows).toEqual([
      {
        commune_code: "00007",
        commune_name: "=Xã Hồng Dụ",
        index_pct: 91.5,
        index_change: -1.25,
        rank_change: 0,
        satisfaction_pct: 87.13,
      },
      {
        commune_code: "10960",
        commune_name: "Thị trấn Ninh Giang",
        index_pct: 79.99,
        index_change: null,
        rank_change: null,
        satisfaction_pct: null,
      },
    ]);
  });

  it("answers an aggregate the way the site will ask it", async () => {
    // 0.125 × 20 answers + the excluded option (no coefficient) ignored by AVG.
    const [row] = await query(
      `SELECT sum(count)::INTEGER AS answers, avg(coefficient) AS mean FROM '${join(folder, "survey_options.parquet")}'`,
    );
    expect(row).toEqual({ answers: 22, mean: 0.125 });
  });

  it("writes a typed, empty table when there are no rows", async () => {
    const [row] = await query(`SELECT count(*)::INTEGER AS n FROM '${join(folder, "domains.parquet")}'`);
    expect(row).toEqual({ n: 0 });
    const described = await query(`DESCRIBE SELECT * FROM '${join(folder, "domains.parquet")}'`);
    expect(described.find((r) => r.column_name === "pct")?.column_type).toBe("DOUBLE");
  });

  it("holds only the contract's columns", async () => {
    const described = await query(`DESCRIBE SELECT * FROM '${join(folder, "responses.parquet")}'`);
    expect(described.map((row) => row.column_name)).toEqual([
      "commune_code",
      "response_no",
      "question_id",
      "option",
    ]);
  });
});
