// appraisal.csv against communes and the criteria tree: exactly one row per commune and applicable
// appraisal leaf, and scores within the leaf's maximum.
import type { AppraisalScore } from "../../schemas/appraisal.ts";
import type { Commune } from "../../schemas/communes.ts";
import type { Criterion } from "../../schemas/criteria.ts";
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import { appliesTo, leafSource, type CriteriaTree } from "./criteria.ts";
import { hundredths } from "../rules/hundredths.ts";
import type { ParsedRow } from "./rows.ts";

const file = "appraisal.csv";
const scoreColumns = ["self_score", "appraised_score"] as const;

export interface CommuneIndex {
  /** Every code as read, valid or not. */
  codes: Set<string>;
  /** Valid communes by code. */
  byCode: Map<string, Commune>;
}

const fiveDigits = /^\d{5}$/;

/** A commune code that is well formed (else the schema reported it) but not in communes.csv. */
export function unknownCommune(communes: CommuneIndex, code: string): boolean {
  return fiveDigits.test(code) && !communes.codes.has(code);
}

/** Where a criterion id problem is (made only for a problem: half a million rows have none). */
const criterionCell = (line: number, value: string) => ({ file, line, column: "criterion_id", value });

/** What a row's criterion id is checked for, worked out once per id. */
type CriterionCheck = "unknown" | "not appraisal leaf" | { criterion: Criterion; max: number } | null;

export function checkAppraisal(
  rows: readonly ParsedRow<AppraisalScore>[],
  communes: CommuneIndex | null,
  tree: CriteriaTree | null,
  problems: ProblemSink,
): void {
  /**
   * Per commune code as read: whether it is unknown, the valid commune, and the criterion ids with
   * a row. Codes and ids repeat over half a million rows; each is looked up once.
   */
  const scored = new Map<string, { unknown: boolean; commune: Commune | undefined; ids: Set<string> }>();
  const checks = new Map<string, CriterionCheck>();
  const criterionCheck = (id: string): CriterionCheck => {
    if (tree === null || id === "" || !/^[\d.]+$/.test(id)) return null;
    if (!tree.ids.has(id)) return "unknown";
    const criterion = tree.byId.get(id);
    if (criterion === undefined) return null;
    if (leafSource(tree, id) !== "appraisal") return "not appraisal leaf";
    return { criterion, max: hundredths(criterion.max_points) };
  };
  for (const row of rows) {
    const code = row.raw.commune_code ?? "";
    const id = row.raw.criterion_id ?? "";
    let commune = scored.get(code);
    if (commune === undefined) {
      const unknown = communes !== null && unknownCommune(communes, code);
      commune = { unknown, commune: communes?.byCode.get(code), ids: new Set() };
      scored.set(code, commune);
    }
    commune.ids.add(id);
    if (commune.unknown) {
      problems.push(
        problem("unknown_commune", { file, line: row.line, column: "commune_code", value: code }),
      );
    }
    let check = checks.get(id);
    if (check === undefined) checks.set(id, (check = criterionCheck(id)));
    if (check === null) continue;
    if (check === "unknown") {
      problems.push(problem("unknown_criterion", criterionCell(row.line, id)));
      continue;
    }
    if (check === "not appraisal leaf") {
      problems.push(problem("not_an_appraisal_leaf", criterionCell(row.line, id)));
      continue;
    }
    const { criterion } = check;
    if (commune.commune !== undefined && !appliesTo(criterion, commune.commune.type)) {
      const type = commune.commune.type;
      const params = { applies_to: criterion.applies_to, commune: code, commune_type: type };
      problems.push(problem("appraisal_not_applicable", criterionCell(row.line, id), params));
    }
    for (const column of scoreColumns) {
      const score = row.value?.[column];
      if (score !== undefined && hundredths(score) > check.max) {
        const cell = { file, line: row.line, column, value: row.raw[column] ?? "" };
        problems.push(problem("score_above_max", cell, { max: criterion.max_points, criterion: id }));
      }
    }
  }
  if (communes === null || tree === null) return;
  const appraisalLeaves = [...tree.byId].filter(([id]) => leafSource(tree, id) === "appraisal");
  // A year just started (npm run new-year) has no score yet: one problem says so, not one per score.
  if (rows.length === 0) {
    const params = { units: communes.byCode.size, criteria: appraisalLeaves.length };
    problems.push(problem("appraisal_to_fill", { file, line: null }, params));
    return;
  }
  for (const commune of communes.byCode.values()) {
    const ids = scored.get(commune.code)?.ids;
    for (const [id, criterion] of appraisalLeaves) {
      if (!appliesTo(criterion, commune.type) || ids?.has(id)) continue;
      const at = { file, line: null, column: "criterion_id", value: id };
      problems.push(
        problem("appraisal_missing", at, { commune: commune.code, name: commune.name, criterion: id }),
      );
    }
  }
}
