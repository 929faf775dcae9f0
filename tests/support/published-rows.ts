// Complete, typed rows of the published tables for unit tests: every column has a believable value,
// and a test states only the columns it is about. A fixture cast from a partial object would hide a
// column the code under test starts to read; these cannot.
import type {
  DomainsRow,
  ResultsRow,
  ScoresRow,
  SurveyOptionsRow,
  SurveyRow,
} from "../../schemas/published.ts";

export function resultsRow(columns: Partial<ResultsRow> = {}): ResultsRow {
  return {
    commune_code: "11155",
    commune_name: "Thị trấn Ninh Giang",
    commune_type: "thi_tran",
    index_pct: 85.38,
    rank: 5,
    band: "B",
    points: 85.38,
    max_points: 100,
    appraisal_points: 55.5,
    survey_points: 29.88,
    self_points: 58,
    self_gap: 2.5,
    lowered_leaves: 2,
    satisfaction_pct: 78.5,
    index_ci_low: 84.1,
    index_ci_high: 86.7,
    rank_low: 3,
    rank_high: 8,
    n_citizens: 60,
    n_officials: 47,
    index_change: null,
    rank_change: null,
    unit_group: null,
    predecessors: null,
    formed_on: null,
    ...columns,
  };
}

export function domainsRow(columns: Partial<DomainsRow> = {}): DomainsRow {
  return {
    commune_code: "11155",
    commune_name: "Thị trấn Ninh Giang",
    domain_id: "1",
    domain_name: "Công tác chỉ đạo, điều hành cải cách hành chính",
    points: 10.5,
    max_points: 12,
    pct: 87.5,
    domain_rank: 1,
    district_avg_pct: 85,
    district_avg_points: 10.2,
    district_avg_gap: 2.5,
    pct_change: null,
    ...columns,
  };
}

export function scoresRow(columns: Partial<ScoresRow> = {}): ScoresRow {
  return {
    commune_code: "11155",
    criterion_id: "1.1",
    parent_id: "1",
    level: 2,
    criterion_name: "Kế hoạch cải cách hành chính năm",
    source: "appraisal",
    points: 2,
    max_points: 2,
    pct: 100,
    self_score: 2,
    appraised_score: 2,
    note: null,
    ...columns,
  };
}

export function surveyRow(columns: Partial<SurveyRow> = {}): SurveyRow {
  return {
    commune_code: "11155",
    panel: "citizens",
    question_id: "ND02",
    question_text: "Ông/bà có hài lòng với cách tiếp cận dịch vụ không?",
    criterion_id: "8.1",
    sipas_element: 1,
    forms: 60,
    valid_answers: 58,
    excluded_answers: 1,
    no_answer: 1,
    mean_coefficient: 0.78,
    satisfied_pct: 81.03,
    satisfied_ci_low: 69.2,
    satisfied_ci_high: 89.1,
    ...columns,
  };
}

export function surveyOptionsRow(columns: Partial<SurveyOptionsRow> = {}): SurveyOptionsRow {
  return {
    commune_code: "11155",
    panel: "citizens",
    question_id: "ND02",
    option: "4",
    option_label: "Hài lòng",
    coefficient: 0.75,
    count: 30,
    ...columns,
  };
}
