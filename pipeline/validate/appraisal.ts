// appraisal.csv against communes and the criteria tree: exactly one row per commune and applicable
// appraisal leaf, and scores within the leaf's maximum.
import type { AppraisalScore } from "../../schemas/appraisal.ts";
import type { Commune } from "../../schemas/communes.ts";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
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

export function checkAppraisal(
  rows: readonly ParsedRow<AppraisalScore>[],
  communes: CommuneIndex | null,
  tree: CriteriaTree | null,
  problems: Problem[],
): void {
  /** Criterion ids with a row, by commune code as read. */
  const scored = new Map<string, Set<string>>();
  for (const row of rows) {
    const code = row.raw.commune_code ?? "";
    const id = row.raw.criterion_id ?? "";
    const ids = scored.get(code);
    if (ids === undefined) scored.set(code, new Set([id]));
    else ids.add(id);
    if (communes !== null && unknownCommune(communes, code)) {
      problems.push(
        problem("unknown_commune", { file, line: row.line, column: "commune_code", value: code }),
      );
    }
    if (tree === null || id === "" || !/^[\d.]+$/.test(id)) continue;
    const at = { file, line: row.line, column: "criterion_id", value: id };
    if (!tree.ids.has(id)) {
      problems.push(problem("unknown_criterion", at));
      continue;
    }
    const criterion = tree.byId.get(id);
    if (criterion === undefined) continue;
    if (leafSource(tree, id) !== "appraisal") {
      problems.push(problem("not_an_appraisal_leaf", at));
      continue;
    }
    const commune = communes?.byCode.get(code);
    if (commune !== undefined && !appliesTo(criterion, commune.type)) {
      const params = { applies_to: criterion.applies_to, commune: code, commune_type: commune.type };
      problems.push(problem("appraisal_not_applicable", at, params));
    }
    for (const column of scoreColumns) {
      const score = row.value?.[column];
      if (score !== undefined && hundredths(score) > hundredths(criterion.max_points)) {
        const cell = { file, line: row.line, column, value: row.raw[column] ?? "" };
        problems.push(problem("score_above_max", cell, { max: criterion.max_points, criterion: id }));
      }
    }
  }
  if (communes === null || tree === null) return;
  const appraisalLeaves = [...tree.byId].filter(([id]) => leafSource(tree, id) === "appraisal");
  for (const commune of communes.byCode.values()) {
    const ids = scored.get(commune.code);
    for (const [id, criterion] of appraisalLeaves) {
      if (!appliesTo(criterion, commune.type) || ids?.has(id)) continue;
      const at = { file, line: null, column: "criterion_id", value: id };
      problems.push(
        problem("appraisal_missing", at, { commune: commune.code, name: commune.name, criterion: id }),
      );
    }
  }
}
