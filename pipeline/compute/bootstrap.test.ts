import { describe, expect, it } from "vitest";
import type { Question } from "../../schemas/questions.ts";
import type { SurveyForms } from "../model.ts";
import { competitionRanks } from "../rules/ranking.ts";
import {
  bootstrapCommune,
  bootstrapIntervals,
  HundredthsRanking,
  replicateIntervals,
  runReplicates,
  shareBounds,
  type BootstrapCommune,
  type ReplicateFigures,
} from "./bootstrap.ts";
import type { Scale } from "./survey.ts";

// One scale: option A (code 1) counts 1 = 5/5, option B (code 2) 0.6 = 3/5, blank (code 0) nothing.
const scales = new Map<string, Scale>([
  ["ab", { options: [], numerators: [5, 3], denominator: 5, measuresSatisfaction: false }],
]);
const question = (id: string): Question => ({
  id,
  panel: "citizens",
  criterion_id: "2.1",
  scale: "ab",
  text: id,
  sipas_element: null,
});
const ND01 = question("ND01");

/**
 * A commune whose citizens answered ND01 with `codes`, one form each, rated on one survey leaf of 10
 * points (observed: `observedPoints`) and `fixedPoints` of appraisal, of `maxPoints` in all.
 */
function commune(codes: number[], fixedPoints = 0, maxPoints = 10, observedPoints = 0): BootstrapCommune {
  const forms: SurveyForms = {
    size: codes.length,
    communeCodes: ["X"],
    commune: new Uint32Array(codes.length),
    questionIds: ["ND01"],
    answers: [Uint16Array.from(codes)],
  };
  const rows = Uint32Array.from(codes, (_, i) => i);
  return bootstrapCommune(
    fixedPoints,
    maxPoints,
    new Map([["citizens", { forms, rows, commune: 0 }]]),
    [{ maxPoints: 10, questions: [ND01], observedPoints }],
    scales,
  );
}

/** A stream that returns `numbers` in turn. */
function scripted(numbers: number[]): () => number {
  let next = 0;
  return () => numbers[next++]!;
}

function figures(communes: number, replicates: number): ReplicateFigures {
  return {
    replicates,
    indices: new Float64Array(communes * replicates),
    ranks: new Int32Array(communes * replicates),
  };
}

describe("runReplicates", () => {
  it("draws each panel's forms in turn, tallies the drawn answers and ranks the rounded indices", () => {
    // Commune 1 has forms A and B, so a replicate draws A A, A B, B A or B B: ND01's mean is
    // 10/(2 × 5) = 1, 8/10 = 0.8 or 6/10 = 0.6, and the index 100, 80 or 60%. Commune 2 has one
    // form, B: its index is 60% in every replicate, yet it draws a number each time. A draw picks
    // form ⌊u × forms⌋, so u < 0.5 draws commune 1's first form.
    const communes = [commune([1, 2]), commune([2])];
    const out = figures(2, 4);
    const stream = [0.1, 0.2, 0.5, 0.3, 0.6, 0.5, 0.7, 0.4, 0.5, 0.9, 0.8, 0.5];
    runReplicates(communes, 0, 4, scripted(stream), out);
    expect([...out.indices]).toEqual([100, 80, 80, 60, 60, 60, 60, 60]);
    // The last replicate ties the two communes at 60%: both rank first.
    expect([...out.ranks]).toEqual([1, 1, 1, 1, 2, 2, 2, 1]);
  });

  it("fills only its own replicates, from where the stream stands", () => {
    const out = figures(2, 4);
    runReplicates([commune([1, 2]), commune([2])], 2, 4, scripted([0.7, 0.4, 0.5, 0.9, 0.8, 0.5]), out);
    expect([...out.indices]).toEqual([0, 0, 80, 60, 0, 0, 60, 60]);
    expect([...out.ranks]).toEqual([0, 0, 1, 1, 0, 0, 2, 1]);
  });

  it("keeps a leaf's observed points when a replicate draws no valid answer", () => {
    // Forms blank and A, 2 fixed points of 12, the leaf observed at 5 points: drawing blank twice
    // keeps them, (2 + 5)/12 → 58.33…%; blank and A give a mean of 5/(1 × 5) = 1, (2 + 10)/12 = 100%.
    const out = figures(1, 2);
    runReplicates([commune([0, 1], 2, 12, 5)], 0, 2, scripted([0.1, 0.2, 0.3, 0.8]), out);
    expect([...out.indices]).toEqual([(100 * 7) / 12, 100]);
  });
});

