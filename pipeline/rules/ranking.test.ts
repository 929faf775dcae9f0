import { describe, expect, it } from "vitest";
import { bandFor, competitionRanks } from "./ranking.ts";

describe("competitionRanks", () => {
  it("gives equal values the best rank and skips the next (1, 2, 2, 4)", () => {
    expect([...competitionRanks([85.67, 92.5, 85.67, 70])]).toEqual([2, 1, 2, 4]);
    expect([...competitionRanks([90, 90, 89.99])]).toEqual([1, 1, 3]);
  });

  it("ranks published figures already sorted best first, as the domain page lists them", () => {
    expect([...competitionRanks([92.35, 90.1, 90.1, 88])]).toEqual([1, 2, 2, 4]);
  });
});

describe("bandFor", () => {
  const bands = [
    { code: "A", label: "Nhóm A", min_pct: 90 },
    { code: "B", label: "Nhóm B", min_pct: 80 },
    { code: "C", label: "Nhóm C", min_pct: 0 },
  ];
  it("takes the first band whose minimum the published index reaches", () => {
    expect(bandFor(90, bands).code).toBe("A");
    expect(bandFor(89.99, bands).code).toBe("B");
    expect(bandFor(80, bands).code).toBe("B");
    expect(bandFor(0, bands).code).toBe("C");
  });
});
