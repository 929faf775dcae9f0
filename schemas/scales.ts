import { z } from "zod";
import { freeText, optionalBoolean, slugCode } from "./cells.ts";

/** `scales.csv`: the answer options of each scale; a blank coefficient excludes the answer from means. */
export const scaleOptionRow = z.object({
  scale: slugCode.describe("Mã thang đo, ví dụ: muc_do, hai_long"),
  option: z
    .string()
    .regex(/^[A-Z0-9]{1,3}$/, { error: "option_format" })
    .describe("Mã phương án ghi trên phiếu: A…E hoặc 1…5"),
  label: freeText("name").describe("Nội dung phương án, ví dụ: Rất hài lòng"),
  coefficient: z
    .string()
    .regex(/^(\d+([.,]\d+)?)?$/, { error: "not_a_number" })
    .regex(/^(\d+([.,]\d{1,4})?)?$/, { error: "too_many_decimals" })
    .transform((s) => (s === "" ? null : Number(s.replace(",", "."))))
    .pipe(z.number().min(0, { error: "coefficient_range" }).max(1, { error: "coefficient_range" }).nullable())
    .describe("Hệ số từ 0 đến 1; để trống = câu trả lời không tính vào điểm (ví dụ: Không đánh giá được)"),
  satisfied: optionalBoolean.describe(
    "Có nếu phương án thể hiện sự hài lòng; để trống với thang không đo sự hài lòng",
  ),
});
export type ScaleOption = z.output<typeof scaleOptionRow>;
