import { describe, expect, it } from "vitest";
import { resultsRow } from "../../tests/support/published-rows.ts";
import { communesPerBand } from "./summary.ts";

const withIndex = (index_pct: number, band = "B") => resultsRow({ index_pct, band });

describe("summaries of published figures", () => {
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
});
