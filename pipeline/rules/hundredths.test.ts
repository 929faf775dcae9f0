import { describe, expect, it } from "vitest";
import { hundredths } from "./hundredths.ts";

describe("hundredths", () => {
  it("turns 2-decimal figures into exact integers", () => {
    expect(hundredths(85.67)).toBe(8567);
    // 2.3 × 100 is 229.99999999999997 as doubles; the rounding gives the hundredths meant.
    expect(hundredths(2.3)).toBe(230);
    expect(hundredths(0.1) + hundredths(0.2)).toBe(hundredths(0.3));
    expect(hundredths(-1.25)).toBe(-125);
  });
});
