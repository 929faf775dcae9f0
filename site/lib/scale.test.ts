import { describe, expect, it } from "vitest";
import type { ResultsRow } from "../../schemas/published.ts";
import { atScale, indexSteps, rankingEnds, rankingFilters } from "./scale.ts";

function row(
  code: string,
  name: string,
  index_pct: number,
  rank: number,
  band: string,
  town = false,
): ResultsRow {
  return {
    commune_code: code,
    commune_name: name,
    commune_type: town ? "thi_tran" : "xa",
    index_pct,
    rank,
    band,
  } as ResultsRow;
}

const bands = [
  { code: "A", label: "Nhóm A", min_pct: 90 },
  { code: "B", label: "Nhóm B", min_pct: 80 },
  { code: "C", label: "Nhóm C", min_pct: 0 },
];

describe("a group's average beside the area's", () => {
  it("says the chosen group's published average, with its units, and the area's", () => {
    const rows = [
      { ...row("1", "Xã A", 95, 1, "A"), unit_group: "Huyện cũ Tứ Kỳ" },
      { ...row("2", "Xã B", 90, 2, "A"), unit_group: "Huyện cũ Ninh Giang" },
      { ...row("3", "Xã C", 84, 3, "B"), unit_group: "Huyện cũ Tứ Kỳ" },
    ];
    // The published figures, formatted only: Tứ Kỳ (95 + 84) / 2 = 89,5; the area (95 + 90 + 84) / 3 = 89,666… → 89,67.
    const averages = {
      groups: [
        { group: "Huyện cũ Ninh Giang", communes: 1, index_pct: 90 },
        { group: "Huyện cũ Tứ Kỳ", communes: 2, index_pct: 89.5 },
      ],
      areaAverage: 89.67,
      averageLabel: "trung bình tỉnh",
    };
    const [group] = rankingFilters(rows, averages);
    expect(group?.options.map((option) => option.note)).toEqual([
      "Chỉ số bình quân của Huyện cũ Ninh Giang (1 đơn vị): 90,00%; trung bình tỉnh 89,67%.",
      "Chỉ số bình quân của Huyện cũ Tứ Kỳ (2 đơn vị): 89,50%; trung bình tỉnh 89,67%.",
    ]);
    expect(rankingFilters(rows)[0]?.options.some((option) => "note" in option)).toBe(false);
  });
});

describe("when a year has too many units to list", () => {
  it("lists up to 40, summarises from 41", () => {
    expect(atScale(new Array(40))).toBe(false);
    expect(atScale(new Array(41))).toBe(true);
  });
});

describe("the ends of the ranking", () => {
  it("takes five at each end, worst last, ties in name order", () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      row(`0${i + 10}`, `Xã ${String.fromCharCode(77 - i)}`, 90 - i, i + 1, "B"),
    );
    // Rank 1 shared by two units (rank 4 is then no one's): name order puts Xã A before Xã M.
    rows[3] = row("013", "Xã A", 90, 1, "B");
    const { top, bottom } = rankingEnds(rows);
    expect(top.map((r) => r.commune_name)).toEqual(["Xã A", "Xã M", "Xã L", "Xã K", "Xã I"]);
    expect(bottom.map((r) => r.rank)).toEqual([8, 9, 10, 11, 12]);
  });

  it("never shows a unit at both ends", () => {
    const rows = [row("1", "Xã A", 95, 1, "A"), row("2", "Xã B", 90, 2, "A"), row("3", "Xã C", 85, 3, "B")];
    const { top, bottom } = rankingEnds(rows);
    expect(top.map((r) => r.commune_code)).toEqual(["1"]);
    expect(bottom.map((r) => r.commune_code)).toEqual(["3"]);
  });
});

describe("the distribution by 5-point step", () => {
  it("counts each band in each step, highest step first, empty steps between kept", () => {
    const rows = [
      row("1", "Xã A", 100, 1, "A"),
      row("2", "Xã B", 95, 2, "A"),
      row("3", "Xã C", 89.99, 3, "B"),
      row("4", "Xã D", 87.5, 4, "B"),
      row("5", "Xã E", 74.99, 5, "C"),
    ];
    expect(indexSteps(rows, bands)).toEqual([
      { from: 95, bands: [{ code: "A", count: 2 }], total: 2 },
      { from: 90, bands: [], total: 0 },
      { from: 85, bands: [{ code: "B", count: 2 }], total: 2 },
      { from: 80, bands: [], total: 0 },
      { from: 75, bands: [], total: 0 },
      { from: 70, bands: [{ code: "C", count: 1 }], total: 1 },
    ]);
  });
});

describe("the full ranking's filters", () => {
  it("offers the unit types with their counts when there are two", () => {
    const rows = [
      row("1", "Xã A", 95, 1, "A"),
      row("2", "Thị trấn B", 90, 2, "A", true),
      row("3", "Xã C", 85, 3, "B"),
    ];
    const [type, ...others] = rankingFilters(rows);
    expect(others).toEqual([]);
    expect(type?.name).toBe("loai");
    expect(type?.options).toEqual([
      { value: "thi_tran", label: "Thị trấn", count: 1 },
      { value: "xa", label: "Xã", count: 2 },
    ]);
  });

  it("offers the groups, a unit without one as such, when the units have more than one", () => {
    const rows = [
      { ...row("1", "Xã A", 95, 1, "A"), unit_group: "Huyện cũ Tứ Kỳ" },
      { ...row("2", "Xã B", 90, 2, "A"), unit_group: "Huyện cũ Ninh Giang" },
      { ...row("3", "Xã C", 85, 3, "B"), unit_group: "Huyện cũ Tứ Kỳ" },
      { ...row("4", "Xã D", 80, 4, "B"), unit_group: null },
    ];
    const [group, ...others] = rankingFilters(rows);
    expect(others).toEqual([]);
    expect(group?.name).toBe("nhom");
    expect(group?.options).toEqual([
      { value: "Huyện cũ Ninh Giang", label: "Huyện cũ Ninh Giang", count: 1 },
      { value: "Huyện cũ Tứ Kỳ", label: "Huyện cũ Tứ Kỳ", count: 2 },
      { value: "", label: "Không thuộc nhóm nào", count: 1 },
    ]);
    expect(group?.value(rows[3] as ResultsRow)).toBe("");
  });

  it("offers none when every unit is of one type", () => {
    expect(rankingFilters([row("1", "Xã A", 95, 1, "A"), row("3", "Xã C", 85, 3, "B")])).toEqual([]);
  });
});
