// Published numbers are rounded to 2 decimals, half away from zero, each from its own full-precision
// value (docs/methodology.md). Exact values round exactly; doubles (Wilson bounds, bootstrap percentiles) round
// with a tolerance for the binary error of the arithmetic that produced them.
import { hundredths } from "../rules/hundredths.ts";
import { exactDecimal, Fraction, type Ratio } from "./exact.ts";

const HUNDRED = 100n;

/**
 * Rounds the exact ratio numerator / denominator to `places` decimals, ties away from zero. The ratio
 * need not be reduced: rounding it takes one integer division whatever common factor the two share,
 * so callers can skip the gcd reductions of building a rational just to round it. The result is the
 * double nearest to the rounded decimal. `factor` [a, b] rounds (numerator × a) / (denominator × b)
 * without forming the products unless the exact path needs them.
 */
export function roundRatioHalfAway(
  numerator: bigint | number,
  denominator: bigint | number,
  places = 2,
  factor?: readonly [number, number],
): number {
  return roundNearRatioHalfAway(
    numerator,
    denominator,
    Number(numerator),
    Number(denominator),
    places,
    factor,
  );
}

/**
 * `roundRatioHalfAway` given also the doubles nearest to the numerator and the denominator,
 * `Number(numerator)` and `Number(denominator)`: a BigInt's conversion is a runtime call, so a
 * figure rounded often from the same BigInts converts them once.
 */
export function roundNearRatioHalfAway(
  numerator: bigint | number,
  denominator: bigint | number,
  nearestNumerator: number,
  nearestDenominator: number,
  places = 2,
  factor?: readonly [number, number],
): number {
  // No default array for `factor`: one per call was 85 MB of garbage at national scale.
  const a = factor === undefined ? 1 : factor[0];
  const b = factor === undefined ? 1 : factor[1];
  const fast = roundApproximateRatio(nearestNumerator, nearestDenominator, places, a, b);
  return fast ?? roundExactRatio(BigInt(numerator) * BigInt(a), BigInt(denominator) * BigInt(b), places);
}

/**
 * The same rounding from doubles, when they provably give it: each of the two conversions, the
 * division, the two factors and the scaling is correctly rounded, so the scaled quotient x is
 * within about 7·2⁻⁵³ of the exact one relatively, that is within 9·10⁻⁷ for |x| < 2³⁰. Only a
 * quotient that close to a tie (…,5) can round differently; closer than 10⁻⁶, or too large, the
 * exact integer rounding decides. Rounding near an integer needs no care: both sides of it round to
 * that integer. Half a million scores rows at national scale are rounded this way without a BigInt
 * division each.
 */
function roundApproximateRatio(
  n: number,
  d: number,
  places: number,
  factorNumerator: number,
  factorDenominator: number,
): number | null {
  const scale = 10 ** places;
  // A BigInt beyond the doubles' range converts to Infinity, which says nothing of the ratio.
  if (!Number.isFinite(n) || !Number.isFinite(d)) return null;
  const x = (((n / d) * factorNumerator) / factorDenominator) * scale;
  const magnitude = Math.abs(x);
  if (!(magnitude < 2 ** 30)) return null;
  const whole = Math.floor(magnitude);
  const fraction = magnitude - whole;
  if (Math.abs(fraction - 0.5) < 1e-6) return null;
  const rounded = fraction > 0.5 ? whole + 1 : whole;
  return rounded === 0 ? 0 : (x < 0 ? -rounded : rounded) / scale;
}

function roundExactRatio(numerator: bigint, denominator: bigint, places: number): number {
  if (denominator === 0n) throw new RangeError("Rounding a ratio with a zero denominator");
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scale = places === 2 ? HUNDRED : 10n ** BigInt(places);
  const scaled = n * scale;
  let whole = scaled / d;
  if (2n * (scaled % d) >= d) whole += 1n;
  // Integer ÷ power of ten is one correctly rounded division: the nearest double to the decimal.
  const magnitude = Number(whole) / Number(scale);
  return negative && whole !== 0n ? -magnitude : magnitude;
}

/**
 * Rounds an exact rational to `places` decimals, ties away from zero: 1.005 → 1.01, 81.125 → 81.13,
 * −0.125 → −0.13, while 85.674999… stays 85.67. The result is the double nearest to that decimal.
 */
