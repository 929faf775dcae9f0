import { describe, expect, it } from "vitest";
import { exactDecimal, Fraction, pointUnitsOf } from "./exact.ts";
import {
  publishedDifference,
  publishedShareOf,
  roundDoubleHalfAway,
  roundHalfAway,
  roundMeanHalfAway,
  roundRatioHalfAway,
} from "./rounding.ts";

describe("exactDecimal", () => {
  it("reads a number as the decimal it was written as, not its binary approximation", () => {
    expect(exactDecimal(0.6).equals(new Fraction(3, 5))).toBe(true);
    expect(exactDecimal(81.125).equals(new Fraction(649, 8))).toBe(true);
    expect(exactDecimal(-2.75).equals(new Fraction(-11, 4))).toBe(true);
    // 1e-7 prints in exponent form.
    expect(exactDecimal(1e-7).equals(new Fraction(1, 10_000_000))).toBe(true);
    // 0.1 + 0.2 is the double 0.30000000000000004, and is read as exactly that decimal.
    expect(exactDecimal(0.1 + 0.2).equals(new Fraction(3, 10))).toBe(false);
  });
});

describe("pointUnitsOf", () => {
  it("counts a score of up to 4 decimals in whole 10⁻⁴ points", () => {
    expect(pointUnitsOf(81.25)).toBe(812_500);
    expect(pointUnitsOf(0.6)).toBe(6_000); // the double 0.6 is not 3/5, but it was written 0.6
    expect(pointUnitsOf(1.0005)).toBe(10_005);
    expect(pointUnitsOf(0)).toBe(0);
  });

  it("refuses a value finer than 10⁻⁴ rather than round it silently", () => {
    expect(() => pointUnitsOf(1.00005)).toThrow(/4 places/);
    expect(() => pointUnitsOf(0.1 + 0.2)).toThrow(/4 places/);
  });
});

describe("roundRatioHalfAway (unreduced exact ratios)", () => {
  it("rounds the ratio whatever common factor numerator and denominator share", () => {
    // 201/200 = 1.005, a tie → 1.01; the same value written as 2010·7 / (2000·7).
    expect(roundRatioHalfAway(201n, 200n)).toBe(1.01);
    expect(roundRatioHalfAway(14_070n, 14_000n)).toBe(1.01);
    // 100 · 137/30 / 6 = 13700/180 = 76.111… → 76.11
    expect(roundRatioHalfAway(13_700n, 180n)).toBe(76.11);
  });

  it("takes the sign from either term and rounds ties away from zero", () => {
    // −1/8 = −0.125 → −0.13, whichever term carries the sign.
    expect(roundRatioHalfAway(-1n, 8n)).toBe(-0.13);
    expect(roundRatioHalfAway(1n, -8n)).toBe(-0.13);
    expect(roundRatioHalfAway(-1n, -8n)).toBe(0.13);
    // −4/1000 = −0.004 rounds to zero, published as 0, not −0.
    expect(Object.is(roundRatioHalfAway(-4n, 1000n), 0)).toBe(true);
    expect(() => roundRatioHalfAway(1n, 0n)).toThrow(RangeError);
  });

  it("decides a ratio closer to a tie than doubles can tell by exact integers", () => {
    // (1005·10²² ± 1) / (1000·10²²) is 1.005 ± 10⁻²⁵: as doubles both are the tie's neighbour.
    const big = 10n ** 22n;
    expect(roundRatioHalfAway(1005n * big + 1n, 1000n * big)).toBe(1.01);
    expect(roundRatioHalfAway(1005n * big - 1n, 1000n * big)).toBe(1);
    // Far from a tie, doubles decide, and numbers are accepted as well as BigInts.
    expect(roundRatioHalfAway(2, 3)).toBe(0.67);
    expect(roundRatioHalfAway(-2, 3)).toBe(-0.67);
    expect(roundRatioHalfAway(13_700n * big, 180n * big)).toBe(76.11);
    // Terms beyond the doubles' range (2¹⁰²⁴) are divided exactly: 3/4 → 0.75.
    expect(roundRatioHalfAway(3n * 2n ** 1100n, 4n * 2n ** 1100n)).toBe(0.75);
    // With a factor: (1 × 10⁶) / (8 × 10⁵) = 1.25 exactly, a tie at the third decimal → 1.25.
    expect(roundRatioHalfAway(1n, 8n, 2, [1_000_000, 100_000])).toBe(1.25);
    expect(roundRatioHalfAway(1n, 8n, 1, [1_000_000, 100_000])).toBe(1.3);
  });
});

