// Group averages (issue 25): the optional `group` column of communes.csv (a former district, a
// region) gives each group's average index, published in the manifest's `group_summary` so that the
// ranking's group filter, a unit's page and the bulletin only show it. As the area's average is: the
// plain mean over the group's units (each counts once, whatever its size) of their full-precision
// index, rounded once — not the mean of the published, rounded indices. Units without a group are in
// no group; a year where no unit has one publishes no summary.
import type { GroupSummary } from "../../schemas/published-manifest.ts";
import { compareVietnamese } from "../rules/format.ts";
import { groupBy } from "../rules/group.ts";
import type { Ratio } from "./exact.ts";
import { roundMeanHalfAway } from "./rounding.ts";

/** Each group's units and average index, groups in Vietnamese order; null when no unit has a group. */
export function groupSummary(
  units: readonly { commune: { group: string | null }; index_pct: Ratio }[],
): GroupSummary[] | null {
  const grouped = groupBy(
    units.filter((unit) => (unit.commune.group ?? "") !== ""),
    (unit) => unit.commune.group ?? "",
  );
  if (grouped.size === 0) return null;
  return [...grouped]
    .sort(([a], [b]) => compareVietnamese(a, b))
    .map(([group, members]) => ({
      group,
      communes: members.length,
      index_pct: roundMeanHalfAway(members.map((unit) => unit.index_pct)),
    }));
}
