// The exact point estimates of one commune (docs/methodology.md): leaf points, node sums, index, parts,
// self-score gap and satisfaction, all exact so that rounding happens once, at publication.
//
// A node's points are its appraisal leaves' scores, whole 10⁻⁴ units (a safe integer), plus its
// survey leaves' points, kept as one integer numerator over one denominator per commune: the least
// common multiple of 10⁴ and of the survey leaves' denominators. Summing the tree is then integer
// addition, where summing rationals would reduce every partial sum by a gcd, and each published
// figure is rounded from its exact ratio with one division. Most nodes have no survey leaf below:
// their figures are rounded from whole units, without a BigInt.
import type { Commune } from "../../schemas/communes.ts";
import type { Question } from "../../schemas/questions.ts";
import type { AppraisalColumns } from "../model.ts";
import { Fraction, lcm, UNITS_PER_POINT, type Ratio } from "./exact.ts";
import { groupBy } from "../rules/group.ts";
import {
  elementShares,
  satisfactionPercent,
  surveyLeafPoints,
  type ElementShare,
  type Scale,
  type SurveyTallies,
} from "./survey.ts";
import { roundNearRatioHalfAway, roundRatioHalfAway } from "./rounding.ts";
import { preOrder, type ApplicableNode } from "./tree.ts";

export interface CommuneInputs {
  commune: Commune;
  /** The applicable criteria tree of the commune's type. */
  domains: readonly ApplicableNode[];
  /** This commune's appraisal rows by leaf id (communeAppraisals). */
  appraisal: CommuneAppraisal;
  survey: SurveyLayout;
  /** Every commune's tallies, and this commune's position in them. */
  tallies: SurveyTallies;
  index: number;
}

/** The questions as every commune's tallies use them: the same for all communes of a year. */
export interface SurveyLayout {
  /** Every question, in questions.csv order. */
  questions: readonly Question[];
  /** Each question's scale, by position in `questions`. */
  scales: readonly Scale[];
  /** The positions in `questions` of each survey leaf's questions, by criterion id. */
  byLeaf: ReadonlyMap<string, readonly number[]>;
}

export function surveyLayout(
  questions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
): SurveyLayout {
  const scoring = questions.flatMap((question, q) => (question.criterion_id === null ? [] : [q]));
  const byLeaf = groupBy(scoring, (q) => questions[q]!.criterion_id!);
  return {
    questions,
    scales: questions.map((question) => {
      const scale = scales.get(question.scale);
      if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
      return scale;
    }),
    byLeaf,
  };
}

export interface CommuneScore {
  commune: Commune;
  domains: readonly ApplicableNode[];
  appraisal: CommuneAppraisal;
  /** Per node, by `order`: the points of its appraisal leaves, in whole units of 10⁻⁴. */
  appraisalUnits: number[];
  /**
   * Per node, by `order`, when a survey leaf is below it: all its points as a numerator over
   * `pointsDenominator`; null for a node without one, whose points are its appraisal units.
   */
  numerators: (bigint | null)[];
  pointsDenominator: bigint;
  /** The doubles nearest to each numerator (NaN for null) and to the denominator, converted once. */
  nearNumerators: number[];
  nearDenominator: number;
  // The commune's figures as exact unreduced ratios, rounded once at publication.
  points_total: Ratio;
  max_total: Ratio;
  /** 100 × points / maximum. */
  index_pct: Ratio;
  appraisal_points: Ratio;
  survey_points: Ratio;
  self_points: Ratio;
  /** Σ self_score − Σ appraised_score over applicable appraisal leaves. */
  self_gap: Ratio;
  /** Appraisal leaves whose appraised score is below the self-score. */
  lowered_leaves: number;
  /** Every commune's tallies of every question, over the forms rating it, and this commune's position in them. */
  tallies: SurveyTallies;
  index: number;
  elements: ElementShare[];
  /** Mean of the SIPAS element shares × 100, null without any citizens' satisfaction answer. */
  satisfaction_pct: Ratio | null;
}

