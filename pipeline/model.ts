// The typed records of one year, as validation hands them to computation (read → validate → compute).
import type { AppraisalScore } from "../schemas/appraisal.ts";
import type { Commune } from "../schemas/communes.ts";
import type { Criterion } from "../schemas/criteria.ts";
import type { DatasetManifest } from "../schemas/dataset.ts";
import type { Group } from "../schemas/groups.ts";
import type { PlanStep } from "../schemas/plan.ts";
import type {
  DistrictSummary,
  GroupSummary,
  MethodParameters,
  PublishedPlanStep,
  SurveyDesignRow,
  SurveyQuota,
  SurveyTotals,
} from "../schemas/published-manifest.ts";
import type {
  PublishedTables,
  ResponsesRow,
  ScoresRow,
  SurveyOptionsRow,
  SurveyRow,
} from "../schemas/published.ts";
import type { Question } from "../schemas/questions.ts";
import type { ScaleOption } from "../schemas/scales.ts";
import { hundredths } from "./rules/hundredths.ts";

/** Everything the index of one year depends on, validated: the contents of `data/<year>/`. */
export interface YearData {
  manifest: DatasetManifest;
  communes: Commune[];
  criteria: Criterion[];
  groups: Group[];
  scales: ScaleOption[];
  questions: Question[];
  appraisal: AppraisalColumns;
  officialsForms: OfficialsForms;
  citizensForms: SurveyForms;
  /** The steps of the year's plan, by step number; null for a year without `plan.csv`. */
  plan: PlanStep[] | null;
}

/**
 * The appraisal in columns (445,200 rows at national scale: as objects they were most of the
 * validation's garbage and compute regrouped them in a Map per commune). Row `i` scores criterion
 * `criterionIds[criterion[i]]` of commune `communeCodes[commune[i]]`, in file order; scores are whole
 * hundredths of a point (schemas/appraisal.ts: at most 2 decimals, at most 1,000 points).
 */
export interface AppraisalColumns {
  /** The number of rows: the length of every column below. */
  size: number;
  /** The distinct commune codes, in order of first appearance. */
  communeCodes: readonly string[];
  /** Index into `communeCodes`. */
  commune: Uint32Array;
  /** The distinct criterion ids, in order of first appearance. */
  criterionIds: readonly string[];
  /** Index into `criterionIds`. */
  criterion: Uint32Array;
  selfScore: Int32Array;
  appraisedScore: Int32Array;
  /** The notes that are not blank, by row (most are blank). */
  notes: ReadonlyMap<number, string>;
}

/**
 * Records in columns, as validation hands them over (validate/appraisal.ts reads them straight from
 * the file): for tests that write an appraisal as records.
 */
export function appraisalFromRecords(records: readonly AppraisalScore[]): AppraisalColumns {
  const communeCodes = [...new Set(records.map((r) => r.commune_code))];
  const criterionIds = [...new Set(records.map((r) => r.criterion_id))];
  const notes = new Map<number, string>();
  records.forEach((r, i) => r.note !== null && notes.set(i, r.note));
  return {
    size: records.length,
    communeCodes,
    commune: Uint32Array.from(records, (r) => communeCodes.indexOf(r.commune_code)),
    criterionIds,
    criterion: Uint32Array.from(records, (r) => criterionIds.indexOf(r.criterion_id)),
    selfScore: Int32Array.from(records, (r) => hundredths(r.self_score)),
    appraisedScore: Int32Array.from(records, (r) => hundredths(r.appraised_score)),
    notes,
  };
}

/**
 * One panel's forms in columns (a million forms at national scale: as objects with an answers
 * record each they cost most of the memory and a third of the time in garbage collection). Form
 * `i` rates commune `communeCodes[commune[i]]`; its answer to question `questionIds[q]` is
 * `answers[q][i]`: 0 for blank, otherwise 1 + the index of the option in its scale, in scales.csv
 * order. form_id is not kept: it is only checked for uniqueness and never published.
 */
