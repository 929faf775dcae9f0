import { describe, expect, it } from "vitest";
import type { z } from "zod";
import type { Commune } from "../../schemas/communes.ts";
import type { Criterion } from "../../schemas/criteria.ts";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import type { citizensFormColumns, officialsFormColumns } from "../../schemas/survey.ts";
import type { AppraisalScore } from "../../schemas/appraisal.ts";
import {
  appraisalFromRecords,
  type ColumnTable,
  type OfficialsForms,
  type SurveyForms,
  type TableData,
  type YearData,
  type YearResults,
} from "../model.ts";
import { computeYear, type ComputeOptions } from "./index.ts";

/** The rows a published table stands for, whether computation gave rows or columns. */
function tableRows<Row>(table: TableData<Row>): Row[] {
  if (Array.isArray(table)) return [...(table as readonly Row[])];
  const { rows, read } = table as ColumnTable<Row>;
  const columns = Object.keys(read) as (keyof Row)[];
  return Array.from(
    { length: rows },
    (_, i) => Object.fromEntries(columns.map((column) => [column, read[column](i)])) as Row,
  );
}

// A tiny year, small enough to compute by hand.
//   Domain 1 (max 6 for a xã, 5 for a thị trấn):
//     1.1 appraisal, max 3 · 1.2 appraisal, max 1, xã only · 1.3 survey (officials CB01, CB02), max 2
//   Domain 2 (max 4): 2.1 survey (citizens ND01 element 1, ND02 element 2), max 4
//   ND03: a citizens' question that scores nothing.
// Scales: officials A 1 · B 0.6 · C 0.2 · D 0 · E excluded; citizens 1…5 → 0, 0.25, 0.5, 0.75, 1
// (4 and 5 satisfied), 9 "không biết" excluded.

// Its own manifest, not tests/support's testManifest: pipeline tests never import from tests/
// (tests/unit/import-graph.test.ts).
const manifest: DatasetManifest = {
  year: 2023,
  title: "Thử nghiệm",
  status: "sample",
  version: "1.0.0",
  published_on: null,
  province: { code: "30", name: "Tỉnh Hải Dương" },
  district: { code: "299", name: "Huyện Ninh Giang" },
  legal_basis: [],
  bands: [
    { code: "A", label: "Nhóm A", min_pct: 90 },
    { code: "B", label: "Nhóm B", min_pct: 80 },
    { code: "C", label: "Nhóm C", min_pct: 0 },
  ],
  notes: "",
};

const criterion = (
  id: string,
  max_points: number,
  source: Criterion["source"],
  applies_to: Criterion["applies_to"] = "all",
): Criterion => ({ id, name: `Tiêu chí ${id}`, max_points, source, applies_to });

const criteria: Criterion[] = [
  criterion("2", 4, null),
  criterion("2.1", 4, "survey"),
  criterion("1", 6, null),
  criterion("1.1", 3, "appraisal"),
  criterion("1.2", 1, "appraisal", "xa"),
  criterion("1.3", 2, "survey"),
];

const option = (
  scale: string,
  code: string,
  coefficient: number | null,
  satisfied: boolean | null,
): ScaleOption => ({
  scale,
  option: code,
  label: `Phương án ${code}`,
  coefficient,
  satisfied,
});
const scales: ScaleOption[] = [
  option("abcd", "A", 1, null),
  option("abcd", "B", 0.6, null),
  option("abcd", "C", 0.2, null),
  option("abcd", "D", 0, null),
  option("abcd", "E", null, null),
  option("sipas", "1", 0, false),
  option("sipas", "2", 0.25, false),
  option("sipas", "3", 0.5, false),
  option("sipas", "4", 0.75, true),
  option("sipas", "5", 1, true),
  option("sipas", "9", null, null),
];

const X = "30001"; // Xã Hồng Dụ
const T = "30002"; // Thị trấn Ninh Giang
const commune = (code: string, name: string, type: Commune["type"]): Commune => ({
  code,
  name,
  type,
  survey_quota: 4,
  group: null,
  predecessors: [],
  formed_on: null,
});

const official = (
  form_id: string,
  respondent_id: string,
  group: string,
  commune_code: string,
  answers: Record<string, string>,
): OfficialsForm => ({
  form_id,
  respondent_id,
  group,
  commune_code,
  answers,
});
const citizen = (form_id: string, commune_code: string, answers: Record<string, string>): CitizensForm => ({
  form_id,
  commune_code,
  answers,
});

/** A form as a record: its fixed cells and its answers by question id, a blank answer absent. */
type CitizensForm = z.output<typeof citizensFormColumns> & { answers: Record<string, string> };
type OfficialsForm = z.output<typeof officialsFormColumns> & { answers: Record<string, string> };

