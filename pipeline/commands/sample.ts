// `npm run sample -- --seed <n> --out <folder> [--communes <n>] [--year <yyyy>] [--issuer district|province]
// [--before-arrangement]`: writes a seeded sample year folder (docs/methodology.md#the-sample-data). Default:
// the 20 real units of Ninh Giang, year 2023. `--issuer province`: a province's wards, communes and special
// zones with no district, grouped by former district, a few merged from three units; with
// `--before-arrangement`, the same province the year before, each merged unit as its three former units.
import { parseArgs } from "node:util";
import { writeSampleYear } from "../sample/index.ts";
import { maxSyntheticCommunes } from "../sample/synthetic-communes.ts";

const usage =
  "Cách dùng / usage: npm run sample -- --seed <số nguyên> --out <thư mục> [--communes <số đơn vị, mặc định 20>] [--year <năm, mặc định 2023>] [--issuer district|province] [--before-arrangement]";

/** A whole number within [min, max] written in plain digits, or null. */
function wholeNumber(text: string | undefined, min: number, max: number): number | null {
  if (text === undefined || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n >= min && n <= max ? n : null;
}

export async function run(args: string[]): Promise<number> {
  let values: {
    seed?: string;
    out?: string;
    communes?: string;
    year?: string;
    issuer?: string;
    "before-arrangement"?: boolean;
  };
  try {
    ({ values } = parseArgs({
      args,
      options: {
        seed: { type: "string" },
        out: { type: "string" },
        communes: { type: "string", default: "20" },
        year: { type: "string", default: "2023" },
        issuer: { type: "string", default: "district" },
        "before-arrangement": { type: "boolean", default: false },
      },
      strict: true,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return 2;
  }
  const seed = wholeNumber(values.seed, 0, 4294967295);
  const communeCount = wholeNumber(values.communes, 1, maxSyntheticCommunes);
  const year = wholeNumber(values.year, 2000, 2100);
  const issuer = values.issuer === "district" || values.issuer === "province" ? values.issuer : null;
  if (
    seed === null ||
    values.out === undefined ||
    communeCount === null ||
    year === null ||
    issuer === null
  ) {
    console.error(
      `Tham số không hợp lệ: --seed là số nguyên 0–4294967295, --out là thư mục, --communes từ 1 đến ${maxSyntheticCommunes}, --year từ 2000 đến 2100, --issuer là district hoặc province.\n` +
        `Invalid arguments: --seed 0–4294967295, --out a folder, --communes 1–${maxSyntheticCommunes}, --year 2000–2100, --issuer district or province.\n${usage}`,
    );
    return 2;
  }
  const started = performance.now();
  const summary = await writeSampleYear({
    seed,
    outDir: values.out,
    year,
    communeCount,
    issuer,
    beforeArrangement: values["before-arrangement"] === true,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `Đã tạo dữ liệu mẫu năm ${year} tại ${values.out}: ${summary.communes} đơn vị (${summary.districts} ${issuer === "province" ? "nhóm" : "huyện"}), ` +
      `${summary.appraisalRows} dòng thẩm định, ${summary.officialsForms} phiếu cán bộ, ${summary.citizensForms} phiếu người dân (${seconds} giây).`,
  );
  return 0;
}
