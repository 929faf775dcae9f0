import { describe, expect, it } from "vitest";
import {
  domainsRow,
  resultsRow,
  scoresRow,
  surveyOptionsRow,
  surveyRow,
} from "../../tests/support/published-rows.ts";
import { communePage, rankChangeWords } from "./commune-page.ts";

const anDuc = { commune_code: "11173", commune_name: "Xã An Đức" };
const hongDu = { commune_code: "11215", commune_name: "Xã Hồng Dụ" };

const data = {
  results: [
    resultsRow({ ...anDuc, n_citizens: 57, n_officials: 46, index_change: 1.25, rank_change: 2 }),
    resultsRow({ ...hongDu, n_citizens: 60, n_officials: 48 }),
  ],
  // Domain 10 after domain 9 (by number, not as text); Hồng Dụ's rows are not An Đức's.
  domains: [
    domainsRow({ ...anDuc, domain_id: "10", domain_name: "Lĩnh vực 10" }),
    domainsRow({ ...hongDu, domain_id: "1" }),
    domainsRow({ ...anDuc, domain_id: "9", domain_name: "Lĩnh vực 9" }),
  ],
  scores: [
    scoresRow({
      ...pick(anDuc),
      criterion_id: "1.10",
      self_score: 2,
      appraised_score: 1.5,
      note: "Thiếu hồ sơ",
    }),
    scoresRow({ ...pick(anDuc), criterion_id: "1.9", self_score: 2, appraised_score: 2 }),
    scoresRow({
      ...pick(anDuc),
      criterion_id: "1",
      parent_id: null,
      level: 1,
      source: "mixed",
      self_score: null,
      appraised_score: null,
    }),
    scoresRow({
      ...pick(anDuc),
      criterion_id: "1.2",
      source: "survey",
      self_score: null,
      appraised_score: null,
    }),
    scoresRow({ ...pick(hongDu), criterion_id: "1.9", self_score: 2, appraised_score: 0 }),
  ],
  survey: [
    surveyRow({ ...pick(anDuc), panel: "citizens", question_id: "ND01" }),
    surveyRow({ ...pick(anDuc), panel: "officials", question_id: "CB01" }),
    surveyRow({ ...pick(hongDu), panel: "officials", question_id: "CB01" }),
    surveyRow({ ...pick(anDuc), panel: "officials", question_id: "CB02" }),
  ],
  // Published in the scale's order, which is not alphabetical: "E" before "A" here on purpose.
  survey_options: [
    surveyOptionsRow({
      ...pick(anDuc),
      panel: "officials",
      question_id: "CB01",
      option: "E",
      coefficient: null,
    }),
    surveyOptionsRow({
      ...pick(anDuc),
      panel: "officials",
      question_id: "CB01",
      option: "A",
      coefficient: 1,
    }),
    surveyOptionsRow({
      ...pick(hongDu),
      panel: "officials",
      question_id: "CB01",
      option: "A",
      coefficient: 1,
    }),
    surveyOptionsRow({ ...pick(anDuc), panel: "citizens", question_id: "ND01", option: "4" }),
  ],
  manifest: {
    province: { code: "30", name: "Tỉnh Hải Dương" },
    district: { code: "298", name: "Huyện Ninh Giang" },
    survey_quotas: [
      { commune_code: "11173", survey_quota: 60, citizens_forms: 57 },
      { commune_code: "11215", survey_quota: 60, citizens_forms: 60 },
    ],
  },
};

/** Only the code: survey and score rows carry no commune name. */
function pick(commune: { commune_code: string }) {
  return { commune_code: commune.commune_code };
}