/** A year as the tests write it: the appraisal and forms as records, turned into columns as validation hands them over. */
type YearFixture = Omit<YearData, "appraisal" | "officialsForms" | "citizensForms"> & {
  appraisal: AppraisalScore[];
  officialsForms: OfficialsForm[];
  citizensForms: CitizensForm[];
};

/** One panel's forms in columns: 1 + the option's index in its scale, 0 for blank. */
function formColumns(
  fixture: YearFixture,
  panel: "officials" | "citizens",
  forms: readonly (CitizensForm | OfficialsForm)[],
): SurveyForms {
  const questions = fixture.questions.filter((q) => q.panel === panel);
  const communeCodes = [...new Set(forms.map((f) => f.commune_code))];
  return {
    size: forms.length,
    communeCodes,
    commune: Uint32Array.from(forms, (f) => communeCodes.indexOf(f.commune_code)),
    questionIds: questions.map((q) => q.id),
    answers: questions.map((q) => {
      const options = fixture.scales.filter((o) => o.scale === q.scale).map((o) => o.option);
      return Uint16Array.from(forms, (f) => {
        const answer = f.answers[q.id];
        return answer === undefined ? 0 : options.indexOf(answer) + 1;
      });
    }),
  };
}

function yearData(fixture: YearFixture): YearData {
  const officials: OfficialsForms = {
    ...formColumns(fixture, "officials", fixture.officialsForms),
    respondentIds: fixture.officialsForms.map((f) => f.respondent_id),
    groups: fixture.officialsForms.map((f) => f.group),
  };
  return {
    ...fixture,
    appraisal: appraisalFromRecords(fixture.appraisal),
    officialsForms: officials,
    citizensForms: formColumns(fixture, "citizens", fixture.citizensForms),
  };
}

const compute = (fixture: YearFixture, options: ComputeOptions) => computeYear(yearData(fixture), options);

function tinyYear(): YearFixture {
  return {
    manifest,
    plan: null,
    communes: [commune(T, "Thị trấn Ninh Giang", "thi_tran"), commune(X, "Xã Hồng Dụ", "xa")],
    criteria,
    groups: [
      { code: "hdnd", name: "Đại biểu HĐND", panel: "officials", planned: 30 },
      { code: "ubnd", name: "Lãnh đạo UBND huyện", panel: "officials", planned: 3 },
      { code: "nguoi_dan", name: "Người dân, tổ chức", panel: "citizens", planned: 1200 },
    ],
    scales,
    questions: [
      {
        id: "CB01",
        panel: "officials",
        criterion_id: "1.3",
        scale: "abcd",
        text: "Câu CB01",
        sipas_element: null,
      },
      {
        id: "CB02",
        panel: "officials",
        criterion_id: "1.3",
        scale: "abcd",
        text: "Câu CB02",
        sipas_element: null,
      },
      {
        id: "ND01",
        panel: "citizens",
        criterion_id: "2.1",
        scale: "sipas",
        text: "Câu ND01",
        sipas_element: 1,
      },
      {
        id: "ND02",
        panel: "citizens",
        criterion_id: "2.1",
        scale: "sipas",
        text: "Câu ND02",
        sipas_element: 2,
      },
      {
        id: "ND03",
        panel: "citizens",
        criterion_id: null,
        scale: "sipas",
        text: "Câu ND03",
        sipas_element: null,
      },
    ],
    appraisal: [
      {
        commune_code: X,
        criterion_id: "1.1",
        self_score: 3,
        appraised_score: 2.5,
        note: "Thiếu báo cáo quý",
      },
      { commune_code: X, criterion_id: "1.2", self_score: 1, appraised_score: 1, note: null },
      { commune_code: T, criterion_id: "1.1", self_score: 2.75, appraised_score: 2.75, note: null },
    ],
    officialsForms: [
      official("o1", "r1", "hdnd", X, { CB01: "A", CB02: "B" }),
      official("o2", "r2", "hdnd", X, { CB01: "B", CB02: "E" }),
      official("o3", "r3", "ubnd", X, { CB01: "E" }),
      official("o4", "r1", "hdnd", T, { CB01: "C", CB02: "A" }),
      official("o5", "r3", "ubnd", T, { CB01: "D", CB02: "A" }),
    ],
    citizensForms: [
      citizen("c1", X, { ND01: "5", ND02: "4", ND03: "3" }),
      citizen("c2", X, { ND01: "4", ND02: "9" }),
      citizen("c3", X, { ND01: "2", ND02: "5" }),
      citizen("c4", X, { ND01: "9", ND02: "5", ND03: "1" }),
      citizen("c5", T, { ND01: "3", ND02: "3", ND03: "5" }),
      citizen("c6", T, { ND01: "5", ND02: "1" }),
    ],
  };
}

const exact = { previous: null, bootstrap: false };

