import { describe, expect, it } from "vitest";
import { rankRange, rankRangePhrase, unitKind } from "./wording.ts";

describe("wording", () => {
  it("writes a rank range of one place as that place, never 20–20", () => {
    expect(rankRange({ rank_low: 20, rank_high: 20 })).toBe("20");
    expect(rankRange({ rank_low: 3, rank_high: 8 })).toBe("3–8");
    expect(rankRangePhrase({ rank_low: 1, rank_high: 1 })).toBe(
      "hạng không đổi khi tính đến sai số của khảo sát",
    );
    expect(rankRangePhrase({ rank_low: 3, rank_high: 8 })).toBe("có thể từ hạng 3 đến hạng 8");
  });

  it("names the kind of unit", () => {
    expect(unitKind({ commune_type: "thi_tran" })).toBe("thị trấn");
    expect(unitKind({ commune_type: "xa" })).toBe("xã");
  });
});
