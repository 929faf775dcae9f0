import { z } from "zod";
import { count, slugCode, text } from "./cells.ts";

/** `groups.csv`: respondent groups of the sociological survey (điều tra xã hội học). */
export const groupRow = z.object({
  code: slugCode.describe("Mã nhóm đối tượng, ví dụ: hdnd, ubnd, mttq, phong, nguoi_dan"),
  name: text.describe("Tên nhóm đối tượng khảo sát"),
  panel: z
    .enum(["officials", "citizens"], { error: "panel" })
    .describe("officials = cán bộ đánh giá các xã; citizens = người dân, tổ chức"),
  planned: count.describe("Số người dự kiến khảo sát"),
});
export type Group = z.output<typeof groupRow>;
export type Panel = Group["panel"];
