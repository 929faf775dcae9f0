import { z } from "zod";
import { communeCode, criterionId, decimal, optionalText } from "./cells.ts";

/** `appraisal.csv`: a commune's self-score and the district's appraised (thẩm định) score per leaf. */
const score = decimal(2).pipe(z.number().min(0, { error: "negative_number" }));
export const appraisalRow = z.object({
  commune_code: communeCode,
  criterion_id: criterionId,
  self_score: score,
  appraised_score: score,
  note: optionalText,
});
export type AppraisalScore = z.output<typeof appraisalRow>;
