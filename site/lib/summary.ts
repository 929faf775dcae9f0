// Plain summaries of published figures for the pages (counts per band). They describe the published numbers; they never replace one.
import type { Band } from "../../schemas/dataset.ts";
import type { ResultsRow } from "../../schemas/published.ts";

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
