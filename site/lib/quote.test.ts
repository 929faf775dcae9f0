import { describe, expect, it } from "vitest";
import { resultsRow } from "../../tests/support/published-rows.ts";
import { quoteSentence } from "./quote.ts";

const bands = [
  { code: "A", label: "Nhóm A", min_pct: 90 },
  { code: "B", label: "Nhóm B (từ 80% đến dưới 90%)", min_pct: 80 },
  { code: "C", label: "Nhóm C", min_pct: 0 },
];
const row = resultsRow({
  commune_name: "Xã Hồng Dụ",
  index_pct: 85.67,
  rank: 5,
  rank_low: 3,
  rank_high: 8,
  band: "B",
});

describe("quoteSentence", () => {
  it("reads as the sentence a journalist can quote", () => {
    expect(quoteSentence(2023, row, 20, bands)).toBe(
      "Năm 2023, Chỉ số CCHC của Xã Hồng Dụ đạt 85,67%, xếp thứ 5/20 (khoảng hạng 3–8), nhóm B.",
    );
  });

  it("leaves out the rank range when it is a single rank", () => {
    const sure = { ...row, index_pct: 92.3, rank: 1, rank_low: 1, rank_high: 1, band: "A" };
    expect(quoteSentence(2023, sure, 20, bands)).toBe(
      "Năm 2023, Chỉ số CCHC của Xã Hồng Dụ đạt 92,30%, xếp thứ 1/20, nhóm A.",
    );
  });
});