describe("computeYear on a tiny year worked out by hand", () => {
  const results = compute(tinyYear(), exact);
  const row = (code: string) => results.tables.results.find((r) => r.commune_code === code)!;

  it("scores the xã from appraisal and survey leaves", () => {
    // 1.1 = 2.5, 1.2 = 1 (appraised scores).
    // 1.3: CB01 valid A, B (E excluded) → m = (1 + 0.6) / 2 = 0.8; CB02 valid B (E excluded, one
    //      blank) → m = 0.6; points = 2 × (0.8 + 0.6) / 2 = 1.4.
    // 2.1: ND01 valid 5, 4, 2 (9 excluded) → (1 + 0.75 + 0.25) / 3 = 2/3;
    //      ND02 valid 4, 5, 5 (9 excluded) → (0.75 + 1 + 1) / 3 = 11/12;
    //      points = 4 × (2/3 + 11/12) / 2 = 2 × 19/12 = 19/6 = 3.1666…
    // Total = 2.5 + 1 + 1.4 + 19/6 = 49/10 + 19/6 = 242/30 = 8.0666… of 10 → 80.666…% → 80.67.
    expect(row(X)).toMatchObject({
      commune_name: "Xã Hồng Dụ",
      commune_type: "xa",
      index_pct: 80.67,
      points: 8.07,
      max_points: 10,
      appraisal_points: 3.5, // 2.5 + 1
      survey_points: 4.57, // 1.4 + 19/6 = 137/30 = 4.5666…
      self_points: 4, // 3 + 1
      self_gap: 0.5, // 4 − 3.5
      lowered_leaves: 1, // 1.1: 2.5 < 3
      // Element 1 (ND01): satisfied 5, 4 of 3 valid → 2/3; element 2 (ND02): 4, 5, 5 of 3 → 1.
      // Mean (2/3 + 1) / 2 = 5/6 → 83.33%.
      satisfaction_pct: 83.33,
      n_citizens: 4,
      n_officials: 3,
      band: "B",
    });
  });

  it("gives the thị trấn a lower maximum because the xã-only leaf does not apply", () => {
    // 1.1 = 2.75; 1.3: CB01 C, D → (0.2 + 0) / 2 = 0.1; CB02 A, A → 1; 2 × (0.1 + 1) / 2 = 1.1.
    // 2.1: ND01 3, 5 → (0.5 + 1) / 2 = 0.75; ND02 3, 1 → (0.5 + 0) / 2 = 0.25; 4 × 1 / 2 = 2.
    // Total 2.75 + 1.1 + 2 = 5.85 of 3 + 2 + 4 = 9 → 65%.
    expect(row(T)).toMatchObject({
      index_pct: 65,
      points: 5.85,
      max_points: 9,
      appraisal_points: 2.75,
      survey_points: 3.1,
      self_points: 2.75,
      self_gap: 0,
      lowered_leaves: 0,
      // Element 1: 5 of {3, 5} → 1/2; element 2: none of {3, 1} → 0; mean 1/4 → 25%.
      satisfaction_pct: 25,
      band: "C",
      rank: 2,
    });
    expect(row(X).rank).toBe(1);
  });

  it("summarises the district from full-precision values, each commune counting once", () => {
    // Index: xã 242/3 % (80.666…), thị trấn 65 % → (242/3 + 195/3) / 2 = 437/6 = 72.8333… → 72.83.
    // (The mean of the rounded figures, (80.67 + 65) / 2 = 72.835, would wrongly give 72.84.)
    // Satisfaction: 250/3 and 25 → (250/3 + 75/3) / 2 = 325/6 = 54.1666… → 54.17.
    expect(results.district).toEqual({
      communes: 2,
      index_pct: 72.83,
      satisfaction_pct: 54.17,
      index_change: null, // no previous year
      citizens_forms: 6, // c1…c4 of the xã, c5 and c6 of the thị trấn
      // All citizens' answers of the district together, per element. Element 1 (ND01): xã 2 of 3
      // valid satisfied, thị trấn 1 of 2 ({3, 5}) → 3 of 5 = 60%. Element 2 (ND02): xã 3 of 3,
      // thị trấn 0 of 2 ({3, 1}) → 3 of 5 = 60%.
      satisfaction_elements: [
        {
          element: 1,
          element_name: "Tiếp cận dịch vụ hành chính công",
          valid_answers: 5,
          satisfied_answers: 3,
          satisfied_pct: 60,
        },
        {
          element: 2,
          element_name: "Thủ tục hành chính",
          valid_answers: 5,
          satisfied_answers: 3,
          satisfied_pct: 60,
        },
      ],
    });
  });

  it("records each commune's citizens' quota against the forms received", () => {
    expect(results.surveyQuotas.find((q) => q.commune_code === X)).toEqual({
      commune_code: X,
      survey_quota: 4,
      citizens_forms: row(X).n_citizens,
    });
    expect(results.surveyQuotas.map((q) => q.commune_code)).toEqual([X, T]);
  });

  it("publishes each SIPAS element's satisfied share with its Wilson 95% interval", () => {
    // Xã, element 1 (ND01 valid 5, 4, 2): 2 satisfied of 3. Wilson with z = 1.96, p = 2/3, n = 3:
    //   centre = (p + z²/2n) / (1 + z²/n) = (0.6667 + 0.6402) / 2.2805 = 0.5731,
    //   half = z √(p(1−p)/n + z²/4n²) / (1 + z²/n) = 1.96 × √(0.07407 + 0.10671) / 2.2805 = 0.3654,
    //   → [20.77%, 93.85%]. Element 2 (ND02 valid 4, 5, 5): 3 of 3 → 100% in [43.85%, 100%].
    const rows = results.tables.satisfaction.filter((r) => r.commune_code === X);
    expect(rows).toEqual([
      {
        commune_code: X,
        element: 1,
        element_name: "Tiếp cận dịch vụ hành chính công",
        valid_answers: 3,
        satisfied_answers: 2,
        satisfied_pct: 66.67,
        ci_low: 20.77,
        ci_high: 93.85,
      },
      {
        commune_code: X,
        element: 2,
        element_name: "Thủ tục hành chính",
        valid_answers: 3,
        satisfied_answers: 3,
        satisfied_pct: 100,
        ci_low: 43.85,
        ci_high: 100,
      },
    ]);
  });

  it("without the bootstrap, the interval is the point and the rank range the rank", () => {
    expect(row(X)).toMatchObject({ index_ci_low: 80.67, index_ci_high: 80.67, rank_low: 1, rank_high: 1 });
    expect(row(X).index_change).toBeNull();
    expect(row(X).rank_change).toBeNull();
  });

  it("publishes results columns in the contract's order, sorted by rank", () => {
    expect(Object.keys(results.tables.results[0]!)).toEqual([
      "commune_code",
      "commune_name",
      "commune_type",
      "index_pct",
      "rank",
      "band",
      "points",
      "max_points",
      "appraisal_points",
      "survey_points",
      "self_points",
      "self_gap",
      "lowered_leaves",
      "satisfaction_pct",
      "index_ci_low",
      "index_ci_high",
      "rank_low",
      "rank_high",
      "n_citizens",
      "n_officials",
      "index_change",
      "rank_change",
      "unit_group",
      "predecessors",
      "formed_on",
    ]);
    expect(results.tables.results.map((r) => r.commune_code)).toEqual([X, T]);
  });

  it("computes domain percentages and the district average of percentages", () => {
    // X domain 1: 4.9 of 6 → 81.666…%; T domain 1: 3.85 of 5 → 77%; average 79.333… → 79.33.
    // X domain 2: 19/6 of 4 → 79.1666…%; T domain 2: 2 of 4 → 50%; average 64.58333… → 64.58.
    // Ranks on a domain: X is first on both (81.67 > 77, 79.17 > 50), T second.
    // The average in points, the published average on the unit's own maximum, rounded half away:
    //   X 1: 79.33% of 6 = 4.7598 → 4.76;  X 2 and T 2: 64.58% of 4 = 2.5832 → 2.58;
    //   T 1: 79.33% of 5 = 3.9665 → 3.97 (the half rounds away from zero).
    // The gap is the published % minus the published average: 81.67 − 79.33 = 2.34,
    //   79.17 − 64.58 = 14.59, 77 − 79.33 = −2.33, 50 − 64.58 = −14.58.
    expect(results.tables.domains).toEqual([
      {
        commune_code: X,
        commune_name: "Xã Hồng Dụ",
        domain_id: "1",
        domain_name: "Tiêu chí 1",
        points: 4.9,
        max_points: 6,
        pct: 81.67,
        domain_rank: 1,
        district_avg_pct: 79.33,
        district_avg_points: 4.76,
        district_avg_gap: 2.34,
        pct_change: null,
      },
      {
        commune_code: X,
        commune_name: "Xã Hồng Dụ",
        domain_id: "2",
        domain_name: "Tiêu chí 2",
        points: 3.17,
        max_points: 4,
        pct: 79.17,
        domain_rank: 1,
        district_avg_pct: 64.58,
        district_avg_points: 2.58,
        district_avg_gap: 14.59,
        pct_change: null,
      },
      {
        commune_code: T,
        commune_name: "Thị trấn Ninh Giang",
        domain_id: "1",
        domain_name: "Tiêu chí 1",
        points: 3.85,
        max_points: 5,
        pct: 77,
        domain_rank: 2,
        district_avg_pct: 79.33,
        district_avg_points: 3.97,
        district_avg_gap: -2.33,
        pct_change: null,
      },
      {
        commune_code: T,
        commune_name: "Thị trấn Ninh Giang",
        domain_id: "2",
        domain_name: "Tiêu chí 2",
        points: 2,
        max_points: 4,
        pct: 50,
        domain_rank: 2,
        district_avg_pct: 64.58,
        district_avg_points: 2.58,
        district_avg_gap: -14.58,
        pct_change: null,
      },
    ]);
  });

  it("lists every applicable criterion node with its source, and appraisal details on appraisal leaves", () => {
    const scoresOf = (code: string) =>
      tableRows(results.tables.scores).filter((s) => s.commune_code === code);
    expect(
      scoresOf(T).map((s) => [s.criterion_id, s.parent_id, s.level, s.source, s.points, s.max_points, s.pct]),
    ).toEqual([
      ["1", null, 1, "mixed", 3.85, 5, 77],
      ["1.1", "1", 2, "appraisal", 2.75, 3, 91.67], // 2.75 / 3 = 91.666…%
      ["1.3", "1", 2, "survey", 1.1, 2, 55],
      ["2", null, 1, "survey", 2, 4, 50],
      ["2.1", "2", 2, "survey", 2, 4, 50],
    ]);
    const leaf = scoresOf(X).find((s) => s.criterion_id === "1.1")!;
    expect(leaf).toMatchObject({ self_score: 3, appraised_score: 2.5, note: "Thiếu báo cáo quý" });
    const surveyLeaf = scoresOf(X).find((s) => s.criterion_id === "2.1")!;
    expect(surveyLeaf).toMatchObject({
      points: 3.17,
      pct: 79.17,
      self_score: null,
      appraised_score: null,
      note: null,
    });
    expect(scoresOf(X).map((s) => s.criterion_id)).toEqual(["1", "1.1", "1.2", "1.3", "2", "2.1"]);
  });

  it("publishes the points lost on each criterion and their total over the units it applies to", () => {
    // Maximum − points, both as published: xã 1 = 6 − 4.9 (2.5 + 1 + 1.4), 1.1 = 3 − 2.5,
    // 1.2 = 1 − 1, 1.3 = 2 − 1.4, 2 and 2.1 = 4 − 3.17 = 0.83 (not the doubles' 0.8300000000000001);
    // thị trấn 1 = 5 − 3.85, 1.1 = 3 − 2.75, 1.3 = 2 − 1.1, 2 and 2.1 = 4 − 2.
    // Totals: 1 = 1.1 + 1.15, 1.1 = 0.5 + 0.25, 1.2 = 0 (the xã only), 1.3 = 0.6 + 0.9,
    // 2 and 2.1 = 0.83 + 2.
    const lost = tableRows(results.tables.scores).map((s) => [
      s.commune_code,
      s.criterion_id,
      s.points_lost,
      s.district_points_lost,
    ]);
    expect(lost).toEqual([
      [X, "1", 1.1, 2.25],
      [X, "1.1", 0.5, 0.75],
      [X, "1.2", 0, 0],
      [X, "1.3", 0.6, 1.5],
      [X, "2", 0.83, 2.83],
      [X, "2.1", 0.83, 2.83],
      [T, "1", 1.15, 2.25],
      [T, "1.1", 0.25, 0.75],
      [T, "1.3", 0.9, 1.5],
      [T, "2", 2, 2.83],
      [T, "2.1", 2, 2.83],
    ]);
  });

  it("aggregates survey answers per commune and question, with excluded and blank answers apart", () => {
    const survey = (code: string, question: string) =>
      tableRows(results.tables.survey).find((s) => s.commune_code === code && s.question_id === question)!;
    // CB02 for X: B valid, E excluded, one form blank.
    expect(survey(X, "CB02")).toMatchObject({
      panel: "officials",
      criterion_id: "1.3",
      forms: 3,
      valid_answers: 1,
      excluded_answers: 1,
      no_answer: 1,
      mean_coefficient: 0.6,
      satisfied_pct: null,
      satisfied_ci_low: null,
      satisfied_ci_high: null,
    });
    // ND01 for X: 2 of 3 valid answers satisfied → 66.67%. Wilson: z² = 3.841459, z²/n = 1.280486;
    // centre = (0.666667 + 0.640243) / 2.280486 = 0.573080; half = (1.959964 / 2.280486) ×
    // √(0.222222 / 3 + 3.841459 / 36) = 0.859452 × 0.425184 = 0.365425 → [20.77%, 93.85%].
    expect(survey(X, "ND01")).toMatchObject({
      sipas_element: 1,
      forms: 4,
      valid_answers: 3,
      excluded_answers: 1,
      no_answer: 0,
      mean_coefficient: 0.67,
      satisfied_pct: 66.67,
      satisfied_ci_low: 20.77,
      satisfied_ci_high: 93.85,
    });
    // ND03 scores nothing but is still published: 3 and 1 answered → mean (0.5 + 0) / 2 = 0.25.
    expect(survey(X, "ND03")).toMatchObject({
      criterion_id: null,
      forms: 4,
      valid_answers: 2,
      excluded_answers: 0,
      no_answer: 2,
      mean_coefficient: 0.25,
      satisfied_pct: 0,
      satisfied_ci_low: 0,
    });
    expect(tableRows(results.tables.survey)).toHaveLength(2 * 5);
  });

  it("counts every option of the scale, zeros included, in scales.csv order", () => {
    const options = tableRows(results.tables.survey_options).filter(
      (o) => o.commune_code === X && o.question_id === "ND01",
    );
    expect(options.map((o) => [o.option, o.coefficient, o.count])).toEqual([
      ["1", 0, 0],
      ["2", 0.25, 1],
      ["3", 0.5, 0],
      ["4", 0.75, 1],
      ["5", 1, 1],
      ["9", null, 1],
    ]);
    expect(tableRows(results.tables.survey_options)).toHaveLength(2 * (2 * 5 + 3 * 6));
  });

  it("publishes citizens' answers without form ids, renumbered, and complete", () => {
    const columns = results.tables.responses;
    for (const array of [columns.commune, columns.responseNo, columns.question, columns.option])
      expect(array).toHaveLength(columns.rows);
    const responses = tableRows(columns);
    // X: forms with 3, 2, 2 and 3 non-blank answers; T: 3 and 2. No officials' question.
    expect(responses).toHaveLength(15);
    expect(responses.some((r) => r.question_id.startsWith("CB"))).toBe(false);
    // Each published form is one of the commune's forms, each used once.
    const formsOf = (code: string) =>
      [...new Set(responses.filter((r) => r.commune_code === code).map((r) => r.response_no))].map((no) =>
        JSON.stringify(
          Object.fromEntries(
            responses
              .filter((r) => r.commune_code === code && r.response_no === no)
              .map((r) => [r.question_id, r.option]),
          ),
        ),
      );
    const original = tinyYear()
      .citizensForms.filter((f) => f.commune_code === X)
      .map((f) => JSON.stringify(f.answers));
    expect(formsOf(X).sort()).toEqual(original.sort());
    expect(
      [...new Set(responses.filter((r) => r.commune_code === X).map((r) => r.response_no))].sort(),
    ).toEqual([1, 2, 3, 4]);
  });

  it("keeps each responses column in the narrowest array that holds it", () => {
    const columns = results.tables.responses;
    // Two communes, 4 forms at most, a few questions and options: every index fits a byte.
    for (const array of [columns.commune, columns.responseNo, columns.question, columns.option])
      expect(array).toBeInstanceOf(Uint8Array);
  });

  it("numbers forms by their answers, whatever the seed and the input order", () => {
    const numbering = (seed: number, reversed: boolean) => {
      const data = tinyYear();
      // 40 forms in one commune: ND01 cycles 1..5, ND03 is the form's own code 0..39.
      const forms = Array.from({ length: 40 }, (_, i) =>
        citizen(`f${i}`, X, { ND01: String((i % 5) + 1), ND02: "5", ND03: String(i) }),
      );
      data.citizensForms = (reversed ? forms.reverse() : forms).concat(
        data.citizensForms.filter((f) => f.commune_code === T),
      );
      data.scales = [
        ...scales,
        ...Array.from({ length: 40 }, (_, i) => option("code", String(i), null, null)),
      ];
      data.questions = data.questions.map((q) => (q.id === "ND03" ? { ...q, scale: "code" } : q));
      data.manifest = { ...manifest, bootstrap_seed: seed };
      return tableRows(compute(data, exact).tables.responses)
        .filter((r) => r.question_id === "ND03" && r.commune_code === X)
        .map((r) => [r.response_no, Number(r.option)]);
    };
    // By ND01 first (forms 0, 5, …, 35 answered 1), then ND02 (all 5), then ND03.
    const byAnswers = [0, 1, 2, 3, 4].flatMap((first) => Array.from({ length: 8 }, (_, k) => first + 5 * k));
    expect(numbering(1, false)).toEqual(byAnswers.map((code, i) => [i + 1, code]));
    expect(numbering(2, false)).toEqual(numbering(1, false));
    expect(numbering(1, true)).toEqual(numbering(1, false));
  });

  it("reports planned and achieved respondents per group", () => {
    // hdnd: r1, r2 (r1 rated two communes but is one person); ubnd: r3; citizens: 6 forms.
    expect(results.surveyDesign.map((g) => [g.group, g.planned, g.achieved])).toEqual([
      ["hdnd", 30, 2],
      ["ubnd", 3, 1],
      ["nguoi_dan", 1200, 6],
    ]);
  });

  it("records the method parameters, with the year as seed by default", () => {
    expect(results.parameters).toMatchObject({
      bootstrap_seed: 2023,
      bootstrap_replicates: 1000,
      previous_year: null,
    });
  });
});

