// Plain summaries of published figures for the pages (counts per band, points lost per criterion). They describe the published numbers; they never replace one.
import type { Band } from "../../schemas/dataset.ts";
import type { ResultsRow, ScoresRow } from "../../schemas/published.ts";

/** Published numbers have 2 decimals: in hundredths they are exact integers, free of float noise. */
export function hundredths(value: number): number {
  return Math.round(value * 100);
}

/** How many communes fall in each band, every band listed (zero included), in band order. */
export function communesPerBand(
  results: readonly ResultsRow[],
  bands: readonly Band[],
): { code: string; count: number }[] {
  return bands.map((band) => ({
    code: band.code,
    count: results.filter((row) => row.band === band.code).length,
  }));
}

/** Points a commune did not get on a criterion: max − points, exact to the hundredth. */
export function lostPoints(row: Pick<ScoresRow, "points" | "max_points">): number {
  return (hundredths(row.max_points) - hundredths(row.points)) / 100;
}

/** Competition positions ("1, 2, 2, 4") of values sorted best first; equal values share a position. */
export function positions(values: readonly number[]): number[] {
  return values.map((value, index) => {
    const firstEqual = values.findIndex((other) => hundredths(other) === hundredths(value));
    return firstEqual === -1 ? index + 1 : firstEqual + 1;
  });
}
