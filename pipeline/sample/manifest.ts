// dataset.json of a sample year (schemas/dataset.ts).
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { ninhGiangCommunes } from "./reference-communes.ts";

/**
 * Hải Dương's bands (Decision 336/QĐ-UBND, 01/03/2023: ≥ 90 / 80–< 90 / < 80 % of the maximum): the
 * sample's, and a new year's until its issuer writes its own (commands/new-year.ts).
 */
export const haiDuongBands: DatasetManifest["bands"] = [
  { code: "A", label: "Nhóm A (từ 90% trở lên)", min_pct: 90 },
  { code: "B", label: "Nhóm B (từ 80% đến dưới 90%)", min_pct: 80 },
  { code: "C", label: "Nhóm C (dưới 80%)", min_pct: 0 },
];

export interface ManifestOptions {
  year: number;
  seed: number;
  communeCount: number;
  /** Who issues the figures: Ninh Giang district (the default), or a province with no district. */
  issuer?: SampleIssuer;
}

export type SampleIssuer = "district" | "province";

/** The province of a province-issued sample (its code and name are real, its units are not). */
const sampleProvince = { code: "33", name: "Tỉnh Hưng Yên" };

/** dataset.json of a province-issued sample year: the Sở Nội vụ prepares it, there is no district. */
function provinceManifest({ year, seed, communeCount }: ManifestOptions): DatasetManifest {
  const district = sampleManifest({ year, seed, communeCount });
  const { district: _none, ...rest } = district;
  return {
    ...rest,
    title: `Chỉ số cải cách hành chính của UBND các xã, phường, đặc khu tỉnh Hưng Yên năm ${year}`,
    province: sampleProvince,
    issuer: { body: "UBND tỉnh Hưng Yên", office: "Sở Nội vụ tỉnh Hưng Yên" },
    legal_basis: legalBasis(year).filter((basis) => basis.ref === "876/QĐ-BNV"),
    contact: { office: "Sở Nội vụ tỉnh Hưng Yên", address: "Sở Nội vụ tỉnh Hưng Yên" },
    notes:
      `Dữ liệu minh họa, không phải kết quả chính thức: điểm tự đánh giá, điểm thẩm định và phiếu điều tra xã hội học của ${communeCount} ` +
      `đơn vị cấp xã giả định (mã và tên không có thật; nhóm theo huyện cũ; một số đơn vị hợp thành từ ba đơn vị cũ) ` +
      `do chương trình tạo mẫu của dự án sinh ra (hạt giống ${seed}). ` +
      "Bộ tiêu chí là bảng tạm thời gồm 8 lĩnh vực, mô phỏng cấu trúc Chỉ số CCHC cấp tỉnh theo Quyết định 876/QĐ-BNV.",
  };
}

/** The district plan is specific to 2023; the provincial rules (2022–2030) and the model apply to every year. */
function legalBasis(year: number): DatasetManifest["legal_basis"] {
  return [
    {
      ref: "3395/QĐ-UBND",
      date: "2022-12-15",
      title:
        "Quyết định của UBND tỉnh Hải Dương ban hành Quy định đánh giá, xác định Chỉ số cải cách hành chính của Ủy ban nhân dân cấp xã thuộc tỉnh Hải Dương giai đoạn 2022–2030",
    },
    ...(year === 2023
      ? [
          {
            ref: "183/KH-UBND",
            date: "2022-12-30",
            title:
              "Kế hoạch của UBND huyện Ninh Giang về cải cách hành chính nhà nước huyện Ninh Giang năm 2023",
          },
        ]
      : []),
    {
      ref: "876/QĐ-BNV",
      date: "2022-11-10",
      title:
        "Quyết định của Bộ Nội vụ phê duyệt Đề án “Xác định Chỉ số cải cách hành chính của các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương” (mô hình của bảng tiêu chí tạm thời)",
    },
  ];
}

export function sampleManifest({ year, seed, communeCount, issuer }: ManifestOptions): DatasetManifest {
  if (issuer === "province") return provinceManifest({ year, seed, communeCount });
  const units =
    communeCount === ninhGiangCommunes.length
      ? "20 xã, thị trấn của huyện"
      : `${communeCount} đơn vị cấp xã giả định (mã và tên không có thật), chia thành các huyện 20 đơn vị`;
  return {
    year,
    title: `Chỉ số cải cách hành chính của UBND các xã, thị trấn huyện Ninh Giang năm ${year}`,
    status: "sample",
    version: "1.0.0",
    published_on: null,
    province: { code: "30", name: "Tỉnh Hải Dương" },
    district: { code: "299", name: "Huyện Ninh Giang" },
    legal_basis: legalBasis(year),
    bands: haiDuongBands,
    bootstrap_seed: seed,
    bootstrap_replicates: 1000,
    // The office readers write to about the figures: the footer of every page shows it.
    contact: {
      office: "Phòng Nội vụ huyện Ninh Giang",
      address: "UBND huyện Ninh Giang, thị trấn Ninh Giang, tỉnh Hải Dương",
    },
    notes:
      `Dữ liệu minh họa, không phải kết quả chính thức: điểm tự đánh giá, điểm thẩm định và phiếu điều tra xã hội học của ${units} ` +
      `do chương trình tạo mẫu của dự án sinh ra (hạt giống ${seed}). ` +
      "Bộ tiêu chí là bảng tạm thời gồm 8 lĩnh vực, mô phỏng cấu trúc Chỉ số CCHC cấp tỉnh theo Quyết định 876/QĐ-BNV; " +
      "huyện sẽ thay bằng bộ tiêu chí chính thức ban hành kèm Quyết định 3395/QĐ-UBND.",
    releases: [
      { version: "1.0.0", date: `${year + 1}-03-15`, kind: "release", reason: "Công bố dữ liệu minh họa" },
    ],
  };
}