export interface SurveyForms {
  /** The number of forms: the length of `commune` and of every answers column. */
  size: number;
  /** The distinct commune codes, in order of first appearance. */
  communeCodes: readonly string[];
  /** Index into `communeCodes`. */
  commune: Uint32Array;
  /** The question columns of the file, in header order. */
  questionIds: readonly string[];
  answers: readonly Uint16Array[];
}

/** Officials' forms also say who answered (one person rates several communes) and their group. */
export interface OfficialsForms extends SurveyForms {
  respondentIds: readonly string[];
  groups: readonly string[];
}

/**
 * The input files of a year, in the order the manifest lists them (validation reads the survey
 * files first, for the garbage collector: pipeline/validate/index.ts).
 */
export const inputFiles = [
  "dataset.json",
  "communes.csv",
  "criteria.csv",
  "groups.csv",
  "scales.csv",
  "questions.csv",
  "appraisal.csv",
  "survey-officials.csv",
  "survey-citizens.csv",
  "plan.csv",
] as const;
export type InputFileName = (typeof inputFiles)[number];

/**
 * Input files a year may lack. The plan is the district's plan of that year; the one in hand is
 * 2023's, and a year's plan is never made up, so a year without one is published without it.
 */
export const optionalInputFiles: ReadonlySet<InputFileName> = new Set(["plan.csv"]);

/**
 * A published table held in columns instead of one object per row. At national scale the scores,
 * survey, survey_options and responses tables have 0.8, 0.5, 1.6 and 9.4 million rows: as objects they took most
 * of computation's memory and time in garbage collection. Row `i`'s cell of a column is
 * `read[column](i)`. The readers are keyed by the contract's column names, so a column added to the
 * contract does not compile until it can be read; undefined (an index outside its dictionary) is
 * refused by the writers like any missing value.
 */
export interface ColumnTable<Row> {
  /** The number of rows. */
  rows: number;
  read: { readonly [C in keyof Row]-?: (row: number) => Row[C] | undefined };
}

/** A published table as computation hands it to publishing: rows, or the same rows in columns. */
export type TableData<Row> = readonly Row[] | ColumnTable<Row>;

/**
 * The `responses` table (schemas/published.ts `responsesRow`: one row per citizen's non-blank
 * answer) as indexes into small dictionaries of distinct values, each column in the narrowest
 * unsigned array that holds its largest value: 5 bytes a row at national scale (9.4 million rows,
 * where every fresh megabyte costs time). Row `i` is
 * { commune_code: communeCodes[commune[i]], response_no: responseNo[i],
 *   question_id: questionIds[question[i]], option: options[question[i]][option[i]] }.
 */
export interface ResponsesColumns extends ColumnTable<ResponsesRow> {
  communeCodes: readonly string[];
  questionIds: readonly string[];
  /** Per question, its scale's options in scales.csv order. */
  options: readonly (readonly string[])[];
  /** Index into `communeCodes`. */
  commune: IndexArray;
  /** The form's number within its commune, from 1, in the order of its answers (compute/responses.ts). */
  responseNo: IndexArray;
  /** Index into `questionIds`. */
  question: IndexArray;
  /** Index into the question's `options`. */
  option: IndexArray;
}

export type IndexArray = Uint8Array | Uint16Array | Uint32Array;

/** The published tables as computation hands them to publishing: the largest in columns. */
export type ComputedTables = Omit<PublishedTables, "scores" | "survey" | "survey_options" | "responses"> & {
  scores: TableData<ScoresRow>;
  survey: TableData<SurveyRow>;
  survey_options: TableData<SurveyOptionsRow>;
  responses: ResponsesColumns;
};

/** What computation gives publishing: every published table, already rounded, plus context. */
export interface YearResults {
  year: number;
  tables: ComputedTables;
  surveyDesign: SurveyDesignRow[];
  surveyQuotas: SurveyQuota[];
  surveyTotals: SurveyTotals;
  district: DistrictSummary;
  /** Each group's average (pipeline/compute/groups.ts); null when no unit has a group. */
  unitGroups: GroupSummary[] | null;
  /** The previous year's district figures, for the change the report states; null without one. */
  previousDistrict: DistrictSummary | null;
  plan: PublishedPlanStep[] | null;
  parameters: MethodParameters;
}
