// The SQL of /so-sanh/. Every commune code is a bound parameter; only the number of `?` depends
// on the selection (2–4), and table names are the published ones.
import type { PublishedData } from "./engine.ts";
import { placeholders } from "./sql.ts";

/** The published figures of a compared commune (a subset of `results`). */
export interface ComparedResult {
  commune_code: string;
  commune_name: string;
  index_pct: number;
  rank: number;
  band: string;
  points: number;
  max_points: number;
  appraisal_points: number;
  survey_points: number;
  satisfaction_pct: number | null;
  index_ci_low: number;
  index_ci_high: number;
  rank_low: number;
  rank_high: number;
}

/** One commune × domain row of `domains`. */
export interface ComparedDomain {
  commune_code: string;
  domain_id: string;
  domain_name: string;
  points: number;
  max_points: number;
  pct: number;
  district_avg_pct: number;
}

/** One commune × leaf criterion, with the criterion's gap across the compared communes. */
export interface CriterionScore {
  criterion_id: string;
  criterion_name: string;
  source: "appraisal" | "survey" | "mixed";
  commune_code: string;
  points: number;
  max_points: number;
  /** Highest minus lowest points among the compared communes; null when a commune lacks the criterion. */
  gap: number | null;
}

/** The tables /so-sanh/ loads. */
export const compareTables = ["results", "domains", "scores"] as const;

export function comparedResults(data: PublishedData, codes: readonly string[]): Promise<ComparedResult[]> {
  return data.query<ComparedResult>(
    `SELECT commune_code, commune_name, index_pct, rank, band, points, max_points, appraisal_points,
            survey_points, satisfaction_pct, index_ci_low, index_ci_high, rank_low, rank_high
       FROM results
      WHERE commune_code IN (${placeholders(codes.length)})`,
    codes,
  );
}

export function comparedDomains(data: PublishedData, codes: readonly string[]): Promise<ComparedDomain[]> {
  return data.query<ComparedDomain>(
    `SELECT commune_code, domain_id, domain_name, points, max_points, pct, district_avg_pct
       FROM domains
      WHERE commune_code IN (${placeholders(codes.length)})
      ORDER BY TRY_CAST(domain_id AS INTEGER), domain_id, commune_code`,
    codes,
  );
}

/**
 * Leaf criteria (those no criterion names as parent) of the compared communes, largest gap first,
 * then in criteria-tree order (1.2 before 1.10). Published points have 2 decimals, so the gap is
 * rounded to 2 decimals to drop binary noise from the subtraction.
 */
export function criterionScores(data: PublishedData, codes: readonly string[]): Promise<CriterionScore[]> {
  return data.query<CriterionScore>(
    `WITH leaves AS (
       SELECT commune_code, criterion_id, criterion_name, source, points, max_points
         FROM scores s
        WHERE commune_code IN (${placeholders(codes.length)})
          AND NOT EXISTS (SELECT 1 FROM scores c WHERE c.parent_id = s.criterion_id)
     )
     SELECT criterion_id, criterion_name, source, commune_code, points, max_points,
            CASE WHEN count(*) OVER w = ? THEN round(max(points) OVER w - min(points) OVER w, 2) END AS gap
       FROM leaves
     WINDOW w AS (PARTITION BY criterion_id)
      ORDER BY gap DESC NULLS LAST, CAST(string_split(criterion_id, '.') AS INTEGER[]), commune_code`,
    [...codes, codes.length],
  );
}
