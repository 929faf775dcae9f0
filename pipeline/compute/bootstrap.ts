// Uncertainty of the index and the rank (docs/methodology.md#uncertainty-the-bootstrap): a seeded nonparametric bootstrap. Each
// replicate resamples, with replacement, the forms rating each commune within each panel, recomputes
// the survey leaf points (appraisal points are fixed: they are not a sample), each commune's index and
// the ranks of all communes by their rounded replicate indices. Doubles are fine here — the result is
// an interval, not an exact figure — so everything lives in typed arrays for speed.
import type { Question } from "../../schemas/questions.ts";
import { randomInt, type Random } from "../random.ts";
import { answersColumn, type CommuneForms } from "./forms.ts";
import { percentileType7 } from "./percentile.ts";
import { competitionRanks } from "../rules/ranking.ts";
import { roundDoubleHalfAway } from "./rounding.ts";
import type { Scale } from "./survey.ts";

/**
 * One panel's forms rating a commune as a forms × questions matrix of coefficients, row-major, with
 * 0 where the form has no valid answer (blank or excluded option) and a matrix saying where it has
 * one: the resampling adds both without a branch per answer, whose outcome no processor predicts
 * (a draw is random), and adding 0 leaves a sum as it was, so the sums are those of the valid
 * answers exactly.
 */
export interface BootstrapPanel {
  forms: number;
  questions: number;
  coefficients: Float64Array;
  /** 1 where the form has a valid answer, else 0. */
  valid: Uint8Array;
}

export interface BootstrapLeaf {
  maxPoints: number;
  /** Where each question of the leaf sits: panel number and column in that panel's matrix. */
  columns: { panel: number; column: number }[];
  /** The observed (full-sample) points, kept when a replicate draws no valid answer at all. */
  observedPoints: number;
}

export interface BootstrapCommune {
  /** Points that do not vary: the appraisal leaves. */
  fixedPoints: number;
  maxPoints: number;
  panels: BootstrapPanel[];
  leaves: BootstrapLeaf[];
}

export interface BootstrapLeafInput {
  maxPoints: number;
  questions: readonly Question[];
  observedPoints: number;
}

/** Lays out the forms rating one commune for resampling, keeping only questions that score. */
export function bootstrapCommune(
  fixedPoints: number,
  maxPoints: number,
  formsByPanel: ReadonlyMap<string, CommuneForms>,
  leaves: readonly BootstrapLeafInput[],
  scales: ReadonlyMap<string, Scale>,
): BootstrapCommune {
  const panelNames = [...new Set(leaves.flatMap((leaf) => leaf.questions.map((q) => q.panel)))];
  const panels = panelNames.map((panel) => {
    const questions = [...new Set(leaves.flatMap((leaf) => leaf.questions.filter((q) => q.panel === panel)))];
    const forms = formsByPanel.get(panel);
    const rows = forms?.rows ?? new Uint32Array(0);
    const coefficients = new Float64Array(rows.length * questions.length);
    const valid = new Uint8Array(rows.length * questions.length);
    questions.forEach((question, column) => {
      const scale = scales.get(question.scale);
      if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
      const coefficientOf = scale.numerators.map((n) => (n === null ? Number.NaN : n / scale.denominator));
      // Answer codes are 1 + the option's index in its scale, 0 for blank.
      const answers = forms === undefined ? null : answersColumn(forms.forms, question.id);
      if (answers !== null) {
        rows.forEach((row, f) => {
          const code = answers[row]!;
          const coefficient = code === 0 ? Number.NaN : coefficientOf[code - 1]!;
          if (Number.isNaN(coefficient)) return;
          coefficients[f * questions.length + column] = coefficient;
          valid[f * questions.length + column] = 1;
        });
      }
    });
    return { questions, matrix: { forms: rows.length, questions: questions.length, coefficients, valid } };
  });
  return {
    fixedPoints,
    maxPoints,
    panels: panels.map((p) => p.matrix),
    leaves: leaves.map((leaf) => ({
      maxPoints: leaf.maxPoints,
      observedPoints: leaf.observedPoints,
      columns: leaf.questions.map((question) => {
        const panel = panelNames.indexOf(question.panel);
        return { panel, column: panels[panel]!.questions.indexOf(question) };
      }),
    })),
  };
}