describe("invariants validation guarantees", () => {
  it("refuses a survey leaf without any valid answer for a commune rather than inventing points", () => {
    const data = tinyYear();
    data.citizensForms = data.citizensForms.map((f) =>
      f.commune_code === T ? { ...f, answers: { ND01: "9", ND02: "9" } } : f,
    );
    expect(() => compute(data, exact)).toThrow(/30002.*2\.1/);
  });
});

describe("year over year", () => {
  it("publishes changes against the previous year's published figures, null where absent", () => {
    const previous: YearResults = {
      ...compute(tinyYear(), exact),
      year: 2022,
    };
    previous.tables.results = previous.tables.results
      .filter((r) => r.commune_code === X)
      .map((r) => ({ ...r, index_pct: 79.5, rank: 2 }));
    previous.tables.domains = previous.tables.domains
      .filter((d) => d.commune_code === X && d.domain_id === "1")
      .map((d) => ({ ...d, pct: 80 }));
    previous.district = { ...previous.district, index_pct: 74.9 };
    const results = compute(tinyYear(), { previous, bootstrap: false });
    // The district's published mean, 72.83, against the previous year's 74.9: −2.07.
    expect(results.district.index_change).toBe(-2.07);
    const x = results.tables.results.find((r) => r.commune_code === X)!;
    const t = results.tables.results.find((r) => r.commune_code === T)!;
    // 80.67 − 79.5 = 1.17; moved from rank 2 to rank 1: +1.
    expect([x.index_change, x.rank_change]).toEqual([1.17, 1]);
    expect([t.index_change, t.rank_change]).toEqual([null, null]);
    // Domain 1: 81.67 − 80 = 1.67; domain 2 was not in the previous year.
    expect(results.tables.domains.filter((d) => d.commune_code === X).map((d) => d.pct_change)).toEqual([
      1.67,
      null,
    ]);
    expect(results.parameters.previous_year).toBe(2022);
  });

  it("publishes no change for a unit merged from three former units, and names them", () => {
    const previous: YearResults = { ...compute(tinyYear(), exact), year: 2022 };
    // The year before, T and two other units, each with figures a change could have been taken from.
    const before = previous.tables.results;
    const t = before.find((r) => r.commune_code === T)!;
    previous.tables.results = [
      ...before.map((r) => ({ ...r, index_pct: 79.5 })),
      { ...t, commune_code: "30003", index_pct: 70 },
      { ...t, commune_code: "30004", index_pct: 60 },
    ];
    const data = tinyYear();
    data.communes = data.communes.map((c) =>
      c.code === T ? { ...c, predecessors: [T, "30003", "30004"], formed_on: "2025-07-01" } : c,
    );
    const results = compute(data, { previous, bootstrap: false });
    const merged = results.tables.results.find((r) => r.commune_code === T)!;
    expect([merged.index_change, merged.rank_change]).toEqual([null, null]);
    expect([merged.predecessors, merged.formed_on]).toEqual(["30002;30003;30004", "2025-07-01"]);
    expect(results.tables.domains.filter((d) => d.commune_code === T).map((d) => d.pct_change)).toEqual([
      null,
      null,
    ]);
    // X kept its extent: 80.67 − 79.5 = 1.17.
    expect(results.tables.results.find((r) => r.commune_code === X)!.index_change).toBe(1.17);
  });
});

