// Citizens' individual answers for cross-tabulation (DATA.md §4, privacy). A form's position in the
// file could link it back to the interviewer's records, so each commune's forms are numbered 1..n
// after a seeded shuffle, and nothing but the commune, that number, the question and the option
// leaves: no form_id, no column outside the contract, no blank answers.
import type { ResponsesRow } from "../../schemas/published.ts";
import type { Question } from "../../schemas/questions.ts";
import type { CitizensForm } from "../../schemas/survey.ts";
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

/**
 * One row per non-blank answer of the citizens' questions, communes in the given order, forms in
 * shuffled order numbered from 1, questions in questions.csv order.
 */
export function shuffledResponses(
  communeCodes: readonly string[],
  formsByCommune: ReadonlyMap<string, readonly CitizensForm[]>,
  citizensQuestions: readonly Question[],
  random: Random,
): ResponsesRow[] {
  const rows: ResponsesRow[] = [];
  for (const commune_code of communeCodes) {
    shuffled(formsByCommune.get(commune_code) ?? [], random).forEach((form, i) => {
      for (const question of citizensQuestions) {
        const option = form.answers[question.id];
        if (option !== undefined)
          rows.push({ commune_code, response_no: i + 1, question_id: question.id, option });
      }
    });
  }
  return rows;
}