describe("roundHalfAway (exact values)", () => {
  it("rounds ties away from zero where binary floating point would not", () => {
    // 1.005 as a double is 1.00499999999999989…, which Math.round(x * 100) / 100 turns into 1.
    expect(roundHalfAway(new Fraction(1005, 1000))).toBe(1.01);
    expect(roundHalfAway(new Fraction(81125, 1000))).toBe(81.13);
    expect(roundHalfAway(new Fraction(2675, 1000))).toBe(2.68);
    expect(roundHalfAway(new Fraction(125, 1000))).toBe(0.13);
    expect(roundHalfAway(new Fraction(-125, 1000))).toBe(-0.13);
    expect(roundHalfAway(new Fraction(89995, 1000))).toBe(90);
  });

  it("rounds non-ties to the nearest and never yields −0", () => {
    expect(roundHalfAway(new Fraction(85_674_999, 1_000_000))).toBe(85.67);
    expect(roundHalfAway(new Fraction(1, 3))).toBe(0.33);
    expect(roundHalfAway(new Fraction(2, 3))).toBe(0.67);
    expect(roundHalfAway(new Fraction(242, 3))).toBe(80.67); // 80.666…
    expect(Object.is(roundHalfAway(new Fraction(-4, 1000)), 0)).toBe(true);
    expect(roundHalfAway(new Fraction(1, 8), 1)).toBe(0.1); // 0.125 → 0.1 at one decimal
    expect(roundHalfAway(new Fraction(-1, 20), 1)).toBe(-0.1); // −0.05 → −0.1
  });
});

describe("roundDoubleHalfAway (doubles)", () => {
  it("treats a computed tie a few ulps off as the tie", () => {
    expect(roundDoubleHalfAway(1.005)).toBe(1.01);
    expect(roundDoubleHalfAway(2.675)).toBe(2.68);
    expect(roundDoubleHalfAway(-1.005)).toBe(-1.01);
    expect(roundDoubleHalfAway(89.99499999999999)).toBe(90);
  });

  it("rounds other values to the nearest", () => {
    expect(roundDoubleHalfAway(49.01625)).toBe(49.02);
    expect(roundDoubleHalfAway(49.0149)).toBe(49.01);
    expect(roundDoubleHalfAway(94.3306)).toBe(94.33);
    expect(Object.is(roundDoubleHalfAway(-0.001), 0)).toBe(true);
  });
});

describe("roundMeanHalfAway (exact mean of ratios)", () => {
  it("rounds plain means", () => {
    expect(
      roundMeanHalfAway([
        [1n, 3n],
        [2n, 3n],
        [1n, 1n],
      ]),
    ).toBe(0.67); // (1/3 + 2/3 + 1) / 3 = 2/3
    expect(roundMeanHalfAway(Array.from({ length: 10_000 }, () => [1n, 3n] as const))).toBe(0.33);
    expect(
      roundMeanHalfAway([
        [8125n, 100n],
        [8200n, 100n],
      ]),
    ).toBe(81.63); // (81.25 + 82) / 2 = 81.625
  });

  it("rounds an exact tie away from zero, as the exact mean", () => {
    expect(
      roundMeanHalfAway([
        [1n, 100n],
        [0n, 1n],
      ]),
    ).toBe(0.01); // 0.005
    expect(roundMeanHalfAway([[-1n, 8n]])).toBe(-0.13); // −0.125
  });

  it("decides exactly when the mean is closer to a tie than doubles can tell", () => {
    // (0.01 ∓ 10⁻¹⁸) / 2 = 0.005 ∓ 5·10⁻¹⁹: the double of either is 0.005
    expect(
      roundMeanHalfAway([
        [1n, 100n],
        [-1n, 10n ** 18n],
      ]),
    ).toBe(0);
    expect(
      roundMeanHalfAway([
        [1n, 100n],
        [1n, 10n ** 18n],
      ]),
    ).toBe(0.01);
  });

  it("sums exactly a term too large for a double", () => {
    // 10⁴⁰⁰ / (3·10⁴⁰⁰) = 1/3; (1/3 + 2/3) / 2 = 0.5
    expect(
      roundMeanHalfAway([
        [10n ** 400n, 3n * 10n ** 400n],
        [2n, 3n],
      ]),
    ).toBe(0.5);
  });

  it("refuses the mean of nothing", () => {
    expect(() => roundMeanHalfAway([])).toThrow(RangeError);
  });
});

describe("publishedDifference and publishedShareOf (two published figures)", () => {
  it("subtracts published figures exactly, where doubles would not", () => {
    // 0.3 − 0.1 is 0.19999999999999998 in doubles; the published figures differ by 0.20.
    expect(publishedDifference(0.3, 0.1)).toBe(0.2);
    expect(publishedDifference(85.67, 90.1)).toBe(-4.43);
    expect(Object.is(publishedDifference(72.5, 72.5), 0)).toBe(true);
  });

  it("takes a published percentage of published points, rounding ties away from zero", () => {
    // 85.67% of 12.5 = 10.70875 → 10.71
    expect(publishedShareOf(85.67, 12.5)).toBe(10.71);
    // 50.5% of 0.01 = 0.00505 → 0.01; 33.33% of 3 = 0.9999 → 1
    expect(publishedShareOf(50.5, 0.01)).toBe(0.01);
    expect(publishedShareOf(33.33, 3)).toBe(1);
  });

  it("reads a figure of more than 2 decimals as the decimal it was written as", () => {
    // 1.005 − 0 = 1.005, a tie → 1.01 (the double 1.005 is a little below it)
    expect(publishedDifference(1.005, 0)).toBe(1.01);
    // 10.125% of 2 = 0.2025 → 0.2
    expect(publishedShareOf(10.125, 2)).toBe(0.2);
  });
});
