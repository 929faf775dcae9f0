// `node pipeline/cli.ts release --year <yyyy> [--data data] [--published site/public/data]`:
// freezes the published tables of the year's current version into data/<year>/releases/v<version>/
// (to be committed) so that they stay downloadable after a correction. Run it after `npm run build`
// and BEFORE editing the data of a published year (pipeline/publish/releases.ts explains why).
import { join } from "node:path";
import { parseArgs } from "node:util";
import { freezeRelease } from "../publish/releases.ts";

export async function run(args: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        year: { type: "string" },
        data: { type: "string", default: "data" },
        published: { type: "string", default: "site/public/data" },
      },
      strict: true,
    }));
    if (!/^\d{4}$/.test(values.year ?? "")) throw new Error("--year <yyyy> là bắt buộc / is required");
  } catch (error) {
    console.error(
      `${(error as Error).message}\nCách dùng / usage: node pipeline/cli.ts release --year <yyyy> ` +
        "[--data data] [--published site/public/data]",
    );
    return 2;
  }
  const year = values.year as string;
  try {
    const frozen = await freezeRelease({
      dataFolder: join(values.data, year),
      yearFolder: join(values.published, year),
    });
    console.log(
      frozen.written
        ? `Đã lưu phiên bản ${frozen.version} vào ${frozen.folder}; hãy commit thư mục này. / release frozen.`
        : `Phiên bản ${frozen.version} đã được lưu trước đó tại ${frozen.folder}. / already frozen, unchanged.`,
    );
    return 0;
  } catch (error) {
    console.error(`Lỗi / error: ${(error as Error).message}`);
    return 1;
  }
}
