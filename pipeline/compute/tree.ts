// The criteria tree as it applies to one commune type (docs/methodology.md): a leaf applies when its
// `applies_to` is `all` or the type; an inner node's points and maximum are the sums over its
// applicable children. We also require every ancestor to apply, and drop inner nodes left with no
// applicable child, so that no node with nothing to score is published.
import type { CommuneType } from "../../schemas/communes.ts";
import type { Criterion, CriterionSource } from "../../schemas/criteria.ts";
import { compareDottedIds } from "../rules/dotted-ids.ts";
import { Fraction, pointUnitsOf, UNITS_PER_POINT } from "./exact.ts";
import { roundRatioHalfAway } from "./rounding.ts";

export type NodeSource = CriterionSource | "mixed";

export interface ApplicableNode {
  criterion: Criterion;
  parentId: string | null;
  /** 1 = domain. */
  level: number;
  children: ApplicableNode[];
  /** Sum of the applicable leaves' max_points below (the leaf's own for a leaf). */
  max: Fraction;
  /** The same maximum in whole units of 10⁻⁴ points. */
  maxUnits: number;
  /** The maximum rounded for publication. */
  maxPoints: number;
  source: NodeSource;
  /** Position in its tree's pre-order (`preOrder`), the same in every commune of the type. */
  order: number;
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
  for (const criterion of [...criteria].sort((a, b) => compareDottedIds(a.id, b.id))) {
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
      const maxUnits = pointUnitsOf(criterion.max_points);
      return {
        criterion,
        parentId,
        level,
        children: [],
        max: new Fraction(maxUnits, UNITS_PER_POINT),
        maxUnits,
        maxPoints: roundRatioHalfAway(maxUnits, UNITS_PER_POINT),
        source: criterion.source,
        order: 0,
      };
    }
    const children = below.flatMap((child) => build(child, level + 1) ?? []);
    if (children.length === 0) return null;
    const sources = new Set(children.map((child) => child.source));
    const maxUnits = children.reduce((sum, child) => sum + child.maxUnits, 0);
    return {
      criterion,
      parentId,
      level,
      children,
      max: new Fraction(maxUnits, UNITS_PER_POINT),
      maxUnits,
      maxPoints: roundRatioHalfAway(maxUnits, UNITS_PER_POINT),
      source: sources.size === 1 ? children[0]!.source : "mixed",
      order: 0,
    };
  };
  const domains = (childrenOf.get(null) ?? []).flatMap((domain) => build(domain, 1) ?? []);
  preOrder(domains).forEach((node, order) => (node.order = order));
  return domains;
}

function collectPreOrder(nodes: readonly ApplicableNode[], into: ApplicableNode[]): ApplicableNode[] {
  for (const node of nodes) {
    into.push(node);
    collectPreOrder(node.children, into);
  }
  return into;
}

// Every commune of a type shares its type's tree, so its order is listed once per tree, not per commune.
const preOrderOfTree = new WeakMap<readonly ApplicableNode[], readonly ApplicableNode[]>();

/** Every node of the subtrees in pre-order (a parent before its children), as published in scores. */
export function preOrder(nodes: readonly ApplicableNode[]): readonly ApplicableNode[] {
  let order = preOrderOfTree.get(nodes);
  if (!order) {
    order = collectPreOrder(nodes, []);
    preOrderOfTree.set(nodes, order);
  }
  return order;
}
