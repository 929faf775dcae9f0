// The typed records of one year, as validation hands them to computation (read → validate → compute).
import type { AppraisalScore } from "../schemas/appraisal.ts";
import type { Commune } from "../schemas/communes.ts";
import type { Criterion } from "../schemas/criteria.ts";
import type { DatasetManifest } from "../schemas/dataset.ts";
import type { Group } from "../schemas/groups.ts";
import type {
  DistrictSummary,
  MethodParameters,
  SurveyDesignRow,
  SurveyQuota,
} from "../schemas/published-manifest.ts";
import type { PublishedTables } from "../schemas/published.ts";
import type { Question } from "../schemas/questions.ts";
import type { ScaleOption } from "../schemas/scales.ts";
import type { CitizensForm, OfficialsForm } from "../schemas/survey.ts";

/** Everything the index of one year depends on, validated: the contents of `data/<year>/`. */
export interface YearData {
  manifest: DatasetManifest;
  communes: Commune[];
  criteria: Criterion[];
  groups: Group[];
  scales: ScaleOption[];
  questions: Question[];
  appraisal: AppraisalScore[];
  officialsForms: OfficialsForm[];
  citizensForms: CitizensForm[];
}

/** The input files of a year, in the order they are read and listed in the manifest. */
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
] as const;
export type InputFileName = (typeof inputFiles)[number];

/** What computation gives publishing: every published table, already rounded, plus context. */
export interface YearResults {
  year: number;
  tables: PublishedTables;
  surveyDesign: SurveyDesignRow[];
  surveyQuotas: SurveyQuota[];
  district: DistrictSummary;
  parameters: MethodParameters;
}
