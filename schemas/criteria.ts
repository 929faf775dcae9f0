import { z } from "zod";
import { criterionId, decimal, freeText } from "./cells.ts";
import { communeTypes } from "./commune-types.ts";

/** `criteria.csv`: the criteria tree; a parent's id is its own id without the last segment. */
export const criterionRow = z.object({
  id: criterionId.describe("Mã tiêu chí dạng 1, 1.2, 1.2.3; tiêu chí cha là mã bỏ đi phần cuối"),
  name: freeText("line").describe("Tên lĩnh vực, tiêu chí hoặc tiêu chí thành phần"),
  max_points: decimal(2)
    .pipe(z.number().min(0, { error: "negative_number" }))
    .describe("Điểm tối đa (tối đa 2 chữ số thập phân); của tiêu chí cha bằng tổng các tiêu chí con"),
  source: z
    .enum(["appraisal", "survey", ""], { error: "criterion_source" })
    .transform((s) => (s === "" ? null : s))
    .describe("Nguồn điểm của tiêu chí lá: thẩm định hoặc điều tra xã hội học; để trống ở tiêu chí cha"),
  applies_to: z
    .enum(["all", ...communeTypes, ""], { error: "criterion_applies_to" })
    .transform((s) => (s === "" ? "all" : s))
    .describe(
      "Loại đơn vị mà tiêu chí áp dụng: tất cả (mặc định), hoặc chỉ xã, chỉ phường, chỉ thị trấn, chỉ đặc khu",
    ),
});
export type Criterion = z.output<typeof criterionRow>;
export type CriterionSource = NonNullable<Criterion["source"]>;
