import { describe, expect, it } from "vitest";
import { randomInt, seededRandom } from "./random.ts";

describe("seededRandom", () => {
  it("repeats the same stream for the same seed and differs for another seed", () => {
    const first = Array.from({ length: 5 }, seededRandom(2023));
    const again = Array.from({ length: 5 }, seededRandom(2023));
    const other = Array.from({ length: 5 }, seededRandom(2022));
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it("stays in [0, 1) and spreads evenly over ten buckets", () => {
    const random = seededRandom(7);
    const buckets = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) {
      const x = random();
      expect(x >= 0 && x < 1).toBe(true);
      buckets[randomInt(() => x, 10)]!++;
    }
    // Each bucket expects 10,000; ±500 is over 5 standard deviations (sd ≈ 95).
    for (const n of buckets) expect(Math.abs(n - 10_000)).toBeLessThan(500);
  });
});

describe("seededRandom skipping ahead", () => {
  it("starts where drawing and dropping the first numbers would leave the stream", () => {
    for (const [seed, skip] of [
      [2023, 1],
      [7, 1000],
      [0xffffffff, 12_345],
    ] as const) {
      const drawn = seededRandom(seed);
      for (let i = 0; i < skip; i++) drawn();
      expect(Array.from({ length: 8 }, seededRandom(seed, skip))).toEqual(Array.from({ length: 8 }, drawn));
    }
  });
});
