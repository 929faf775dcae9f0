// Which unit of the previous year a unit is compared with (docs/methodology.md#change-on-the-previous-year).
//
// A unit's predecessors are the codes in its `predecessors` column (communes.csv), or, when that is
// blank, its own code: the same unit as the year before. A change on the previous year is shown only
// where the unit has exactly one predecessor of the same extent, and "same extent" is known from this
// year's list alone: that predecessor is named by no other unit of the year (it was not split, nor
// merged into two units). A unit formed from two or more units ("đơn vị mới sau sắp xếp") has no
// change figure; its predecessors' figures are shown beside it instead.
import type { Commune } from "../../schemas/communes.ts";

type LineageUnit = Pick<Commune, "code" | "predecessors">;

/** The codes a unit was formed from: its `predecessors`, or its own code when there are none. */
export function predecessorsOf(unit: LineageUnit): readonly string[] {
  return unit.predecessors.length > 0 ? unit.predecessors : [unit.code];
}

/** A unit formed from two or more units: "đơn vị mới sau sắp xếp" on its page. */
export function isMergedUnit(unit: Pick<Commune, "predecessors">): boolean {
  return unit.predecessors.length > 1;
}

/**
 * Each unit's comparable predecessor by code: the previous year's code to compare it with, or null
 * when it has none of the same extent (merged from several, or its predecessor also went to another
 * unit). Whether the previous year published that code is for the caller to find.
 */
export function comparablePredecessors(units: readonly LineageUnit[]): Map<string, string | null> {
  const claims = new Map<string, number>();
  for (const unit of units) {
    for (const code of new Set(predecessorsOf(unit))) claims.set(code, (claims.get(code) ?? 0) + 1);
  }
  return new Map(
    units.map((unit) => {
      const codes = [...new Set(predecessorsOf(unit))];
      const only = codes.length === 1 ? codes[0]! : null;
      return [unit.code, only !== null && claims.get(only) === 1 ? only : null];
    }),
  );
}

/** The published form of a list of predecessors: "11161;11164;11167", or null when there are none. */
export function predecessorsCell(unit: Pick<Commune, "predecessors">): string | null {
  return unit.predecessors.length > 0 ? unit.predecessors.join(";") : null;
}

/** The codes of a published `predecessors` cell. */
export function predecessorCodes(cell: string | null): string[] {
  return cell === null || cell === "" ? [] : cell.split(";");
}
