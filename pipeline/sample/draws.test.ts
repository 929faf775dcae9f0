import { describe, expect, it } from "vitest";
import { seededRandom } from "../random.ts";
import { roundToLevel, shuffled } from "./draws.ts";

const officialsLevels = [0, 0.2, 0.6, 1];

describe("roundToLevel", () => {
  it("picks one of the two levels around the target, the upper one in proportion to the distance", () => {
    // Target 0.4 lies between 0.2 and 0.6: upper when random() × (0.6 − 0.2) < 0.4 − 0.2, i.e. random() < 0.5.
    expect(officialsLevels[roundToLevel(() => 0.49, 0.4, officialsLevels)]).toBe(0.6);
    expect(officialsLevels[roundToLevel(() => 0.51, 0.4, officialsLevels)]).toBe(0.2);
    // Target 0.9 between 0.6 and 1: upper when random() × 0.4 < 0.3, i.e. random() < 0.75.
    expect(officialsLevels[roundToLevel(() => 0.74, 0.9, officialsLevels)]).toBe(1);
    expect(officialsLevels[roundToLevel(() => 0.76, 0.9, officialsLevels)]).toBe(0.6);
  });

  it("returns a level the target hits exactly, and the end levels at the ends", () => {
    expect(roundToLevel(() => 0.99, 0.6, officialsLevels)).toBe(2);
    expect(roundToLevel(() => 0.5, 0, officialsLevels)).toBe(0);
    expect(roundToLevel(() => 0.5, 1, officialsLevels)).toBe(3);
  });

  it("keeps the mean: answers drawn for a view of 0.7 average 0.7", () => {
    const random = seededRandom(5);
    let sum = 0;
    const n = 100_000;
    for (let i = 0; i < n; i++) sum += officialsLevels[roundToLevel(random, 0.7, officialsLevels)]!;
    // Each draw is 0.6 (prob 0.75) or 1 (prob 0.25): sd = 0.4 × √(0.75 × 0.25) ≈ 0.173, so the mean of
    // 100,000 has sd ≈ 0.00055; ±0.003 is over 5 of them.
    expect(Math.abs(sum / n - 0.7)).toBeLessThan(0.003);
  });
});

describe("shuffled", () => {
  it("returns the same items in a seed-determined order, leaving the input alone", () => {
    const items = Array.from({ length: 20 }, (_, i) => i);
    const once = shuffled(seededRandom(1), items);
    expect(once).toEqual(shuffled(seededRandom(1), items));
    expect([...once].sort((a, b) => a - b)).toEqual(items);
    expect(once).not.toEqual(items);
    expect(items[0]).toBe(0);
  });
});
