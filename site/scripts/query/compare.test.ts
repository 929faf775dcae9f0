import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { criterionScores } from "./compare.ts";
import { criterionDifferences } from "./differences.ts";
import { nativePublishedData } from "../../../tests/support/duckdb-native.ts";

// Three units: A and B are xã, T is a thị trấn with one extra criterion (1.2.2).
const setup = `
  CREATE TABLE scores AS SELECT * FROM (VALUES
    ('A', '1', NULL, 'Một', 'mixed', 5.6, 8.0), ('A', '1.1', '1', 'Lá 1.1', 'appraisal', 2.5, 3.0),
    ('A', '1.2', '1', 'Nhánh 1.2', 'appraisal', 1.1, 2.0), ('A', '1.2.1', '1.2', 'Lá 1.2.1', 'appraisal', 1.1, 2.0),
    ('A', '1.3', '1', 'Lá 1.3', 'survey', 1.0, 1.0), ('A', '1.10', '1', 'Lá 1.10', 'survey', 1.0, 1.0),
    ('B', '1', NULL, 'Một', 'mixed', 3.95, 8.0), ('B', '1.1', '1', 'Lá 1.1', 'appraisal', 1.25, 3.0),
    ('B', '1.2', '1', 'Nhánh 1.2', 'appraisal', 0.7, 2.0), ('B', '1.2.1', '1.2', 'Lá 1.2.1', 'appraisal', 0.7, 2.0),
    ('B', '1.3', '1', 'Lá 1.3', 'survey', 1.0, 1.0), ('B', '1.10', '1', 'Lá 1.10', 'survey', 1.0, 1.0),
    ('T', '1', NULL, 'Một', 'mixed', 5.5, 9.0), ('T', '1.1', '1', 'Lá 1.1', 'appraisal', 3.0, 3.0),
    ('T', '1.2', '1', 'Nhánh 1.2', 'appraisal', 1.5, 3.0), ('T', '1.2.1', '1.2', 'Lá 1.2.1', 'appraisal', 1.0, 2.0),
    ('T', '1.2.2', '1.2', 'Lá 1.2.2', 'appraisal', 0.5, 1.0),
    ('T', '1.3', '1', 'Lá 1.3', 'survey', 1.0, 1.0), ('T', '1.10', '1', 'Lá 1.10', 'survey', 0.0, 1.0)
  ) t(commune_code, criterion_id, parent_id, criterion_name, source, points, max_points);
`;

let data: Awaited<ReturnType<typeof nativePublishedData>>;
beforeAll(async () => {
  data = await nativePublishedData(setup);
});
afterAll(() => data.close());

describe("criterionScores", () => {
  it("ranks leaf criteria by the gap in points, ties in criteria-tree order", async () => {
    const differences = criterionDifferences(await criterionScores(data, ["A", "B"]));
    // 1.1: 2.5 − 1.25 = 1.25; 1.2.1: 1.1 − 0.7 = 0.4 (not 0.40000000000000013);
    // 1.3 and 1.10: 1 − 1 = 0, and 1.3 comes before 1.10 in the tree. The inner node 1.2 and the
    // domain 1 are not leaves; 1.2.2 applies to neither xã.
    expect(differences.map((row) => [row.criterionId, row.gap])).toEqual([
      ["1.1", 1.25],
      ["1.2.1", 0.4],
      ["1.3", 0],
      ["1.10", 0],
    ]);
    expect(differences[0]?.scores.get("B")).toEqual({ points: 1.25, max: 3 });
  });

  it("puts a criterion that applies to only some of the communes last, without a gap", async () => {
    const differences = criterionDifferences(await criterionScores(data, ["A", "T"]));
    // 1.10: 1 − 0 = 1; 1.1: 3 − 2.5 = 0.5; 1.2.1: 1.1 − 1 = 0.1; 1.3: 0; 1.2.2: only T has it.
    expect(differences.map((row) => [row.criterionId, row.gap])).toEqual([
      ["1.10", 1],
      ["1.1", 0.5],
      ["1.2.1", 0.1],
      ["1.3", 0],
      ["1.2.2", null],
    ]);
    expect([...(differences[4]?.scores.keys() ?? [])]).toEqual(["T"]);
  });
});
