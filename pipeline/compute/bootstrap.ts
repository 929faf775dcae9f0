// Uncertainty of the index and the rank (docs/methodology.md#uncertainty-the-bootstrap): a seeded nonparametric bootstrap. Each
// replicate resamples, with replacement, the forms rating each commune within each panel, recomputes
// the survey leaf points (appraisal points are fixed: they are not a sample), each commune's index and
// the ranks of all communes by their rounded replicate indices. A replicate's survey figures are
// integer tallies, as the point estimate's are (survey.ts): per question, the sum of the drawn
// answers' coefficient numerators over the scale's denominator and the number of valid answers, so
// a question's mean is one division of two exact integers. The tallies live in typed arrays, packed
// several to a double, for speed; what follows from them (points, index) is in doubles — the result
// is an interval, not an exact figure. A replicate's ranks are counted on its indices in whole
// hundredths; large runs share the replicates among threads (bootstrap-worker.ts), each starting
// the one seeded stream where its first replicate starts, so the intervals do not depend on them.
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { startThread } from "../thread.ts";
import type { Question } from "../../schemas/questions.ts";
import { randomInt, seededRandom, type Random } from "../random.ts";
import { answersColumn, type CommuneForms } from "./forms.ts";
import { percentileType7 } from "./percentile.ts";
import { roundDoubleHalfAway } from "./rounding.ts";
import type { Scale } from "./survey.ts";

/** Bits of a double's significand: every integer below 2⁵³ is held exactly, and so are their sums below it. */
const EXACT_BITS = 53;

/**
 * One panel's forms rating a commune, laid out as counters. Each scoring question has two: the
 * numerator of the form's answer's coefficient over the scale's denominator (0 for a blank or an
 * excluded option) and 1 if that answer is valid, else 0. A replicate adds the counters of the
 * forms it draws, so it needs no branch per answer, whose outcome no processor predicts (a draw is
 * random). The counters are packed side by side in doubles, each in the bits its largest possible
 * total (every draw at its maximum) needs, so no sum carries into its neighbour and a draw adds a
 * few words instead of two numbers per question.
 */
export interface BootstrapPanel {
  forms: number;
  questions: number;
  /** Packed words per form. */
  words: number;
  /** words × forms, column-major: each form's counters, each at its place. */
  packed: Float64Array;
  /** Per counter (question q's numerators at 2q, its valid answers at 2q + 1): its word, */
  counterWord: Int32Array;
  /** and its place value 2^offset in that word, with the inverse 2^−offset. Counters go up a word. */
  counterPlace: Float64Array;
  counterInverse: Float64Array;
}

export interface BootstrapLeaf {
  maxPoints: number;
  /** Where each question of the leaf sits among the commune's scoring questions, panel after panel. */
  slots: Int32Array;
  /** The observed (full-sample) points, kept when a replicate draws no valid answer at all. */
  observedPoints: number;
}

export interface BootstrapCommune {
  /** Points that do not vary: the appraisal leaves. */
  fixedPoints: number;
  maxPoints: number;
  panels: BootstrapPanel[];
  /** Per scoring question, panel after panel: its scale's denominator. */
  denominators: Float64Array;
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
    return { questions, matrix: bootstrapPanel(formsByPanel.get(panel), questions, scales) };
  });
  const questions = panels.flatMap((p) => p.questions);
  return {
    fixedPoints,
    maxPoints,
    panels: panels.map((p) => p.matrix),
    denominators: Float64Array.from(questions, (question) => scaleOf(question, scales).denominator),
    leaves: leaves.map((leaf) => ({
      maxPoints: leaf.maxPoints,
      observedPoints: leaf.observedPoints,
      slots: Int32Array.from(leaf.questions, (question) => questions.indexOf(question)),
    })),
  };
}

function scaleOf(question: Question, scales: ReadonlyMap<string, Scale>): Scale {
  const scale = scales.get(question.scale);
  if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
  return scale;
}

/** Bits that hold every integer from 0 to `max`. */
function bitsFor(max: number): number {
  let bits = 0;
  while (2 ** bits <= max) bits++;
  return bits;
}

