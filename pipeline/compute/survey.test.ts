import { describe, expect, it } from "vitest";
import type { Question } from "../../schemas/questions.ts";
import { surveyLeafPoints, type SurveyTallies } from "./survey.ts";

/** One commune's tallies of three questions: only the two figures a leaf's points read. */
function tallies(coefficientSum: number[], meanDenominator: number[]): SurveyTallies {
  const none = new Uint32Array(3);
  return {
    questions: [{}, {}, {}] as Question[],
    scales: [],
    forms: none,
    valid: none,
    excluded: none,
    noAnswer: none,
    satisfied: none,
    coefficientSum: Float64Array.from(coefficientSum),
    meanDenominator: Float64Array.from(meanDenominator),
    optionCounts: none,
  };
}

describe("surveyLeafPoints", () => {
  it("gives max_points × the mean of the measured questions' means, in lowest terms", () => {
    // m = 3/4 and 1/2; the third question has no valid answer and is left out:
    // 3 points × (3/4 + 1/2) / 2 = 3 × 5/8 = 15/8.
    expect(surveyLeafPoints(30_000, tallies([3, 1, 0], [4, 2, 0]), 0, [0, 1, 2])).toEqual([15n, 8n]);
    expect(surveyLeafPoints(30_000, tallies([0, 0, 0], [0, 0, 0]), 0, [0, 1, 2])).toBeNull();
  });

  it("stays exact when the product of the denominators is beyond a double's integers", () => {
    // A million answers per question: m = 15,000,045 / 20,000,060 = 3/4, 15,000,001 / 30,000,002 =
    // 1/2 and 10,000,001 / 40,000,004 = 1/4, whose denominators multiply to 2.4·10²², far above 2⁵³.
    // 3 points × (3/4 + 1/2 + 1/4) / 3 = 3/2.
    const leaf = tallies([15_000_045, 15_000_001, 10_000_001], [20_000_060, 30_000_002, 40_000_004]);
    expect(surveyLeafPoints(30_000, leaf, 0, [0, 1, 2])).toEqual([3n, 2n]);
  });
});
