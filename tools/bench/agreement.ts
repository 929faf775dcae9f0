// Do the pipeline and DuckDB publish the same figures? Compared commune by commune on the
// published (rounded) values, so "agree" means "a reader would see the same number".
import type { ResultsRow } from "../../schemas/published.ts";
import type { IndexEstimate } from "../../tests/support/duckdb-index.ts";

export type ComparedField = Exclude<keyof IndexEstimate, "commune_code">;
export const comparedFields: ComparedField[] = [
  "index_pct",
  "rank",
  "points",
  "max_points",
  "appraisal_points",
  "survey_points",
];

/** The figures of the pipeline's published results that DuckDB also computes. */
export function estimatesOf(rows: readonly ResultsRow[]): IndexEstimate[] {
  return rows.map((row) => ({
    commune_code: row.commune_code,
    index_pct: row.index_pct,
    rank: row.rank,
    points: row.points,
    max_points: row.max_points,
    appraisal_points: row.appraisal_points,
    survey_points: row.survey_points,
  }));
}

export interface Disagreement {
  commune_code: string;
  field: ComparedField;
  pipeline: number | null;
  duckdb: number | null;
}

export interface Agreement {
  communes: number;
  /** Communes present in one result and missing from the other. */
  missing: string[];
  /** Disagreements per field (published values that differ). */
  counts: Record<ComparedField, number>;
  /** At most `maxExamples` disagreements, index_pct first. */
  examples: Disagreement[];
}

export function compareEstimates(
  pipeline: IndexEstimate[],
  duckdb: IndexEstimate[],
  maxExamples = 5,
): Agreement {
  const byCode = new Map(duckdb.map((row) => [row.commune_code, row]));
  const pipelineCodes = new Set(pipeline.map((row) => row.commune_code));
  const missing = [
    ...pipeline.filter((row) => !byCode.has(row.commune_code)).map((row) => row.commune_code),
    ...duckdb.filter((row) => !pipelineCodes.has(row.commune_code)).map((row) => row.commune_code),
  ];
  const counts = Object.fromEntries(comparedFields.map((field) => [field, 0])) as Record<
    ComparedField,
    number
  >;
  const disagreements: Disagreement[] = [];
  for (const ours of pipeline) {
    const theirs = byCode.get(ours.commune_code);
    if (theirs === undefined) continue;
    for (const field of comparedFields) {
      if (ours[field] !== theirs[field]) {
        counts[field] += 1;
        disagreements.push({
          commune_code: ours.commune_code,
          field,
          pipeline: ours[field],
          duckdb: theirs[field],
        });
      }
    }
  }
  const order = (d: Disagreement) => comparedFields.indexOf(d.field);
  return {
    communes: pipelineCodes.size,
    missing,
    counts,
    examples: disagreements.sort((a, b) => order(a) - order(b)).slice(0, maxExamples),
  };
}
