// The compact summary shipped with the interactive pages (docs/architecture.md#the-site: "No published figure waits for
// the query engine"): every commune's published result and domain rates, copied field by field from
// the pipeline's tables — nothing is recomputed. /so-sanh/ carries it inline; commune and domain
// pages fetch /tom-tat.json (a few KB) when their interactive chart comes into view.
import type { DomainsRow } from "../../schemas/published.ts";
import type { PublishedYear } from "./data.ts";

/** A commune's published figures, as /so-sanh/ shows them. */
export interface SummaryResult {
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

/** One commune × domain row of the published `domains` table, as the summary carries it. */
export type SummaryDomain = Pick<
  DomainsRow,
  | "commune_code"
  | "commune_name"
  | "domain_id"
  | "domain_name"
  | "points"
  | "max_points"
  | "pct"
  | "domain_rank"
  | "district_avg_pct"
  | "district_avg_points"
>;

export interface SummaryFigures {
  year: number;
  version: string;
  district: string;
  results: SummaryResult[];
  /** In domain order (1, 2 … 8), then by commune code. */
  domains: SummaryDomain[];
}

export function summaryFigures({ year, manifest, results, domains }: PublishedYear): SummaryFigures {
  return {
    year,
    version: manifest.version,
    district: manifest.district?.name ?? manifest.province.name,
    results: results.map((row) => ({
      commune_code: row.commune_code,
      commune_name: row.commune_name,
      index_pct: row.index_pct,
      rank: row.rank,
      band: row.band,
      points: row.points,
      max_points: row.max_points,
      appraisal_points: row.appraisal_points,
      survey_points: row.survey_points,
      satisfaction_pct: row.satisfaction_pct,
      index_ci_low: row.index_ci_low,
      index_ci_high: row.index_ci_high,
      rank_low: row.rank_low,
      rank_high: row.rank_high,
    })),
    domains: [...domains]
      .sort(
        (a, b) =>
          Number(a.domain_id) - Number(b.domain_id) ||
          a.domain_id.localeCompare(b.domain_id) ||
          a.commune_code.localeCompare(b.commune_code),
      )
      .map((row) => ({
        commune_code: row.commune_code,
        commune_name: row.commune_name,
        domain_id: row.domain_id,
        domain_name: row.domain_name,
        points: row.points,
        max_points: row.max_points,
        pct: row.pct,
        domain_rank: row.domain_rank,
        district_avg_pct: row.district_avg_pct,
        district_avg_points: row.district_avg_points,
      })),
  };
}

/** JSON safe inside an HTML <script type="application/json"> element (no `</script>` can end it). */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
