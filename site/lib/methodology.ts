// The criteria tree as /phuong-phap/ shows it: each criterion with the units it applies to, and
// the counts the page states (domains, scored leaves by source).
import type { ResultsRow, ScoresRow } from "../../schemas/published.ts";
import { criteriaTree } from "./criteria.ts";
import type { CriterionEntry } from "./criteria.ts";

export interface MethodCriterion extends CriterionEntry {
  /** "" when it applies to every unit, else to which ("chỉ áp dụng cho xã", …). */
  scope: string;
}

export interface MethodologyCriteria {
  criteria: MethodCriterion[];
  domains: number;
  leaves: number;
  appraisalLeaves: number;
  surveyLeaves: number;
}

export function methodologyCriteria(
  scores: readonly ScoresRow[],
  results: readonly Pick<ResultsRow, "commune_code" | "commune_type">[],
): MethodologyCriteria {
  const types = new Map(results.map((row) => [row.commune_code, row.commune_type]));
  const scope = (communes: ReadonlySet<string>): string => {
    if (communes.size === results.length) return "";
    const kinds = new Set([...communes].map((code) => types.get(code)));
    if (kinds.size === 1 && kinds.has("xa")) return "chỉ áp dụng cho xã";
    if (kinds.size === 1 && kinds.has("thi_tran")) return "chỉ áp dụng cho thị trấn";
    return `áp dụng cho ${communes.size}/${results.length} đơn vị`;
  };
  const criteria = criteriaTree(scores, types).map((criterion) => ({
    ...criterion,
    scope: scope(criterion.communes),
  }));
  const leaves = criteria.filter((criterion) => criterion.isLeaf);
  return {
    criteria,
    domains: criteria.filter((criterion) => criterion.level === 1).length,
    leaves: leaves.length,
    appraisalLeaves: leaves.filter((criterion) => criterion.source === "appraisal").length,
    surveyLeaves: leaves.filter((criterion) => criterion.source === "survey").length,
  };
}
