// `node pipeline/cli.ts build [--out site/public/data] [--data data] [--format …] [--lang …]`: every
// `data/<year>/` in ascending order is validated, computed with the previous year's results and
// published into `<out>/<year>/` — the tables the site reads and users download. The whole <out>
// folder is replaced at once: any error prints the report, exits 1 and leaves it as it was.
import { mkdir, readdir } from "node:fs/promises";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { computeYear } from "../compute/index.ts";
import type { YearResults } from "../model.ts";
import { checkYearReleases, publishReleaseArchive } from "../publish/releases.ts";
import { isYearOutput, resolveBuildTime, writeYearFiles, type YearPublication } from "../publish/index.ts";
import { recoverInterruptedSwap, replaceFolderAtomically } from "../publish/atomic.ts";
import { assertPublicFolder } from "../publish/public-files.ts";
import { loadYear } from "../validate/folder.ts";
import type { ReportOptions } from "../validate/report.ts";
import { formatSeconds, printFailure, printValidationReport, reportOptions } from "../console.ts";
import { isValid, yearFolderName, yearFolders, yearPublication } from "../years.ts";

/** A previous build output holds nothing but published year folders. */
async function isBuildOutput(folder: string): Promise<boolean> {
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isDirectory() || !yearFolderName.test(entry.name)) return false;
    if (!(await isYearOutput(join(folder, entry.name)))) return false;
  }
  return true;
}

/**
 * Validates and computes every year, each with the previous year's results; the publications when
 * every year is valid, else the folders that have errors. A year's release history is checked
 * before it is computed (a CommandError stops the build).
 */
export async function computeAllYears(
  dataRoot: string,
  buildTime: Date,
): Promise<{ publications: YearPublication[] } | { rejected: string[] }> {
  const publications: YearPublication[] = [];
  const rejected: string[] = [];
  const resultsByYear = new Map<number, YearResults>();
  for (const { year, folder } of await yearFolders(dataRoot)) {
    const loaded = await loadYear(folder);
    if (!isValid(loaded)) {
      rejected.push(folder);
      continue;
    }
    await checkYearReleases(
      folder,
      loaded.data.manifest,
      loaded.data.communes.map((commune) => commune.code),
    );
    // docs/methodology.md#year-over-year: changes are against data/<year − 1>/ only, communes matched by code.
    const results = computeYear(loaded.data, {
      previous: resultsByYear.get(year - 1) ?? null,
      bootstrap: true,
    });
    resultsByYear.set(year, results);
    publications.push(yearPublication(loaded, results, buildTime));
  }
  return rejected.length > 0 ? { rejected } : { publications };
}

/**
 * Publishes every year into `<out>/<year>/`, with the frozen tables of its earlier releases under
 * `<out>/<year>/v<version>/`, replacing the whole of <out> at once, and only when no file holds a
 * column schemas/publication.ts keeps private or does not declare.
 */
export async function publishAllYears(
  out: string,
  dataRoot: string,
  publications: YearPublication[],
): Promise<void> {
  await replaceFolderAtomically(
    out,
    async (temporary) => {
      for (const publication of publications) {
        const folder = join(temporary, String(publication.results.year));
        await mkdir(folder);
        await writeYearFiles(folder, publication);
        await publishReleaseArchive({
          dataFolder: join(dataRoot, String(publication.results.year)),
          yearFolder: folder,
        });
      }
      // Every file written is held to schemas/publication.ts before it replaces the published ones.
      await assertPublicFolder(temporary);
    },
    { isPreviousOutput: isBuildOutput },
  );
}

export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  let values;
  let report: ReportOptions;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        out: { type: "string", default: "site/public/data" },
        data: { type: "string", default: "data" },
        format: { type: "string" },
        lang: { type: "string" },
      },
      strict: true,
    }));
    report = reportOptions(values);
  } catch (error) {
    console.error(
      `${(error as Error).message}\nCách dùng / usage: node pipeline/cli.ts build [--out site/public/data] ` +
        "[--data data] [--format text|json|markdown] [--lang vi|en]",
    );
    return 2;
  }
  try {
    // What a killed build left beside the output is put right before validation can stop this one.
    await recoverInterruptedSwap(values.out);
    const computed = await computeAllYears(values.data, resolveBuildTime(process.env));
    if ("rejected" in computed) {
      // The same report as `npm run validate` over every year folder.
      const folders = (await yearFolders(values.data)).map(({ folder }) => folder);
      await printValidationReport(folders, report);
      return 1;
    }
    if (computed.publications.length === 0) {
      console.error(`Không có thư mục năm nào trong ${values.data} / no year folder in ${values.data}`);
      return 1;
    }
    for (const { results, problems } of computed.publications) {
      const warnings = problems.filter((problem) => problem.severity === "warning").length;
      if (warnings > 0) console.error(`${results.year}: ${warnings} cảnh báo / warnings (npm run validate)`);
    }
    await publishAllYears(values.out, values.data, computed.publications);
    const years = computed.publications.map((publication) => publication.results.year).join(", ");
    console.log(
      `Đã công bố các năm ${years} vào ${values.out} trong ${formatSeconds(performance.now() - started)}.`,
    );
    return 0;
  } catch (error) {
    await printFailure(error, report.lang, values.out);
    return 1;
  }
}
