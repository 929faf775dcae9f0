// What the commands print: the validation report (the same for validate, compute and build, so a
// data editor sees one report whichever command found the error), its options, and durations.
import { basename } from "node:path";
import { problem } from "./messages.ts";
import type { Problem } from "./problem.ts";
import { namedBySheet } from "./validate/file-set.ts";
import { loadYear } from "./validate/index.ts";
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

async function problemsOf(folder: string): Promise<Problem[]> {
  try {
    return namedBySheet(await loadYear(folder));
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [problem("unexpected_failure", { file: "*", line: null }, { detail })];
  }
}

/** Prints the validation report of these year folders to stdout; true when any has an error. */
export async function printValidationReport(folders: string[], options: ReportOptions): Promise<boolean> {
  const byFolder = await Promise.all(
    folders.map(async (folder) => ({ folder, problems: await problemsOf(folder) })),
  );
  const all = byFolder.flatMap(({ folder, problems }) =>
    // With several years in one JSON list, the file name alone would be ambiguous.
    folders.length > 1 ? problems.map((p) => ({ ...p, file: `${basename(folder)}/${p.file}` })) : problems,
  );
  if (options.format === "json") await writeChunks(process.stdout, reportChunks(all, options));
  else {
    for (const { folder, problems } of byFolder) {
      const title = options.format === "markdown" ? `### ${folder}\n\n` : `== ${folder} ==\n`;
      await writeChunks(process.stdout, [title, ...reportChunks(problems, options), "\n"]);
    }
    if (folders.length > 1) process.stdout.write(`${summaryLine(all, options.lang)}\n`);
  }
  return all.some((p) => p.severity === "error");
}

/** Seconds with one decimal, Vietnamese style (`1,4 s`), for the summary lines. */
export function formatSeconds(milliseconds: number): string {
  return `${(milliseconds / 1000).toFixed(1).replace(".", ",")} s`;
}
