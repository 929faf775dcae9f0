import { z } from "zod";
import { freeText, slugCode } from "./cells.ts";

/** `questions.csv`: survey questions; the id is also the question's column in the survey files. */
export const questionRow = z.object({
  id: z
    .string()
    .regex(/^[A-Z]{2}\d{2,3}$/, { error: "question_id_format" })
    .describe("Mã câu hỏi (CB01 phiếu cán bộ, ND01 phiếu người dân); cũng là tên cột trong tệp khảo sát"),
  panel: z
    .enum(["officials", "citizens"], { error: "panel" })
    .describe("Câu hỏi của phiếu cán bộ hay của phiếu người dân"),
  criterion_id: z
    .string()
    .regex(/^([1-9]\d*(\.[1-9]\d*)*)?$/, { error: "criterion_id_format" })
    .transform((s) => (s === "" ? null : s))
    .describe("Tiêu chí lá (nguồn điều tra) mà câu hỏi tính điểm; để trống nếu câu hỏi không tính điểm"),
  scale: slugCode.describe("Mã thang đo của câu hỏi (như trong scales.csv)"),
  text: freeText("line").describe("Nội dung câu hỏi"),
  sipas_element: z
    .enum(["1", "2", "3", "4", "5", ""], { error: "sipas_element" })
    .transform((s) => (s === "" ? null : Number(s)))
    .describe("Yếu tố hài lòng SIPAS 1–5 nếu câu hỏi đo sự hài lòng; để trống nếu không"),
});
export type Question = z.output<typeof questionRow>;
