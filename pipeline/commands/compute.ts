// `npm run compute -- --data <year folder> --out <folder> [--previous <year folder>] [--no-bootstrap]
// [--format text|json|markdown] [--lang vi|en]`: validate, compute and publish one year's tables
// straight into <folder>. On any validation error it prints the report of `validate` (by running it)
// and exits 1 without touching <folder>.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { computeYear } from "../compute/index.ts";
import type { YearData, YearResults } from "../model.ts";
import { publishYear, resolveBuildTime, type YearPublication } from "../publish/index.ts";
import { loadYear, type LoadedYear } from "../validate/index.ts";
import { formatProblems, type ReportOptions } from "../validate/report.ts";
import { run as validate } from "./validate.ts";

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

/** Whether a loaded year validated (its data are null as soon as one error was found). */
export function isValid(loaded: LoadedYear): loaded is LoadedYear & { data: YearData } {
  return loaded.data !== null;
}

export function reportOptions(values: {
  format?: string | undefined;
  lang?: string | undefined;
}): ReportOptions {
  const format = values.format ?? "text";
  const lang = values.lang ?? "vi";
  if (format !== "text" && format !== "json" && format !== "markdown") {
    throw new Error(`--format phải là text, json hoặc markdown / must be text, json or markdown: ${format}`);
  }
  if (lang !== "vi" && lang !== "en")
    throw new Error(`--lang phải là vi hoặc en / must be vi or en: ${lang}`);
  return { format, lang };
}

/** Prints exactly what `npm run validate` prints for these folders, by running it. */
export async function printValidationReport(folders: string[], report: ReportOptions): Promise<void> {
  await validate([
    "--format",
    report.format,
    "--lang",
    report.lang,
    ...folders.flatMap((folder) => ["--data", folder]),
  ]);
}

/** Seconds with one decimal, Vietnamese style (`1,4 s`), for the summary lines. */
export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1).replace(".", ",")} s`;
}

const usage =
  "Cách dùng / usage: npm run compute -- --data <thư mục năm> --out <thư mục> [--previous <thư mục năm>] " +
  "[--no-bootstrap] [--format text|json|markdown] [--lang vi|en]";

/**
 * The previous year's results, for year-on-year changes: the folder given, else the sibling
 * `<year − 1>` if it exists. Changes use the published index, rank and domain percentages, which the
 * bootstrap does not touch, so the previous year is computed without it.
 */
async function previousYear(
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

export async function run(args: string[]): Promise<number> {
  const started = performance.now();
  let values;
  let report: ReportOptions;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        data: { type: "string" },
        out: { type: "string" },
        previous: { type: "string" },
        "no-bootstrap": { type: "boolean", default: false },
        format: { type: "string" },
        lang: { type: "string" },
      },
      strict: true,
    }));
    report = reportOptions(values);
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const { data: folder, out } = values;
  if (folder === undefined || out === undefined) {
    console.error(usage);
    return 2;
  }
  try {
    const buildTime = resolveBuildTime(process.env);
    const loaded = await loadYear(folder);
    if (!isValid(loaded)) {
      await printValidationReport([folder], report);
      return 1;
    }
    const previous = await previousYear(loaded.data, folder, values.previous, report);
    if (previous === "error") return 1;
    const warnings = loaded.problems.filter((problem) => problem.severity === "warning");
    if (warnings.length > 0) console.error(formatProblems(warnings, report));
    const results = computeYear(loaded.data, { previous, bootstrap: !values["no-bootstrap"] });
    const manifest = await publishYear(out, yearPublication(loaded, results, buildTime));
    const compared =
      results.parameters.previous_year === null ? "" : `, so với năm ${results.parameters.previous_year}`;
    console.log(
      `Đã công bố năm ${manifest.year} (${results.tables.results.length} đơn vị${compared}): ` +
        `${manifest.outputs.length + 1} tệp vào ${out} trong ${formatSeconds(performance.now() - started)}.`,
    );
    return 0;
  } catch (error) {
    console.error(`Lỗi / error: ${(error as Error).message}`);
    return 1;
  }
}
