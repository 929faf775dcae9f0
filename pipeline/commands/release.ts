// `node pipeline/cli.ts release --year <yyyy> [--data data] [--published site/public/data]
// [--lang vi|en]`: freezes the published tables of the year's current version into
// data/<year>/releases/v<version>/ (to be committed) so that they stay downloadable after a
// correction. Run it after `npm run build` and BEFORE editing the data of a published year
// (pipeline/publish/releases.ts explains why). The year is read as the build reads it, CSV files or
// one workbook, and must validate.
import { join } from "node:path";
import { parseArgs } from "node:util";
import { printFailure, printValidationReport, reportOptions } from "../console.ts";
import { checkYearReleases, freezeRelease, releasesFolder } from "../publish/releases.ts";
import { loadYear, workbooksIn } from "../validate/folder.ts";
import { isValid } from "../years.ts";

export async function run(args: string[]): Promise<number> {
  let values;
  let lang: "vi" | "en";
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        data: { type: "string", default: "data" },
        published: { type: "string", default: "site/public/data" },
        lang: { type: "string" },
      },
      strict: true,
    }));
    if (!/^\d{4}$/.test(values.year ?? "")) throw new Error("--year <yyyy> là bắt buộc / is required");
    ({ lang } = reportOptions({ lang: values.lang }));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nCách dùng / usage: node pipeline/cli.ts release --year <yyyy> ` +
        "[--data data] [--published site/public/data] [--lang vi|en]",
    );
    return 2;
  }
  const dataFolder = join(values.data, values.year as string);
  try {
    const loaded = await loadYear(dataFolder);
    if (!isValid(loaded)) {
      await printValidationReport([dataFolder], { format: "text", lang });
      return 1;
    }
    const { manifest, communes } = loaded.data;
    await checkYearReleases(
      dataFolder,
      manifest,
      communes.map((commune) => commune.code),
    );
    // A workbook year's inputs are its sheets: a change is named by its workbook and sheet.
    const [workbook = dataFolder] = await workbooksIn(dataFolder);
    const frozen = await freezeRelease({
      dataFolder,
      yearFolder: join(values.published, values.year as string),
      version: manifest.version,
      inputs: loaded.inputs,
      source: (file) => {
        const sheet = loaded.sheets?.[file]?.sheet;
        return sheet === undefined ? join(dataFolder, file) : `${workbook} (${sheet})`;
      },
    });
    const said = {
      vi: frozen.written
        ? `Đã lưu phiên bản ${frozen.version} vào ${frozen.folder}; hãy commit thư mục này.`
        : `Phiên bản ${frozen.version} đã được lưu trước đó tại ${frozen.folder}, không đổi.`,
      en: frozen.written
        ? `Release ${frozen.version} frozen into ${frozen.folder}; commit this folder.`
        : `Release ${frozen.version} was already frozen in ${frozen.folder}, unchanged.`,
    };
    console.log(said[lang]);
    return 0;
  } catch (error) {
    await printFailure(error, lang, releasesFolder(dataFolder));
    return 1;
  }
}