/** Lays out one panel's forms as packed counters of its scoring `questions` (see BootstrapPanel). */
function bootstrapPanel(
  forms: CommuneForms | undefined,
  questions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
): BootstrapPanel {
  const rows = forms?.rows ?? new Uint32Array(0);
  const counterWord = new Int32Array(2 * questions.length);
  const counterPlace = new Float64Array(2 * questions.length);
  const counterInverse = new Float64Array(2 * questions.length);
  // Numerators by answer code (1 + the option's index in its scale, 0 for blank): null = not valid.
  const numeratorsByCode = questions.map((question) => [null, ...scaleOf(question, scales).numerators]);
  // Each counter's largest total over a replicate's draws, then its place in the words.
  let word = 0;
  let offset = 0;
  numeratorsByCode.forEach((numerators, q) => {
    const largest = Math.max(0, ...numerators.map((n) => n ?? 0));
    [rows.length * largest, rows.length].forEach((max, k) => {
      const bits = bitsFor(max);
      if (bits > EXACT_BITS)
        throw new RangeError(`Question ${questions[q]!.id}: too many forms for exact sums`);
      if (offset + bits > EXACT_BITS) {
        word++;
        offset = 0;
      }
      counterWord[2 * q + k] = word;
      counterPlace[2 * q + k] = 2 ** offset;
      counterInverse[2 * q + k] = 2 ** -offset;
      offset += bits;
    });
  });
  const words = offset === 0 ? word : word + 1;
  const packed = new Float64Array(rows.length * words);
  questions.forEach((question, q) => {
    const answers = forms === undefined ? null : answersColumn(forms.forms, question.id);
    if (answers === null) return;
    const numerators = numeratorsByCode[q]!;
    const sums = counterWord[2 * q]! * rows.length;
    const counts = counterWord[2 * q + 1]! * rows.length;
    const [sumPlace, countPlace] = [counterPlace[2 * q]!, counterPlace[2 * q + 1]!];
    for (let f = 0; f < rows.length; f++) {
      const numerator = numerators[answers[rows[f]!]!] ?? null;
      if (numerator === null) continue;
      packed[sums + f]! += numerator * sumPlace;
      packed[counts + f]! += countPlace;
    }
  });
  return {
    forms: rows.length,
    questions: questions.length,
    words,
    packed,
    counterWord,
    counterPlace,
    counterInverse,
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

/** One replicate's draws, words and tallies, reused across communes to avoid allocation. */
interface Scratch {
  /** Per form of a panel: how many times the replicate drew it. */
  drawn: Float64Array;
  words: Float64Array;
  /** Per scoring question (slot): the drawn answers' numerators summed, the valid answers counted. */
  numerators: Float64Array;
  valid: Float64Array;
}

function replicateIndex(commune: BootstrapCommune, random: Random, scratch: Scratch): number {
  const { drawn, words: sums, numerators, valid } = scratch;
  let slot = 0;
  for (let p = 0; p < commune.panels.length; p++) {
    const panel = commune.panels[p]!;
    const { forms, words, packed } = panel;
    // The draws only count each form; the sums then run over the forms in order, each word a
    // column of the forms' packed counters, two words at a time (one read of each count for both).
    drawn.fill(0, 0, forms);
    for (let draw = 0; draw < forms; draw++) drawn[randomInt(random, forms)]!++;
    for (let w = 0; w < words; w += 2) {
      const first = w * forms;
      // An odd last word pairs with itself.
      const second = w + 1 < words ? first + forms : first;
      let firstSum = 0;
      let secondSum = 0;
      for (let f = 0; f < forms; f++) {
        const times = drawn[f]!;
        firstSum += times * packed[first + f]!;
        secondSum += times * packed[second + f]!;
      }
      sums[w] = firstSum;
      if (w + 1 < words) sums[w + 1] = secondSum;
    }
    // Each word read from its top counter down: the word's rest over the counter's place, rounded
    // down, is the counter, and taking it away leaves the counters below. Every step is exact: the
    // places are powers of 2 and the values integers below 2⁵³.
    const { counterWord, counterPlace, counterInverse } = panel;
    let word = -1;
    let rest = 0;
    for (let c = 2 * panel.questions - 1; c >= 0; c--) {
      if (counterWord[c] !== word) {
        word = counterWord[c]!;
        rest = sums[word]!;
      }
      const value = Math.floor(rest * counterInverse[c]!);
      rest -= value * counterPlace[c]!;
      if ((c & 1) === 1) valid[slot + (c >> 1)] = value;
      else numerators[slot + (c >> 1)] = value;
    }
    slot += panel.questions;
  }
  let points = commune.fixedPoints;
  for (const leaf of commune.leaves) {
    let meanSum = 0;
    let measured = 0;
    const { slots } = leaf;
    for (let k = 0; k < slots.length; k++) {
      const q = slots[k]!;
      const count = valid[q]!;
      if (count > 0) {
        // m(c, q) of the replicate: one division of exact integers.
        meanSum += numerators[q]! / (count * commune.denominators[q]!);
        measured++;
      }
    }
    points += measured > 0 ? (leaf.maxPoints * meanSum) / measured : leaf.observedPoints;
  }
  return commune.maxPoints === 0 ? 0 : (100 * points) / commune.maxPoints;
}

/** Draws of one replicate: one per form of each panel of each commune, whatever the draws give. */
export function drawsPerReplicate(communes: readonly BootstrapCommune[]): number {
  let draws = 0;
  for (const commune of communes) for (const panel of commune.panels) draws += panel.forms;
  return draws;
}

/** Where the replicates' figures go, commune after commune: [c × replicates + r]. */
export interface ReplicateFigures {
  replicates: number;
  indices: Float64Array;
  ranks: Int32Array;
}

/**
 * Runs replicates `from` to `to` (excluded) with `random`, which must stand at the start of
 * replicate `from` (every replicate draws drawsPerReplicate numbers), and stores each commune's
 * replicate index and rank. Allocates its scratch once, nothing per replicate.
 */
export function runReplicates(
  communes: readonly BootstrapCommune[],
  from: number,
  to: number,
  random: Random,
  { replicates, indices, ranks }: ReplicateFigures,
): void {
  const n = communes.length;
  const widest = (of: (panel: BootstrapPanel) => number) =>
    Math.max(0, ...communes.flatMap((c) => c.panels.map(of)));
  const slots = Math.max(0, ...communes.map((c) => c.denominators.length));
  const scratch: Scratch = {
    drawn: new Float64Array(widest((p) => p.forms)),
    words: new Float64Array(widest((p) => p.words)),
    numerators: new Float64Array(slots),
    valid: new Float64Array(slots),
  };
  const hundredths = new Int32Array(n);
  const ranking = new HundredthsRanking();
  for (let r = from; r < to; r++) {
    for (let c = 0; c < n; c++) {
      const index = replicateIndex(communes[c]!, random, scratch);
      indices[c * replicates + r] = index;
      hundredths[c] = Math.round(100 * roundDoubleHalfAway(index));
    }
    ranking.rank(hundredths, ranks, r, replicates);
  }
}

/**
 * Competition ranks of integer scores (the replicate indices rounded to hundredths, as integers),
 * the ranks competitionRanks gives the rounded indices — two rounded indices are the same double
 * exactly when their hundredths are the same integer — by counting instead of sorting: one pass
 * tallies each score, one pass over the scores from the top turns the tallies into the number of
 * greater scores, one pass reads each commune's rank. The tallies are kept between replicates.
 */
export class HundredthsRanking {
  private greater = new Int32Array(0);

  /** Stores the rank of `scores[c]` at `ranks[c × stride + at]`. */
  rank(scores: Int32Array, ranks: Int32Array, at: number, stride: number): void {
    const n = scores.length;
    if (n === 0) return;
    let low = scores[0]!;
    let high = low;
    for (let c = 1; c < n; c++) {
      const score = scores[c]!;
      if (score < low) low = score;
      else if (score > high) high = score;
    }
    const span = high - low + 1;
    if (this.greater.length < span) this.greater = new Int32Array(span);
    const greater = this.greater;
    greater.fill(0, 0, span);
    for (let c = 0; c < n; c++) greater[scores[c]! - low]!++;
    // From the top: each score's tally becomes the number of scores above it.
    let above = 0;
    for (let s = span - 1; s >= 0; s--) {
      const count = greater[s]!;
      greater[s] = above;
      above += count;
    }
    for (let c = 0; c < n; c++) ranks[c * stride + at] = greater[scores[c]! - low]! + 1;
  }
}

/**
 * What a thread of the bootstrap is given (bootstrap-worker.ts): the communes' layouts as two flat
 * arrays, its replicates, where to put them (shared memory), and its state: RUNNING, then DONE or
 * FAILED with a message (UTF-8, zero-padded).
 */
export interface ThreadShare extends ReplicateFigures {
  layouts: FlatLayouts;
  seed: number;
  from: number;
  to: number;
  status: Int32Array;
  message: Uint8Array;
}

export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

/** Runs a thread's share of the replicates from its own copy of the stream, skipped to its start. */
export function runShare(share: ThreadShare, communes: readonly BootstrapCommune[]): void {
  const skip = share.from * drawsPerReplicate(communes);
  runReplicates(communes, share.from, share.to, seededRandom(share.seed, skip), share);
}

/**
 * The communes' layouts in two arrays on shared memory: their integers and their doubles, each in
 * the order flatLayouts writes them and unflatLayouts reads them back. A thread is handed these two
 * arrays, not some 400,000 objects and typed arrays to copy one by one (seconds at national scale).
 */
export interface FlatLayouts {
  integers: Int32Array;
  doubles: Float64Array;
}

function flatLayouts(communes: readonly BootstrapCommune[]): FlatLayouts {
  let integers = 1;
  let doubles = 0;
  for (const commune of communes) {
    integers += 3;
    doubles += 2 + commune.denominators.length;
    for (const panel of commune.panels) {
      integers += 3 + panel.counterWord.length;
      doubles += panel.packed.length + 2 * panel.counterPlace.length;
    }
    for (const leaf of commune.leaves) {
      integers += 1 + leaf.slots.length;
      doubles += 2;
    }
  }
  const flat: FlatLayouts = {
    integers: new Int32Array(new SharedArrayBuffer(4 * integers)),
    doubles: new Float64Array(new SharedArrayBuffer(8 * doubles)),
  };
  let i = 0;
  let d = 0;
  const putIntegers = (...values: number[]) => values.forEach((value) => (flat.integers[i++] = value));
  const putDoubles = (...values: number[]) => values.forEach((value) => (flat.doubles[d++] = value));
  const putIntegerArray = (values: Int32Array) => {
    flat.integers.set(values, i);
    i += values.length;
  };
  const putDoubleArray = (values: Float64Array) => {
    flat.doubles.set(values, d);
    d += values.length;
  };
  putIntegers(communes.length);
  for (const commune of communes) {
    putIntegers(commune.panels.length, commune.denominators.length, commune.leaves.length);
    putDoubles(commune.fixedPoints, commune.maxPoints);
    putDoubleArray(commune.denominators);
    for (const panel of commune.panels) {
      putIntegers(panel.forms, panel.questions, panel.words);
      putIntegerArray(panel.counterWord);
      putDoubleArray(panel.packed);
      putDoubleArray(panel.counterPlace);
      putDoubleArray(panel.counterInverse);
    }
    for (const leaf of commune.leaves) {
      putIntegers(leaf.slots.length);
      putIntegerArray(leaf.slots);
      putDoubles(leaf.maxPoints, leaf.observedPoints);
    }
  }
  return flat;
}

/** The communes' layouts again, their typed arrays views of the flat arrays (nothing is copied). */
export function unflatLayouts({ integers, doubles }: FlatLayouts): BootstrapCommune[] {
  let i = 0;
  let d = 0;
  const integer = () => integers[i++]!;
  const double = () => doubles[d++]!;
  const integerView = (length: number) => integers.subarray(i, (i += length));
  const doubleView = (length: number) => doubles.subarray(d, (d += length));
  return Array.from({ length: integer() }, () => {
    const [panels, slots, leaves] = [integer(), integer(), integer()];
    const [fixedPoints, maxPoints] = [double(), double()];
    const denominators = doubleView(slots);
    return {
      fixedPoints,
      maxPoints,
      denominators,
      panels: Array.from({ length: panels }, () => {
        const [forms, questions, words] = [integer(), integer(), integer()];
        return {
          forms,
          questions,
          words,
          counterWord: integerView(2 * questions),
          packed: doubleView(forms * words),
          counterPlace: doubleView(2 * questions),
          counterInverse: doubleView(2 * questions),
        };
      }),
      leaves: Array.from({ length: leaves }, () => {
        const leafSlots = integerView(integer());
        return { slots: leafSlots, maxPoints: double(), observedPoints: double() };
      }),
    };
  });
}

/**
 * Threads for `draws` draws in all: one below some 8 million (a few tenths of a second; a thread
 * takes about 0.1 s to start), else one per core up to 4 — a thread first skips the stream to its
 * share, which more threads would spend more of.
 */
export function bootstrapThreads(draws: number): number {
  return draws < 2 ** 23 ? 1 : Math.min(4, availableParallelism());
}

/** A skipped draw costs about a tenth of a replicate's draw (3 ns against some 30 with the sums). */
const SKIP_COST = 0.1;

/**
 * Where each thread's replicates start, and the end: thread k's share is smaller by the time it
 * spends skipping the shares before it, so that all finish together (two threads: 526 and 474 of
 * 1,000).
 */
export function shareBounds(replicates: number, threads: number): number[] {
  const weights: number[] = [];
  let total = 0;
  for (let k = 0; k < threads; k++) {
    weights.push(1 - SKIP_COST * total);
    total += weights[k]!;
  }
  let sum = 0;
  return [0, ...weights.map((weight) => Math.round(((sum += weight) * replicates) / total))];
}

/**
 * Runs `replicates` bootstrap replicates with one seeded stream, drawn in a fixed order (replicate,
 * then commune in input order, then panel), so the same inputs and seed give identical intervals.
 * The index interval is the 2.5th–97.5th type-7 percentile of the replicate indices; the rank range
 * is ⌊type-7 2.5th⌋ to ⌈type-7 97.5th⌉ of the replicate ranks, widened to whole ranks.
 *
 * `threads` share the replicates, each a run of them: every replicate draws the same number of
 * numbers, so a thread starts the stream where its first replicate starts and draws what one thread
 * would — the figures, and the intervals, are the same for any number of threads. This thread runs
 * the first share and waits for the others (computeYear stays synchronous).
 */
export function bootstrapIntervals(
  communes: readonly BootstrapCommune[],
  replicates: number,
  seed: number,
  threads = bootstrapThreads(replicates * drawsPerReplicate(communes)),
): BootstrapInterval[] {
  const n = communes.length;
  const shared = (bytes: number) => new SharedArrayBuffer(bytes);
  const figures: ReplicateFigures = {
    replicates,
    indices: new Float64Array(shared(8 * n * replicates)),
    ranks: new Int32Array(shared(4 * n * replicates)),
  };
  const bounds = shareBounds(replicates, threads);
  const layouts =
    threads > 1 ? flatLayouts(communes) : { integers: new Int32Array(0), doubles: new Float64Array(0) };
  const others = bounds.slice(1, -1).map((from, k) => {
    const share: ThreadShare = {
      layouts,
      seed,
      from,
      to: bounds[k + 2]!,
      ...figures,
      status: new Int32Array(shared(4)),
      message: new Uint8Array(shared(4096)),
    };
    const worker = startThread(new URL("./bootstrap-worker.ts", import.meta.url), { workerData: share });
    worker.unref();
    return { share, worker };
  });
  const start = performance.now();
  const first = {
    ...figures,
    layouts,
    seed,
    from: 0,
    to: bounds[1]!,
    status: new Int32Array(1),
    message: new Uint8Array(0),
  };
  runShare(first, communes);
  // A thread that never reports (it could not start) is given ten times this thread's time, at
  // least a minute; then its share is run here.
  const patience = Math.max(60_000, 10 * (performance.now() - start));
  for (const { share, worker } of others) {
    Atomics.wait(share.status, 0, RUNNING, patience);
    const status = Atomics.load(share.status, 0);
    void worker.terminate();
    if (status === FAILED) {
      const end = share.message.indexOf(0);
      throw new Error(
        `A bootstrap thread failed: ${new TextDecoder().decode(share.message.slice(0, end === -1 ? undefined : end))}`,
      );
    }
    if (status === RUNNING) runShare(share, communes);
  }
  return replicateIntervals(figures);
}

/** Each commune's intervals from its replicates' indices and ranks (which this sorts in place). */
export function replicateIntervals({ replicates, indices, ranks }: ReplicateFigures): BootstrapInterval[] {
  return Array.from({ length: indices.length / replicates }, (_, c) => {
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
