// What the domain pages (/linh-vuc/ and /linh-vuc/<id>/) show, prepared from the published tables:
// the pages only render it. Every figure is a published one.
import type { DomainsRow, ResultsRow, ScoresRow } from "../../schemas/published.ts";
import { maximaByType, unitTypes, type TypedMaximum } from "../../pipeline/rules/display.ts";
import { criteriaTree } from "./criteria.ts";
import { compareDottedIds } from "../../pipeline/rules/dotted-ids.ts";
import { groupBy } from "../../pipeline/rules/group.ts";
import type { CriterionEntry } from "./criteria.ts";
import type { PublishedYear } from "./data.ts";
import { compareVietnamese } from "../../pipeline/rules/format.ts";

/** A commune's points lost on one criterion. */
export interface CommuneLoss {
  name: string;
  lost: number;
  max: number;
}

/** A leaf criterion with the communes that lost points on it, the biggest loss first. */
export interface CriterionLoss {
  criterion: CriterionEntry;
  lost: CommuneLoss[];
  /** The published sum of the losses over the units the criterion applies to. */
  total: number;
}

export interface DomainPageView {
  name: string;
  /** The district average of the domain (%). */
  average: number;
  /** The communes' rows on the domain, best first (their published `domain_rank`), ties in Vietnamese alphabetical order. */
  rows: DomainsRow[];
  /** Some commune has a change on the year before: the table gets that column. */
  hasChange: boolean;
  /** The domain's criteria in tree order. */
  criteria: CriterionEntry[];
  /** Its leaf criteria, the most points lost first. */
  losses: CriterionLoss[];
}

export type DomainPageTables = Pick<PublishedYear, "domains" | "scores" | "results">;

export function domainPage(data: DomainPageTables, id: string): DomainPageView {
  const rows = data.domains
    .filter((row) => row.domain_id === id)
    .sort((a, b) => a.domain_rank - b.domain_rank || compareVietnamese(a.commune_name, b.commune_name));
  const first = rows[0];
  const domainScores = data.scores.filter((row) => row.criterion_id.startsWith(`${id}.`));
  const criteria = criteriaTree(domainScores, unitTypes(data.results));
  const communeNames = new Map(data.results.map((row) => [row.commune_code, row.commune_name]));
  return {
    name: first?.domain_name ?? id,
    average: first?.district_avg_pct ?? 0,
    rows,
    hasChange: rows.some((row) => row.pct_change !== null),
    criteria,
    losses: pointsLost(criteria, domainScores, communeNames),
  };
}

/**
 * For each leaf criterion: the communes that lost points on it (most first, ties alphabetical),
 * and the total lost, both as the scores table publishes them (`points_lost`,
 * `district_points_lost`); the criteria with the most points lost first, ties in tree order ("1.9"
 * before "1.10"). A criterion on which no commune lost anything is listed with an empty list.
 */
export function pointsLost(
  criteria: readonly CriterionEntry[],
  scores: readonly ScoresRow[],
  communeNames: ReadonlyMap<string, string>,
): CriterionLoss[] {
  const rowsOf = groupBy(scores, (row) => row.criterion_id);
  return criteria
    .filter((criterion) => criterion.isLeaf)
    .map((criterion) => {
      const rows = rowsOf.get(criterion.id) ?? [];
      const lost = rows
        .filter((row) => row.points_lost > 0)
        .map((row) => ({
          name: communeNames.get(row.commune_code) ?? row.commune_code,
          lost: row.points_lost,
          max: row.max_points,
        }))
        .sort((a, b) => b.lost - a.lost || compareVietnamese(a.name, b.name));
      return { criterion, lost, total: rows[0]?.district_points_lost ?? 0 };
    })
    .sort((a, b) => b.total - a.total || compareDottedIds(a.criterion.id, b.criterion.id));
}

/** One line of the domains overview. */
export interface DomainSummary {
  id: string;
  name: string;
  /** The district average of the domain (%). */
  average: number;
  /** Its maximum per kind of unit (one entry when xã and thị trấn share it). */
  maxima: TypedMaximum[];
}

/** The domains in id order with their district average and maxima (the /linh-vuc/ overview). */
export function domainSummaries(
  domains: readonly DomainsRow[],
  results: readonly Pick<ResultsRow, "commune_code" | "commune_type">[],
  ids: readonly string[],
): DomainSummary[] {
  const types = unitTypes(results);
  return ids.map((id) => {
    const rows = domains.filter((row) => row.domain_id === id);
    const first = rows[0];
    return {
      id,
      name: first?.domain_name ?? id,
      average: first?.district_avg_pct ?? 0,
      maxima: maximaByType(rows, types),
    };
  });
}
