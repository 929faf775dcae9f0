import { describe, expect, it } from "vitest";
import type { DomainsRow, ResultsRow } from "../../schemas/published.ts";
import { buildBulletin, bulletinPlainText, bulletinSpokenText, speakText } from "./bulletin.ts";
import type { BulletinInput, BulletinSentence, BulletinTopic } from "./bulletin.ts";

function result(
  code: string,
  commune_name: string,
  index_pct: number,
  rank: number,
  band: string,
  more: Partial<ResultsRow> = {},
): ResultsRow {
  return {
    commune_code: code,
    commune_name,
    commune_type: commune_name.startsWith("Thị trấn") ? "thi_tran" : "xa",
    index_pct,
    rank,
    band,
    points: index_pct,
    max_points: 100,
    appraisal_points: 0,
    survey_points: 0,
    self_points: 0,
    self_gap: 0,
    lowered_leaves: 0,
    satisfaction_pct: null,
    index_ci_low: index_pct,
    index_ci_high: index_pct,
    rank_low: rank,
    rank_high: rank,
    n_citizens: 60,
    n_officials: 48,
    index_change: null,
    rank_change: null,
    unit_group: null,
    predecessors: null,
    formed_on: null,
    ...more,
  };
}

function domain(domain_id: string, domain_name: string, district_avg_pct: number): DomainsRow {
  return {
    commune_code: "00001",
    commune_name: "Xã An",
    domain_id,
    domain_name,
    points: 0,
    max_points: 10,
    pct: 0,
    domain_rank: 1,
    district_avg_pct,
    district_avg_points: district_avg_pct / 10,
    district_avg_gap: -district_avg_pct,
    pct_change: null,
  };
}

const manifest: BulletinInput["manifest"] = {
  year: 2023,
  status: "official",
  version: "1.2.0",
  province: { code: "30", name: "Tỉnh Hải Dương" },
  district: { code: "299", name: "Huyện Ninh Giang" },
  bands: [
    { code: "A", label: "Nhóm A", min_pct: 90 },
    { code: "B", label: "Nhóm B", min_pct: 80 },
    { code: "C", label: "Nhóm C", min_pct: 0 },
  ],
  // The pipeline publishes these from full-precision values; here they are simply given.
  // index_change: 85.53 − 85.72 = −0.19, the previous year's published average below.
  // citizens_forms: 60 + 58 + 60 + 60 + 55 + 60 + 60 = 413, the results' n_citizens below.
  district_summary: {
    communes: 7,
    index_pct: 85.53,
    satisfaction_pct: 81.37,
    index_change: -0.19,
    citizens_forms: 413,
    satisfaction_elements: [],
  },
  // The year the changes are against, as the manifest publishes it.
  parameters: { previous_year: 2022 },
};
const previousDistrict = {
  communes: 6,
  index_pct: 85.72,
  satisfaction_pct: 80,
  index_change: null,
  citizens_forms: 360,
  satisfaction_elements: [],
};
/** The date of data version 1.2.0. */
const dataDate = "2024-04-02";

