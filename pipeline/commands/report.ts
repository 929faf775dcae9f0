// `npm run report -- --year <yyyy> [--data data] [--out <folder>]`: the draft of the report to the
// province for one year (pipeline/publish/report), the same bytes the build publishes on /du-lieu/.
// The year is validated and computed with the previous year for the changes; on any validation
// error it prints the report of `validate` and exits 1.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { computeYear } from "../compute/index.ts";
import { resolveBuildTime } from "../publish/index.ts";
import { reportDocx, reportFile } from "../publish/report/index.ts";
import { loadYear } from "../validate/folder.ts";
import { printValidationReport, reportOptions } from "../console.ts";
import { isValid, previousYear } from "../years.ts";

const usage =
  "Cách dùng / usage: npm run report -- --year <năm> [--data <thư mục dữ liệu, mặc định data>] [--out <thư mục, mặc định out/<năm>>]";

export async function run(args: string[]): Promise<number> {
  let values: { year?: string; data?: string; out?: string };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        data: { type: "string", default: "data" },
        out: { type: "string" },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  if (values.year === undefined || !/^\d{4}$/.test(values.year) || values.data === undefined) {
    console.error(usage);
    return 2;
  }
  const folder = join(values.data, values.year);
  const loaded = await loadYear(folder);
  const report = reportOptions({});
  if (!isValid(loaded)) {
    await printValidationReport([folder], report);
    return 1;
  }
  const previous = await previousYear(loaded.data, folder, undefined, report);
  if (previous === "error") return 1;
  // The report states no interval, so the bootstrap is not run: the figures it uses are the same.
  const results = computeYear(loaded.data, { previous, bootstrap: false });
  const bytes = await reportDocx({
    manifest: loaded.data.manifest,
    results,
    buildTime: resolveBuildTime(process.env, folder),
  });
  const out = values.out ?? join("out", values.year);
  await mkdir(out, { recursive: true });
  const path = join(out, reportFile(results.year));
  await writeFile(path, bytes);
  console.log(`Đã viết dự thảo báo cáo năm ${results.year}: ${path} / Wrote the draft report: ${path}`);
  return 0;
}
