// `npm run compute -- --data <year folder> --out <folder> [--previous <year folder>] [--no-bootstrap]
// [--format text|json|markdown] [--lang vi|en]`: validate, compute and publish one year's tables
// straight into <folder>. On any validation error it prints the report of `validate`
// and exits 1 without touching <folder>.
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { computeYear } from "../compute/index.ts";
import { formatSeconds, printValidationReport, reportOptions } from "../console.ts";
import { publishYear, resolveBuildTime } from "../publish/index.ts";
import { loadYear } from "../validate/folder.ts";
import { formatProblems, type ReportOptions } from "../validate/report.ts";
import { isValid, previousYear, yearPublication } from "../years.ts";

const usage =
  "Cách dùng / usage: npm run compute -- --data <thư mục năm> --out <thư mục> [--previous <thư mục năm>] " +
  "[--no-bootstrap] [--format text|json|markdown] [--lang vi|en]";

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
    if (warnings.length > 0) console.error(formatProblems(warnings, report, loaded.omitted));
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