describe("the commune page", () => {
  const view = communePage(data, { results: [resultsRow({ ...anDuc, index_pct: 84.13, rank: 7 })] }, "11173");

  it("finds the commune's result and its result of the year before", () => {
    expect([view.result.commune_name, view.result.rank_change]).toEqual(["Xã An Đức", 2]);
    expect([view.previousResult?.index_pct, view.previousResult?.rank]).toEqual([84.13, 7]);
    expect(communePage(data, null, "11173").previousResult).toBeNull();
    expect(communePage(data, { results: [] }, "11173").previousResult).toBeNull();
  });

  it("shows a unit merged from three former units as new, with their figures and no change", () => {
    const merged = resultsRow({ ...anDuc, predecessors: "11173;11176;11179", formed_on: "2025-07-01" });
    const before = {
      results: [
        resultsRow({ commune_code: "11173", commune_name: "Xã An Đức", index_pct: 84.13, rank: 7 }),
        resultsRow({ commune_code: "11176", commune_name: "Xã Vạn Phúc", index_pct: 80.5, rank: 9 }),
      ],
    };
    const page = communePage({ ...data, results: [merged] }, before, "11173");
    expect(page.previousResult).toBeNull();
    expect(page.formerUnits?.map((former) => [former.code, former.result?.index_pct ?? null])).toEqual([
      ["11173", 84.13],
      ["11176", 80.5],
      ["11179", null],
    ]);
    expect(view.formerUnits).toBeNull();
  });

  it("compares a unit renamed from one predecessor with that predecessor", () => {
    const renamed = resultsRow({ ...anDuc, predecessors: "11176" });
    const before = { results: [resultsRow({ commune_code: "11176", index_pct: 80.5, rank: 9 })] };
    const page = communePage({ ...data, results: [renamed] }, before, "11173");
    expect([page.previousResult?.commune_code, page.formerUnits]).toEqual(["11176", null]);
  });

  it("orders its domains by number and its criteria in tree order (9 before 10, 1.9 before 1.10)", () => {
    expect(view.domains.map((row) => row.domain_id)).toEqual(["9", "10"]);
    expect(view.scores.map((row) => row.criterion_id)).toEqual(["1", "1.2", "1.9", "1.10"]);
  });

  it("lists only the appraisal criteria scored lower than the commune's own score", () => {
    expect(view.loweredRows.map((row) => [row.criterion_id, row.note])).toEqual([["1.10", "Thiếu hồ sơ"]]);
  });

  it("flags a commune short of its planned citizens' forms, and not one that met the plan", () => {
    expect([view.quota, view.short]).toEqual([60, true]);
    const full = communePage(data, null, "11215");
    expect([full.quota, full.short]).toEqual([60, false]);
    const unplanned = communePage(
      { ...data, manifest: { ...data.manifest, survey_quotas: [] } },
      null,
      "11173",
    );
    expect([unplanned.quota, unplanned.short]).toEqual([null, false]);
  });

  it("gives officials then citizens, each question with its own answers in the published order", () => {
    expect(
      view.panels.map(({ panel, title, count, questions }) => [
        panel,
        title,
        count,
        questions.map((question) => [question.question_id, question.answers.map((answer) => answer.option)]),
      ]),
    ).toEqual([
      [
        "officials",
        "Đánh giá của cán bộ, lãnh đạo huyện",
        46,
        [
          ["CB01", ["E", "A"]],
          ["CB02", []],
        ],
      ],
      ["citizens", "Đánh giá của người dân, tổ chức", 57, [["ND01", ["4"]]]],
    ]);
  });

  it("names the officials of the issuing area: a province's, not a district's", () => {
    const { district: _, ...provinceManifest } = data.manifest;
    const province = communePage({ ...data, manifest: provinceManifest }, null, "11173");
    expect(province.panels[0]?.title).toBe("Đánh giá của cán bộ, lãnh đạo tỉnh");
  });

  it("stops with the commune's code when it has no result", () => {
    expect(() => communePage(data, null, "99999")).toThrow("99999");
  });
});

describe("a change of rank in words", () => {
  it("says up, down or unchanged", () => {
    expect([rankChangeWords(2), rankChangeWords(-1), rankChangeWords(0)]).toEqual([
      "tăng 2 bậc",
      "giảm 1 bậc",
      "giữ nguyên hạng",
    ]);
  });
});

describe("every commune's page at scale", () => {
  it("reads each table's commune codes once for all the pages, not once per page", () => {
    let reads = 0;
    // Rows whose commune code counts its reads: a page that scans every commune's rows reads them all.
    const counted = <T extends { commune_code: string }>(rows: T[]): T[] =>
      rows.map((row) => {
        const { commune_code: code, ...rest } = row;
        return Object.defineProperty({ ...rest }, "commune_code", {
          enumerable: true,
          get: () => {
            reads++;
            return code;
          },
        }) as T;
      });
    const codes = Array.from({ length: 30 }, (_, i) => String(11100 + i));
    const tables = {
      results: counted(codes.map((code) => resultsRow({ commune_code: code }))),
      domains: counted(codes.map((code) => domainsRow({ commune_code: code }))),
      scores: counted(codes.map((code) => scoresRow({ commune_code: code }))),
      survey: counted(codes.map((code) => surveyRow({ commune_code: code, question_id: "ND01" }))),
      survey_options: counted(
        codes.map((code) => surveyOptionsRow({ commune_code: code, question_id: "ND01" })),
      ),
      manifest: { ...data.manifest, survey_quotas: [] },
    };
    for (const code of codes) communePage(tables, null, code);
    // 150 rows, each read once when its table is split by commune, and each survey row once more
    // when its page copies it; a scan per page would read 30 times as many.
    expect(reads).toBeLessThanOrEqual(150 + 30);
    expect(communePage(tables, null, "11105").panels[1]?.questions[0]?.answers).toHaveLength(1);
  });
});