// Seven units: a tie on second place, a tie on the last place, one unit new this year (no change),
// two equal rises, one unchanged.
const results: ResultsRow[] = [
  result("00001", "Xã An", 92.5, 1, "A", {
    satisfaction_pct: 88,
    index_change: 3.1,
    rank_low: 1,
    rank_high: 2,
  }),
  result("00002", "Xã Bình", 90, 2, "A", { satisfaction_pct: 85.5, index_change: 1, n_citizens: 58 }),
  result("00003", "Xã Cường", 90, 2, "A", { satisfaction_pct: 80.25, index_change: 3.1 }),
  result("00004", "Xã Dân", 85.05, 4, "B", { satisfaction_pct: 79.75, index_change: -0.5 }),
  result("00005", "Thị trấn Giang", 81.2, 5, "B", { satisfaction_pct: 75, index_change: 0, n_citizens: 55 }),
  result("00006", "Xã Hà", 79.99, 6, "C", { satisfaction_pct: 70.1, index_change: -2.25 }),
  result("00007", "Xã Ích", 79.99, 6, "C", { satisfaction_pct: 91 }),
];
const previousResults: ResultsRow[] = [
  result("00001", "Xã An", 89.4, 1, "B"),
  result("00002", "Xã Bình", 89, 2, "B"),
  result("00003", "Xã Cường", 86.9, 3, "B"),
  result("00004", "Xã Dân", 85.55, 4, "B"),
  result("00005", "Thị trấn Giang", 81.2, 6, "B"),
  result("00006", "Xã Hà", 82.24, 5, "B"),
];
const domains: DomainsRow[] = [
  domain("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 88.1),
  domain("2", "Cải cách tài chính công", 75.4),
  domain("3", "Cải cách chế độ công vụ", 80),
];

const bulletin = buildBulletin({
  manifest,
  results,
  domains,
  previousResults,
  previousDistrict,
  dataDate,
});
const about = (topic: BulletinTopic): BulletinSentence[] =>
  bulletin.sentences.filter((s) => s.topic === topic);
const texts = (topic: BulletinTopic) => about(topic).map((s) => s.text);

describe("district figures", () => {
  it("reads the district average the pipeline published", () => {
    const [average] = about("average");
    expect(average?.text).toBe(
      "Năm 2023, Chỉ số cải cách hành chính bình quân của 7 xã, thị trấn huyện Ninh Giang đạt 85,53%.",
    );
    expect(average?.spoken).toBe(
      "Năm hai nghìn không trăm hai mươi ba, Chỉ số cải cách hành chính bình quân của bảy xã, thị trấn " +
        "huyện Ninh Giang đạt tám mươi lăm phẩy năm mươi ba phần trăm.",
    );
    expect(average?.source).toEqual({ path: "/", label: "Trang chủ: xếp hạng các xã, thị trấn" });
  });

  it("links the home page by the kinds of unit present: a province's wards, never a district's thị trấn", () => {
    const { district: _, ...province } = manifest;
    const wards = buildBulletin({
      manifest: province,
      results: results.map((row) => ({ ...row, commune_type: "phuong" as const })),
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    const labels = new Set(wards.sentences.filter((s) => s.source.path === "/").map((s) => s.source.label));
    expect([...labels]).toEqual(["Trang chủ: xếp hạng các phường"]);
  });

  it("compares with last year's published average as said", () => {
    // Change: 85.53 − 85.72 = −0.19.
    expect(texts("average-change")).toEqual([
      "Mức này giảm 0,19 điểm phần trăm so với năm 2022, khi chỉ số bình quân là 85,72%.",
    ]);
    expect(about("average-change")[0]?.spoken).toBe(
      "Mức này giảm không phẩy mười chín điểm phần trăm so với năm hai nghìn không trăm hai mươi hai, " +
        "khi chỉ số bình quân là tám mươi lăm phẩy bảy mươi hai phần trăm.",
    );
  });

  it("counts units per band, with each band's range", () => {
    // A: An, Bình, Cường; B: Dân, Giang; C: Hà, Ích.
    expect(texts("bands")).toEqual([
      "Xếp theo nhóm: 3 đơn vị thuộc Nhóm A (từ 90% trở lên); 2 đơn vị thuộc Nhóm B (từ 80% đến dưới 90%); " +
        "và 2 đơn vị thuộc Nhóm C (dưới 80%).",
    ]);
    expect(about("bands")[0]?.spoken).toBe(
      "Xếp theo nhóm: ba đơn vị thuộc Nhóm A, từ chín mươi phần trăm trở lên; hai đơn vị thuộc Nhóm B, " +
        "từ tám mươi phần trăm đến dưới chín mươi phần trăm; và hai đơn vị thuộc Nhóm C, dưới tám mươi phần trăm.",
    );
  });
});

describe("every unit on air", () => {
  it("names each band's members, best first, in one sentence per band", () => {
    expect(texts("band-members")).toEqual([
      "Nhóm A gồm Xã An, Xã Bình và Xã Cường.",
      "Nhóm B gồm Xã Dân và Thị trấn Giang.",
      "Nhóm C gồm Xã Hà và Xã Ích.",
    ]);
  });

  it("mentions every one of the seven units, the town included, in the spoken bulletin", () => {
    const spoken = bulletin.sentences.map((s) => s.spoken).join(" ");
    for (const row of results) expect(spoken, row.commune_name).toContain(row.commune_name);
  });

  it("says 'có một đơn vị' for a band of one, and leaves out an empty band", () => {
    const lone = buildBulletin({
      manifest,
      results: [result("00001", "Xã An", 92.5, 1, "A"), result("00002", "Xã Bình", 70, 2, "C")],
      domains: [],
      previousResults: null,
      previousDistrict: null,
      dataDate,
    });
    expect(lone.sentences.filter((s) => s.topic === "band-members").map((s) => s.text)).toEqual([
      "Nhóm A có một đơn vị: Xã An.",
      "Nhóm C có một đơn vị: Xã Bình.",
    ]);
  });
});

describe("a year with more units than the bulletin names", () => {
  /** `n` units ranked 1…n, the i-th at 100 − i %: Nhóm A 99–90, Nhóm B 89–80, Nhóm C from 79 down. */
  function units(n: number): ResultsRow[] {
    return Array.from({ length: n }, (_, index) => {
      const rank = index + 1;
      const pct = 100 - rank;
      const name = rank === 16 ? "Xã Giữa Bảng" : `Xã Thứ ${rank}`;
      return result(String(rank).padStart(5, "0"), name, pct, rank, pct >= 90 ? "A" : pct >= 80 ? "B" : "C");
    });
  }
  const of = (n: number) =>
    buildBulletin({
      manifest,
      results: units(n),
      domains: [],
      previousResults: null,
      previousDistrict: null,
      dataDate,
    });

  it("names every unit up to 30", () => {
    const thirty = of(30);
    expect(thirty.sentences.filter((s) => s.topic === "band-members")).toHaveLength(3);
    expect(thirty.sentences.some((s) => s.topic === "band-spread")).toBe(false);
    expect(thirty.sentences.map((s) => s.text).join(" ")).toContain("Xã Giữa Bảng");
  });

  it("from 31, counts each group's units per band, groups in Vietnamese order", () => {
    // Units 1–15 in Tứ Kỳ (10 of Nhóm A, 5 of Nhóm B), 16–31 in Đông Triều (5 B, 11 C).
    const grouped = units(31).map((row) => ({
      ...row,
      unit_group: Number(row.rank) <= 15 ? "Huyện cũ Tứ Kỳ" : "Huyện cũ Đông Triều",
    }));
    const bulletin31 = buildBulletin({
      manifest,
      results: grouped,
      domains: [],
      previousResults: null,
      previousDistrict: null,
      dataDate,
    });
    expect(bulletin31.sentences.filter((s) => s.topic === "group-bands").map((s) => s.text)).toEqual([
      "Huyện cũ Đông Triều có 16 đơn vị: 5 thuộc Nhóm B, 11 thuộc Nhóm C.",
      "Huyện cũ Tứ Kỳ có 15 đơn vị: 10 thuộc Nhóm A, 5 thuộc Nhóm B.",
    ]);
    expect(of(31).sentences.some((s) => s.topic === "group-bands")).toBe(false);
  });

  it("says each group's average where the pipeline published it", () => {
    const grouped = units(31).map((row) => ({
      ...row,
      unit_group: Number(row.rank) <= 15 ? "Huyện cũ Tứ Kỳ" : "Huyện cũ Đông Triều",
    }));
    // Tứ Kỳ: units at 99 … 85 %, mean 92 %; Đông Triều: 84 … 69 %, mean 76,5 % (as published).
    const group_summary = [
      { group: "Huyện cũ Đông Triều", communes: 16, index_pct: 76.5 },
      { group: "Huyện cũ Tứ Kỳ", communes: 15, index_pct: 92 },
    ];
    const withAverages = buildBulletin({
      manifest: { ...manifest, group_summary },
      results: grouped,
      domains: [],
      previousResults: null,
      previousDistrict: null,
      dataDate,
    });
    const [first] = withAverages.sentences.filter((s) => s.topic === "group-bands");
    expect(first?.text).toBe(
      "Huyện cũ Đông Triều có 16 đơn vị, chỉ số bình quân 76,50%: 5 thuộc Nhóm B, 11 thuộc Nhóm C.",
    );
    expect(first?.spoken).toContain("chỉ số bình quân bảy mươi sáu phẩy năm phần trăm:");
  });

  it("from 31, says each band's spread instead and names only the ends of the ranking", () => {
    const bulletin31 = of(31);
    expect(bulletin31.sentences.some((s) => s.topic === "band-members")).toBe(false);
    expect(bulletin31.sentences.filter((s) => s.topic === "band-spread").map((s) => s.text)).toEqual([
      "Nhóm A: chỉ số từ 90,00% đến 99,00%.",
      "Nhóm B: chỉ số từ 80,00% đến 89,00%.",
      "Nhóm C: chỉ số từ 69,00% đến 79,00%.",
    ]);
    expect(bulletin31.sentences.find((s) => s.topic === "band-spread")?.spoken).toBe(
      "Nhóm A: chỉ số từ chín mươi phần trăm đến chín mươi chín phần trăm.",
    );
    expect(bulletin31.sentences.map((s) => s.spoken).join(" ")).not.toContain("Xã Giữa Bảng");
    expect(bulletin31.sentences.filter((s) => s.topic === "top").map((s) => s.text)[0]).toBe(
      "Đứng đầu là Xã Thứ 1, đạt 99,00%.",
    );
  });
});

describe("ranking", () => {
  it("names the top places, ties as đồng hạng", () => {
    expect(texts("top")).toEqual([
      "Đứng đầu là Xã An, đạt 92,50%.",
      "Đồng hạng nhì là Xã Bình và Xã Cường, cùng đạt 90,00%.",
    ]);
    expect(about("top")[1]?.spoken).toBe(
      "Đồng hạng nhì là Xã Bình và Xã Cường, cùng đạt chín mươi phần trăm.",
    );
    expect(about("top")[0]?.source).toEqual({ path: "/xa/an/", label: "Xã An" });
  });

  it("says how sure the first place is", () => {
    expect(texts("top-certainty")).toEqual([
      "Tính cả sai số của khảo sát, Xã An có thể xếp từ thứ 1 đến thứ 2.",
    ]);
    expect(about("top-certainty")[0]?.spoken).toBe(
      "Tính cả sai số của khảo sát, Xã An có thể xếp từ thứ nhất đến thứ hai.",
    );
  });

  it("names the bottom three from the last place up", () => {
    expect(texts("bottom")).toEqual([
      "Xếp cuối là Xã Hà và Xã Ích, đồng hạng 6/7 với 79,99%.",
      "Xếp thứ 5/7 là Thị trấn Giang, đạt 81,20%.",
    ]);
    expect(about("bottom")[1]?.spoken).toBe(
      "Xếp thứ năm trên bảy là Thị trấn Giang, đạt tám mươi mốt phẩy hai phần trăm.",
    );
    expect(about("bottom")[1]?.source.path).toBe("/xa/thi-tran-giang/");
  });

  it("keeps every unit tied on third place", () => {
    const tied = buildBulletin({
      manifest,
      results: [
        result("1", "Xã An", 95, 1, "A"),
        result("2", "Xã Bình", 94, 2, "A"),
        result("3", "Xã Cường", 93, 3, "A"),
        result("4", "Xã Dân", 93, 3, "A"),
        result("5", "Xã Hà", 70, 5, "C"),
      ],
      domains: [],
      previousResults: null,
      previousDistrict: null,
      dataDate,
    });
    const top = tied.sentences.filter((s) => s.topic === "top").map((s) => s.text);
    expect(top).toEqual([
      "Đứng đầu là Xã An, đạt 95,00%.",
      "Thứ hai là Xã Bình, đạt 94,00%.",
      "Đồng hạng ba là Xã Cường và Xã Dân, cùng đạt 93,00%.",
    ]);
    // Only Xã Hà is left for the bottom: no unit is named twice.
    expect(tied.sentences.filter((s) => s.topic === "bottom").map((s) => s.text)).toEqual([
      "Xếp cuối là Xã Hà, đạt 70,00%.",
    ]);
    // A sole leader whose rank range is 1–1 is said to stay first.
    expect(tied.sentences.find((s) => s.topic === "top-certainty")?.text).toBe(
      "Tính cả sai số của khảo sát, Xã An vẫn đứng đầu.",
    );
    // Without a previous year: no change sentences at all.
    expect(
      tied.sentences.some((s) => ["average-change", "changes-count", "rise", "fall"].includes(s.topic)),
    ).toBe(false);
  });
});

describe("changes against the previous year", () => {
  it("names the previous year the manifest publishes, not the year before by arithmetic", () => {
    // 2021 published as the year compared with (2022 was skipped).
    const skipped = buildBulletin({
      manifest: { ...manifest, parameters: { previous_year: 2021 } },
      results,
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    const said = skipped.sentences.filter((s) => ["average-change", "changes-count"].includes(s.topic));
    expect(said.map((s) => s.text.match(/năm (\d+)/)?.[1])).toEqual(["2021", "2021"]);
  });

  it("counts units that rose, stayed and fell (a new unit is not compared)", () => {
    // Rose: An, Bình, Cường; unchanged: Giang; fell: Dân, Hà; Ích has no 2022 figure.
    expect(texts("changes-count")).toEqual([
      "So với năm 2022, 3 đơn vị tăng chỉ số; 1 đơn vị giữ nguyên và 2 đơn vị giảm.",
    ]);
  });

  it("names the biggest rises and falls, equal rises together", () => {
    expect(texts("rise")).toEqual([
      "Xã An và Xã Cường cùng tăng nhiều nhất: 3,10 điểm phần trăm.",
      "Xã Bình tăng 1,00 điểm phần trăm, lên 90,00%.",
    ]);
    expect(texts("fall")).toEqual([
      "Xã Hà giảm nhiều nhất: 2,25 điểm phần trăm, còn 79,99%.",
      "Xã Dân giảm 0,50 điểm phần trăm, còn 85,05%.",
    ]);
    expect(about("fall")[0]?.spoken).toBe(
      "Xã Hà giảm nhiều nhất: hai phẩy hai mươi lăm điểm phần trăm, còn bảy mươi chín phẩy chín mươi chín phần trăm.",
    );
  });
});

describe("satisfaction and domains", () => {
  it("gives the satisfaction headline with the number of people surveyed", () => {
    // People: the published citizens' forms (413). The mean is the published district figure (81.37).
    expect(texts("satisfaction")).toEqual([
      "Khảo sát 413 người dân, tổ chức cho thấy mức độ hài lòng bình quân của các đơn vị là 81,37%.",
    ]);
    expect(texts("satisfaction-high")).toEqual(["Mức hài lòng cao nhất là ở Xã Ích, với 91,00%."]);
    expect(texts("satisfaction-low")).toEqual(["Thấp nhất là ở Xã Hà, với 70,10%."]);
  });

  it("says the published number of forms, never a sum of its own", () => {
    // 420 forms published, though the units' rows here add up to 413: the bulletin only reads.
    const published = buildBulletin({
      manifest: { ...manifest, district_summary: { ...manifest.district_summary, citizens_forms: 420 } },
      results,
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    expect(published.sentences.find((s) => s.topic === "satisfaction")?.text).toMatch(/^Khảo sát 420 người/);
  });

  it("names the strongest and weakest domain, linked to its page", () => {
    expect(texts("domain-high")).toEqual([
      "Xét theo lĩnh vực, các đơn vị đạt tỷ lệ điểm bình quân cao nhất, 88,10%, ở lĩnh vực " +
        "“Công tác chỉ đạo, điều hành cải cách hành chính”.",
    ]);
    expect(about("domain-low")[0]).toEqual({
      topic: "domain-low",
      text: "Thấp nhất, 75,40%, là lĩnh vực “Cải cách tài chính công”.",
      spoken: "Thấp nhất, bảy mươi lăm phẩy bốn phần trăm, là lĩnh vực Cải cách tài chính công.",
      source: { path: "/linh-vuc/2/", label: "Lĩnh vực Cải cách tài chính công" },
    });
  });
});

describe("sample data and sources", () => {
  it("warns first, in both versions, while the data are a sample", () => {
    const sample = buildBulletin({
      manifest: { ...manifest, status: "sample" },
      results,
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    const [first] = sample.sentences;
    expect(first?.topic).toBe("warning");
    expect(first?.text).toContain("Dữ liệu minh họa – không phải kết quả chính thức");
    expect(first?.spoken).toContain("Dữ liệu minh họa – không phải kết quả chính thức");
    expect(bulletin.sentences.some((s) => s.topic === "warning")).toBe(false);
  });

  it("ends with the source and the date of the data, its version printed but not read", () => {
    expect(bulletin.sentences.at(-1)).toMatchObject({
      topic: "source",
      text:
        "Nguồn: Chỉ số cải cách hành chính cấp xã huyện Ninh Giang năm 2023, số liệu công bố ngày 02/04/2024, " +
        "dữ liệu phiên bản 1.2.0.",
      spoken:
        "Nguồn: Chỉ số cải cách hành chính cấp xã huyện Ninh Giang năm hai nghìn không trăm hai mươi ba, " +
        "số liệu công bố ngày hai tháng tư năm hai nghìn không trăm hai mươi tư.",
    });
  });

  it("leaves no digit in any read-aloud sentence", () => {
    for (const s of bulletin.sentences) expect(s.spoken).not.toMatch(/\d/);
  });
});

describe("data text read aloud", () => {
  it("reads numbers in labels and turns brackets into pauses", () => {
    expect(speakText("Nhóm A (từ 90% trở lên)")).toBe("Nhóm A, từ chín mươi phần trăm trở lên");
    expect(speakText("1.248 người, 85,67%")).toBe(
      "một nghìn hai trăm bốn mươi tám người, tám mươi lăm phẩy sáu mươi bảy phần trăm",
    );
  });
});

describe("plain-text download", () => {
  it("gives every sentence as printed, as said and its source, with the sample warning first", () => {
    const sample = buildBulletin({
      manifest: { ...manifest, status: "sample" },
      results,
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    const text = bulletinPlainText(sample, "Chỉ số CCHC năm 2023", (path) => `https://example.org${path}`);
    expect(text.startsWith("\uFEFFBẢN TIN: CHỈ SỐ CCHC NĂM 2023\r\n")).toBe(true);
    const lines = text.slice(1).split("\r\n");
    expect(lines[1]).toBe(
      "Dữ liệu phiên bản 1.2.0, công bố ngày 02/04/2024; dữ liệu minh họa – không phải kết quả chính thức.",
    );
    expect(lines.slice(4, 7)).toEqual([
      `1. ${sample.sentences[0]?.text}`,
      `   Đọc: ${sample.sentences[0]?.spoken}`,
      "   Nguồn: https://example.org/du-lieu/",
    ]);
    expect(lines[4]).toContain("Dữ liệu minh họa – không phải kết quả chính thức");
    expect(lines.filter((line) => line.startsWith("   Đọc: "))).toHaveLength(sample.sentences.length);
    expect(text).toContain("   Nguồn: https://example.org/xa/an/");
  });

  it("gives the presenter only the spoken sentences, in order, one a paragraph", () => {
    const sample = buildBulletin({
      manifest: { ...manifest, status: "sample" },
      results,
      domains,
      previousResults,
      previousDistrict,
      dataDate,
    });
    const text = bulletinSpokenText(sample);
    expect(text.startsWith("\uFEFF")).toBe(true);
    const paragraphs = text.slice(1).trimEnd().split("\r\n\r\n");
    expect(paragraphs).toEqual(sample.sentences.map((s) => s.spoken));
    expect(paragraphs[0]).toMatch(/^Dữ liệu minh họa – không phải kết quả chính thức\./);
    // Nothing for the eye only: no figures in digits, no "Đọc:" or source lines.
    expect(text).not.toMatch(/\d|Đọc:|Nguồn: http/);
  });
});

describe("the process, first after the sample warning", () => {
  const step = (n: number, status: "on_time" | "late" | "not_done") => ({
    step: n,
    title: `Bước ${n}`,
    lead: "Phòng Nội vụ",
    partners: null,
    planned_start: null,
    planned_end: "2024-01-10",
    planned_period: "Chậm nhất ngày 10/01/2024",
    done_on: status === "not_done" ? null : "2024-01-10",
    status,
    days_late: status === "late" ? 2 : null,
    note: null,
  });
  const withProcess = buildBulletin({
    manifest: {
      ...manifest,
      status: "sample",
      plan: [1, 2, 3, 4, 5, 6].map((n) => step(n, "on_time")).concat(step(7, "late")),
      survey_totals: { planned: 1248, achieved: 1237, quota_per_commune: 60 },
    },
    results,
    domains,
    previousResults,
    previousDistrict,
    dataDate,
  });

  it("says how many steps the plan had and how many were on time, then the survey against the plan", () => {
    const [, plan, survey, next] = withProcess.sentences;
    expect(plan).toMatchObject({
      topic: "process",
      text: "Chỉ số năm 2023 được xác định theo kế hoạch của Ủy ban nhân dân huyện Ninh Giang, gồm 7 bước: 6 bước hoàn thành đúng hạn, 1 bước chậm so với kế hoạch.",
      spoken:
        "Chỉ số năm hai nghìn không trăm hai mươi ba được xác định theo kế hoạch của Ủy ban nhân dân huyện Ninh Giang, gồm bảy bước: sáu bước hoàn thành đúng hạn, một bước chậm so với kế hoạch.",
      source: { path: "/quy-trinh/" },
    });
    expect(survey?.text).toBe(
      "Huyện đã hỏi ý kiến 1.237 người, trên 1.248 người theo kế hoạch, gồm đại biểu Hội đồng nhân dân, lãnh đạo huyện và người dân đã làm thủ tục tại xã.",
    );
    expect(survey?.spoken).toContain(
      "một nghìn hai trăm ba mươi bảy người, trên một nghìn hai trăm bốn mươi tám người",
    );
    expect(next?.topic).toBe("average");
  });

  it("is left out for a year published without a plan or survey totals", () => {
    expect(bulletin.sentences.some((s) => s.topic === "process")).toBe(false);
  });
});
