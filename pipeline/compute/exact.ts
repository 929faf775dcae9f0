// Exact rationals for every figure that feeds a published point estimate (DATA.md §2: "all arithmetic
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

/** The exact mean of rationals; throws on an empty list because a mean of nothing is a bug upstream. */
export function exactMean(values: readonly Fraction[]): Fraction {
  if (values.length === 0) throw new RangeError("Mean of no values");
  let sum = new Fraction(0);
  for (const value of values) sum = sum.add(value);
  return sum.div(values.length);
}

export { Fraction };
