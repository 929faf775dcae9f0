// Exact rationals for every figure that feeds a published point estimate (docs/methodology.md: "all arithmetic
// in full precision"). Inputs arrive as JavaScript numbers parsed from decimal cells (≤ 4 decimals);
// a double such as 0.6 is not 3/5, so we recover the decimal the editor wrote from the shortest
// round-trip string of the number, which for such short decimals is exactly that decimal.
import Fraction from "fraction.js";

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/** The decimal a number was written as, exactly: 0.6 → 3/5, 81.125 → 649/8, 1e-7 → 1/10000000. */
export function exactDecimal(value: number): Fraction {
  const match = DECIMAL.exec(String(value));
  if (!match) throw new RangeError(`Not a finite number: ${value}`);
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const power = Number(exponent) - fraction.length;
  let numerator = BigInt(`${sign}${whole}${fraction}`);
  let denominator = 1n;
  if (power >= 0) numerator *= 10n ** BigInt(power);
  else denominator = 10n ** BigInt(-power);
  return new Fraction(numerator, denominator);
}

/** Points as whole units of 10⁻⁴, the finest decimal an input cell holds (see above). */
export const UNITS_PER_POINT = 10_000;

/**
 * A score or maximum as a whole number of 10⁻⁴ units: 81.25 → 812500. Sums of such numbers are plain
 * integer additions, exact and without the gcd reductions of rationals. The double parsed from
 * "81.25" is the one nearest to 812500 / 10⁴, and so is the quotient 812500 / 10⁴, so comparing them
 * proves the value had no fifth decimal.
 */
export function pointUnitsOf(value: number): number {
  const units = Math.round(value * UNITS_PER_POINT);
  if (!Number.isSafeInteger(units) || units / UNITS_PER_POINT !== value) {
    throw new RangeError(`Not a decimal of at most 4 places: ${value}`);
  }
  return units;
}

const LARGEST_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * The greatest common divisor, by Euclid's algorithm. Once the smaller of the pair is a safe
 * integer (≤ 2⁵³ − 1) every later pair is too, and the remainder of two safe integers is exact in
 * doubles (it is never larger than either), so the rest runs without a BigInt per step: a
 * commune's common denominator meets leaf denominators of a dozen digits, whose gcd took some
 * fifty BigInt remainders each.
 */
export function gcd(a: bigint, b: bigint): bigint {
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  while (b > LARGEST_SAFE) {
    const remainder = a % b;
    a = b;
    b = remainder;
  }
  return b === 0n ? a : BigInt(safeGcd(Number(b), Number(a % b)));
}

/** The greatest common divisor of two safe integers (≥ 0), in doubles: each remainder is exact. */
export function safeGcd(x: number, y: number): number {
  while (y !== 0) {
    const remainder = x % y;
    x = y;
    y = remainder;
  }
  return x;
}

/** The least common multiple of two positive integers. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/**
 * An exact ratio numerator / denominator, not necessarily reduced: rounding it takes one division
 * whatever factor the two share, where a reduced rational costs a gcd at every step.
 */
export type Ratio = readonly [numerator: bigint, denominator: bigint];

/** A ratio in lowest terms, its denominator positive (the denominator must not be 0). */
export function reduced(numerator: bigint, denominator: bigint): Ratio {
  const divisor = denominator < 0n ? -gcd(numerator, denominator) : gcd(numerator, denominator);
  return [numerator / divisor, denominator / divisor];
}

/** The double nearest to a ratio of integers that doubles hold (points and maxima in 10⁻⁴ units). */
export function ratioValue([numerator, denominator]: Ratio): number {
  return Number(numerator) / Number(denominator);
}

export { Fraction };
