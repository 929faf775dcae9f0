import { describe, expect, it } from "vitest";
import { compareEstimates } from "./agreement.ts";
import type { IndexEstimate } from "../../tests/support/duckdb-index.ts";

const estimate = (commune_code: string, index_pct: number, rank: number): IndexEstimate => ({
  commune_code,
  index_pct,
  rank,
  points: index_pct,
  max_points: 100,
  appraisal_points: 60,
  survey_points: index_pct - 60,
});

describe("compareEstimates", () => {
  it("finds no disagreement when every published figure is equal", () => {
    const rows = [estimate("00001", 85.67, 1), estimate("00002", 80.1, 2)];
    const agreement = compareEstimates(rows, structuredClone(rows));
    expect(agreement.missing).toEqual([]);
    expect(Object.values(agreement.counts).every((count) => count === 0)).toBe(true);
    expect(agreement.examples).toEqual([]);
  });

  it("counts a 0.01 rounding difference and names the commune, index first", () => {
    // a tie at 85.675 rounded up by exact arithmetic, down by doubles: points differ too
    const pipeline = [estimate("00001", 85.68, 1), estimate("00002", 80.1, 2)];
    const duckdb = [estimate("00001", 85.67, 1), estimate("00002", 80.1, 2)];
    const agreement = compareEstimates(pipeline, duckdb);
    expect(agreement.counts.index_pct).toBe(1);
    expect(agreement.counts.rank).toBe(0);
    expect(agreement.examples[0]).toEqual({
      commune_code: "00001",
      field: "index_pct",
      pipeline: 85.68,
      duckdb: 85.67,
    });
  });

  it("reports communes that only one side computed", () => {
    const agreement = compareEstimates([estimate("00001", 90, 1)], [estimate("00002", 90, 1)]);
    expect(agreement.missing).toEqual(["00001", "00002"]);
  });
});
