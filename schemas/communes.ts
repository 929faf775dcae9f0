import { z } from "zod";
import { communeCode, count, text } from "./cells.ts";

/** `communes.csv`: the commune-level units (xã, thị trấn) of the district. */
export const communeRow = z.object({
  code: communeCode.describe("Mã đơn vị hành chính 5 chữ số của Tổng cục Thống kê, giữ số 0 ở đầu"),
  name: text.describe("Tên đầy đủ, ví dụ: Xã Hồng Dụ, Thị trấn Ninh Giang"),
  type: z.enum(["xa", "thi_tran"], { error: "commune_type" }).describe("Loại đơn vị: xa hoặc thi_tran"),
  survey_quota: count.describe("Số phiếu khảo sát người dân dự kiến (2023: 60)"),
});
export type Commune = z.output<typeof communeRow>;
export type CommuneType = Commune["type"];
