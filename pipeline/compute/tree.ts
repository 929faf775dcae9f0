// The criteria tree as it applies to one commune type (DATA.md §2): a leaf applies when its
// `applies_to` is `all` or the type; an inner node's points and maximum are the sums over its
// applicable children. We also require every ancestor to apply, and drop inner nodes left with no
// applicable child, so that no node with nothing to score is published.
import type { CommuneType } from "../../schemas/communes.ts";
import type { Criterion, CriterionSource } from "../../schemas/criteria.ts";
import { exactDecimal, Fraction } from "./exact.ts";

export type NodeSource = CriterionSource | "mixed";

export interface ApplicableNode {
  criterion: Criterion;
  parentId: string | null;
  /** 1 = domain. */
  level: number;
  children: ApplicableNode[];
  /** Sum of the applicable leaves' max_points below (the leaf's own for a leaf). */
  max: Fraction;
  source: NodeSource;
}

/** Dotted ids in natural order: 1.2 < 1.10 < 2. */
export function compareCriterionIds(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}

export function parentIdOf(id: string): string | null {
  const cut = id.lastIndexOf(".");
  return cut < 0 ? null : id.slice(0, cut);
}

function applies(criterion: Criterion, type: CommuneType): boolean {
  return criterion.applies_to === "all" || criterion.applies_to === type;
}

/** The applicable domains of a commune type, each with its applicable subtree, in natural id order. */
export function applicableTree(criteria: readonly Criterion[], type: CommuneType): ApplicableNode[] {
  const childrenOf = new Map<string | null, Criterion[]>();
  for (const criterion of [...criteria].sort((a, b) => compareCriterionIds(a.id, b.id))) {
    const parentId = parentIdOf(criterion.id);
    const siblings = childrenOf.get(parentId) ?? [];
    siblings.push(criterion);
    childrenOf.set(parentId, siblings);
  }
  const build = (criterion: Criterion, level: number): ApplicableNode | null => {
    if (!applies(criterion, type)) return null;
    const parentId = parentIdOf(criterion.id);
    const below = childrenOf.get(criterion.id) ?? [];
    if (below.length === 0) {
      if (criterion.source === null) throw new Error(`Criterion ${criterion.id} is a leaf without a source`);
      return {
        criterion,
        parentId,
        level,
        children: [],
        max: exactDecimal(criterion.max_points),
        source: criterion.source,
      };
    }
    const children = below.flatMap((child) => build(child, level + 1) ?? []);
    if (children.length === 0) return null;
    const sources = new Set(children.map((child) => child.source));
    return {
      criterion,
      parentId,
      level,
      children,
      max: children.reduce((sum, child) => sum.add(child.max), new Fraction(0)),
      source: sources.size === 1 ? children[0]!.source : "mixed",
    };
  };
  return (childrenOf.get(null) ?? []).flatMap((domain) => build(domain, 1) ?? []);
}

/** Every node of the subtrees in pre-order (a parent before its children), as published in scores. */
export function preOrder(nodes: readonly ApplicableNode[]): ApplicableNode[] {
  return nodes.flatMap((node) => [node, ...preOrder(node.children)]);
}
