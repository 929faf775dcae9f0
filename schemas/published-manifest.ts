// The published manifest (`/data/<year>/dataset.json`, docs/data-contract.md#published-tables): the year's input manifest plus
// what the pipeline adds when it publishes — build time, the sha256 of every input and output,
// the method parameters used, the survey design, the district summary and the validation warnings.
// The pipeline writes exactly this shape and the site validates it on reading.
import { z } from "zod";
import { datasetManifest } from "./dataset.ts";

export const fileRecord = z.object({
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  /** Data rows; null where a file is not one table (the workbook, the manifest). */
  rows: z.number().int().nonnegative().nullable(),
});

export const methodParameters = z.object({
  rounding: z.literal("half_away_from_zero_2dp"),
  rank: z.literal("competition_by_published_index"),
  bootstrap_seed: z.number().int(),
  bootstrap_replicates: z.number().int(),
  interval_level: z.literal(0.95),
  satisfaction_interval: z.literal("wilson"),
  bands: datasetManifest.shape.bands,
  previous_year: z.number().int().nullable(),
});

/** Planned vs achieved respondents of one group (the methodology page shows them). */
export const surveyDesignRow = z.object({
  group: z.string(),
  name: z.string(),
  panel: z.enum(["officials", "citizens"]),
  planned: z.number().int(),
  achieved: z.number().int(),
});

/** A commune's planned citizens' questionnaires against the forms received. */
export const surveyQuota = z.object({
  commune_code: z.string(),
  survey_quota: z.number().int(),
  citizens_forms: z.number().int(),
});

/**
 * The survey as a whole: the people the plan meant to ask (1.248 in 2023) and those who answered,
 * summed over the groups of `survey_design`; the citizens' quota of each unit when it is the same
 * for every unit (60 in 2023), else null.
 */
export const surveyTotals = z.object({
  planned: z.number().int(),
  achieved: z.number().int(),
  quota_per_commune: z.number().int().nullable(),
});

/** A step of the year's plan as published: its deadline in words and whether it was done on time. */
export const publishedPlanStep = z.object({
  step: z.number().int(),
  title: z.string(),
  lead: z.string(),
  partners: z.string().nullable(),
  planned_start: z.string().nullable(),
  planned_end: z.string(),
  /** The planned time as the plan says it: "Tháng 12/2023", "Tháng 01–02/2024", "Chậm nhất ngày 10/01/2024". */
  planned_period: z.string(),
  done_on: z.string().nullable(),
  /** Done by the deadline, after it, or not (yet) done. */
  status: z.enum(["on_time", "late", "not_done"]),
  /** Days after the deadline when late, else null. */
  days_late: z.number().int().nullable(),
  note: z.string().nullable(),
});

/**
 * The district's satisfaction with one SIPAS element: every citizens' answer of the district
 * together (the sums of the `satisfaction` table's counts over the units), the satisfied share of
 * the valid answers rounded once. Listed for the elements with a valid answer, in element order.
 */
export const districtElement = z.object({
  element: z.number().int(),
  element_name: z.string(),
  valid_answers: z.number().int(),
  satisfied_answers: z.number().int(),
  satisfied_pct: z.number(),
});

/**
 * District-level figures, computed from the communes' full-precision values and rounded once:
 * the plain mean over communes (each commune counts once) of the index and of satisfaction.
 */
export const districtSummary = z.object({
  communes: z.number().int(),
  index_pct: z.number(),
  satisfaction_pct: z.number().nullable(),
  /** index_pct − the previous year's published index_pct, exact (percentage points); null without a previous year. */
  index_change: z.number().nullable(),
  /** The citizens' forms of every unit: the sum of the results' n_citizens. */
  citizens_forms: z.number().int(),
  satisfaction_elements: z.array(districtElement),
});

/**
 * One group of units (communes.csv's `group`, e.g. a former district): its units and the plain mean
 * of their full-precision index, rounded once, as the area's average is (pipeline/compute/groups.ts).
 */
export const groupSummary = z.object({
  group: z.string(),
  communes: z.number().int(),
  index_pct: z.number(),
});

/** A validation warning as a published fact: never the raw value, which may be a name or a phone. */
export const publishedWarning = z.object({
  file: z.string(),
  line: z.number().int().nullable(),
  column: z.string().nullable(),
  code: z.string(),
  message_vi: z.string(),
});

export const publishedManifest = datasetManifest
  .omit({ bootstrap_seed: true, bootstrap_replicates: true, releases: true })
  .extend({
    releases: datasetManifest.shape.releases.unwrap(),
    /** ISO 8601, UTC: the commit's time (SOURCE_DATE_EPOCH), never the clock. */
    build_time: z.string(),
    inputs: z.array(fileRecord),
    outputs: z.array(fileRecord),
    parameters: methodParameters,
    district_summary: districtSummary,
    /** Each group's average, groups in Vietnamese order; absent when no unit has a group. */
    group_summary: z.array(groupSummary).optional(),
    survey_design: z.array(surveyDesignRow),
    survey_quotas: z.array(surveyQuota),
    survey_totals: surveyTotals,
    /** The year's plan, step by step; null for a year without a plan file. */
    plan: z.array(publishedPlanStep).nullable(),
    warnings: z.array(publishedWarning),
  });

export type FileRecord = z.output<typeof fileRecord>;
export type MethodParameters = z.output<typeof methodParameters>;
export type SurveyDesignRow = z.output<typeof surveyDesignRow>;
export type SurveyQuota = z.output<typeof surveyQuota>;
export type SurveyTotals = z.output<typeof surveyTotals>;
export type PublishedPlanStep = z.output<typeof publishedPlanStep>;
export type DistrictElement = z.output<typeof districtElement>;
export type DistrictSummary = z.output<typeof districtSummary>;
export type GroupSummary = z.output<typeof groupSummary>;
export type PublishedWarning = z.output<typeof publishedWarning>;
export type PublishedManifest = z.output<typeof publishedManifest>;
