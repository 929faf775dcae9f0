// The SQL of /so-sanh/. Every commune code is a bound parameter; only the number of `?` depends
// on the selection (2–4), and table names are the published ones.
import type { PublishedData } from "./engine.ts";
import { placeholders } from "./sql.ts";
import type { DomainBar } from "../../charts/compare-domains.ts";

/** One commune × domain row of `domains`, as the comparison chart draws it. */
export type ComparedDomain = DomainBar;

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

/** The table /so-sanh/ loads for the criteria differences (the rest comes with the page). */
export const criteriaTables = ["scores"] as const;

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
