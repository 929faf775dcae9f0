import { z } from "zod";
import { communeCode, criterionId, decimal, optionalFreeText } from "./cells.ts";

/** `appraisal.csv`: a commune's self-score and the district's appraised (thẩm định) score per leaf. */
const score = decimal(2).pipe(z.number().min(0, { error: "negative_number" }));
export const appraisalRow = z.object({
  commune_code: communeCode.describe("Mã xã, thị trấn (như trong communes.csv)"),
  criterion_id: criterionId.describe("Mã tiêu chí thẩm định (tiêu chí lá, nguồn thẩm định)"),
  self_score: score.describe("Điểm xã tự đánh giá (tối đa 2 chữ số thập phân)"),
  appraised_score: score.describe("Điểm sau thẩm định (từ 0 đến điểm tối đa của tiêu chí)"),
  note: optionalFreeText("paragraph").describe("Ghi chú của Tổ thẩm định (được công bố)"),
});
export type AppraisalScore = z.output<typeof appraisalRow>;
