// Every published table computed a second way (tests/support/sql-reference.ts: SQL on native DuckDB
// straight from the input CSV files) and compared cell by cell with the pipeline's: results (but
// the bootstrap's four columns, checked by reference-bootstrap.test.ts), domains, scores,
// satisfaction and survey. On the committed years, on the committed published 2023 tables users
// download (tests/golden/expected), and on a generated pair of years of another shape.
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import type { TableData, YearResults } from "../../../pipeline/model.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { writeOtherShapeYears } from "../../support/other-shape-year.ts";
import { writeTinyYear } from "../../support/tiny-year.ts";
import {
  referenceColumns,
  referenceKeys,
  referenceTables,
  type ComparedTable,
  type ReferenceRow,
  type ReferenceTables,
} from "../../support/sql-reference.ts";

const repo = resolve(import.meta.dirname, "../../..");
const tableNames = Object.keys(referenceColumns) as ComparedTable[];

async function pipelineYear(folder: string, previous: YearResults | null): Promise<YearResults> {
  const loaded = await loadYear(folder);
  expect(loaded.problems.filter((p) => p.severity === "error")).toEqual([]);
  if (loaded.data === null) throw new Error(`${folder} must validate`);
  return computeYear(loaded.data, { previous, bootstrap: false });
}

/** A table's rows as plain objects, whether the pipeline holds it as rows or as columns. */
function rowsOf(table: TableData<object>): Record<string, unknown>[] {
  if (Array.isArray(table)) return table as Record<string, unknown>[];
  const columns = table as { rows: number; read: Record<string, (r: number) => unknown> };
  return Array.from({ length: columns.rows }, (_, r) =>
    Object.fromEntries(Object.entries(columns.read).map(([name, read]) => [name, read(r)])),
  );
}

interface Difference {
  table: string;
  key: string;
  column: string;
  pipeline: unknown;
  reference: unknown;
}

/** Every cell of the reference's columns that the pipeline's table holds differently, and rows missing on a side. */
function differences(
  table: ComparedTable,
  pipeline: Record<string, unknown>[],
  reference: ReferenceRow[],
): Difference[] {
  const keyOf = (row: Record<string, unknown>) => referenceKeys[table].map((k) => String(row[k])).join("/");
  const theirs = new Map(reference.map((row) => [keyOf(row), row]));
  const found: Difference[] = [];
  for (const ours of pipeline) {
    const key = keyOf(ours);
    const row = theirs.get(key);
    theirs.delete(key);
    if (row === undefined) {
      found.push({ table, key, column: "(row)", pipeline: "present", reference: "missing" });
      continue;
    }
    for (const column of referenceColumns[table]) {
      if (ours[column] !== row[column])
        found.push({ table, key, column, pipeline: ours[column], reference: row[column] });
    }
  }
  for (const key of theirs.keys())
    found.push({ table, key, column: "(row)", pipeline: "missing", reference: "present" });
  return found;
}

function expectSameTables(pipeline: YearResults, reference: ReferenceTables): void {
  for (const table of tableNames) {
    const ours = rowsOf(pipeline.tables[table] as TableData<object>);
    expect(ours.length, table).toBe(reference[table].length);
    expect(differences(table, ours, reference[table])).toEqual([]);
  }
  expect(pipeline.district.satisfaction_elements).toEqual(reference.districtElements);
  expect(pipeline.district.citizens_forms).toBe(reference.citizensForms);
  expect(pipeline.unitGroups).toEqual(reference.groupSummary);
}

describe("the committed years against the SQL reference", () => {
  it("data/2022: every cell of results, domains, scores, satisfaction and survey", async () => {
    const folder = join(repo, "data/2022");
    expectSameTables(await pipelineYear(folder, null), await referenceTables(folder, null));
  });

  it("data/2023, with its changes against 2022: every cell", async () => {
    const previous = await pipelineYear(join(repo, "data/2022"), null);
    const current = await pipelineYear(join(repo, "data/2023"), previous);
    const reference = await referenceTables(join(repo, "data/2023"), join(repo, "data/2022"));
    expect(reference.results.filter((r) => r.index_change !== null)).toHaveLength(20);
    expectSameTables(current, reference);
  });

  it("the published 2023 tables users download (the golden CSV files and manifest): every cell", async () => {
    const reference = await referenceTables(join(repo, "data/2023"), join(repo, "data/2022"));
    for (const table of tableNames) {
      const text = await readFile(join(repo, "tests/golden/expected/2023", `${table}.csv`), "utf8");
      const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
        header: true,
        skipEmptyLines: true,
      });
      // CSV cells are text: read each as the reference's value type (empty = null).
      const typed = data.map((row) =>
        Object.fromEntries(
          Object.entries(row).map(([column, cell]) => {
            const sample = reference[table].find((r) => r[column] !== null)?.[column];
            return [column, cell === "" ? null : typeof sample === "number" ? Number(cell) : cell];
          }),
        ),
      );
      expect(typed.length, table).toBe(reference[table].length);
      expect(differences(table, typed, reference[table])).toEqual([]);
    }
    const manifest = JSON.parse(
      await readFile(join(repo, "tests/golden/expected/2023/dataset.json"), "utf8"),
    ) as { district_summary: { satisfaction_elements: unknown; citizens_forms: number } };
    expect(manifest.district_summary.satisfaction_elements).toEqual(reference.districtElements);
    expect(manifest.district_summary.citizens_forms).toBe(reference.citizensForms);
  });
});

