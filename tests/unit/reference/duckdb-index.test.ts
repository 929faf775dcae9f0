import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { compareEstimates, estimatesOf } from "../../../tools/bench/agreement.ts";
import { duckdbIndex, indexQuery } from "../../support/duckdb-index.ts";
import { writeTinyYear } from "../../support/tiny-year.ts";

describe("duckdbIndex on the tiny hand-made year", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await writeTinyYear();
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("computes docs/methodology.md point estimates, rounded, with shared ranks", async () => {
    const rows = await duckdbIndex(folder);
    // 00001 (thị trấn, leaf 2.1 does not apply → max 35 + 25 + 30 = 90)
    //   1.1 appraised 30.5
    //   1.2: CB01 A,B,C → (1 + 0.6 + 0.2)/3 = 0.6; CB02 B (E excluded, blank absent) → 0.6
    //        25 × (0.6 + 0.6)/2 = 15
    //   2.2: ND01 4,5 → (0.75 + 1)/2 = 0.875 → 30 × 0.875 = 26.25 (ND02 scores nothing)
    //   points 30.5 + 15 + 26.25 = 71.75; index 100 × 71.75 / 90 = 79.7222… → 79.72
    // 00002 (xã, max 100)
    //   appraisal 24.25 + 8 = 32.25
    //   1.2: CB01 A,A → 1; CB02 D,B → (0 + 0.6)/2 = 0.3 → 25 × 1.3/2 = 16.25
    //   2.2: ND01 3,5,2 → (0.5 + 1 + 0.25)/3 = 0.58333… → 30 × 1.75/3 = 17.5
    //   points 32.25 + 16.25 + 17.5 = 66 → index 66.00
    // 00003 (xã, max 100)
    //   appraisal 18.17 + 7 = 25.17
    //   1.2: CB01 A,A,B → 2.6/3; CB02 B,B (E excluded) → 0.6 = 1.8/3
    //        25 × (4.4/3)/2 = 55/3 = 18.3333…
    //   2.2: ND01 4,4 → 0.75 → 22.5
    //   survey 18.3333… + 22.5 = 40.8333… → 40.83
    //   points 25.17 + 40.8333… = 66.00333… → index 66.00, the same published value as 00002
    // ranks by the published index: 79.72 → 1; 66.00, 66.00 → 2, 2
    expect(rows).toEqual([
      {
        commune_code: "00001",
        index_pct: 79.72,
        rank: 1,
        points: 71.75,
        max_points: 90,
        appraisal_points: 30.5,
        survey_points: 41.25,
      },
      {
        commune_code: "00002",
        index_pct: 66,
        rank: 2,
        points: 66,
        max_points: 100,
        appraisal_points: 32.25,
        survey_points: 33.75,
      },
      {
        commune_code: "00003",
        index_pct: 66,
        rank: 2,
        points: 66,
        max_points: 100,
        appraisal_points: 25.17,
        survey_points: 40.83,
      },
    ]);
  });

  it("publishes the same figures as the pipeline's validate + compute", async () => {
    const loaded = await loadYear(folder);
    expect(loaded.problems).toEqual([]);
    if (loaded.data === null) throw new Error("the tiny year must validate");
    const pipeline = estimatesOf(
      computeYear(loaded.data, { previous: null, bootstrap: false }).tables.results,
    );
    const agreement = compareEstimates(pipeline, await duckdbIndex(folder));
    expect(agreement.communes).toBe(3);
    expect(agreement.missing).toEqual([]);
    expect(agreement.examples).toEqual([]);
  });

  it("keeps leading zeros of commune codes", async () => {
    const rows = await duckdbIndex(folder);
    expect(rows.map((row) => row.commune_code).sort()).toEqual(["00001", "00002", "00003"]);
  });
});

describe("indexQuery", () => {
  it("refuses a question id that is not a safe column name", () => {
    expect(() => indexQuery({ officials: ['CB01"; DROP TABLE x; --'], citizens: ["ND01"] })).toThrow(
      /question id/,
    );
  });
});