export function scoreCommune(inputs: CommuneInputs): CommuneScore {
  const { commune, tallies, index } = inputs;
  const { byLeaf } = inputs.survey;

  // The survey leaves' exact points first: their denominators fix the commune's common denominator.
  const surveyLeaves = new Map<string, Ratio>();
  let denominator = BigInt(UNITS_PER_POINT);
  for (const node of preOrder(inputs.domains)) {
    if (node.children.length > 0 || node.source !== "survey") continue;
    const id = node.criterion.id;
    const leafPoints = surveyLeafPoints(node.maxUnits, tallies, index, byLeaf.get(id) ?? []);
    if (!leafPoints)
      throw new Error(`Commune ${commune.code} has no valid survey answer for criterion ${id}`);
    surveyLeaves.set(id, leafPoints);
    denominator = lcm(denominator, leafPoints[1]);
  }
  const perUnit = denominator / BigInt(UNITS_PER_POINT);

  const nodes = preOrder(inputs.domains).length;
  // Plain arrays: a typed array of this size is a backing store of its own, slower to allocate.
  const appraisalUnits = new Array<number>(nodes).fill(0);
  const surveyNumerators = new Array<bigint | null>(nodes).fill(null);
  let appraisalTotal = 0;
  let selfUnits = 0;
  let surveyNumerator = 0n;
  let loweredLeaves = 0;
  /** Fills the node's two parts, its children's first. */
  const score = (node: ApplicableNode): void => {
    const id = node.criterion.id;
    let units = 0;
    let survey: bigint | null = null;
    if (node.children.length > 0) {
      for (const child of node.children) {
        score(child);
        units += appraisalUnits[child.order]!;
        const childSurvey = surveyNumerators[child.order]!;
        if (childSurvey !== null) survey = (survey ?? 0n) + childSurvey;
      }
    } else if (node.source === "appraisal") {
      const row = appraisalRowOf(inputs.appraisal, id);
      if (row === -1) throw new Error(`Commune ${commune.code} has no appraisal score for criterion ${id}`);
      const { appraisedScore, selfScore } = inputs.appraisal.columns;
      units = appraisedScore[row]! * unitsPerHundredth;
      const self = selfScore[row]! * unitsPerHundredth;
      appraisalTotal += units;
      selfUnits += self;
      if (units < self) loweredLeaves++;
    } else {
      const [leafNumerator, leafDenominator] = surveyLeaves.get(id)!;
      survey = leafNumerator * (denominator / leafDenominator);
      surveyNumerator += survey;
    }
    appraisalUnits[node.order] = units;
    surveyNumerators[node.order] = survey;
  };
  let maxUnits = 0;
  for (const domain of inputs.domains) {
    score(domain);
    maxUnits += domain.maxUnits;
  }
  const nearNumerators = new Array<number>(nodes).fill(Number.NaN);
  const numerators = surveyNumerators.map((survey, order) => {
    if (survey === null) return null;
    const numerator = BigInt(appraisalUnits[order]!) * perUnit + survey;
    nearNumerators[order] = Number(numerator);
    return numerator;
  });
  const totalNumerator = BigInt(appraisalTotal) * perUnit + surveyNumerator;
  const units = BigInt(UNITS_PER_POINT);
  const elements = elementShares(tallies, index);
  return {
    commune,
    domains: inputs.domains,
    appraisal: inputs.appraisal,
    appraisalUnits,
    numerators,
    pointsDenominator: denominator,
    nearNumerators,
    nearDenominator: Number(denominator),
    points_total: [totalNumerator, denominator],
    max_total: [BigInt(maxUnits), units],
    // 100 × (N / D) / (M / 10⁴); a commune worth nothing (M = 0) is 0%, as any such node.
    index_pct:
      maxUnits === 0
        ? [0n, 1n]
        : [totalNumerator * BigInt(100 * UNITS_PER_POINT), denominator * BigInt(maxUnits)],
    appraisal_points: [BigInt(appraisalTotal), units],
    survey_points: [surveyNumerator, denominator],
    self_points: [BigInt(selfUnits), units],
    self_gap: [BigInt(selfUnits - appraisalTotal), units],
    lowered_leaves: loweredLeaves,
    tallies,
    index,
    elements,
    satisfaction_pct: satisfactionPercent(elements),
  };
}

/**
 * A node's exact points as an unreduced ratio: its whole appraisal units over 10⁴ when no survey
 * leaf is below it (two safe integers), else its numerator over the commune's denominator.
 */
