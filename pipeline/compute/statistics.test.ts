import { describe, expect, it } from "vitest";
import { median, percentileType7 } from "./percentile.ts";
import { wilsonInterval } from "./wilson.ts";

describe("percentileType7", () => {
  it("interpolates linearly between order statistics", () => {
    // h = (4 − 1) × 0.5 = 1.5 → x[1] + 0.5 × (x[2] − x[1]) = 2 + 0.5 × 1 = 2.5
    expect(percentileType7([1, 2, 3, 4], 0.5)).toBe(2.5);
    // h = (2 − 1) × 0.25 = 0.25 → 10 + 0.25 × 10 = 12.5
    expect(percentileType7([10, 20], 0.25)).toBe(12.5);
    expect(percentileType7([7], 0.975)).toBe(7);
    expect(percentileType7([1, 2, 3], 1)).toBe(3);
  });

  it("gives the bootstrap's 2.5th and 97.5th percentiles of 1,000 replicates", () => {
    const values = Float64Array.from({ length: 1000 }, (_, i) => i + 1);
    // h = 999 × 0.025 = 24.975 → x[24] + 0.975 × (x[25] − x[24]) = 25 + 0.975 = 25.975
    expect(percentileType7(values, 0.025)).toBeCloseTo(25.975, 10);
    // h = 999 × 0.975 = 974.025 → x[974] + 0.025 × 1 = 975 + 0.025 = 975.025
    expect(percentileType7(values, 0.975)).toBeCloseTo(975.025, 10);
  });
});

describe("median", () => {
  it("takes the middle of an odd count and the mean of the two middles of an even count", () => {
    expect(median([3.2, 1.1, 2.5])).toBe(2.5);
    // (2 + 3) / 2 = 2.5
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("wilsonInterval", () => {
  it("matches the known interval for 8 of 10", () => {
    // p = 0.8, z² = 3.841459, z²/n = 0.3841459; centre = (0.8 + 0.1920729) / 1.3841459 = 0.716714;
    // half = (1.959964 / 1.3841459) × √(0.016 + 0.0096036) = 1.416009 × 0.160011 = 0.226577
    const { low, high } = wilsonInterval(8, 10);
    expect(low).toBeCloseTo(0.4902, 4);
    expect(high).toBeCloseTo(0.9433, 4);
  });

  it("stays inside [0, 1] at the extremes", () => {
    // 0 of 10: low = 0, high = z² / (n + z²) = 3.841459 / 13.841459 = 0.277535
    expect(wilsonInterval(0, 10).low).toBe(0);
    expect(wilsonInterval(0, 10).high).toBeCloseTo(0.277535, 5);
    expect(wilsonInterval(10, 10).low).toBeCloseTo(1 - 0.277535, 5);
    expect(wilsonInterval(10, 10).high).toBe(1);
  });
});
