import { describe, expect, it } from "vitest";
import type { SummaryDomain, SummaryResult } from "../../lib/published-summary.ts";
import { comparedSearch, domainGroups, parseCompared, shareTitle, summaryLines } from "./compare.ts";

const communes = [
  { code: "11155", name: "Thị trấn Ninh Giang" },
  { code: "11161", name: "Xã Ứng Hòe" },
  { code: "11173", name: "Xã An Đức" },
  { code: "11188", name: "Xã Đông Xuyên" },
  { code: "11203", name: "Xã Đồng Tâm" },
  { code: "11215", name: "Xã Hồng Dụ" },
];

describe("parseCompared", () => {
  it("reads the codes of a shared link in their order", () => {
    expect(parseCompared("?xa=11215,11155", communes)).toEqual({ codes: ["11215", "11155"], ignored: [] });
  });

  it("reads the address names the site itself uses (/xa/an-duc/)", () => {
    expect(parseCompared("?xa=an-duc,hong-du,thi-tran-ninh-giang", communes).codes).toEqual([
      "11173",
      "11215",
      "11155",
    ]);
  });

  it("reads names with or without diacritics, with or without the unit word, in any case", () => {
    const search = `?xa=${encodeURIComponent("Xã Hồng Dụ,ung hoe,Đồng Tâm,XA DONG XUYEN")}`;
    expect(parseCompared(search, communes)).toEqual({
      codes: ["11215", "11161", "11203", "11188"],
      ignored: [],
    });
  });

  it("mixes codes and names, and treats a name and the code of one commune as a repeat", () => {
    expect(parseCompared("?xa=an-duc,11173,11188", communes)).toEqual({
      codes: ["11173", "11188"],
      ignored: ["11173"],
    });
  });

  it("ignores unknown values, repeats and anything beyond four communes", () => {
    expect(parseCompared("?xa=11215,99999,hong-du,an-duc,11155,11161,11188", communes)).toEqual({
      codes: ["11215", "11173", "11155", "11161"],
      ignored: ["99999", "hong-du", "11188"],
    });
  });

  it("never lets SQL or markup through: only listed communes survive", () => {
    const hostile = "?xa=" + encodeURIComponent("11215' OR 1=1 --,<script>");
    expect(parseCompared(hostile, communes).codes).toEqual([]);
  });

  it("accepts a repeated parameter and stray spaces", () => {
    expect(parseCompared("?xa=11215&xa=%20an-duc%20", communes).codes).toEqual(["11215", "11173"]);
  });

  it("gives no codes when the parameter is absent", () => {
    expect(parseCompared("", communes)).toEqual({ codes: [], ignored: [] });
  });

  it("labels the average with the issuer's words: a province's is the province's", () => {
    const [group] = domainGroups([communes[5]!], [domain("11215", "1", 80, 8)], "trung bình tỉnh");
    expect(group?.lines.at(-1)).toEqual({ label: "Trung bình tỉnh", rate: "70,00%", points: "" });
  });
});

describe("comparedSearch", () => {
  it("writes the address names people can read and share, and round-trips", () => {
    expect(comparedSearch(["11173", "11215", "11155"], communes)).toBe(
      "?xa=an-duc,hong-du,thi-tran-ninh-giang",
    );
    expect(parseCompared(comparedSearch(["11173", "11215"], communes), communes).codes).toEqual([
      "11173",
      "11215",
    ]);
    expect(comparedSearch([], communes)).toBe("");
  });

  it("labels the average with the issuer's words: a province's is the province's", () => {
    const [group] = domainGroups([communes[5]!], [domain("11215", "1", 80, 8)], "trung bình tỉnh");
    expect(group?.lines.at(-1)).toEqual({ label: "Trung bình tỉnh", rate: "70,00%", points: "" });
  });
});

const result = (code: string, name: string, index: number): SummaryResult => ({
  commune_code: code,
  commune_name: name,
  index_pct: index,
  rank: 3,
  band: "B",
  points: 1234.5,
  max_points: 1500,
  appraisal_points: 70.25,
  survey_points: 15,
  satisfaction_pct: code === "11173" ? null : 81.5,
  index_ci_low: index - 1.25,
  index_ci_high: index + 1.5,
  rank_low: 2,
  rank_high: 5,
});

