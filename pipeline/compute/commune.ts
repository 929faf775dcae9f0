// The exact point estimates of one commune (docs/methodology.md): leaf points, node sums, index, parts,
// self-score gap and satisfaction, all exact so that rounding happens once, at publication.
//
// Node points are kept as integer numerators over one denominator per commune, the least common
// multiple of 10⁴ (appraisal scores are whole 10⁻⁴ units) and of the survey leaves' denominators:
// summing the tree is then integer addition, where summing rationals would reduce every partial sum
// by a gcd, and each published figure is rounded from its exact ratio with one division.
import type { AppraisalScore } from "../../schemas/appraisal.ts";
import type { Commune } from "../../schemas/communes.ts";
import type { Question } from "../../schemas/questions.ts";
import { Fraction, lcm, pointUnitsOf, UNITS_PER_POINT } from "./exact.ts";
import type { CommuneForms } from "./forms.ts";
import { groupBy } from "../rules/group.ts";
import {
  elementShares,
  satisfaction,
  surveyLeafPoints,
  tallyQuestion,
  type ElementShare,
  type QuestionTally,
  type Scale,
} from "./survey.ts";
import { roundRatioHalfAway, type Ratio } from "./rounding.ts";
import { preOrder, type ApplicableNode } from "./tree.ts";

export interface CommuneInputs {
  commune: Commune;
  /** The applicable criteria tree of the commune's type. */
  domains: readonly ApplicableNode[];
  /** This commune's appraisal rows by leaf id. */
  appraisal: ReadonlyMap<string, AppraisalScore>;
  /** Forms whose commune_code is this commune, per panel. */
  citizensForms: CommuneForms;
  officialsForms: CommuneForms;
  /** Every question, in questions.csv order. */
  questions: readonly Question[];
  scales: ReadonlyMap<string, Scale>;
}

export interface CommuneScore {
  commune: Commune;
  domains: readonly ApplicableNode[];
  appraisal: ReadonlyMap<string, AppraisalScore>;
  /** Points of every applicable node, by criterion id, as numerators over `pointsDenominator`. */
  pointNumerators: Map<string, bigint>;
  pointsDenominator: bigint;
  points_total: Fraction;
  max_total: Fraction;
  /** 100 × points / maximum. */
  index_pct: Fraction;
  appraisal_points: Fraction;
  survey_points: Fraction;
  self_points: Fraction;
  /** Σ self_score − Σ appraised_score over applicable appraisal leaves. */
  self_gap: Fraction;
  /** Appraisal leaves whose appraised score is below the self-score. */
  lowered_leaves: number;
  /** One tally per question, in questions.csv order, over the forms rating this commune. */
  tallies: QuestionTally[];
  elements: ElementShare[];
  /** Mean of the SIPAS element shares × 100, null without any citizens' satisfaction answer. */
  satisfaction_pct: Fraction | null;
}

