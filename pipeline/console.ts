// What the commands print: the validation report (the same for validate, compute and build, so a
// data editor sees one report whichever command found the error), its options, and durations.
import { basename } from "node:path";
import { problem } from "./messages.ts";
import type { OmittedProblems, Problem } from "./problem.ts";
import { namedBySheet } from "./validate/file-set.ts";
import { loadYear } from "./validate/folder.ts";
import { reportChunks, summaryLine, writeChunks, type ReportOptions } from "./validate/report.ts";

/** `--format` and `--lang` as given (text and vi when absent); throws on any other value. */
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

/** A folder's problems as its report lists them, and those of each kind only counted. */
async function problemsOf(folder: string): Promise<{ problems: Problem[]; omitted: OmittedProblems[] }> {
  try {
    const loaded = await loadYear(folder);
    return { problems: namedBySheet(loaded), omitted: loaded.omitted };
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { problems: [problem("unexpected_failure", { file: "*", line: null }, { detail })], omitted: [] };
  }
}

/** Prints the validation report of these year folders to stdout; true when any has an error. */
export async function printValidationReport(folders: string[], options: ReportOptions): Promise<boolean> {
  const byFolder = await Promise.all(
    folders.map(async (folder) => ({ folder, ...(await problemsOf(folder)) })),
  );
  // With several years in one JSON list, the file name alone would be ambiguous.
  const named = <P extends { file: string }>(folder: string, list: P[]): P[] =>
    folders.length > 1 ? list.map((p) => ({ ...p, file: `${basename(folder)}/${p.file}` })) : list;
  // Errors before warnings across the years too (each year's list already is; the sort is stable).
  const all = byFolder
    .flatMap(({ folder, problems }) => named(folder, problems))
    .sort((a, b) => Number(a.severity === "warning") - Number(b.severity === "warning"));
  const allOmitted = byFolder.flatMap(({ folder, omitted }) => named(folder, omitted));
  if (options.format === "json") await writeChunks(process.stdout, reportChunks(all, options, allOmitted));
  else {
    for (const { folder, problems, omitted } of byFolder) {
      const title = options.format === "markdown" ? `### ${folder}\n\n` : `== ${folder} ==\n`;
      await writeChunks(process.stdout, [title, ...reportChunks(problems, options, omitted), "\n"]);
    }
    if (folders.length > 1) process.stdout.write(`${summaryLine(all, options.lang, allOmitted)}\n`);
  }
  return all.some((p) => p.severity === "error");
}

/** Seconds with one decimal, Vietnamese style (`1,4 s`), for the summary lines. */
export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1).replace(".", ",")} s`;
}
