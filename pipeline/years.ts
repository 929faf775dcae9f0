// The year folders of a data root and a year's way from loaded inputs to a publication: what the
// compute and build commands share (neither uses the other as a library).
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { YearData, YearResults } from "./model.ts";
import type { YearPublication } from "./publish/index.ts";
import type { LoadedYear } from "./validate/index.ts";

export const yearFolderName = /^\d{4}$/;

/** The year folders under the data root (`data/2022`, `data/2023`, …), ascending. */
export async function yearFolders(dataRoot: string): Promise<{ year: number; folder: string }[]> {
  const entries = await readdir(dataRoot, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory() && yearFolderName.test(entry.name))
    .map((entry) => ({ year: Number(entry.name), folder: join(dataRoot, entry.name) }))
    .sort((a, b) => a.year - b.year);
}

/** Whether a loaded year validated (its data are null as soon as one error was found). */
export function isValid(loaded: LoadedYear): loaded is LoadedYear & { data: YearData } {
  return loaded.data !== null;
}

/** The publication of a year that validated and was computed (stamped with the given build time). */
export function yearPublication(
  loaded: LoadedYear & { data: YearData },
  results: YearResults,
  buildTime: Date,
): YearPublication {
  return {
    manifest: loaded.data.manifest,
    inputs: loaded.inputs,
    problems: loaded.problems,
    results,
    buildTime,
  };
}
