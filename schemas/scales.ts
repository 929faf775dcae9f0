import { z } from "zod";
import { optionalBoolean, slugCode, text } from "./cells.ts";

/** `scales.csv`: the answer options of each scale; a blank coefficient excludes the answer from means. */
export const scaleOptionRow = z.object({
  scale: slugCode,
  option: z.string().regex(/^[A-Z0-9]{1,3}$/, { error: "option_format" }),
  label: text,
  coefficient: z
    .string()
    .regex(/^(\d+([.,]\d+)?)?$/, { error: "not_a_number" })
    .regex(/^(\d+([.,]\d{1,4})?)?$/, { error: "too_many_decimals" })
    .transform((s) => (s === "" ? null : Number(s.replace(",", "."))))
    .pipe(
      z.number().min(0, { error: "coefficient_range" }).max(1, { error: "coefficient_range" }).nullable(),
    ),
  satisfied: optionalBoolean,
});
export type ScaleOption = z.output<typeof scaleOptionRow>;
