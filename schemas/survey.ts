import { z } from "zod";
import { communeCode, slugCode, text } from "./cells.ts";

/**
 * Survey forms: fixed columns here; one further column per question of the panel (its id), holding
 * an option code or blank. Question cells are checked against questions.csv and scales.csv.
 */
export const citizensFormColumns = z.object({
  form_id: text,
  commune_code: communeCode,
});
export const officialsFormColumns = z.object({
  form_id: text,
  respondent_id: text,
  group: slugCode,
  commune_code: communeCode,
});

/** Answers by question id; a blank answer is absent. */
export type Answers = Record<string, string>;
export type CitizensForm = z.output<typeof citizensFormColumns> & { answers: Answers };
export type OfficialsForm = z.output<typeof officialsFormColumns> & { answers: Answers };
