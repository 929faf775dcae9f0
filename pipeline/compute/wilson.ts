// Wilson score interval for a proportion (the satisfied share), which unlike the normal
// approximation stays inside [0, 1] and behaves for small samples and shares near 0 or 1.

/** The two-sided 95% standard normal quantile, Φ⁻¹(0.975). */
export const Z_95 = 1.959963984540054;

export interface Interval {
  low: number;
  high: number;
}

/** Wilson interval for `successes` out of `trials` (trials > 0), as proportions in [0, 1]. */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Interval {
  if (trials <= 0 || successes < 0 || successes > trials) {
    throw new RangeError(`Wilson interval needs 0 ≤ ${successes} ≤ ${trials} and trials > 0`);
  }
  const share = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (share + z2 / (2 * trials)) / denominator;
  const halfWidth =
    (z / denominator) * Math.sqrt((share * (1 - share)) / trials + z2 / (4 * trials * trials));
  // At a share of 0 (or 1) the lower (upper) bound is exactly 0 (1); say so rather than keep the
  // rounding error of the formula.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    high: successes === trials ? 1 : Math.min(1, centre + halfWidth),
  };
}
