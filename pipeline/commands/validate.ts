// `npm run validate -- [--data <year folder>]… [--format text|json|markdown] [--lang vi|en]`
// Exit code 0 when there is no error (warnings allowed), 1 when there is one, 2 for a usage mistake.
import { parseArgs } from "node:util";
import { printValidationReport, reportOptions } from "../console.ts";
import type { ReportOptions } from "../validate/report.ts";
import { yearFolders } from "../years.ts";

const usage =
  "Cách dùng / usage: npm run validate -- [--data data/2023] [--format text|json|markdown] [--lang vi|en]";

export async function run(args: string[]): Promise<number> {
  let options: ReportOptions;
  let folders: string[];
  try {
    const { values } = parseArgs({
      args,
      options: {
        data: { type: "string", multiple: true },
        format: { type: "string" },
        lang: { type: "string" },
      },
    });
    options = reportOptions(values);
    folders = values.data ?? (await yearFolders("data")).map(({ folder }) => folder);
  } catch {
    console.error(usage);
    return 2;
  }
  if (folders.length === 0) {
    console.error(`Không có thư mục data/<năm>/ nào. / No data/<year>/ folder.\n${usage}`);
    return 2;
  }
  return (await printValidationReport(folders, options)) ? 1 : 0;
}
