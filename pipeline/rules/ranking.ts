// Ranks and bands, both from the PUBLISHED (rounded) index so that what readers see is consistent:
// two communes shown with the same 85.67% share a rank, and 89.995 shown as 90.00 is in band A.
import type { Band } from "../../schemas/dataset.ts";

/**
 * Competition ranks ("1, 2, 2, 4") of values, higher is better: each value's rank is one plus the
 * number of strictly greater values. Returned in the order of the input.
 */
export function competitionRanks(values: ArrayLike<number>): Int32Array {
  const n = values.length;
  // A typed array sorts numbers natively, with no comparator call per pair (the bootstrap ranks
  // every replicate); then, by bisection, the first value above each one.
  const ascending = new Float64Array(n);
  for (let i = 0; i < n; i++) ascending[i] = values[i]!;
  ascending.sort();
  const ranks = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const value = values[i]!;
    let low = 0;
    let high = n;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (ascending[middle]! > value) high = middle;
      else low = middle + 1;
    }
    ranks[i] = n - low + 1;
  }
  return ranks;
}

/** The first band, in the manifest's order, whose min_pct ≤ the published index. */
export function bandFor(publishedIndex: number, bands: readonly Band[]): Band {
  const band = bands.find((b) => b.min_pct <= publishedIndex);
  if (!band) throw new RangeError(`No band in dataset.json admits an index of ${publishedIndex}%`);
  return band;
}
