// The 20 commune-level units of Ninh Giang district (Hải Dương) in 2023, copied here as data because
// the shared reference folder is not available in CI. Source: the General Statistics Office's list of
// administrative units (danh mục đơn vị hành chính, GSO), as valid 2019–2024; names in Unicode NFC.
import type { CommuneType } from "../../schemas/communes.ts";

export interface SampleCommune {
  code: string;
  name: string;
  type: CommuneType;
  /** communes.csv's optional columns, written only by a province-issued sample. */
  group?: string;
  predecessors?: readonly string[];
  formedOn?: string | null;
}

export const ninhGiangCommunes: readonly SampleCommune[] = [
  { code: "11155", name: "Thị trấn Ninh Giang", type: "thi_tran" },
  { code: "11161", name: "Xã Ứng Hòe", type: "xa" },
  { code: "11164", name: "Xã Nghĩa An", type: "xa" },
  { code: "11167", name: "Xã Hồng Đức", type: "xa" },
  { code: "11173", name: "Xã An Đức", type: "xa" },
  { code: "11176", name: "Xã Vạn Phúc", type: "xa" },
  { code: "11179", name: "Xã Tân Hương", type: "xa" },
  { code: "11185", name: "Xã Vĩnh Hòa", type: "xa" },
  { code: "11188", name: "Xã Đông Xuyên", type: "xa" },
  { code: "11197", name: "Xã Tân Phong", type: "xa" },
  { code: "11200", name: "Xã Ninh Hải", type: "xa" },
  { code: "11203", name: "Xã Đồng Tâm", type: "xa" },
  { code: "11206", name: "Xã Tân Quang", type: "xa" },
  { code: "11209", name: "Xã Kiến Quốc", type: "xa" },
  { code: "11215", name: "Xã Hồng Dụ", type: "xa" },
  { code: "11218", name: "Xã Văn Hội", type: "xa" },
  { code: "11224", name: "Xã Hồng Phong", type: "xa" },
  { code: "11227", name: "Xã Hiệp Lực", type: "xa" },
  { code: "11230", name: "Xã Hồng Phúc", type: "xa" },
  { code: "11233", name: "Xã Hưng Long", type: "xa" },
];
