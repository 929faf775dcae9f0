// Citizens' individual answers for cross-tabulation (DATA.md §4, privacy). A form's position in the
// file could link it back to the interviewer's records, so each commune's forms are numbered 1..n
// after a seeded shuffle, and nothing but the commune, that number, the question and the option
// leaves: no form_id, no column outside the contract, no blank answers.
import type { Question } from "../../schemas/questions.ts";
import type { CitizensForm } from "../../schemas/survey.ts";
import type { ResponsesColumns } from "../model.ts";
import { randomInt, type Random } from "../random.ts";

/** Fisher–Yates shuffle of a copy, driven by the seeded stream. */
function shuffled<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** The distinct option codes in order of first appearance, each with its index. */
class OptionDictionary {
  readonly codes: string[] = [];
  readonly #index = new Map<string, number>();

  indexOf(code: string): number {
    let index = this.#index.get(code);
    if (index === undefined) {
      index = this.codes.length;
      // The column is a Uint16Array; a scale file with more options than that is not a survey.
      if (index > 0xffff) throw new Error(`responses: more than ${0xffff + 1} distinct options`);
      this.codes.push(code);
      this.#index.set(code, index);
    }
    return index;
  }
}

/**
 * One row per non-blank answer of the citizens' questions, communes in the given order, forms in
 * shuffled order numbered from 1, questions in questions.csv order.
 */
export function shuffledResponses(
  communeCodes: readonly string[],
  formsByCommune: ReadonlyMap<string, readonly CitizensForm[]>,
  citizensQuestions: readonly Question[],
  random: Random,
): ResponsesColumns {
  if (citizensQuestions.length > 0xffff + 1) throw new Error("responses: too many citizens' questions");
  const questionIds = citizensQuestions.map((question) => question.id);
  const formsOf = (communeCode: string) => formsByCommune.get(communeCode) ?? [];
  // Counted first so that each column is allocated once, at its final length.
  let rows = 0;
  for (const communeCode of communeCodes)
    for (const form of formsOf(communeCode))
      for (const id of questionIds) if (form.answers[id] !== undefined) rows++;
  const commune = new Uint32Array(rows);
  const responseNo = new Uint32Array(rows);
  const question = new Uint16Array(rows);
  const option = new Uint16Array(rows);
  const options = new OptionDictionary();
  let row = 0;
  communeCodes.forEach((communeCode, communeIndex) => {
    shuffled(formsOf(communeCode), random).forEach((form, i) => {
      questionIds.forEach((id, questionIndex) => {
        const answer = form.answers[id];
        if (answer === undefined) return;
        commune[row] = communeIndex;
        responseNo[row] = i + 1;
        question[row] = questionIndex;
        option[row] = options.indexOf(answer);
        row++;
      });
    });
  });
  return {
    rows,
    communeCodes,
    questionIds,
    options: options.codes,
    commune,
    responseNo,
    question,
    option,
  };
}
