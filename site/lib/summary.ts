// Plain summaries of published figures for the pages (counts per band, points lost per criterion). They describe the published numbers; they never replace one.
import type { Band } from "../../schemas/dataset.ts";
import type { ResultsRow, ScoresRow } from "../../schemas/published.ts";
import { hundredths } from "../../pipeline/rules/hundredths.ts";

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
