import { z } from "zod";
import { boundedCount, freeText, slugCode } from "./cells.ts";

/**
 * People planned in one group over the whole data set: 60 citizens × ~10,600 communes is the largest
 * plausible survey (the whole country, 636,000).
 */
export const maxPlanned = 1_000_000;

/** `groups.csv`: respondent groups of the sociological survey (điều tra xã hội học). */
export const groupRow = z.object({
  code: slugCode.describe("Mã nhóm đối tượng, ví dụ: hdnd, ubnd, mttq, phong, nguoi_dan"),
  name: freeText("line").describe("Tên nhóm đối tượng khảo sát"),
  panel: z
    .enum(["officials", "citizens"], { error: "panel" })
    .describe("Loại phiếu: phiếu cán bộ (cán bộ đánh giá các xã) hoặc phiếu người dân (người dân, tổ chức)"),
  planned: boundedCount(maxPlanned).describe("Số người dự kiến khảo sát"),
});
export type Group = z.output<typeof groupRow>;
export type Panel = Group["panel"];
