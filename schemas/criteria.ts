import { z } from "zod";
import { criterionId, decimal, text } from "./cells.ts";

/** `criteria.csv`: the criteria tree; a parent's id is its own id without the last segment. */
export const criterionRow = z.object({
  id: criterionId,
  name: text,
  max_points: decimal(2).pipe(z.number().min(0, { error: "negative_number" })),
  source: z
    .enum(["appraisal", "survey", ""], { error: "criterion_source" })
    .transform((s) => (s === "" ? null : s)),
  applies_to: z
    .enum(["all", "xa", "thi_tran", ""], { error: "criterion_applies_to" })
    .transform((s) => (s === "" ? "all" : s)),
});
export type Criterion = z.output<typeof criterionRow>;
export type CriterionSource = NonNullable<Criterion["source"]>;
