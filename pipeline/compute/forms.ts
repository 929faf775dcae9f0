// The survey forms of one panel (SurveyForms, in columns) seen commune by commune: each commune's
// forms as a list of form numbers, in file order, so that tallies, the bootstrap and the published
// responses read the answers columns directly instead of one object per form.
import type { SurveyForms } from "../model.ts";

/** One commune's forms in one panel: numbers of rows of the panel's columns, in file order. */
export interface CommuneForms {
  forms: SurveyForms;
  rows: Uint32Array;
}

/** Each commune's form numbers, by commune code (a counting sort: two passes over the forms). */
export function rowsByCommune(forms: SurveyForms): Map<string, CommuneForms> {
  const counts = new Uint32Array(forms.communeCodes.length);
  for (let r = 0; r < forms.size; r++) counts[forms.commune[r]!]!++;
  const lists = Array.from(counts, (count) => new Uint32Array(count));
  const filled = new Uint32Array(forms.communeCodes.length);
  for (let r = 0; r < forms.size; r++) {
    const c = forms.commune[r]!;
    lists[c]![filled[c]!++] = r;
  }
  return new Map(forms.communeCodes.map((code, c) => [code, { forms, rows: lists[c]! }]));
}

const columnIndexes = new WeakMap<SurveyForms, Map<string, number>>();

/** The answers column of a question, null when the file has no column for it (every answer blank). */
export function answersColumn(forms: SurveyForms, questionId: string): Uint16Array | null {
  let index = columnIndexes.get(forms);
  if (!index) {
    index = new Map(forms.questionIds.map((id, q) => [id, q]));
    columnIndexes.set(forms, index);
  }
  const q = index.get(questionId);
  return q === undefined ? null : (forms.answers[q] ?? null);
}

/** No forms (a commune no form rates). */
export function noForms(forms: SurveyForms): CommuneForms {
  return { forms, rows: new Uint32Array(0) };
}