export function scoreCommune(inputs: CommuneInputs): CommuneScore {
  const { commune } = inputs;
  const tallies = inputs.questions.map((question) => {
    const scale = inputs.scales.get(question.scale);
    if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
    const forms = question.panel === "citizens" ? inputs.citizensForms : inputs.officialsForms;
    return tallyQuestion(forms, question, scale);
  });
  const talliesByLeaf = groupBy(
    tallies.filter((t) => t.question.criterion_id !== null),
    (t) => t.question.criterion_id!,
  );

  // The survey leaves' exact points first: their denominators fix the commune's common denominator.
  const surveyLeaves = new Map<string, Fraction>();
  let denominator = BigInt(UNITS_PER_POINT);
  for (const node of preOrder(inputs.domains)) {
    if (node.children.length > 0 || node.source !== "survey") continue;
    const id = node.criterion.id;
    const leafPoints = surveyLeafPoints(node.maxUnits, talliesByLeaf.get(id) ?? []);
    if (!leafPoints)
      throw new Error(`Commune ${commune.code} has no valid survey answer for criterion ${id}`);
    surveyLeaves.set(id, leafPoints);
    denominator = lcm(denominator, leafPoints.d);
  }
  const perUnit = denominator / BigInt(UNITS_PER_POINT);

  const numerators = new Map<string, bigint>();
  let appraisalUnits = 0;
  let selfUnits = 0;
  let surveyNumerator = 0n;
  let loweredLeaves = 0;
  const score = (node: ApplicableNode): bigint => {
    const id = node.criterion.id;
    let numerator = 0n;
    if (node.children.length > 0) {
      for (const child of node.children) numerator += score(child);
    } else if (node.source === "appraisal") {
      const row = inputs.appraisal.get(id);
      if (!row) throw new Error(`Commune ${commune.code} has no appraisal score for criterion ${id}`);
      const appraised = pointUnitsOf(row.appraised_score);
      const self = pointUnitsOf(row.self_score);
      appraisalUnits += appraised;
      selfUnits += self;
      if (appraised < self) loweredLeaves++;
      numerator = BigInt(appraised) * perUnit;
    } else {
      const leafPoints = surveyLeaves.get(id)!;
      numerator = leafPoints.s * leafPoints.n * (denominator / leafPoints.d);
      surveyNumerator += numerator;
    }
    numerators.set(id, numerator);
    return numerator;
  };
  let totalNumerator = 0n;
  let maxUnits = 0;
  for (const domain of inputs.domains) {
    totalNumerator += score(domain);
    maxUnits += domain.maxUnits;
  }
  const total = new Fraction(totalNumerator, denominator);
  const max = new Fraction(maxUnits, UNITS_PER_POINT);
  const elements = elementShares(tallies);
  const satisfied = satisfaction(elements);
  return {
    commune,
    domains: inputs.domains,
    appraisal: inputs.appraisal,
    pointNumerators: numerators,
    pointsDenominator: denominator,
    points_total: total,
    max_total: max,
    index_pct: percentOf(total, max),
    appraisal_points: new Fraction(appraisalUnits, UNITS_PER_POINT),
    survey_points: new Fraction(surveyNumerator, denominator),
    self_points: new Fraction(selfUnits, UNITS_PER_POINT),
    self_gap: new Fraction(selfUnits - appraisalUnits, UNITS_PER_POINT),
    lowered_leaves: loweredLeaves,
    tallies,
    elements,
    satisfaction_pct: satisfied === null ? null : satisfied.mul(100),
  };
}

/** Percentage of points in a maximum; a node worth nothing (maximum 0) is published as 0%. */
export function percentOf(points: Fraction, max: Fraction): Fraction {
  return max.equals(0) ? new Fraction(0) : points.mul(100).div(max);
}

function numeratorOf(score: CommuneScore, id: string): bigint {
  const numerator = score.pointNumerators.get(id);
  if (numerator === undefined) throw new Error(`Commune ${score.commune.code} has no criterion ${id}`);
  return numerator;
}

/** A node's exact points, as a reduced rational. */
export function nodePoints(score: CommuneScore, id: string): Fraction {
  return new Fraction(numeratorOf(score, id), score.pointsDenominator);
}

/** A node's points, rounded for publication. */
export function publishedNodePoints(score: CommuneScore, id: string): number {
  return roundRatioHalfAway(numeratorOf(score, id), score.pointsDenominator);
}

/**
 * A node's percentage of its maximum as an unreduced ratio: 100 × (N / D) / (M / 10⁴) = 10⁶ N / (D M)
 * for numerator N over the commune's denominator D and a maximum of M units; a node worth nothing
 * (M = 0) is 0%, as in `percentOf`.
 */
export function nodePercentRatio(score: CommuneScore, node: ApplicableNode): Ratio {
  if (node.maxUnits === 0) return [0n, 1n];
  return [
    numeratorOf(score, node.criterion.id) * BigInt(100 * UNITS_PER_POINT),
    score.pointsDenominator * BigInt(node.maxUnits),
  ];
}

/** A node's percentage of its maximum, rounded for publication straight from the unreduced ratio. */
export function publishedNodePercent(score: CommuneScore, node: ApplicableNode): number {
  if (node.maxUnits === 0) return 0;
  // 100 × (N / D) / (M / 10⁴), as in nodePercentRatio, without forming the BigInt products.
  const factor = [100 * UNITS_PER_POINT, node.maxUnits] as const;
  return roundRatioHalfAway(numeratorOf(score, node.criterion.id), score.pointsDenominator, 2, factor);
}
