import { describe, expect, it } from "vitest";
import type { ResultsRow } from "../../schemas/published.ts";
import { communesPerBand, lostPoints, meanOfIndices, positions } from "./summary.ts";

const withIndex = (index_pct: number, band = "B") => ({ index_pct, band }) as ResultsRow;

describe("summaries of published figures", () => {
  it("takes the plain mean of the published indices, rounded half away from zero", () => {
    // (85.67 + 90.05 + 78.9) / 3 = 254.62 / 3 = 84.8733… → 84.87
    expect(meanOfIndices([withIndex(85.67), withIndex(90.05), withIndex(78.9)])).toBe(84.87);
    // (80.01 + 80.02) / 2 = 80.015 exactly in hundredths (16003 / 2 = 8001.5) → 80.02
    expect(meanOfIndices([withIndex(80.01), withIndex(80.02)])).toBe(80.02);
  });

  it("counts communes per band, listing empty bands too", () => {
    const bands = [
      { code: "A", label: "Nhóm A", min_pct: 90 },
      { code: "B", label: "Nhóm B", min_pct: 80 },
      { code: "C", label: "Nhóm C", min_pct: 0 },
    ];
    expect(communesPerBand([withIndex(91, "A"), withIndex(85), withIndex(86)], bands)).toEqual([
      { code: "A", count: 1 },
      { code: "B", count: 2 },
      { code: "C", count: 0 },
    ]);
  });

  it("subtracts without float noise: 2.3 − 0.75 = 1.55", () => {
    expect(lostPoints({ max_points: 2.3, points: 0.75 })).toBe(1.55);
  });

  it("gives equal values the same position and skips the next (1, 2, 2, 4)", () => {
    expect(positions([92.35, 90.1, 90.1, 88])).toEqual([1, 2, 2, 4]);
  });
});
