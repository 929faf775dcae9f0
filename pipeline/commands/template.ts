// `npm run template -- --year <year> --out <file.xlsx> [--data <year folder>] [--filled]`: the
// data-entry workbook of a year (units, criteria tree and survey design filled in, appraisal scores
// and survey forms to enter), or with --filled the year's data as they are, to start a correction.
// Exit 1 when the year's data do not validate (the report is printed), 2 for a usage mistake.
import { writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { resolveBuildTime } from "../publish/build-time.ts";
import { formatInt } from "../rules/format.ts";
import { yearWorkbook } from "../template/index.ts";
import { formatProblems } from "../validate/report.ts";
import { printFailure, reportOptions } from "../console.ts";

const usage =
  "Cách dùng / usage: npm run template -- --year 2023 --out mau-2023.xlsx [--data data/2023] [--filled] [--lang vi|en]";

/** Rows between two progress lines of a large sheet. */
const progressStep = 100_000;

/** Prints how far each large sheet is ("Phiếu người dân: 200.000 / 632.975 dòng") on stderr. */
function progressPrinter(): (sheet: string, written: number, rows: number) => void {
  let printed = 0;
  return (sheet, written, rows) => {
    if (rows < progressStep) return;
    if (written === rows || written - printed >= progressStep || written < printed) {
      printed = written === rows ? 0 : written;
      console.error(`${sheet}: ${formatInt(written)} / ${formatInt(rows)} dòng / rows`);
    }
  };
}

export async function run(args: string[]): Promise<number> {
  let year: string;
  let out: string;
  let folder: string;
  let filled: boolean;
  let lang: "vi" | "en";
  try {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        out: { type: "string" },
        data: { type: "string" },
        filled: { type: "boolean", default: false },
        lang: { type: "string" },
      },
    });
    if (values.year === undefined || !/^\d{4}$/.test(values.year) || values.out === undefined)
      throw new Error();
    year = values.year;
    out = values.out;
    folder = values.data ?? `data/${year}`;
    filled = values.filled;
    ({ lang } = reportOptions({ lang: values.lang }));
  } catch {
    console.error(usage);
    return 2;
  }
  try {
    const made = await yearWorkbook(folder, {
      filled,
      // The project's own commit, wherever the command is run from (pipeline/publish/build-time.ts).
      buildTime: resolveBuildTime(process.env),
      progress: progressPrinter(),
    });
    if ("problems" in made) {
      process.stdout.write(formatProblems(made.problems, { format: "text", lang }));
      return 1;
    }
    await writeFile(out, made.bytes);
  } catch (error) {
    await printFailure(error, lang, out);
    return 1;
  }
  console.log(`Đã ghi / wrote ${out}`);
  return 0;
}
