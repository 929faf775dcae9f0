// `npm run new-year -- --year <yyyy> --units <units.csv> [--out <folder>] [--from <year folder>]
// [--issuer district|province] [--lang vi|en]`: starts a year folder (docs/recipes.md). Its units
// come from a CSV list (code,name,type[,group], as the GSO's lists); its criteria tree, survey groups,
// scales and questions are the previous year's (`--from`, by default data/<year - 1> when it exists)
// or else the sample's provisional tree (pipeline/sample); dataset.json carries the previous year's
// issuer and bands, or "[cần điền]" where the issuer is to fill. The scores and survey forms are
// left to enter: appraisal.csv and the survey files have their header only. Never overwrites: an
// existing folder is refused. Exit 1 on a refusal or a bad units list, 2 on a usage mistake.
import { access, copyFile, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { datasetManifest, toFill, type DatasetManifest } from "../../schemas/dataset.ts";
import { reportOptions } from "../console.ts";
import { readCsv } from "../read/csv.ts";
import { writeCsv } from "../sample/csv-file.ts";
import { writeDesign } from "../sample/index.ts";
import { haiDuongBands } from "../sample/manifest.ts";
import { citizensQuota } from "../sample/survey-design.ts";
import { formatProblems } from "../validate/report.ts";
import { inputColumns } from "../validate/index.ts";

const usage =
  "Cách dùng / usage: npm run new-year -- --year <năm> --units <danh-sach-don-vi.csv> [--out data/<năm>] " +
  "[--from <thư mục năm trước>] [--issuer district|province] [--lang vi|en]";

/** The design files taken from the previous year as they are. */
const designFiles = ["criteria.csv", "groups.csv", "scales.csv", "questions.csv"] as const;

export type Issuer = "district" | "province";

/** dataset.json of the new year: the previous year's issuer, bands and basis, or what to fill. */
export function newManifest(year: number, issuer: Issuer, previous: DatasetManifest | null): DatasetManifest {
  const release = { status: "official" as const, version: "1.0.0", published_on: null };
  if (previous !== null)
    return {
      ...previous,
      year,
      ...release,
      title: previous.title.replaceAll(String(previous.year), String(year)),
      notes: "",
      releases: undefined,
    };
  const area = issuer === "province" ? "tỉnh" : "huyện";
  return {
    year,
    title: `Chỉ số cải cách hành chính của UBND các đơn vị cấp xã ${toFill} năm ${year}`,
    ...release,
    province: { code: "00", name: `Tỉnh ${toFill}` },
    ...(issuer === "district" ? { district: { code: "000", name: `Huyện ${toFill}` } } : {}),
    issuer: {
      body: `UBND ${area} ${toFill}`,
      office: issuer === "province" ? `Sở Nội vụ tỉnh ${toFill}` : `Phòng Nội vụ huyện ${toFill}`,
    },
    legal_basis: [],
    bands: haiDuongBands,
    notes: "",
  };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

export async function run(args: string[]): Promise<number> {
  let year: number;
  let units: string;
  let out: string;
  let from: string | undefined;
  let issuer: Issuer | undefined;
  let lang: "vi" | "en";
  try {
    const { values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        units: { type: "string" },
        out: { type: "string" },
        from: { type: "string" },
        issuer: { type: "string" },
        lang: { type: "string" },
      },
      strict: true,
    });
    if (values.year === undefined || !/^\d{4}$/.test(values.year) || values.units === undefined)
      throw new Error();
    if (values.issuer !== undefined && values.issuer !== "district" && values.issuer !== "province")
      throw new Error();
    year = Number(values.year);
    units = values.units;
    out = values.out ?? `data/${year}`;
    issuer = values.issuer as Issuer | undefined;
    ({ lang } = reportOptions({ lang: values.lang }));
    from = values.from ?? ((await exists(`data/${year - 1}/dataset.json`)) ? `data/${year - 1}` : undefined);
  } catch {
    console.error(usage);
    return 2;
  }
  if (await exists(out)) {
    const entries = await readdir(out).catch(() => ["?"]);
    if (entries.length > 0) {
      console.error(
        `${out} đã có và không trống: không ghi đè một năm đã có.\n` +
          `${out} exists and is not empty: an existing year is never overwritten.`,
      );
      return 1;
    }
  }

  // The units list, read as communes.csv is (BOM, `;` delimiter, UTF-16 accepted).
  const read = readCsv(await readFile(units), {
    file: units,
    required: ["code", "name", "type"],
    optional: ["group"],
  });
  const errors = read.problems.filter((p) => p.severity === "error");
  if (read.table === null || errors.length > 0) {
    console.error(formatProblems(read.problems, { format: "text", lang }, []));
    return 1;
  }
  const table = read.table;
  const cell = (cells: string[], column: string) => {
    const at = table.index.get(column);
    return at === undefined ? "" : (cells[at] ?? "");
  };

  let previous: DatasetManifest | null = null;
  const quotas = new Map<string, string>();
  if (from !== undefined) {
    previous = datasetManifest.parse(JSON.parse(await readFile(join(from, "dataset.json"), "utf8")));
    const communes = readCsv(await readFile(join(from, "communes.csv")), {
      file: "communes.csv",
      ...inputColumns["communes.csv"],
    }).table;
    for (const row of communes?.rows ?? [])
      quotas.set(
        row.cells[communes!.index.get("code")!] ?? "",
        row.cells[communes!.index.get("survey_quota")!] ?? "",
      );
  }
  const issuedBy: Issuer =
    issuer ?? (previous !== null && previous.district === undefined ? "province" : "district");
  const grouped = table.index.has("group");

  await mkdir(out, { recursive: true });
  await writeFile(
    join(out, "dataset.json"),
    JSON.stringify(newManifest(year, issuedBy, previous), null, 2) + "\n",
  );
  await writeCsv(
    join(out, "communes.csv"),
    ["code", "name", "type", "survey_quota", ...(grouped ? ["group"] : [])],
    table.rows.map(({ cells }) => {
      const code = cell(cells, "code");
      const quota = quotas.get(code) || String(citizensQuota);
      return [
        code,
        cell(cells, "name"),
        cell(cells, "type"),
        quota,
        ...(grouped ? [cell(cells, "group")] : []),
      ];
    }),
  );
  if (from !== undefined) for (const file of designFiles) await copyFile(join(from, file), join(out, file));
  else {
    const groups = new Set(table.rows.map(({ cells }) => cell(cells, "group")));
    await writeDesign(out, issuedBy, { officials: grouped ? groups.size : 1, citizens: table.rows.length });
  }
  // The scores and forms to enter: each file its header, the survey files one column per question.
  const questions = readCsv(await readFile(join(out, "questions.csv")), {
    file: "questions.csv",
    ...inputColumns["questions.csv"],
  }).table;
  const questionIds = (panel: string) =>
    (questions?.rows ?? [])
      .filter((row) => row.cells[questions!.index.get("panel")!] === panel)
      .map((row) => row.cells[questions!.index.get("id")!] ?? "");
  await writeCsv(join(out, "appraisal.csv"), [...inputColumns["appraisal.csv"].required, "note"], []);
  await writeCsv(
    join(out, "survey-officials.csv"),
    [...inputColumns["survey-officials.csv"].required, ...questionIds("officials")],
    [],
  );
  await writeCsv(
    join(out, "survey-citizens.csv"),
    [...inputColumns["survey-citizens.csv"].required, ...questionIds("citizens")],
    [],
  );
  console.log(
    `Đã tạo ${out}: ${table.rows.length} đơn vị, bộ tiêu chí ${from === undefined ? "tạm thời của dự án" : `của ${from}`}. ` +
      `Còn phải điền: "${toFill}" trong dataset.json, điểm (appraisal.csv) và phiếu khảo sát.\n` +
      `Created ${out}: ${table.rows.length} units, criteria ${from === undefined ? "the project's provisional tree" : `from ${from}`}. ` +
      `Still to fill: "${toFill}" in dataset.json, the scores (appraisal.csv) and the survey forms.`,
  );
  return 0;
}
