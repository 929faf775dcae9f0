// How many units a page may list in full. A district has 10–30 communes; a province that publishes
// its 100–300 units at once needs pages that summarise first and search, not list (issue 25).
import type { ResultsRow } from "../../schemas/published.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import type { Band } from "../../schemas/dataset.ts";
import { capitalised, unitTypeLabel } from "../../pipeline/rules/display.ts";
import { compareVietnamese, formatInt, formatPct } from "../../pipeline/rules/format.ts";
import type { GroupSummary } from "../../schemas/published-manifest.ts";
import { STEP, stepOf } from "../charts/distribution.ts";
import { byRank } from "../charts/ranking.ts";

/**
 * Up to this many units, the home page ranks every unit in its chart and lists every one in its
 * finder, /so-sanh/ lists them all as links, and the bulletin names them all. 40 is twice the
 * largest district of the sample (so every district site stays as it was) and about the most a
 * reader takes in on a phone: at 390 px, a 40-row ranking chart and a 40-link list are some
 * 3,000 px each; at 235 units they made a 34,000 px home page.
 */
export const listAllLimit = 40;

/** Whether the year has too many units to list on one screen (above listAllLimit). */
export function atScale(results: readonly unknown[]): boolean {
  return results.length > listAllLimit;
}

/**
 * The name (without .css) of the picker's stylesheet that the unit and domain pages link where their
 * comparison is a search box (site/pages/[stylesheet].css.ts).
 */
export const searchStylesheet = "tim-kiem";

/** How many units the home page shows at each end of the ranking when it does not list them all. */
export const rankEndsShown = 5;

/**
 * The best and the weakest `rankEndsShown` units in the ranking's order (ties by name), the weakest
 * worst last, as the full ranking lists them; never the same unit twice.
 */
export function rankingEnds(results: readonly ResultsRow[]): { top: ResultsRow[]; bottom: ResultsRow[] } {
  const ranked = byRank(results);
  const shown = Math.min(rankEndsShown, Math.floor(ranked.length / 2));
  return { top: ranked.slice(0, shown), bottom: ranked.slice(ranked.length - shown) };
}

/** One 5-point step of the index and how many units of each band fall in it. */
export interface IndexStep {
  /** The step's lower bound: [85, 90) is 85; the last step [95, 100] is 95. */
  from: number;
  /** Units per band, in band order, bands without a unit in the step left out. */
  bands: { code: string; count: number }[];
  total: number;
}

/**
 * The home page's distribution at scale: the units per 5-point step of the index (the steps of the
 * domain pages' chart), from the highest step down to the lowest one holding a unit.
 */
export function indexSteps(results: readonly ResultsRow[], bands: readonly Band[]): IndexStep[] {
  if (results.length === 0) return [];
  const lowest = Math.min(...results.map((row) => stepOf(row.index_pct)));
  const highest = Math.max(...results.map((row) => stepOf(row.index_pct)));
  const steps: IndexStep[] = [];
  for (let from = highest; from >= lowest; from -= STEP) {
    const inStep = results.filter((row) => stepOf(row.index_pct) === from);
    steps.push({
      from,
      bands: bands
        .map((band) => ({ code: band.code, count: inStep.filter((row) => row.band === band.code).length }))
        .filter((band) => band.count > 0),
      total: inStep.length,
    });
  }
  return steps;
}

/** A filter of the full ranking: a choice among the values its rows take. */
export interface RankingFilter {
  /** The data attribute's name on each row (`data-filter-<name>`) and the control's. */
  name: string;
  label: string;
  /** The values in the order offered, each with its label and how many units take it. */
  options: { value: string; label: string; count: number; note?: string }[];
  value: (row: ResultsRow) => string;
}

type FilterRule = Omit<RankingFilter, "options"> & { optionLabel: (value: string) => string };

/** What the ranking may be filtered by, when the rows take more than one value. */
const filterRules: FilterRule[] = [
  {
    name: "loai",
    label: "Loại đơn vị",
    value: (row) => row.commune_type,
    optionLabel: (value) => capitalised(unitTypeLabel[value as CommuneType] ?? value),
  },
  {
    name: "nhom",
    label: "Địa bàn",
    value: (row) => row.unit_group ?? "",
    optionLabel: (value) => (value === "" ? "Không thuộc nhóm nào" : value),
  },
];

/**
 * The full ranking's filters (by unit type, by group: communes.csv's optional `group`, a former
 * district for instance), each with the values the year's units take (in Vietnamese order);
 * a filter with a single value would choose nothing, so it is left out.
 */
export function rankingFilters(
  results: readonly ResultsRow[],
  averages: GroupAverages | null = null,
): RankingFilter[] {
  return filterRules.flatMap(({ optionLabel, ...filter }) => {
    const counts = new Map<string, number>();
    for (const row of results) counts.set(filter.value(row), (counts.get(filter.value(row)) ?? 0) + 1);
    if (counts.size < 2) return [];
    const groups = new Map((filter.name === "nhom" ? (averages?.groups ?? []) : []).map((g) => [g.group, g]));
    const options = [...counts]
      .map(([value, count]) => {
        const group = groups.get(value);
        const note = group && averages ? groupAverageSentence(group, averages) : undefined;
        return { value, label: optionLabel(value), count, ...(note === undefined ? {} : { note }) };
      })
      .sort((x, y) => compareVietnamese(x.label, y.label));
    return [{ ...filter, options }];
  });
}

/** The published averages a group is read beside: its own (manifest's group_summary) and the area's. */
export interface GroupAverages {
  groups: readonly GroupSummary[];
  /** The area's published average (district_summary.index_pct) and its words ("trung bình tỉnh"). */
  areaAverage: number;
  averageLabel: string;
}

/** "Chỉ số bình quân của Huyện cũ Tứ Kỳ (15 đơn vị): 92,00%; trung bình tỉnh 85,53%." */
export function groupAverageSentence(
  group: GroupSummary,
  area: Pick<GroupAverages, "areaAverage" | "averageLabel">,
): string {
  return (
    `Chỉ số bình quân của ${group.group} (${formatInt(group.communes)} đơn vị): ${formatPct(group.index_pct)}; ` +
    `${area.averageLabel} ${formatPct(area.areaAverage)}.`
  );
}

/** A row's value for each filter: the data attributes the filters' script reads. */
export function filterValuesOf(filters: readonly RankingFilter[], row: ResultsRow): Record<string, string> {
  return Object.fromEntries(filters.map((filter) => [filter.name, filter.value(row)]));
}
