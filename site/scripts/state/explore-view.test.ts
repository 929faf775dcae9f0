import { describe, expect, it } from "vitest";
import { crossView, distributionView, downloadBaseName, share } from "./explore-view.ts";
import type { ExploreState } from "./explore.ts";

const question = {
  id: "ND01",
  panel: "citizens" as const,
  text: "Thủ tục có dễ hiểu không?",
  options: [
    { option: "1", label: "Có" },
    { option: "2", label: "Không" },
    { option: "3", label: "Không rõ" },
  ],
};
const second = {
  id: "ND02",
  panel: "citizens" as const,
  text: "Cán bộ có lịch sự không?",
  options: [
    { option: "1", label: "Có" },
    { option: "2", label: "Không" },
  ],
};
const state: ExploreState = {
  panel: "citizens",
  question: "ND01",
  commune: "11215",
  answer: null,
  crossQuestion: "ND02",
};

describe("share", () => {
  it("gives a share of the total to one decimal, and a dash for no total", () => {
    expect(share(12, 48)).toBe("25,0%");
    expect(share(1, 3)).toBe("33,3%");
    expect(share(0, 0)).toBe("—");
  });
});

describe("distributionView", () => {
  it("titles the chart with the most chosen answer and lists every option, zero where none chose it", () => {
    const view = distributionView(
      state,
      question,
      [
        { option: "1", option_label: "Có", count: 30 },
        { option: "2", option_label: "Không", count: 10 },
      ],
      { forms: 1250, no_answer: 2 },
      "Xã Hồng Dụ",
      "huyện",
    );
    expect(view.title).toBe("75,0% câu trả lời của người dân, tổ chức (Xã Hồng Dụ) chọn “Có”");
    expect(view.bars.map((bar) => [bar.label, bar.count, bar.text])).toEqual([
      ["1. Có", 30, "30 (75,0%)"],
      ["2. Không", 10, "10 (25,0%)"],
      ["3. Không rõ", 0, "0 (0,0%)"],
    ]);
    expect(view.caption).toBe(
      "Câu ND01: Thủ tục có dễ hiểu không? – Xã Hồng Dụ, 1.250 phiếu, 2 phiếu bỏ trống câu này",
    );
    expect(view.rows.at(-1)).toEqual({ label: "Tổng", count: "40", share: "100,0%", chosen: false });
  });

  it("marks the chosen answer, and says when nobody answered", () => {
    const view = distributionView(
      { ...state, answer: "2" },
      question,
      [],
      { forms: 0, no_answer: 0 },
      "toàn huyện",
      "huyện",
    );
    expect(view.title).toBe("Chưa có câu trả lời nào cho câu ND01 (toàn huyện)");
    expect(view.bars.filter((bar) => bar.highlighted).map((bar) => bar.label)).toEqual(["2. Không"]);
    expect(view.rows.at(-1)?.share).toBe("—");
  });

  it("names the officials of the issuing area: a province's, not a district's", () => {
    const answers = [{ option: "1", option_label: "Có", count: 3 }];
    const view = distributionView(
      { ...state, panel: "officials" },
      question,
      answers,
      { forms: 3, no_answer: 0 },
      "toàn tỉnh",
      "tỉnh",
    );
    expect(view.title).toBe("100,0% câu trả lời của cán bộ, lãnh đạo tỉnh (toàn tỉnh) chọn “Có”");
  });
});

describe("crossView", () => {
  it("adds row and column totals to the counts of each pair, keeping only the chosen answer's row", () => {
    const counts = [
      { row_option: "1", column_option: "1", count: 20 },
      { row_option: "1", column_option: "2", count: 5 },
      { row_option: "2", column_option: "2", count: 7 },
    ];
    const all = crossView(state, question, second, counts, "Xã Hồng Dụ");
    expect(all.corner).toBe("ND01 \\ ND02");
    expect(all.rows.map((row) => [row.label, row.cells.map((cell) => cell.count)])).toEqual([
      ["1. Có", [20, 5, 25]],
      ["2. Không", [0, 7, 7]],
      ["3. Không rõ", [0, 0, 0]],
      ["Tổng", [20, 12, 32]],
    ]);
    expect(all.caption).toContain("32 phiếu trả lời cả hai câu");
    const one = crossView({ ...state, answer: "1" }, question, second, counts.slice(0, 2), "Xã Hồng Dụ");
    expect(one.rows.map((row) => row.option)).toEqual(["1", "total"]);
    expect(one.rows.at(-1)?.cells.map((cell) => cell.count)).toEqual([20, 5, 25]);
  });
});

describe("downloadBaseName", () => {
  it("names the filters in the file name, leaving out the empty ones", () => {
    expect(downloadBaseName(2023, { ...state, answer: "2" })).toBe("kham-pha-2023-nguoi-dan-ND01-11215-2");
    expect(downloadBaseName(2023, { ...state, panel: "officials", commune: null })).toBe(
      "kham-pha-2023-can-bo-ND01",
    );
  });
});