describe("a generated pair of years of another shape against the SQL reference", () => {
  let root = "";
  beforeAll(async () => {
    root = await writeOtherShapeYears();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("covers what the committed data do not: both types' own domains, 4 levels, 4 bands, a unit new this year, groups", async () => {
    const reference = await referenceTables(join(root, "2025"), join(root, "2024"));
    expect(reference.groupSummary?.map((g) => [g.group, g.communes])).toEqual([
      ["Nhóm Bắc", 3],
      ["Nhóm Nam", 3],
    ]);
    const types = new Set(reference.results.map((r) => r.commune_type));
    expect(types).toEqual(new Set(["xa", "thi_tran"]));
    expect(new Set(reference.results.map((r) => r.band)).size).toBeGreaterThanOrEqual(2);
    expect(Math.max(...reference.scores.map((r) => Number(r.level)))).toBe(4);
    expect(reference.results.filter((r) => r.index_change === null)).toHaveLength(1);
    // the thị trấn have no domain 3; the xã no leaf 2.1
    expect(reference.domains.filter((d) => d.domain_id === "3").map((d) => d.commune_code)).not.toContain(
      "20001",
    );
    expect(reference.scores.some((s) => s.criterion_id === "2.1" && s.commune_code === "20002")).toBe(false);
  });

  it("gives every cell of the five tables the same value as the pipeline", async () => {
    const previous = await pipelineYear(join(root, "2024"), null);
    const current = await pipelineYear(join(root, "2025"), previous);
    expectSameTables(current, await referenceTables(join(root, "2025"), join(root, "2024")));
  });
});

describe("the tiny hand-made year: the figures pages only format, worked out by hand", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await writeTinyYear();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  // Leaves' points (tests/unit/reference/duckdb-index.test.ts works them out):
  //   1.1 (max 35): 00001 30.5, 00002 24.25, 00003 18.17 → lost 4.5, 10.75, 16.83; total 32.08
  //   1.2 (max 25): 00001 15, 00002 16.25, 00003 18.33 → lost 10, 8.75, 6.67; total 25.42
  //   2.1 (max 10, xã only): 00002 8, 00003 7 → lost 2, 3; total 5
  //   2.2 (max 30): 00001 26.25, 00002 17.5, 00003 22.5 → lost 3.75, 12.5, 7.5; total 23.75
  const lost = [
    ["00001", "1.1", 4.5, 32.08],
    ["00001", "1.2", 10, 25.42],
    ["00001", "2.2", 3.75, 23.75],
    ["00002", "1.1", 10.75, 32.08],
    ["00002", "1.2", 8.75, 25.42],
    ["00002", "2.1", 2, 5],
    ["00002", "2.2", 12.5, 23.75],
    ["00003", "1.1", 16.83, 32.08],
    ["00003", "1.2", 6.67, 25.42],
    ["00003", "2.1", 3, 5],
    ["00003", "2.2", 7.5, 23.75],
  ];
  // Element 4 (ND01; ND02 has none): 00001 4, 5 → 2 of 2 satisfied; 00002 3, 5, 2 → 1 of 3;
  // 00003 4, 4 → 2 of 2; the district 5 of 7 = 71.428…% → 71.43.
  const elements = [
    {
      element: 4,
      element_name: "Kết quả giải quyết thủ tục hành chính",
      valid_answers: 7,
      satisfied_answers: 5,
      satisfied_pct: 71.43,
    },
  ];
  const leavesLost = (rows: Record<string, unknown>[]) =>
    rows
      .filter((row) => String(row.criterion_id).includes("."))
      .map((row) => [row.commune_code, row.criterion_id, row.points_lost, row.district_points_lost]);

  it("the pipeline publishes them", async () => {
    const year = await pipelineYear(folder, null);
    expect(leavesLost(rowsOf(year.tables.scores as TableData<object>))).toEqual(lost);
    expect(year.district.satisfaction_elements).toEqual(elements);
    expect(year.district.citizens_forms).toBe(7); // N01…N07
  });

  it("the SQL reference computes the same", async () => {
    const reference = await referenceTables(folder, null);
    const byKey = (a: unknown[], b: unknown[]) => String(a.slice(0, 2)).localeCompare(String(b.slice(0, 2)));
    expect(leavesLost(reference.scores).sort(byKey)).toEqual(lost);
    expect(reference.districtElements).toEqual(elements);
    expect(reference.citizensForms).toBe(7);
  });
});
