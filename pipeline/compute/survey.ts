// Survey tallies: for one commune and question, the number of answers per option. Everything the
// survey contributes — leaf points, published counts, satisfied shares — is derived from these
// integer counts: the sum of coefficients over answers is Σ count(option) × coefficient(option),
// an integer over the scale's denominator, and a mean is that sum over valid × denominator. Only a
// leaf's points become a rational, once per commune and leaf.
import type { Question } from "../../schemas/questions.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import { exactDecimal, lcm, reduced, safeGcd, UNITS_PER_POINT, type Ratio } from "./exact.ts";
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

/**
 * Every commune's tally of every question, in columns: commune c's tally of question q (c in the
 * order the tallies were made for, q in questions.csv order) is at c × `questions.length` + q, the
 * row order of the published survey table. No object per tally: at national scale there are
 * 350,000 of them.
 */
export interface SurveyTallies {
  /** Every question, in questions.csv order, and its scale. */
  questions: readonly Question[];
  scales: readonly Scale[];
  /** Forms rating the commune in the question's panel. */
  forms: Uint32Array;
  /** Answers whose option has a coefficient. */
  valid: Uint32Array;
  /** Answers whose option has no coefficient ("không đánh giá được"). */
  excluded: Uint32Array;
  noAnswer: Uint32Array;
  /** Valid answers whose option is satisfied. */
  satisfied: Uint32Array;
  /**
   * m(c, q), the mean coefficient of the valid answers, is coefficientSum / meanDenominator
   * exactly (both integers; meanDenominator = valid × the scale's denominator, 0 without any).
   */
  coefficientSum: Float64Array;
  meanDenominator: Float64Array;
  /**
   * Answers per option, commune after commune, each commune's questions in order and each
   * question's options in scale order: the row order of the published survey_options table.
   */
  optionCounts: Uint32Array;
}

/**
 * Tallies every question over the forms rating each commune in the question's panel, from the
 * panels' counts per commune and answer code (`panelAnswerCounts`: one sequential pass per answers
 * column).
 */
export function surveyTallies(
  questions: readonly Question[],
  scales: readonly Scale[],
  /** Each panel's forms of every commune, in the tallies' commune order. */
  formsOf: Readonly<Record<Question["panel"], readonly CommuneForms[]>>,
): SurveyTallies {
  const communes = formsOf.citizens.length;
  const perCommune = questions.length;
  const size = communes * perCommune;
  const tallies: SurveyTallies = {
    questions,
    scales,
    forms: new Uint32Array(size),
    valid: new Uint32Array(size),
    excluded: new Uint32Array(size),
    noAnswer: new Uint32Array(size),
    satisfied: new Uint32Array(size),
    coefficientSum: new Float64Array(size),
    meanDenominator: new Float64Array(size),
    optionCounts: new Uint32Array(0),
  };
  const options = scales.reduce((sum, scale) => sum + scale.options.length, 0);
  tallies.optionCounts = new Uint32Array(communes * options);
  // Each question's counts of every commune of its panel, by answer code.
  const answers = questions.map((question, q) => {
    const panel = formsOf[question.panel][0]?.forms;
    return panel === undefined ? null : panelAnswerCounts(panel, question.id, scales[q]!.options.length + 1);
  });
  for (let c = 0; c < communes; c++) tallyCommune(tallies, c, c * options, formsOf, answers);
  return tallies;
}

/**
 * Fills commune c's tallies of every question and its option counts (a function called once per
 * commune, compiled once for all of them).
 */
function tallyCommune(
  tallies: SurveyTallies,
  c: number,
  /** Where the commune's option counts start. */
  optionAt: number,
  formsOf: Readonly<Record<Question["panel"], readonly CommuneForms[]>>,
  answers: readonly (Uint32Array | null)[],
): void {
  const { questions, scales, optionCounts } = tallies;
  for (let q = 0; q < questions.length; q++) {
    const question = questions[q]!;
    const scale = scales[q]!;
    const forms = formsOf[question.panel][c]!;
    const at = c * questions.length + q;
    tallies.forms[at] = forms.rows.length;
    const counts = answers[q];
    if (forms.commune < 0 || !counts) {
      tallies.noAnswer[at] = forms.rows.length;
      optionAt += scale.options.length;
      continue;
    }
    const first = forms.commune * (scale.options.length + 1);
    let valid = 0;
    let satisfied = 0;
    let coefficientSum = 0;
    for (let i = 0; i < scale.options.length; i++) {
      const count = counts[first + 1 + i]!;
      optionCounts[optionAt++] = count;
      const numerator = scale.numerators[i];
      if (numerator === null || numerator === undefined) continue;
      valid += count;
      coefficientSum += count * numerator;
      if (scale.options[i]!.satisfied === true) satisfied += count;
    }
    // Counts of a million forms times coefficients of four decimals stay far below 2⁵³.
    if (!Number.isSafeInteger(coefficientSum) || !Number.isSafeInteger(valid * scale.denominator))
      throw new RangeError(`Question ${question.id}: too many answers for exact sums`);
    const answered = forms.rows.length - counts[first]!;
    tallies.valid[at] = valid;
    tallies.excluded[at] = answered - valid;
    tallies.noAnswer[at] = forms.rows.length - answered;
    tallies.satisfied[at] = satisfied;
    tallies.coefficientSum[at] = coefficientSum;
    tallies.meanDenominator[at] = valid * scale.denominator;
  }
}

