// The criteria tree as published in the scores table (one row per commune × criterion, every
// level). Ids are dotted paths ("1.2.3"): sorted by their numbers, not as text ("1.10" after "1.9").
import type { ScoresRow } from "../../schemas/published.ts";
import { compareDottedIds } from "../../pipeline/rules/dotted-ids.ts";

/** The criteria, one row per id, in tree order, with the unit types they apply to. */
export interface CriterionEntry {
  id: string;
  level: number;
  name: string;
  source: ScoresRow["source"];
  /** Distinct maxima over communes (they differ when a sub-criterion applies to one unit type only). */
  maxima: number[];
  isLeaf: boolean;
  /** Codes of the communes the criterion applies to. */
  communes: Set<string>;
}

export function criteriaTree(scores: readonly ScoresRow[]): CriterionEntry[] {
  const entries = new Map<string, CriterionEntry>();
  const parents = new Set(scores.map((row) => row.parent_id).filter((id): id is string => id !== null));
  for (const row of scores) {
    let entry = entries.get(row.criterion_id);
    if (!entry) {
      entry = {
        id: row.criterion_id,
        level: row.level,
        name: row.criterion_name,
        source: row.source,
        maxima: [],
        isLeaf: !parents.has(row.criterion_id),
        communes: new Set(),
      };
      entries.set(row.criterion_id, entry);
    }
    if (!entry.maxima.includes(row.max_points)) entry.maxima.push(row.max_points);
    entry.communes.add(row.commune_code);
  }
  for (const entry of entries.values()) entry.maxima.sort((a, b) => a - b);
  return [...entries.values()].sort((a, b) => compareDottedIds(a.id, b.id));
}

/** One commune's scores in tree order. */
export function communeScores(scores: readonly ScoresRow[], code: string): ScoresRow[] {
  return scores
    .filter((row) => row.commune_code === code)
    .sort((a, b) => compareDottedIds(a.criterion_id, b.criterion_id));
}

export const sourceLabel: Record<ScoresRow["source"], string> = {
  appraisal: "Thẩm định",
  survey: "Điều tra xã hội học",
  mixed: "Thẩm định và điều tra",
};
