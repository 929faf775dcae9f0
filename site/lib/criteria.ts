// The criteria tree as published in the scores table (one row per commune × criterion, every
// level). Ids are dotted paths ("1.2.3"): sorted by their numbers, not as text ("1.10" after "1.9").
import { collate, escape, from, op } from "arquero";
import type { ScoresRow } from "../../schemas/published.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import { compareDottedIds } from "../../pipeline/rules/dotted-ids.ts";
import { maximaByType, type TypedMaximum } from "../../pipeline/rules/display.ts";
import { groupBy } from "../../pipeline/rules/group.ts";
import { communeRows } from "./commune-rows.ts";

/** The criteria, one row per id, in tree order, with the unit types they apply to. */
export interface CriterionEntry {
  id: string;
  level: number;
  name: string;
  source: ScoresRow["source"];
  /** Its maximum per kind of unit (two when a sub-criterion applies to one kind only). */
  maxima: TypedMaximum[];
  isLeaf: boolean;
  /** Codes of the communes the criterion applies to. */
  communes: Set<string>;
}

/** A criterion as the rollup of criteriaTree gives it: its communes still a list. */
type CriterionRollup = Omit<CriterionEntry, "communes" | "maxima"> & { communes: string[] };

/** `types`: each unit's kind by code (results.csv), for the maxima per kind. */
export function criteriaTree(
  scores: readonly ScoresRow[],
  types: ReadonlyMap<string, CommuneType>,
): CriterionEntry[] {
  const rowsOf = groupBy(scores, (row) => row.criterion_id);
  const parents = new Set(scores.map((row) => row.parent_id));
  const rows = from(scores)
    .groupby({ id: (d) => d.criterion_id })
    .rollup({
      // Level, name and source are the same in every commune's row of a criterion.
      level: op.any("level"),
      name: op.any("criterion_name"),
      source: op.any("source"),
      communes: op.array_agg_distinct("commune_code"),
    })
    .derive({ isLeaf: escape((d: { id: string }) => !parents.has(d.id)) })
    .orderby(collate("id", compareDottedIds))
    // Arquero's rows are untyped: these are the columns made above.
    .objects() as CriterionRollup[];
  return rows.map((row) => ({
    ...row,
    maxima: maximaByType(rowsOf.get(row.id) ?? [], types),
    communes: new Set(row.communes),
  }));
}

/** One commune's scores in tree order. */
export function communeScores(scores: readonly ScoresRow[], code: string): ScoresRow[] {
  return [...communeRows(scores, code)].sort((a, b) => compareDottedIds(a.criterion_id, b.criterion_id));
}

export const sourceLabel: Record<ScoresRow["source"], string> = {
  appraisal: "Thẩm định",
  survey: "Điều tra xã hội học",
  mixed: "Thẩm định và điều tra",
};
