// The survey forms of one panel (SurveyForms, in columns) seen commune by commune: each commune's
// forms as a list of form numbers, in file order, so that tallies, the bootstrap and the published
// responses read the answers columns directly instead of one object per form.
import type { SurveyForms } from "../model.ts";

/** One commune's forms in one panel: numbers of rows of the panel's columns, in file order. */
export interface CommuneForms {
  forms: SurveyForms;
  rows: Uint32Array;
  /** The commune's index in `forms.communeCodes`; −1 when no form rates it. */
  commune: number;
}

/**
 * Each commune's form numbers, by commune code (a counting sort: two passes over the forms), each
 * commune's list a slice of one array: an array apiece was 10,600 backing stores per panel at
 * national scale.
 */
export function rowsByCommune(forms: SurveyForms): Map<string, CommuneForms> {
  const communes = forms.communeCodes.length;
  // Where each commune's list starts, then where its next form goes.
  const next = new Uint32Array(communes + 1);
  for (let r = 0; r < forms.size; r++) next[forms.commune[r]! + 1]!++;
  for (let c = 0; c < communes; c++) next[c + 1]! += next[c]!;
  const starts = next.slice();
  const all = new Uint32Array(forms.size);
  for (let r = 0; r < forms.size; r++) all[next[forms.commune[r]!]!++] = r;
  return new Map(
    forms.communeCodes.map((code, c) => [
      code,
      { forms, rows: all.subarray(starts[c], starts[c + 1]), commune: c },
    ]),
  );
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
  return { forms, rows: new Uint32Array(0), commune: -1 };
}

const answerCounts = new WeakMap<SurveyForms, Map<string, Uint32Array>>();

/**
 * Every commune's answers to one question by answer code: commune c's count of code k (0: blank,
 * else 1 + the option's index) is at c × `codes` + k. Counted once per panel and question, in one
 * sequential pass over the column, and kept: counting commune by commune jumped through each column
 * once per commune, 18 million answers at national scale.
 */
export function panelAnswerCounts(forms: SurveyForms, questionId: string, codes: number): Uint32Array {
  let panel = answerCounts.get(forms);
  if (!panel) answerCounts.set(forms, (panel = new Map()));
  let counts = panel.get(questionId);
  if (!counts) {
    const { size, commune, communeCodes } = forms;
    counts = new Uint32Array(communeCodes.length * codes);
    const column = answersColumn(forms, questionId);
    if (column === null) {
      // No column: every form's answer is blank.
      for (let r = 0; r < size; r++) counts[commune[r]! * codes]!++;
    } else if (countCodes(column, commune, size, codes, counts) >= codes) {
      const code = column.find((answer) => answer >= codes);
      throw new RangeError(`Question ${questionId}: answer code ${code} outside its scale`);
    }
    panel.set(questionId, counts);
  }
  return counts;
}

/**
 * Adds each form's answer code to its commune's counts and returns the largest code met (a code
 * outside the counts is not counted). A loop of its own, called once per column: optimised after
 * the first columns with the feedback of all its paths, where the loop inside the caller was
 * compiled on the stack and thrown away at each column's end.
 */
function countCodes(
  column: Uint16Array,
  commune: Uint32Array,
  size: number,
  codes: number,
  counts: Uint32Array,
): number {
  let largest = 0;
  for (let r = 0; r < size; r++) {
    const code = column[r]!;
    if (code > largest) largest = code;
    if (code < codes) counts[commune[r]! * codes + code]!++;
  }
  return largest;
}