describe("replicateIntervals", () => {
  it("takes type-7 percentiles of each commune's replicate indices and ranks", () => {
    // Commune 1's indices, sorted: 60, 80, 80, 100. h = 3 × 0.025 = 0.075 → 60 + 0.075 × 20 = 61.5;
    // h = 3 × 0.975 = 2.925 → 80 + 0.925 × 20 = 98.5. Commune 2's ranks, sorted 1, 2, 2, 2:
    // ⌊1 + 0.075 × 1⌋ = 1 and ⌈2 + 0.925 × 0⌉ = 2.
    const out: ReplicateFigures = {
      replicates: 4,
      indices: Float64Array.from([100, 80, 80, 60, 60, 60, 60, 60]),
      ranks: Int32Array.from([1, 1, 1, 1, 2, 2, 2, 1]),
    };
    expect(replicateIntervals(out)).toEqual([
      { indexLow: 61.5, indexHigh: 98.5, rankLow: 1, rankHigh: 1 },
      { indexLow: 60, indexHigh: 60, rankLow: 1, rankHigh: 2 },
    ]);
  });
});

describe("HundredthsRanking", () => {
  it("gives competition ranks, higher first, at each commune's place in the replicate columns", () => {
    const scores = Int32Array.from([8567, 9000, 8567, 7000, 10000]);
    const ranks = new Int32Array(10);
    new HundredthsRanking().rank(scores, ranks, 1, 2);
    expect([...ranks]).toEqual([0, 3, 0, 2, 0, 3, 0, 5, 0, 1]);
  });

  it("agrees with competitionRanks, its tallies reused across replicates of other spreads", () => {
    const ranking = new HundredthsRanking();
    for (const scores of [[5, 5, 5], [10000, 0, 4, 10000, 9999], [-3, 7, -3, 2], [42]]) {
      const ranks = new Int32Array(scores.length);
      ranking.rank(Int32Array.from(scores), ranks, 0, 1);
      expect([...ranks]).toEqual([...competitionRanks(scores)]);
    }
  });
});

describe("bootstrapIntervals", () => {
  // 30 communes of 7 to 36 forms with answers to ND01 in a pattern (blank, A or B).
  const communes = Array.from({ length: 30 }, (_, c) =>
    commune(Array.from({ length: 7 + c }, (_, i) => (i * (c + 3) + c) % 3)),
  );

  it("gives the same intervals on one thread as shared among two or three", () => {
    const one = bootstrapIntervals(communes, 200, 2023, 1);
    // The intervals are not all points, or the comparison would say little.
    expect(one.some((interval) => interval.indexLow < interval.indexHigh)).toBe(true);
    expect(one.some((interval) => interval.rankLow < interval.rankHigh)).toBe(true);
    expect(bootstrapIntervals(communes, 200, 2023, 2)).toEqual(one);
    expect(bootstrapIntervals(communes, 200, 2023, 3)).toEqual(one);
  });
});

describe("shareBounds", () => {
  it("gives a later thread fewer replicates, as it first skips the draws of those before it", () => {
    // Weights 1 and 1 − 0.1 × 1 = 0.9: 1,000 × 1/1.9 = 526.3 → 526.
    expect(shareBounds(1000, 2)).toEqual([0, 526, 1000]);
    // Weights 1, 0.9 and 1 − 0.1 × 1.9 = 0.81, of 2.71: 369.0 → 369, 701.1 → 701.
    expect(shareBounds(1000, 3)).toEqual([0, 369, 701, 1000]);
    expect(shareBounds(1000, 1)).toEqual([0, 1000]);
  });
});
