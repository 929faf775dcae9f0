// The orders in which pages list the communes. Every order is total (a code breaks the last tie),
// so every build lists the communes alike.
import type { ResultsRow } from "../../schemas/published.ts";
import { compareVietnamese } from "../../pipeline/rules/format.ts";

const sorted = new WeakMap<readonly ResultsRow[], readonly ResultsRow[]>();

/**
 * Vietnamese alphabetical order of the names (Đ after D, Ư after U), then by code: sorted once per
 * table, as every commune's page lists all the others.
 */
export function alphabetical(results: readonly ResultsRow[]): readonly ResultsRow[] {
  const cached = sorted.get(results);
  if (cached) return cached;
  const ordered = [...results].sort(
    (a, b) =>
      compareVietnamese(a.commune_name, b.commune_name) || a.commune_code.localeCompare(b.commune_code),
  );
  sorted.set(results, ordered);
  return ordered;
}

/** The communes at the top and at the bottom of the ranking: several when they share the rank. */
export function rankEnds(results: readonly ResultsRow[]): { best: ResultsRow[]; weakest: ResultsRow[] } {
  const ordered = alphabetical(results);
  const last = Math.max(...results.map((row) => row.rank));
  return {
    best: ordered.filter((row) => row.rank === 1),
    weakest: ordered.filter((row) => row.rank === last),
  };
}

/** The compare page's first pair: the first and the last by rank (ties broken by code), if two. */
export function defaultPair(results: readonly ResultsRow[]): string[] {
  const byRank = [...results].sort((a, b) => a.rank - b.rank || a.commune_code.localeCompare(b.commune_code));
  const best = byRank[0];
  const weakest = byRank.at(-1);
  return best && weakest && best !== weakest ? [best.commune_code, weakest.commune_code] : [];
}