function pointsRatio(score: CommuneScore, node: ApplicableNode): Ratio {
  const numerator = score.numerators[node.order];
  return numerator === null || numerator === undefined
    ? [BigInt(score.appraisalUnits[node.order]!), BigInt(UNITS_PER_POINT)]
    : [numerator, score.pointsDenominator];
}

/** A node's exact points, as a reduced rational. */
export function nodePoints(score: CommuneScore, node: ApplicableNode): Fraction {
  return new Fraction(...pointsRatio(score, node));
}

/**
 * A node's percentage of its maximum as an unreduced ratio: 100 × (N / D) / (M / 10⁴) = 10⁶ N / (D M)
 * for points N / D and a maximum of M units; a node worth nothing (M = 0) is 0%, as the commune's index.
 */
export function nodePercentRatio(score: CommuneScore, node: ApplicableNode): Ratio {
  if (node.maxUnits === 0) return [0n, 1n];
  const [numerator, denominator] = pointsRatio(score, node);
  return [numerator * BigInt(100 * UNITS_PER_POINT), denominator * BigInt(node.maxUnits)];
}

// The two published figures of a node, rounded straight from their unreduced ratios; a node without
// a survey leaf below is rounded from whole numbers, the others from BigInts.

/** A node's points, rounded for publication. */
export function publishedNodePoints(score: CommuneScore, node: ApplicableNode): number {
  const numerator = score.numerators[node.order];
  return numerator === null || numerator === undefined
    ? roundRatioHalfAway(score.appraisalUnits[node.order]!, UNITS_PER_POINT)
    : roundNearRatioHalfAway(
        numerator,
        score.pointsDenominator,
        score.nearNumerators[node.order]!,
        score.nearDenominator,
      );
}

/** A node's percentage of its maximum: 100 × (N / D) / (M / 10⁴); a node worth nothing is 0%. */
export function publishedNodePercent(score: CommuneScore, node: ApplicableNode): number {
  if (node.maxUnits === 0) return 0;
  const numerator = score.numerators[node.order];
  // Units U over 10⁴: 100 × U / M, a ratio of safe integers (U, M < 10⁹).
  if (numerator === null || numerator === undefined)
    return roundRatioHalfAway(score.appraisalUnits[node.order]! * 100, node.maxUnits);
  return roundNearRatioHalfAway(
    numerator,
    score.pointsDenominator,
    score.nearNumerators[node.order]!,
    score.nearDenominator,
    2,
    [100 * UNITS_PER_POINT, node.maxUnits],
  );
}

/** Scores are whole hundredths of a point; points are counted in units of 10⁻⁴. */
const unitsPerHundredth = UNITS_PER_POINT / 100;

/** One commune's rows of the appraisal: `rows[k]` scores criterion `columns.criterionIds[k]`, -1 if none. */
export interface CommuneAppraisal {
  columns: AppraisalColumns;
  /** Each criterion id's index in `columns.criterionIds`. */
  criterion: ReadonlyMap<string, number>;
  rows: Int32Array;
}

/** The row of the commune's appraisal scoring a criterion, -1 if none. */
export function appraisalRowOf(appraisal: CommuneAppraisal, id: string): number {
  const k = appraisal.criterion.get(id);
  return k === undefined ? -1 : appraisal.rows[k]!;
}

/**
 * Every commune's appraisal rows, found by criterion in one table of communes × criteria filled in
 * one pass over the columns: no object per row, no Map per commune.
 */
export function communeAppraisals(columns: AppraisalColumns): (code: string) => CommuneAppraisal {
  const criteria = columns.criterionIds.length;
  const rows = new Int32Array((columns.communeCodes.length + 1) * criteria).fill(-1);
  for (let r = 0; r < columns.size; r++) rows[columns.commune[r]! * criteria + columns.criterion[r]!] = r;
  const criterion = new Map(columns.criterionIds.map((id, k) => [id, k]));
  const communes = new Map(columns.communeCodes.map((code, c) => [code, c]));
  // A commune without a row: the last slice, left at -1.
  const none = communes.size;
  return (code) => {
    const c = communes.get(code) ?? none;
    return { columns, criterion, rows: rows.subarray(c * criteria, (c + 1) * criteria) };
  };
}
