// Citizens' individual answers for cross-tabulation (docs/data-contract.md#privacy). A form's position in the
// file could link it back to the interviewer's records, so each commune's forms are numbered 1..n
// after a seeded shuffle, and nothing but the commune, that number, the question and the option
// leaves: no form_id, no column outside the contract, no blank answers.
import type { Question } from "../../schemas/questions.ts";
import type { ResponsesColumns } from "../model.ts";
import { randomInt, type Random } from "../random.ts";
import { answersColumn, type CommuneForms } from "./forms.ts";
import type { Scale } from "./survey.ts";

/** Fisher–Yates shuffle of a copy, driven by the seeded stream. */
function shuffled(items: Uint32Array, random: Random): Uint32Array {
  const copy = items.slice();
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    const item = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = item;
  }
  return copy;
}

/**
 * One row per non-blank answer of the citizens' questions, communes in the given order, forms in
 * shuffled order numbered from 1, questions in questions.csv order.
 */
export function shuffledResponses(
  communeCodes: readonly string[],
  formsByCommune: ReadonlyMap<string, CommuneForms>,
  citizensQuestions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
  random: Random,
): ResponsesColumns {
  if (citizensQuestions.length > 0xffff + 1) throw new Error("responses: too many citizens' questions");
  const questionIds = citizensQuestions.map((question) => question.id);
  const optionNames = citizensQuestions.map((question) => {
    const scale = scales.get(question.scale);
    if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
    return scale.options.map((o) => o.option);
  });
  const empty = new Uint32Array(0);
  // Every commune's forms are rows of the one panel's columns; a question without a column in the
  // file has only blank answers, hence no rows.
  const panel = formsByCommune.values().next().value?.forms;
  const present = questionIds.flatMap((id, questionIndex) => {
    const column = panel === undefined ? null : answersColumn(panel, id);
    return column === null ? [] : [{ questionIndex, column }];
  });
  // Every non-blank answer of the panel's file, counted column by column in one sequential pass,
  // bounds the rows, so that each column is allocated once (and trimmed if a form's commune is
  // not listed, which validation does not let through).
  let capacity = 0;
  for (const { column } of present) for (let r = 0; r < column.length; r++) if (column[r] !== 0) capacity++;
  const commune = new Uint32Array(capacity);
  const responseNo = new Uint32Array(capacity);
  const question = new Uint16Array(capacity);
  const option = new Uint16Array(capacity);
  let row = 0;
  communeCodes.forEach((communeCode, communeIndex) => {
    const order = shuffled(formsByCommune.get(communeCode)?.rows ?? empty, random);
    for (let i = 0; i < order.length; i++) {
      const r = order[i]!;
      for (let k = 0; k < present.length; k++) {
        const { questionIndex, column } = present[k]!;
        const code = column[r]!;
        if (code === 0) continue;
        commune[row] = communeIndex;
        responseNo[row] = i + 1;
        question[row] = questionIndex;
        option[row] = code - 1;
        row++;
      }
    }
  });
  return responsesTable({
    communeCodes,
    questionIds,
    options: optionNames,
    commune: commune.subarray(0, row),
    responseNo: responseNo.subarray(0, row),
    question: question.subarray(0, row),
    option: option.subarray(0, row),
  });
}

/** The responses table from its dictionaries and its four index columns, all of one length. */
export function responsesTable(columns: Omit<ResponsesColumns, "rows" | "read">): ResponsesColumns {
  const { communeCodes, questionIds, options, commune, responseNo, question, option } = columns;
  return {
    ...columns,
    rows: commune.length,
    read: {
      commune_code: (i) => communeCodes[commune[i]!],
      response_no: (i) => responseNo[i],
      question_id: (i) => questionIds[question[i]!],
      option: (i) => options[question[i]!]?.[option[i]!],
    },
  };
}
