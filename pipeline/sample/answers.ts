// From a respondent's latent view of a commune to the option code written on the form.
import type { Random } from "../random.ts";
import { clampUnit, roundToLevel } from "./draws.ts";
import type { SampleScale } from "./survey-design.ts";

export interface AnswerPlan {
  /** Coefficients of the scored options, ascending. */
  levels: number[];
  /** Option codes, parallel to `levels`. */
  codes: string[];
  /** The option excluded from means ("E", "KB"), if the scale has one. */
  excludedCode: string | null;
}

export function answerPlan(scale: SampleScale): AnswerPlan {
  const scored = scale.options
    .filter((option) => option.coefficient !== null)
    .sort((a, b) => a.coefficient! - b.coefficient!);
  return {
    levels: scored.map((option) => option.coefficient!),
    codes: scored.map((option) => option.option),
    excludedCode: scale.options.find((option) => option.coefficient === null)?.option ?? null,
  };
}

export interface NonAnswerChances {
  /** Chance of the excluded option ("không đánh giá được", "không biết"). */
  excluded: number;
  /** Chance of leaving the question blank. */
  blank: number;
}

/**
 * The option for a respondent whose view of the matter is `view` (0 = worst, 1 = best): a scored
 * option whose expected coefficient is the view, or now and then the excluded option or a blank.
 */
export function drawAnswer(
  random: Random,
  plan: AnswerPlan,
  view: number,
  chances: NonAnswerChances,
): string {
  const u = random();
  if (u < chances.blank) return "";
  if (plan.excludedCode !== null && u < chances.blank + chances.excluded) return plan.excludedCode;
  return plan.codes[roundToLevel(random, clampUnit(view), plan.levels)]!;
}
