// While a dataset's status is "sample", its figures are made by the seeded generator and must
// never pass for official results once a file leaves the site (forwarded on Zalo, opened in
// Excel). This notice travels with every published file: a README beside the CSV and Parquet
// tables, a sheet and a title row in the workbook, the chart and share images (site/).
import type { DatasetManifest } from "../../schemas/dataset.ts";

export const sampleNotice = "Dữ liệu minh họa – không phải kết quả chính thức";

/** The README written beside sample tables; its name carries the mark too. */
export const sampleReadmeFile = "DOC-TRUOC-minh-hoa.txt";

/** `kinds`: the kinds of unit present, as a sentence lists them ("xã, thị trấn": pipeline/rules/issuer.ts). */
export function sampleReadme(
  manifest: Pick<DatasetManifest, "title" | "year" | "version" | "notes">,
  kinds: string,
): string {
  return [
    `${sampleNotice}.`,
    "",
    `${manifest.title} (phiên bản dữ liệu ${manifest.version}).`,
    "",
    "Mọi tệp trong thư mục này (các bảng CSV, Parquet, tệp Excel và dataset.json) là dữ liệu minh họa do " +
      `máy tạo ra để thử nghiệm trang thông tin, không phản ánh kết quả thật của các ${kinds}. ` +
      "Không trích dẫn, không chia sẻ các con số này như kết quả chính thức.",
    "",
    manifest.notes,
    "",
    "SAMPLE DATA – NOT OFFICIAL RESULTS. Every file in this folder holds illustrative figures made by a " +
      "seeded generator; do not quote them as the results of any commune.",
    "",
  ].join("\r\n");
}
