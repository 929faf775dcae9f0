// The year folders of a data root and a year's way from loaded inputs to a publication: what the
// compute and build commands share (neither uses the other as a library).
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { computeYear } from "./compute/index.ts";
import { printValidationReport } from "./console.ts";
import type { YearData, YearResults } from "./model.ts";
import type { YearPublication } from "./publish/index.ts";
import { type LoadedYear } from "./validate/index.ts";
import { loadYear } from "./validate/folder.ts";
import type { ReportOptions } from "./validate/report.ts";

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
    sources: loaded.sources ?? null,
  };
}

/**
 * The previous year's results, for year-on-year changes: the folder given, else the sibling
 * `<year − 1>` if it exists. Changes use the published index, rank and domain percentages, which the
 * bootstrap does not touch, so the previous year is computed without it.
 */
export async function previousYear(
  data: YearData,
  folder: string,
  explicit: string | undefined,
  report: ReportOptions,
): Promise<YearResults | null | "error"> {
  const sibling = join(dirname(folder), String(data.manifest.year - 1));
  const previousFolder = explicit ?? (existsSync(sibling) ? sibling : null);
  if (previousFolder === null) return null;
  const previous = await loadYear(previousFolder);
  if (isValid(previous)) return computeYear(previous.data, { previous: null, bootstrap: false });
  if (explicit !== undefined) {
    await printValidationReport([previousFolder], report);
    return "error";
  }
  console.error(
    `Năm trước (${previousFolder}) có lỗi nên không tính thay đổi so với năm trước; chạy validate để xem. / ` +
      `The previous year (${previousFolder}) has errors, so no year-on-year changes are published.`,
  );
  return null;
}
