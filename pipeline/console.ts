// What the commands print: the validation report (the same for validate, compute and build, so a
// data editor sees one report whichever command found the error), its options, durations, and
// what stopped a command, as a sentence in the reader's language, never a stack trace.
import { access, constants, stat } from "node:fs/promises";
import { basename, dirname, resolve } from "node:path";
import { CommandError, problem } from "./messages.ts";
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

/** The system's error codes that have a sentence (pipeline/messages.ts commandMessages). */
type SystemFailure = "disk_full" | "read_only" | "permission_denied" | "path_missing";
const systemFailures: Partial<Record<string, SystemFailure>> = {
  ENOSPC: "disk_full",
  EDQUOT: "disk_full",
  EROFS: "read_only",
  EACCES: "permission_denied",
  EPERM: "permission_denied",
  ENOENT: "path_missing",
};

/** The nearest folder above `path` that exists. */
async function existingAncestor(path: string): Promise<string> {
  let folder = dirname(resolve(path));
  for (;;) {
    try {
      await stat(folder);
      return folder;
    } catch {
      if (dirname(folder) === folder) return folder;
      folder = dirname(folder);
    }
  }
}

/**
 * A system error as the sentence of its cause. A write that fails on a full disk names no path:
 * `where` (the command's output) stands for it. Node's recursive mkdir reports ENOENT when the
 * folder it must create lies on a read-only file system or in a folder it may not write to: the
 * nearest existing folder above says which (`canWrite`, the system's check unless a test gives one).
 */
export async function explainFailure(
  error: unknown,
  options: { where?: string; canWrite?: (folder: string) => Promise<void> } = {},
): Promise<CommandError | null> {
  const { canWrite = (folder: string) => access(folder, constants.W_OK) } = options;
  if (error instanceof CommandError) return error;
  const { code, path, dest, syscall } = (error ?? {}) as NodeJS.ErrnoException & { dest?: string };
  const failure = code === undefined ? undefined : systemFailures[code];
  const where = path ?? dest ?? (failure === "disk_full" ? options.where : undefined);
  if (failure === undefined || where === undefined) return null;
  if (failure === "path_missing" && syscall === "mkdir") {
    const above = await existingAncestor(where);
    try {
      await canWrite(above);
    } catch (cause) {
      const reason = systemFailures[(cause as NodeJS.ErrnoException).code ?? ""];
      if (reason === "read_only" || reason === "permission_denied")
        return new CommandError(reason, { path: above });
    }
  }
  return new CommandError(failure, { path: where });
}

/**
 * Prints what stopped a command in the reader's language: a sentence with the cause and what to do.
 * `where`: the path the command was writing, for a failure that names none.
 */
export async function printFailure(error: unknown, lang: "vi" | "en", where?: string): Promise<void> {
  const explained = await explainFailure(error, where === undefined ? {} : { where });
  const message = explained?.messageIn(lang) ?? (error instanceof Error ? error.message : String(error));
  console.error(`${lang === "vi" ? "Lỗi" : "Error"}: ${message}`);
}

/** `--lang` as given among a command's arguments (`--lang en`, `--lang=en`), for what stops it early. */
export function langOf(args: readonly string[]): "vi" | "en" {
  const at = args.indexOf("--lang");
  return args.includes("--lang=en") || (at >= 0 && args[at + 1] === "en") ? "en" : "vi";
}