export function roundHalfAway(value: Fraction, places = 2): number {
  return roundRatioHalfAway(value.s * value.n, value.d, places);
}

/** A figure of at most 2 decimals as whole hundredths, exactly; null for a finer one. */
function exactHundredths(value: number): number | null {
  const whole = hundredths(value);
  return Number.isSafeInteger(whole) && whole / 100 === value ? whole : null;
}

/**
 * a − b of two published figures, exact, rounded: the change readers can check by hand. Published
 * figures have 2 decimals, so the difference is one of whole hundredths (85,000 domain rows at
 * national scale, where rationals cost 0.3 s); a figure with more decimals is subtracted exactly.
 */
export function publishedDifference(a: number, b: number): number {
  const ha = exactHundredths(a);
  const hb = exactHundredths(b);
  return ha === null || hb === null
    ? roundHalfAway(exactDecimal(a).sub(exactDecimal(b)))
    : roundRatioHalfAway(ha - hb, 100);
}

/** pct % of points, two published figures, exact, rounded (as `publishedDifference`). */
export function publishedShareOf(pct: number, points: number): number {
  const hp = exactHundredths(pct);
  const hm = exactHundredths(points);
  // (hp / 100) × (hm / 100) / 100
  const product = hp === null || hm === null ? Number.NaN : hp * hm;
  return Number.isSafeInteger(product)
    ? roundRatioHalfAway(product, 1_000_000)
    : roundHalfAway(exactDecimal(pct).mul(exactDecimal(points)).div(100));
}

/**
 * The mean of exact ratios, rounded as `roundHalfAway` rounds the exact mean, from doubles when they
 * provably decide. Summing the rationals exactly reduces by a gcd at every step over a denominator
 * that grows towards the lcm of all of them: for the district mean of 10,600 communes that alone
 * cost 0.2 s. Each term's double is within 3u of the exact term (two conversions and a division,
 * u = 2⁻⁵³), a recursive sum of n terms adds at most (n − 1)·u·Σ|xᵢ| (Higham, Accuracy and
 * Stability of Numerical Algorithms, §4.2), the division by n and the scaling 2u more: so the scaled
 * mean is within (n + 4)·u·Σ|xᵢ|/n·10^places of the exact one. The bound used is twice that; a mean
 * closer to a tie, or a term too large for a double, is summed exactly.
 */
export function roundMeanHalfAway(ratios: readonly Ratio[], places = 2): number {
  const n = ratios.length;
  if (n === 0) throw new RangeError("Mean of no values");
  const scale = 10 ** places;
  let sum = 0;
  let magnitude = 0;
  for (const [numerator, denominator] of ratios) {
    const x = Number(numerator) / Number(denominator);
    sum += x;
    magnitude += Math.abs(x);
  }
  const x = (sum / n) * scale;
  const bound = ((n + 4) * Number.EPSILON * magnitude * scale) / n;
  const whole = Math.floor(Math.abs(x));
  if (Number.isFinite(x) && Math.abs(x) < 2 ** 30 && Math.abs(Math.abs(x) - whole - 0.5) > bound) {
    const rounded = Math.abs(x) - whole > 0.5 ? whole + 1 : whole;
    return rounded === 0 ? 0 : (x < 0 ? -rounded : rounded) / scale;
  }
  let exact = new Fraction(0);
  for (const [numerator, denominator] of ratios) exact = exact.add(new Fraction(numerator, denominator));
  return roundHalfAway(exact.div(n), places);
}

/**
 * A double whose exact value is a tie may come out a few ulps below it (1.005 × 100 =
 * 100.49999999999999); anything within this distance of a tie, in units of the last published
 * decimal, is treated as the tie. Our values are at most 10⁴ units (100.00%), whose ulp is ~2·10⁻¹²,
 * so the tolerance is far above rounding noise and far below any real difference.
 */
const TIE_TOLERANCE = 1e-9;

/** Rounds a double to `places` decimals, ties (within the tolerance above) away from zero. */
export function roundDoubleHalfAway(value: number, places = 2): number {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  const scale = 10 ** places;
  const scaled = Math.abs(value) * scale;
  let whole = Math.floor(scaled);
  if (scaled - whole >= 0.5 - TIE_TOLERANCE) whole += 1;
  return whole === 0 ? 0 : (Math.sign(value) * whole) / scale;
}