/**
 * Points of a survey leaf, in lowest terms: max_points × the mean over its questions of m(c, q). A question without
 * any valid answer for the commune has no m(c, q) and is left out of that mean (docs/methodology.md only
 * forbids a leaf with no valid answer at all, which validation reports); null when no question of
 * the leaf has a valid answer.
 */
export function surveyLeafPoints(
  maxUnits: number,
  tallies: SurveyTallies,
  commune: number,
  /** The positions in `tallies.questions` of the leaf's questions. */
  leafQuestions: readonly number[],
): Ratio | null {
  // Σ sᵢ/dᵢ over the k measured questions as one unreduced ratio, then × max / k: a leaf has a few
  // questions, so the product of denominators stays small and a single gcd reduces the result.
  // First in doubles: an integer product or sum whose exact value is a safe integer (|x| < 2⁵³) is
  // computed exactly, and one whose exact value is not comes out unsafe too (rounding is monotonic
  // and 2⁵³ is a double), so when every step is safe the doubles are the exact integers. Tens of
  // valid answers per question (denominators in the hundreds, three questions: about 10¹⁴ with
  // the leaf's maximum) stay there; larger counts take BigInts.
  const first = commune * tallies.questions.length;
  let numerator = 0;
  let denominator = 1;
  let measured = 0;
  let safe = true;
  for (const q of leafQuestions) {
    const d = tallies.meanDenominator[first + q]!;
    if (d === 0) continue;
    const scaled = numerator * d;
    const added = tallies.coefficientSum[first + q]! * denominator;
    numerator = scaled + added;
    denominator *= d;
    safe &&= Number.isSafeInteger(scaled) && Number.isSafeInteger(added);
    safe &&= Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator);
    measured++;
  }
  if (measured === 0) return null;
  numerator *= maxUnits;
  denominator *= UNITS_PER_POINT * measured;
  if (safe && Number.isSafeInteger(numerator) && Number.isSafeInteger(denominator)) {
    const divisor = safeGcd(Math.abs(numerator), denominator);
    return [BigInt(numerator / divisor), BigInt(denominator / divisor)];
  }
  let exactNumerator = 0n;
  let exactDenominator = 1n;
  for (const q of leafQuestions) {
    const meanDenominator = tallies.meanDenominator[first + q]!;
    if (meanDenominator === 0) continue;
    const d = BigInt(meanDenominator);
    exactNumerator = exactNumerator * d + BigInt(tallies.coefficientSum[first + q]!) * exactDenominator;
    exactDenominator *= d;
  }
  return reduced(exactNumerator * BigInt(maxUnits), exactDenominator * BigInt(UNITS_PER_POINT * measured));
}

/** One SIPAS element's satisfied and valid citizen answers in a commune. */
export interface ElementShare {
  element: number;
  satisfied: number;
  valid: number;
}

/**
 * Per SIPAS element (ascending), the satisfied and valid citizens' answers of a commune over the
 * element's questions.
 */
export function elementShares(tallies: SurveyTallies, commune: number): ElementShare[] {
  const byElement = new Map<number, ElementShare>();
  const first = commune * tallies.questions.length;
  for (let q = 0; q < tallies.questions.length; q++) {
    const { panel, sipas_element: element } = tallies.questions[q]!;
    if (panel !== "citizens" || element === null) continue;
    const share = byElement.get(element) ?? { element, satisfied: 0, valid: 0 };
    share.satisfied += tallies.satisfied[first + q]!;
    share.valid += tallies.valid[first + q]!;
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
