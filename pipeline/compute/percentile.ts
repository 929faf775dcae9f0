// Percentiles of bootstrap replicates, and the median the benchmark and the sample's checks take.

/**
 * The p-quantile of ascending `sorted` values by linear interpolation between order statistics
 * (Hyndman & Fan type 7, the default of R and NumPy): h = (n − 1)·p, then
 * x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋ + 1] − x[⌊h⌋]), with 0-based x. For 1,000 replicates the 2.5th
 * percentile is x[24] + 0.975·(x[25] − x[24]).
 */
export function percentileType7(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError("Percentile of no values");
  if (!(p >= 0 && p <= 1)) throw new RangeError(`Percentile out of [0, 1]: ${p}`);
  const h = (n - 1) * p;
  const below = Math.floor(h);
  const lower = sorted[below]!;
  if (below + 1 >= n) return lower;
  return lower + (h - below) * (sorted[below + 1]! - lower);
}

/** The middle value, or the mean of the two middle values of an even count: type 7 at p = 0.5. */
export function median(values: readonly number[]): number {
  return percentileType7(Float64Array.from(values).sort(), 0.5);
}