describe("summaryLines", () => {
  it("gives each measure in Vietnamese format, one value per chosen commune in the chosen order", () => {
    const lines = summaryLines(
      ["11215", "11173", "11188"],
      [result("11173", "Xã An Đức", 80.4), result("11215", "Xã Hồng Dụ", 85.67)],
      20,
    );
    expect(lines.find((line) => line.label === "Chỉ số CCHC")?.values).toEqual(["85,67%", "80,40%", "—"]);
    expect(lines.find((line) => line.label === "Khoảng tin cậy 95%")?.values[0]).toBe("84,42% – 87,17%");
    expect(lines.find((line) => line.label === "Thứ hạng")?.values[1]).toBe("3/20");
    expect(lines.find((line) => line.label === "Điểm đạt / tối đa")?.values[0]).toBe("1.234,50/1.500,00");
    expect(lines.find((line) => line.label === "Mức độ hài lòng của người dân")?.values).toEqual([
      "81,50%",
      "không có số liệu",
      "—",
    ]);
  });

  it("labels the average with the issuer's words: a province's is the province's", () => {
    const [group] = domainGroups([communes[5]!], [domain("11215", "1", 80, 8)], "trung bình tỉnh");
    expect(group?.lines.at(-1)).toEqual({ label: "Trung bình tỉnh", rate: "70,00%", points: "" });
  });
});

const domain = (code: string, id: string, pct: number, points: number): SummaryDomain => ({
  commune_code: code,
  commune_name: code,
  domain_id: id,
  domain_name: id === "1" ? "Công tác chỉ đạo, điều hành" : "Cải cách thủ tục hành chính",
  points,
  max_points: 10,
  pct,
  domain_rank: 1,
  district_avg_pct: id === "1" ? 70 : 62.5,
  district_avg_points: id === "1" ? 7 : 6.25,
});

describe("domainGroups", () => {
  it("groups each domain's lines: the communes in order, 'không áp dụng' where one has no row, then the district average", () => {
    const groups = domainGroups(
      [communes[5]!, communes[2]!],
      [domain("11173", "1", 75, 7.5), domain("11215", "1", 80, 8), domain("11215", "2", 55.5, 5.55)],
      "trung bình huyện",
    );
    expect(groups).toEqual([
      {
        heading: "1. Công tác chỉ đạo, điều hành",
        lines: [
          { label: "Xã Hồng Dụ", rate: "80,00%", points: "8,00/10,00" },
          { label: "Xã An Đức", rate: "75,00%", points: "7,50/10,00" },
          { label: "Trung bình huyện", rate: "70,00%", points: "" },
        ],
      },
      {
        heading: "2. Cải cách thủ tục hành chính",
        lines: [
          { label: "Xã Hồng Dụ", rate: "55,50%", points: "5,55/10,00" },
          { label: "Xã An Đức", rate: "không áp dụng", points: "" },
          { label: "Trung bình huyện", rate: "62,50%", points: "" },
        ],
      },
    ]);
  });

  it("labels the average with the issuer's words: a province's is the province's", () => {
    const [group] = domainGroups([communes[5]!], [domain("11215", "1", 80, 8)], "trung bình tỉnh");
    expect(group?.lines.at(-1)).toEqual({ label: "Trung bình tỉnh", rate: "70,00%", points: "" });
  });
});

describe("shareTitle", () => {
  it("names the year and the compared communes", () => {
    expect(shareTitle([communes[2]!, communes[5]!], 2023)).toBe(
      "So sánh Chỉ số CCHC 2023: Xã An Đức, Xã Hồng Dụ",
    );
  });

  it("labels the average with the issuer's words: a province's is the province's", () => {
    const [group] = domainGroups([communes[5]!], [domain("11215", "1", 80, 8)], "trung bình tỉnh");
    expect(group?.lines.at(-1)).toEqual({ label: "Trung bình tỉnh", rate: "70,00%", points: "" });
  });
});
