import { describe, expect, it } from "vitest";
import { groupSummary } from "./groups.ts";

const unit = (group: string | null, numerator: bigint, denominator: bigint) => ({
  commune: { group },
  index_pct: [numerator, denominator] as const,
});

describe("group averages", () => {
  it("averages each group's full-precision indices, rounds once, groups in Vietnamese order", () => {
    const summary = groupSummary([
      unit("Huyện cũ Bình Giang", 90n, 1n),
      // 2000/24 = 83,3333… (published 83,33) and 2001/24 = 83,375 (published 83,38): the mean of the
      // exact indices is 4001/48 = 83,3541… → 83,35, where the mean of the published ones would be
      // 83,355 → 83,36.
      unit("Huyện cũ Ân Thi", 2000n, 24n),
      unit("Huyện cũ Ân Thi", 2001n, 24n),
      // No group: in no average.
      unit(null, 10n, 1n),
      unit("", 10n, 1n),
    ]);
    expect(summary).toEqual([
      { group: "Huyện cũ Ân Thi", communes: 2, index_pct: 83.35 },
      { group: "Huyện cũ Bình Giang", communes: 1, index_pct: 90 },
    ]);
  });

  it("publishes no summary when no unit has a group", () => {
    expect(groupSummary([unit(null, 85n, 1n), unit("", 80n, 1n)])).toBeNull();
  });
});
