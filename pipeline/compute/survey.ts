// Survey tallies: for one commune and question, the number of answers per option. Everything the
// survey contributes — leaf points, published counts, satisfied shares — is derived from these
// integer counts: the sum of coefficients over answers is Σ count(option) × coefficient(option),
// an integer over the scale's denominator, and a mean is that sum over valid × denominator. Only a
// leaf's points become a rational, once per commune and leaf.
import type { Question } from "../../schemas/questions.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import { exactDecimal, Fraction, lcm, UNITS_PER_POINT, type Ratio } from "./exact.ts";
import { panelAnswerCounts, type CommuneForms } from "./forms.ts";
import { groupBy } from "../rules/group.ts";

export interface Scale {
  /** Options in scales.csv order (the order published in survey_options). */
  options: ScaleOption[];
  /** Exact coefficients as integers over a common denominator; null = excluded from means. */
  numerators: (number | null)[];
  denominator: number;
  /** Whether the scale defines satisfied options, so a satisfied share is meaningful. */
  measuresSatisfaction: boolean;
}

/** The scales by name, each option's coefficient read exactly from its decimal. */
export function buildScales(options: readonly ScaleOption[]): Map<string, Scale> {
  const scales = new Map<string, Scale>();
  for (const [name, scaleOptions] of groupBy(options, (o) => o.scale)) {
    const exact = scaleOptions.map((o) => (o.coefficient === null ? null : exactDecimal(o.coefficient)));
    const denominator = exact.reduce((common, f) => (f === null ? common : lcm(common, f.d)), 1n);
    scales.set(name, {
      options: scaleOptions,
      numerators: exact.map((f) => (f === null ? null : safeInteger((f.s * f.n * denominator) / f.d))),
      denominator: safeInteger(denominator),
      measuresSatisfaction: scaleOptions.some((o) => o.satisfied !== null),
    });
  }
  return scales;
}

/** An integer as a number, refused when a double would not hold it exactly. */
function safeInteger(value: bigint): number {
  const number = Number(value);
  if (!Number.isSafeInteger(number)) throw new RangeError(`Too large for exact sums: ${value}`);
  return number;
}

export interface QuestionTally {
  question: Question;
  scale: Scale;
  /** Forms rating the commune in the question's panel. */
  forms: number;
  /**
   * Answers per answer code (0: blank, else 1 + the option's index in the scale) at `at` + code:
   * every commune's counts of the question share one array (`optionCount` reads them).
   */
  answers: Uint32Array;
  at: number;
  /** Answers whose option has a coefficient. */
  valid: number;
  /** Answers whose option has no coefficient ("không đánh giá được"). */
  excluded: number;
  noAnswer: number;
  /** Valid answers whose option is satisfied. */
  satisfied: number;
  /**
   * m(c, q), the mean coefficient of the valid answers, is coefficientSum / meanDenominator
   * exactly (both integers; meanDenominator = valid × the scale's denominator, 0 without any).
   */
  coefficientSum: number;
  meanDenominator: number;
}

/** Answers with the option at `index` of the scale. */
export function optionCount(tally: QuestionTally, index: number): number {
  return tally.answers[tally.at + 1 + index]!;
}

/** Counts one question's answers over the forms rating one commune. */
export function tallyQuestion(forms: CommuneForms, question: Question, scale: Scale): QuestionTally {
  const codes = scale.options.length + 1;
  const none = forms.commune < 0;
  const answers = none ? new Uint32Array(codes) : panelAnswerCounts(forms.forms, question.id, codes);
  const at = none ? 0 : forms.commune * codes;
  let valid = 0;
  let satisfied = 0;
  let coefficientSum = 0;
  for (let i = 0; i < scale.options.length; i++) {
    const numerator = scale.numerators[i];
    if (numerator === null || numerator === undefined) continue;
    const count = answers[at + 1 + i]!;
    valid += count;
    coefficientSum += count * numerator;
    if (scale.options[i]!.satisfied === true) satisfied += count;
  }
  // Counts of a million forms times coefficients of four decimals stay far below 2⁵³.
  if (!Number.isSafeInteger(coefficientSum) || !Number.isSafeInteger(valid * scale.denominator))
    throw new RangeError(`Question ${question.id}: too many answers for exact sums`);
  const answered = forms.rows.length - answers[at]!;
  return {
    question,
    scale,
    forms: forms.rows.length,
    answers,
    at,
    valid,
    excluded: answered - valid,
    noAnswer: forms.rows.length - answered,
    satisfied,
    coefficientSum,
    meanDenominator: valid * scale.denominator,
  };
}

/**
 * Points of a survey leaf: max_points × the mean over its questions of m(c, q). A question without
 * any valid answer for the commune has no m(c, q) and is left out of that mean (docs/methodology.md only
 * forbids a leaf with no valid answer at all, which validation reports); null when no question of
 * the leaf has a valid answer.
 */
export function surveyLeafPoints(
  maxUnits: number,
  tallies: readonly QuestionTally[],
  /** The positions in `tallies` of the leaf's questions. */
  leafQuestions: readonly number[],
): Fraction | null {
  // Σ sᵢ/dᵢ over the k measured questions as one unreduced ratio, then × max / k: a leaf has a few
  // questions, so the product of denominators stays small and a single gcd reduces the result.
  let numerator = 0n;
  let denominator = 1n;
  let measured = 0;
  for (const q of leafQuestions) {
    const t = tallies[q]!;
    if (t.meanDenominator === 0) continue;
    const d = BigInt(t.meanDenominator);
    numerator = numerator * d + BigInt(t.coefficientSum) * denominator;
    denominator *= d;
    measured++;
  }
  if (measured === 0) return null;
  return new Fraction(numerator * BigInt(maxUnits), denominator * BigInt(UNITS_PER_POINT * measured));
}

/** One SIPAS element's satisfied and valid citizen answers in a commune. */
export interface ElementShare {
  element: number;
  satisfied: number;
  valid: number;
}

/** Per SIPAS element (ascending), the satisfied and valid citizens' answers over its questions. */
export function elementShares(tallies: readonly QuestionTally[]): ElementShare[] {
  const byElement = new Map<number, ElementShare>();
  for (const tally of tallies) {
    const element = tally.question.sipas_element;
    if (tally.question.panel !== "citizens" || element === null) continue;
    const share = byElement.get(element) ?? { element, satisfied: 0, valid: 0 };
    share.satisfied += tally.satisfied;
    share.valid += tally.valid;
    byElement.set(element, share);
  }
  return [...byElement.values()].sort((a, b) => a.element - b.element);
}

/**
 * Satisfaction (SIPAS-style): the mean over elements of each element's satisfied share, × 100, as
 * an unreduced ratio, Σᵢ 100 satisfiedᵢ ∏ⱼ≠ᵢ validⱼ / (k ∏ⱼ validⱼ) over the k elements with a valid
 * answer (the others have no share and do not count); null without any. Five elements at most, so
 * the products stay small and no gcd is taken, as in `surveyLeafPoints`.
 */
export function satisfactionPercent(shares: readonly ElementShare[]): Ratio | null {
  let numerator = 0n;
  let denominator = 1n;
  let measured = 0;
  for (const share of shares) {
    if (share.valid === 0) continue;
    const valid = BigInt(share.valid);
    numerator = numerator * valid + BigInt(share.satisfied) * denominator;
    denominator *= valid;
    measured++;
  }
  return measured === 0 ? null : [numerator * 100n, denominator * BigInt(measured)];
}