// Appraisal-only years: one leaf worth 1,000 points (the most a score may be), so each commune's
// index is a tenth of its appraised score: scores have 2 decimals, the index 3 before rounding.
function appraisalOnly(scores: [code: string, name: string, score: number][]): YearFixture {
  return {
    manifest,
    plan: null,
    communes: scores.map(([code, name]) => commune(code, name, "xa")),
    criteria: [criterion("1", 1000, null), criterion("1.1", 1000, "appraisal")],
    groups: [],
    scales: [],
    questions: [],
    appraisal: scores.map(([commune_code, , score]) => ({
      commune_code,
      criterion_id: "1.1",
      self_score: score,
      appraised_score: score,
      note: null,
    })),
    officialsForms: [],
    citizensForms: [],
  };
}

describe("ranks and bands from the published index", () => {
  it("shares the best rank between equal published values (1, 2, 2, 4), ties ordered by name", () => {
    const { results } = compute(
      appraisalOnly([
        ["30001", "Xã Đông Xuyên", 856.74], // → 85.67
        ["30002", "Xã An Đức", 925],
        ["30003", "Xã Dân Chủ", 856.65], // → 85.67 (half away from zero)
        ["30004", "Xã Ứng Hòe", 700],
      ]),
      exact,
    ).tables;
    expect(results.map((r) => [r.commune_name, r.index_pct, r.rank])).toEqual([
      ["Xã An Đức", 92.5, 1],
      ["Xã Dân Chủ", 85.67, 2], // D before Đ in Vietnamese order
      ["Xã Đông Xuyên", 85.67, 2],
      ["Xã Ứng Hòe", 70, 4],
    ]);
  });

  it("bands by the rounded index: exactly 90 and 89.995 are A, 89.994 is B", () => {
    const { results } = compute(
      appraisalOnly([
        ["30001", "Xã Một", 900],
        ["30002", "Xã Hai", 899.95],
        ["30003", "Xã Ba", 899.94],
        ["30004", "Xã Bốn", 799.95],
        ["30005", "Xã Năm", 799.94],
      ]),
      exact,
    ).tables;
    expect(results.map((r) => [r.commune_code, r.index_pct, r.band, r.rank])).toEqual([
      ["30002", 90, "A", 1], // Hai before Một by name
      ["30001", 90, "A", 1],
      ["30003", 89.99, "B", 3],
      ["30004", 80, "B", 4],
      ["30005", 79.99, "C", 5],
    ]);
  });

  it("rounds each published number from its own exact value", () => {
    // Index 1.005 (a tie that binary floating point would round down) and 81.125.
    const { results } = compute(
      appraisalOnly([
        ["30001", "Xã Một", 10.05],
        ["30002", "Xã Hai", 811.25],
      ]),
      exact,
    ).tables;
    expect(results.map((r) => r.index_pct)).toEqual([81.13, 1.01]);
  });
});

