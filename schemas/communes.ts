import { z } from "zod";
import { communeTypes } from "./commune-types.ts";
import {
  boundedCount,
  communeCode,
  communeCodePattern,
  freeText,
  isoDate,
  optionalFreeText,
} from "./cells.ts";

/** Forms per commune: the 2023 plan asks 60; a commune has a few thousand households at most. */
export const maxSurveyQuota = 10_000;

/** The separator of a list of codes in one cell (`predecessors`). */
export const codeListSeparator = ";";

/** `communes.csv`: the commune-level units (xã, phường, thị trấn, đặc khu) the issuer scores. */
export const communeRow = z.object({
  code: communeCode.describe("Mã đơn vị hành chính 5 chữ số của Tổng cục Thống kê, giữ số 0 ở đầu"),
  name: freeText("name").describe("Tên đầy đủ kèm loại đơn vị, ví dụ: Xã Hồng Dụ, Phường Hồng Châu"),
  type: z
    .enum(communeTypes, { error: "commune_type" })
    .describe("Loại đơn vị: xã, phường, thị trấn hay đặc khu"),
  survey_quota: boundedCount(maxSurveyQuota).describe("Số phiếu khảo sát người dân dự kiến (2023: 60)"),
  /** Optional: a group the site filters and averages by (a former district, a region); blank = none. */
  group: optionalFreeText("name")
    .default("")
    .describe("Nhóm của đơn vị để lọc và tính trung bình, ví dụ huyện cũ (có thể trống)"),
  /**
   * Optional: the codes of the units this one was formed from (`;`-separated), when it was formed by
   * an arrangement of units (sắp xếp đơn vị hành chính); blank = the same unit as the year before,
   * under its own code. See pipeline/rules/lineage.ts for when a change is shown.
   */
  predecessors: z
    .string()
    .default("")
    .transform((s) => (s === "" ? [] : s.split(codeListSeparator).map((code) => code.trim())))
    .pipe(z.array(z.string().regex(communeCodePattern, { error: "predecessor_code_format" })))
    .describe("Mã các đơn vị cũ hợp thành đơn vị này, cách nhau bởi dấu chấm phẩy (có thể trống)"),
  /** Optional: the date the unit was formed from its predecessors (ISO). */
  formed_on: z
    .string()
    .default("")
    .transform((s) => (s === "" ? null : s))
    .pipe(isoDate.nullable())
    .describe("Ngày đơn vị mới được thành lập sau sắp xếp (có thể trống)"),
});
export type Commune = z.output<typeof communeRow>;
export type CommuneType = Commune["type"];
