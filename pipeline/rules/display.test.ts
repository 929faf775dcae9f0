import { describe, expect, it } from "vitest";
import {
  capitalised,
  formatMaxima,
  formatPctPointChange,
  formatPointsOfMax,
  formatRankChange,
  maximaByType,
} from "./display.ts";

describe("how a published figure reads", () => {
  it("writes points on their maximum with two decimals each", () => {
    expect(formatPointsOfMax(10.79, 12)).toBe("10,79/12,00");
    expect(formatPointsOfMax(1248.5, 2000)).toBe("1.248,50/2.000,00");
  });

  it("gives every change its unit", () => {
    // Short forms keep the unit on the number's line: no-break spaces.
    expect(formatPctPointChange(9.97)).toBe("+9,97\u00a0điểm\u00a0%");
    expect(formatPctPointChange(0)).toBe("0,00\u00a0điểm\u00a0%");
    expect(formatPctPointChange(-0.4, "long")).toBe("−0,40 điểm phần trăm");
    expect(formatRankChange(2)).toBe("+2\u00a0bậc");
    expect(formatRankChange(-11)).toBe("−11\u00a0bậc");
  });

  it("states a domain's maximum per kind of unit only where the kinds differ", () => {
    const types = new Map([
      ["1", "xa"],
      ["2", "thi_tran"],
      ["3", "xa"],
    ] as const);
    const domain8 = [
      { commune_code: "2", max_points: 22 },
      { commune_code: "1", max_points: 22.5 },
      { commune_code: "3", max_points: 22.5 },
    ];
    expect(maximaByType(domain8, types)).toEqual([
      { type: "xa", max: 22.5 },
      { type: "thi_tran", max: 22 },
    ]);
    expect(formatMaxima(maximaByType(domain8, types))).toBe("22,50 (xã), 22,00 (thị trấn)");
    const shared = domain8.map((row) => ({ ...row, max_points: 12 }));
    expect(formatMaxima(maximaByType(shared, types))).toBe("12,00");
  });

  it("capitalises a label that opens a sentence, diacritics kept", () => {
    expect(capitalised("đánh giá của người dân")).toBe("Đánh giá của người dân");
  });
});
