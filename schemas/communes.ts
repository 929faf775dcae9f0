import { z } from "zod";
import { communeCode, count, text } from "./cells.ts";

/** `communes.csv`: the commune-level units (xã, thị trấn) of the district. */
export const communeRow = z.object({
  code: communeCode,
  name: text,
  type: z.enum(["xa", "thi_tran"], { error: "commune_type" }),
  survey_quota: count,
});
export type Commune = z.output<typeof communeRow>;
export type CommuneType = Commune["type"];
