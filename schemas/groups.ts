import { z } from "zod";
import { count, slugCode, text } from "./cells.ts";

/** `groups.csv`: respondent groups of the sociological survey (điều tra xã hội học). */
export const groupRow = z.object({
  code: slugCode,
  name: text,
  panel: z.enum(["officials", "citizens"], { error: "panel" }),
  planned: count,
});
export type Group = z.output<typeof groupRow>;
export type Panel = Group["panel"];
