// The criteria tree (criteria.csv): parents exist, inner nodes add up, the domains make 100, and
// only leaves carry a source. The tree is what every other file's criterion ids are checked against.
import type { Criterion } from "../../schemas/criteria.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import { hundredths } from "../rules/hundredths.ts";
import type { ParsedRow } from "./rows.ts";

const file = "criteria.csv";

export interface CriteriaTree {
  /** Every id as read, valid or not, for foreign keys (no cascade of "unknown criterion"). */
  ids: Set<string>;
  /** Valid criteria by id. */
  byId: Map<string, Criterion>;
  children: Map<string, string[]>;
}

export function parentId(id: string): string | null {
  const dot = id.lastIndexOf(".");
  return dot === -1 ? null : id.slice(0, dot);
}

export function buildTree(rows: readonly ParsedRow<Criterion>[]): CriteriaTree {
  const ids = new Set(rows.map((r) => r.raw.id ?? "").filter((id) => id !== ""));
  const byId = new Map<string, Criterion>();
  const children = new Map<string, string[]>();
  for (const row of rows) {
    if (row.value === null || byId.has(row.value.id)) continue;
    byId.set(row.value.id, row.value);
    const parent = parentId(row.value.id);
    if (parent !== null) children.set(parent, [...(children.get(parent) ?? []), row.value.id]);
  }
  return { ids, byId, children };
}

export function isLeaf(tree: CriteriaTree, id: string): boolean {
  return !tree.children.has(id);
}

/** The leaf's source when `id` is a leaf, else null. */
export function leafSource(tree: CriteriaTree, id: string): Criterion["source"] {
  const criterion = tree.byId.get(id);
  return criterion !== undefined && isLeaf(tree, id) ? criterion.source : null;
}

export function appliesTo(criterion: Criterion, type: CommuneType): boolean {
  return criterion.applies_to === "all" || criterion.applies_to === type;
}

export function checkTree(
  rows: readonly ParsedRow<Criterion>[],
  tree: CriteriaTree,
  problems: ProblemSink,
): void {
  const allValid = rows.every((r) => r.value !== null);
  for (const row of rows) {
    const criterion = row.value;
    if (criterion === null || tree.byId.get(criterion.id) !== criterion) continue;
    const parent = parentId(criterion.id);
    if (parent !== null && !tree.ids.has(parent)) {
      problems.push(
        problem(
          "criterion_orphan",
          { file, line: row.line, column: "id", value: criterion.id },
          { expected: parent },
        ),
      );
    }
    const kids = tree.children.get(criterion.id);
    if (kids === undefined) {
      if (criterion.source === null) {
        problems.push(
          problem("leaf_without_source", { file, line: row.line, column: "source", value: criterion.id }),
        );
      }
      continue;
    }
    if (criterion.source !== null) {
      const at = { file, line: row.line, column: "source", value: criterion.id };
      problems.push(problem("inner_with_source", at, { found: criterion.source }));
    }
    // With an unreadable row the sums would fail for a reason already reported.
    if (!allValid) continue;
    const sum = kids.reduce((total, id) => total + hundredths(tree.byId.get(id)?.max_points ?? 0), 0);
    if (sum !== hundredths(criterion.max_points)) {
      const at = { file, line: row.line, column: "max_points", value: criterion.id };
      problems.push(
        problem("criterion_sum_mismatch", at, { expected: criterion.max_points, found: sum / 100 }),
      );
    }
  }
  const domains = [...tree.byId.values()].filter((c) => parentId(c.id) === null);
  const total = domains.reduce((sum, c) => sum + hundredths(c.max_points), 0);
  if (allValid && domains.length > 0 && total !== 100_00) {
    problems.push(
      problem(
        "domains_total",
        { file, line: null, column: "max_points", value: String(total / 100) },
        { found: total / 100 },
      ),
    );
  }
}
