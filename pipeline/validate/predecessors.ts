// Lineage across years (pipeline/rules/lineage.ts): a unit formed by an arrangement names the units
// it was formed from by their codes in the year before. Each code must be a unit of that year's data
// (data/<year − 1>/, the folder beside this one) when the project holds it; a code it does not hold
// is most often a typo, and would silently leave the new unit without its predecessors' figures.
// A warning, not an error: a unit may take in a unit of a neighbouring area whose figures this
// project never held. Without a valid previous year nothing is said: the first year an issuer
// publishes has no year before it here, and the previous year's own validation reports its errors.
// Node only (the commands); the browser's /kiem-tra/ checks one year's files and says nothing of this.
import { stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Commune } from "../../schemas/communes.ts";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import type { LoadedYear } from "./index.ts";
import { sortProblems } from "./problem-log.ts";

/** The predecessor codes that are not units of the previous year, as problems of communes.csv. */
export function unknownPredecessors(
  communes: readonly Pick<Commune, "code" | "name" | "predecessors">[],
  previous: { year: number; codes: ReadonlySet<string> },
): Problem[] {
  return communes.flatMap((unit) =>
    unit.predecessors
      .filter((code) => !previous.codes.has(code))
      .map((code) =>
        problem(
          "predecessor_unknown",
          { file: "communes.csv", line: null, column: "predecessors", value: code },
          { unit_code: unit.code, unit_name: unit.name, previous_year: previous.year },
        ),
      ),
  );
}

/**
 * The year as loaded, with a warning for each predecessor code that the previous year's folder beside
 * it (loaded by `load`) does not hold; unchanged when no unit names predecessors, the year has errors
 * or there is no valid previous year.
 */
export async function withPredecessorCheck(
  loaded: LoadedYear,
  load: (folder: string) => Promise<LoadedYear>,
): Promise<LoadedYear> {
  const communes = loaded.data?.communes ?? [];
  if (loaded.data === null || !communes.some((unit) => unit.predecessors.length > 0)) return loaded;
  // --data names a year folder, or a workbook inside one.
  const yearFolder = (await stat(loaded.folder)).isDirectory() ? loaded.folder : dirname(loaded.folder);
  const year = loaded.data.manifest.year - 1;
  const sibling = join(dirname(yearFolder), String(year));
  const exists = await stat(sibling).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) return loaded;
  const previous = await load(sibling);
  if (previous.data === null) return loaded;
  const codes = new Set(previous.data.communes.map((unit) => unit.code));
  const found = unknownPredecessors(communes, { year, codes });
  return found.length === 0 ? loaded : { ...loaded, problems: sortProblems([...loaded.problems, ...found]) };
}