describe("bootstrap", () => {
  const withBootstrap = { previous: null, bootstrap: true };

  it("gives identical intervals on two runs", () => {
    const first = compute(tinyYear(), withBootstrap).tables.results;
    const second = compute(tinyYear(), withBootstrap).tables.results;
    expect(second).toEqual(first);
  });

  it("brackets the point estimate with an interval and a rank range", () => {
    // Twelve citizens' and officials' forms per commune with varied answers.
    const data = tinyYear();
    const sipas = ["1", "2", "3", "4", "5", "9"];
    const abcd = ["A", "B", "C", "D", "E"];
    data.citizensForms = [X, T].flatMap((code, c) =>
      Array.from({ length: 12 }, (_, i) =>
        citizen(`c${code}${i}`, code, { ND01: sipas[(i + c) % 6]!, ND02: sipas[(2 * i + 1) % 6]! }),
      ),
    );
    data.officialsForms = [X, T].flatMap((code, c) =>
      Array.from({ length: 12 }, (_, i) =>
        official(`o${code}${i}`, `r${i}`, "hdnd", code, {
          CB01: abcd[(i + c) % 5]!,
          CB02: abcd[(3 * i) % 5]!,
        }),
      ),
    );
    for (const r of compute(data, withBootstrap).tables.results) {
      expect(r.index_ci_low).toBeLessThan(r.index_pct);
      expect(r.index_ci_high).toBeGreaterThan(r.index_pct);
      expect(r.rank_low).toBeLessThanOrEqual(r.rank);
      expect(r.rank_high).toBeGreaterThanOrEqual(r.rank);
      expect(r.rank_high).toBeLessThanOrEqual(2);
    }
  });

  it("collapses the interval to the point when all forms of a commune are identical", () => {
    const data = tinyYear();
    data.citizensForms = [X, T].flatMap((code) =>
      Array.from({ length: 5 }, (_, i) => citizen(`${code}-${i}`, code, { ND01: "4", ND02: "9", ND03: "2" })),
    );
    data.officialsForms = data.officialsForms.map((f) => ({ ...f, answers: { CB01: "B", CB02: "E" } }));
    // ND02 has no valid answer, so 2.1 = 4 × m(ND01) = 4 × 0.75 = 3; 1.3 = 2 × 0.6 = 1.2 (CB02 all E).
    // X: 2.5 + 1 + 1.2 + 3 = 7.7 of 10 → 77%. T: 2.75 + 1.2 + 3 = 6.95 of 9 → 77.222…% → 77.22.
    const { results } = compute(data, withBootstrap).tables;
    expect(
      results.map((r) => [r.index_pct, r.index_ci_low, r.index_ci_high, r.rank, r.rank_low, r.rank_high]),
    ).toEqual([
      [77.22, 77.22, 77.22, 1, 1, 1],
      [77, 77, 77, 2, 2, 2],
    ]);
  });
});
