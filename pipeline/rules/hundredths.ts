// Scores, maxima and published percentages have at most 2 decimals. As whole hundredths they are
// exact integers, so sums and differences carry no float noise (0.1 + 0.2 is not 0.3; 10 + 20 is 30).

/** `85.67` → `8567`; `2.3` → `230` (rounded, so the double nearest 2.3 still gives 230). */
export function hundredths(value: number): number {
  return Math.round(value * 100);
}
