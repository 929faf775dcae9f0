import { z } from "zod";
import { slugCode, text } from "./cells.ts";

/** `questions.csv`: survey questions; the id is also the question's column in the survey files. */
export const questionRow = z.object({
  id: z.string().regex(/^[A-Z]{2}\d{2,3}$/, { error: "question_id_format" }),
  panel: z.enum(["officials", "citizens"], { error: "panel" }),
  criterion_id: z
    .string()
    .regex(/^([1-9]\d*(\.[1-9]\d*)*)?$/, { error: "criterion_id_format" })
    .transform((s) => (s === "" ? null : s)),
  scale: slugCode,
  text: text,
  sipas_element: z
    .enum(["1", "2", "3", "4", "5", ""], { error: "sipas_element" })
    .transform((s) => (s === "" ? null : Number(s))),
});
export type Question = z.output<typeof questionRow>;
