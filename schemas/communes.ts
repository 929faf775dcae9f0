import { z } from "zod";
import { boundedCount, communeCode, freeText } from "./cells.ts";

/** Forms per commune: the 2023 plan asks 60; a commune has a few thousand households at most. */
export const maxSurveyQuota = 10_000;

/** `communes.csv`: the commune-level units (xã, thị trấn) of the district. */
export const communeRow = z.object({
  code: communeCode.describe("Mã đơn vị hành chính 5 chữ số của Tổng cục Thống kê, giữ số 0 ở đầu"),
  name: freeText("name").describe("Tên đầy đủ, ví dụ: Xã Hồng Dụ, Thị trấn Ninh Giang"),
  type: z.enum(["xa", "thi_tran"], { error: "commune_type" }).describe("Loại đơn vị: xã hay thị trấn"),
  survey_quota: boundedCount(maxSurveyQuota).describe("Số phiếu khảo sát người dân dự kiến (2023: 60)"),
});
export type Commune = z.output<typeof communeRow>;
export type CommuneType = Commune["type"];