export interface BootstrapInterval {
  /** Percentile interval of the index, in %, rounded to 2 decimals. */
  indexLow: number;
  indexHigh: number;
  /** Percentile range of the rank (best, worst). */
  rankLow: number;
  rankHigh: number;
}

/** Sums and valid counts of one replicate's resample, reused across communes to avoid allocation. */
interface Scratch {
  sums: Float64Array[];
  counts: Float64Array[];
}

function replicateIndex(commune: BootstrapCommune, random: Random, scratch: Scratch): number {
  for (let p = 0; p < commune.panels.length; p++) {
    const { forms, questions, coefficients, valid } = commune.panels[p]!;
    const sums = scratch.sums[p]!.fill(0, 0, questions);
    const counts = scratch.counts[p]!.fill(0, 0, questions);
    for (let draw = 0; draw < forms; draw++) {
      const row = randomInt(random, forms) * questions;
      for (let q = 0; q < questions; q++) {
        sums[q]! += coefficients[row + q]!;
        counts[q]! += valid[row + q]!;
      }
    }
  }
  let points = commune.fixedPoints;
  for (const leaf of commune.leaves) {
    let meanSum = 0;
    let measured = 0;
    for (const { panel, column } of leaf.columns) {
      const count = scratch.counts[panel]![column]!;
      if (count > 0) {
        meanSum += scratch.sums[panel]![column]! / count;
        measured++;
      }
    }
    points += measured > 0 ? (leaf.maxPoints * meanSum) / measured : leaf.observedPoints;
  }
  return commune.maxPoints === 0 ? 0 : (100 * points) / commune.maxPoints;
}

/**
 * Runs `replicates` bootstrap replicates with one seeded stream, drawn in a fixed order (replicate,
 * then commune in input order, then panel), so the same inputs and seed give identical intervals.
 * The index interval is the 2.5th–97.5th type-7 percentile of the replicate indices; the rank range
 * is ⌊type-7 2.5th⌋ to ⌈type-7 97.5th⌉ of the replicate ranks, widened to whole ranks.
 */
export function bootstrapIntervals(
  communes: readonly BootstrapCommune[],
  replicates: number,
  random: Random,
): BootstrapInterval[] {
  const n = communes.length;
  const widest = Math.max(0, ...communes.flatMap((c) => c.panels.map((p) => p.questions)));
  const panelsMax = Math.max(0, ...communes.map((c) => c.panels.length));
  const scratch: Scratch = {
    sums: Array.from({ length: panelsMax }, () => new Float64Array(widest)),
    counts: Array.from({ length: panelsMax }, () => new Float64Array(widest)),
  };
  const indices = new Float64Array(n * replicates);
  const ranks = new Int32Array(n * replicates);
  const rounded = new Float64Array(n);
  for (let r = 0; r < replicates; r++) {
    for (let c = 0; c < n; c++) {
      const index = replicateIndex(communes[c]!, random, scratch);
      indices[c * replicates + r] = index;
      rounded[c] = roundDoubleHalfAway(index);
    }
    const replicateRanks = competitionRanks(rounded);
    for (let c = 0; c < n; c++) ranks[c * replicates + r] = replicateRanks[c]!;
  }
  return communes.map((_, c) => {
    const ownIndices = indices.subarray(c * replicates, (c + 1) * replicates).sort();
    const ownRanks = ranks.subarray(c * replicates, (c + 1) * replicates).sort();
    return {
      indexLow: roundDoubleHalfAway(percentileType7(ownIndices, 0.025)),
      indexHigh: roundDoubleHalfAway(percentileType7(ownIndices, 0.975)),
      rankLow: Math.floor(percentileType7(ownRanks, 0.025)),
      rankHigh: Math.ceil(percentileType7(ownRanks, 0.975)),
    };
  });
}
