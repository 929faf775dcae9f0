// A hand-made year of results for the publishing tests: two communes, one of them with a name that a
// spreadsheet would run as a formula, a code with leading zeros, nulls, negative changes and
// Vietnamese text; rows also carry properties outside the contract that must never be published.
import type { DatasetManifest } from "../../../schemas/dataset.ts";
import { responsesTable } from "../../../pipeline/compute/responses.ts";
import type { YearResults } from "../../../pipeline/model.ts";
import type { YearPublication } from "../../../pipeline/publish/index.ts";
import { testManifest } from "../../support/test-manifest.ts";

export const manifest: DatasetManifest = testManifest({
  title: "Chỉ số cải cách hành chính của UBND các xã, thị trấn huyện Ninh Giang năm 2023",
  legal_basis: [{ ref: "3395/QĐ-UBND", date: "2022-12-15", title: "Quyết định ban hành Bộ chỉ số" }],
  notes: "Dữ liệu mẫu.",
});

const notInContract = { respondent_id: "CANARY-RESPONDENT-ID", form_id: "CANARY-FORM-ID" };

export function results(): YearResults {
  return {
    year: 2023,
    tables: {
      results: [
        {
          commune_code: "00007",
          commune_name: "=Xã Hồng Dụ",
          commune_type: "xa",
          index_pct: 91.5,
          rank: 1,
          band: "A",
          points: 91.5,
          max_points: 100,
          appraisal_points: 60.25,
          survey_points: 31.25,
          self_points: 62,
          self_gap: 1.75,
          lowered_leaves: 2,
          satisfaction_pct: 87.13,
          index_ci_low: 89.02,
          index_ci_high: 93.4,
          rank_low: 1,
          rank_high: 2,
          n_citizens: 58,
          n_officials: 44,
          index_change: -1.25,
          rank_change: 0,
          unit_group: null,
          predecessors: null,
          formed_on: null,
          ...notInContract,
        },
        {
          commune_code: "10960",
          commune_name: "Thị trấn Ninh Giang",
          commune_type: "thi_tran",
          index_pct: 79.99,
          rank: 2,
          band: "C",
          points: 77.59,
          max_points: 97,
          appraisal_points: 50,
          survey_points: 27.59,
          self_points: 50,
          self_gap: 0,
          lowered_leaves: 0,
          satisfaction_pct: null,
          index_ci_low: 78.1,
          index_ci_high: 81.75,
          rank_low: 1,
          rank_high: 2,
          n_citizens: 0,
          n_officials: 40,
          index_change: null,
          rank_change: null,
          unit_group: null,
          predecessors: null,
          formed_on: null,
        },
      ],
      domains: [
        {
          commune_code: "00007",
          commune_name: "=Xã Hồng Dụ",
          domain_id: "1",
          domain_name: "Công tác chỉ đạo, điều hành cải cách hành chính",
          points: 10.8,
          max_points: 12,
          pct: 90,
          domain_rank: 1,
          district_avg_pct: 85.5,
          district_avg_points: 10.26,
          district_avg_gap: 4.5,
          pct_change: null,
        },
      ],
      scores: [
        {
          commune_code: "00007",
          criterion_id: "1.2",
          parent_id: "1",
          level: 2,
          criterion_name: "Ban hành kế hoạch CCHC",
          source: "appraisal",
          points: 1.5,
          max_points: 2,
          pct: 75,
          points_lost: 0.5,
          district_points_lost: 0.5,
          self_score: 2,
          appraised_score: 1.5,
          note: '+ Chậm 5 ngày, thiếu "báo cáo quý"',
        },
      ],
      survey: [
        {
          commune_code: "00007",
          panel: "citizens",
          question_id: "ND01",
          question_text: "Ông/bà hài lòng với việc tiếp cận dịch vụ?",
          criterion_id: "8.1",
          sipas_element: 1,
          forms: 58,
          valid_answers: 55,
          excluded_answers: 2,
          no_answer: 1,
          mean_coefficient: 0.78,
          satisfied_pct: 80,
          satisfied_ci_low: 67.64,
          satisfied_ci_high: 88.45,
          ...notInContract,
        },
      ],
      satisfaction: [
        {
          commune_code: "00007",
          element: 1,
          element_name: "Tiếp cận dịch vụ",
          valid_answers: 55,
          satisfied_answers: 44,
          satisfied_pct: 80,
          ci_low: 67.64,
          ci_high: 88.45,
        },
      ],
      survey_options: [
        {
          commune_code: "00007",
          panel: "citizens",
          question_id: "ND01",
          option: "5",
          option_label: "Rất hài lòng",
          coefficient: 0.125,
          count: 20,
        },
        {
          commune_code: "00007",
          panel: "citizens",
          question_id: "ND01",
          option: "9",
          option_label: "Không biết",
          coefficient: null,
          count: 2,
        },
      ],
      // Rows: 00007 form 1 ND01 → 5, 00007 form 2 ND01 → 4.
      responses: responsesTable({
        communeCodes: ["00007"],
        questionIds: ["ND01"],
        options: [["5", "4"]],
        commune: Uint32Array.of(0, 0),
        responseNo: Uint32Array.of(1, 2),
        question: Uint16Array.of(0, 0),
        option: Uint16Array.of(0, 1),
      }),
    },
    surveyDesign: [
      { group: "nguoi_dan", name: "Người dân, tổ chức", panel: "citizens", planned: 1200, achieved: 58 },
    ],
    surveyQuotas: [{ commune_code: "00007", survey_quota: 60, citizens_forms: 58 }],
    surveyTotals: { planned: 1200, achieved: 58, quota_per_commune: 60 },
    district: {
      communes: 1,
      index_pct: 91.5,
      satisfaction_pct: null,
      index_change: 1.25,
      citizens_forms: 58,
      satisfaction_elements: [],
    },
    unitGroups: null,
    previousDistrict: {
      communes: 1,
      index_pct: 90.25,
      satisfaction_pct: null,
      index_change: null,
      citizens_forms: 58,
      satisfaction_elements: [],
    },
    plan: null,
    parameters: {
      rounding: "half_away_from_zero_2dp",
      rank: "competition_by_published_index",
      bootstrap_seed: 2023,
      bootstrap_replicates: 1000,
      interval_level: 0.95,
      satisfaction_interval: "wilson",
      bands: manifest.bands,
      previous_year: 2022,
    },
  };
}

/** 2024-01-15T03:04:05Z, as if it came from SOURCE_DATE_EPOCH=1705287845. */
export const buildTime = new Date(Date.UTC(2024, 0, 15, 3, 4, 5));

export function publication(): YearPublication {
  return {
    manifest,
    inputs: [{ file: "dataset.json", sha256: "0".repeat(64), bytes: 812, rows: null }],
    problems: [
      {
        file: "survey-citizens.csv",
        line: 1,
        column: "so_dien_thoai",
        value: "CANARY-PHONE-0987654321",
        code: "unknown_column",
        severity: "warning",
        message_vi: "Cột không có trong mẫu; không được công bố.",
        message_en: "Unknown column; never published.",
      },
      {
        file: "appraisal.csv",
        line: 3,
        column: "self_score",
        value: "tám",
        code: "not_a_number",
        severity: "error",
        message_vi: "Không phải số.",
        message_en: "Not a number.",
      },
    ],
    results: results(),
    buildTime,
    sources: null,
  };
}
