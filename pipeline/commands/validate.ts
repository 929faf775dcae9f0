// `npm run validate -- [--data <year folder>]… [--format text|json|markdown] [--lang vi|en]`
// Exit code 0 when there is no error (warnings allowed), 1 when there is one, 2 for a usage mistake.
import { readdir } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArgs } from "node:util";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import { namedBySheet } from "../validate/file-set.ts";
import { loadYear } from "../validate/index.ts";
import { formatProblems, summaryLine, type ReportOptions } from "../validate/report.ts";

const usage =
  "Cách dùng / usage: npm run validate -- [--data data/2023] [--format text|json|markdown] [--lang vi|en]";

/** Every `data/<year>/` folder, oldest first. */
async function yearFolders(root: string): Promise<string[]> {
  const entries = await readdir(root, { withFileTypes: true });
  return entries
    .filter((e) => e.isDirectory() && /^\d{4}$/.test(e.name))
    .map((e) => join(root, e.name))
    .sort();
}

async function problemsOf(folder: string): Promise<Problem[]> {
  try {
    return namedBySheet(await loadYear(folder));
  } catch (error) {
    const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return [problem("unexpected_failure", { file: "*", line: null }, { detail })];
  }
}

export async function run(args: string[]): Promise<number> {
  let options: ReportOptions;
  let folders: string[];
  try {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: "string", multiple: true },
        format: { type: "string", default: "text" },
        lang: { type: "string", default: "vi" },
      },
    });
    if (!["text", "json", "markdown"].includes(values.format) || !["vi", "en"].includes(values.lang))
      throw new Error();
    options = {
      format: values.format as ReportOptions["format"],
      lang: values.lang as ReportOptions["lang"],
    };
    folders = values.data ?? (await yearFolders("data"));
  } catch {
    console.error(usage);
    return 2;
  }
  if (folders.length === 0) {
    console.error(`Không có thư mục data/<năm>/ nào. / No data/<year>/ folder.\n${usage}`);
    return 2;
  }

  const byFolder = await Promise.all(
    folders.map(async (folder) => ({ folder, problems: await problemsOf(folder) })),
  );
  const all = byFolder.flatMap(({ folder, problems }) =>
    // With several years in one JSON list, the file name alone would be ambiguous.
    folders.length > 1 ? problems.map((p) => ({ ...p, file: `${basename(folder)}/${p.file}` })) : problems,
  );
  if (options.format === "json") process.stdout.write(formatProblems(all, options));
  else {
    for (const { folder, problems } of byFolder) {
      const title = options.format === "markdown" ? `### ${folder}\n\n` : `== ${folder} ==\n`;
      process.stdout.write(`${title}${formatProblems(problems, options)}\n`);
    }
    if (folders.length > 1) process.stdout.write(`${summaryLine(all, options.lang)}\n`);
  }
  return all.some((p) => p.severity === "error") ? 1 : 0;
}
