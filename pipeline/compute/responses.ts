// Citizens' individual answers for cross-tabulation (docs/data-contract.md#privacy). The number a
// form gets within its commune must say nothing of where the form was in the input file (the
// interviewer's records, the form's id): a shuffle seeded from a published seed can be replayed by
// anyone, and a secret key would make builds depend on something CI does not have. So each commune's
// forms are numbered 1..n in the order of their answers themselves (question by question, option
// code order, a blank last): the numbering is a function of what is published anyway, and forms with
// the same answers publish the same rows whichever order they are in. Nothing but the commune, that
// number, the question and the option leaves: no form_id, no column outside the contract, no blank
// answers. docs/quality.md ("Who gave which answer") has the threat and why this choice.
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import type { Question } from "../../schemas/questions.ts";
import type { IndexArray, ResponsesColumns, SurveyForms } from "../model.ts";
import { answersColumn, type CommuneForms } from "./forms.ts";
import type { Scale } from "./survey.ts";
import { startThread } from "../thread.ts";

/**
 * The rows of one commune's forms ordered by their answers, column after column (answer codes in
 * published order: 1 + the option's index, a blank after every option): a stable counting sort on
 * each column, the last column first (an LSD radix sort), so the first column decides, then the
 * second… Two passes over each column's cells, where a comparator sort took n log n closure calls.
 * `codes[k]` is column k's number of options; forms with the same answers keep their file order,
 * which no published byte shows (their rows are the same).
 */
function byAnswers(
  rows: Uint32Array,
  columns: readonly Uint16Array[],
  codes: readonly number[],
  counts: Uint32Array,
  buffers: readonly [Uint32Array, Uint32Array],
): Uint32Array {
  // Two buffers of the largest commune's length, reused from commune to commune: the result is in
  // one of them, its first rows.length entries.
  let [order, sorted] = buffers;
  order.set(rows);
  for (let k = columns.length - 1; k >= 0; k--) {
    const column = columns[k]!;
    // Sort keys 0..options: code − 1 for an option, `options` for a blank (code 0).
    const options = codes[k]!;
    counts.fill(0, 0, options + 1);
    for (let i = 0; i < rows.length; i++) {
      const code = column[order[i]!]!;
      if (code > options) throw new RangeError(`responses: answer code ${code} outside its scale`);
      counts[code === 0 ? options : code - 1]!++;
    }
    for (let key = 0, start = 0; key <= options; key++) {
      const count = counts[key]!;
      counts[key] = start;
      start += count;
    }
    for (let i = 0; i < rows.length; i++) {
      const r = order[i]!;
      const code = column[r]!;
      sorted[counts[code === 0 ? options : code - 1]!++] = r;
    }
    [order, sorted] = [sorted, order];
  }
  return order;
}

/** The narrowest unsigned array of `length` that holds `largest`. */
function indexArray(largest: number, length: number): IndexArray {
  if (largest <= 0xff) return new Uint8Array(length);
  if (largest <= 0xffff) return new Uint16Array(length);
  if (largest <= 0xffffffff) return new Uint32Array(length);
  throw new RangeError(`responses: ${largest} does not fit an index column`);
}

/**
 * One row per non-blank answer of the citizens' questions, communes in the given order, forms in
 * the order of their answers numbered from 1, questions in questions.csv order.
 */
export function anonymousResponses(
  communeCodes: readonly string[],
  formsByCommune: ReadonlyMap<string, CommuneForms>,
  citizensQuestions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
): ResponsesColumns {
  const { questionIds, options: optionNames } = responseDictionaries(citizensQuestions, scales);
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
  const answerColumns = present.map(({ column }) => column);
  let capacity = 0;
  for (const { column } of present) for (let r = 0; r < column.length; r++) if (column[r] !== 0) capacity++;
  let forms = 0;
  for (const code of communeCodes) forms = Math.max(forms, formsByCommune.get(code)?.rows.length ?? 0);
  const commune = indexArray(communeCodes.length - 1, capacity);
  const responseNo = indexArray(forms, capacity);
  const question = indexArray(citizensQuestions.length - 1, capacity);
  const option = indexArray(Math.max(0, ...optionNames.map((names) => names.length - 1)), capacity);
  const questionIndexes = present.map(({ questionIndex }) => questionIndex);
  const codes = questionIndexes.map((q) => optionNames[q]!.length);
  const counts = new Uint32Array(Math.max(0, ...codes) + 1);
  const buffers = [new Uint32Array(forms), new Uint32Array(forms)] as const;
  let row = 0;
  for (let c = 0; c < communeCodes.length; c++) {
    const rows = formsByCommune.get(communeCodes[c]!)?.rows ?? empty;
    const order = byAnswers(rows, answerColumns, codes, counts, buffers);
    const first = row;
    for (let i = 0; i < rows.length; i++) {
      const r = order[i]!;
      for (let k = 0; k < answerColumns.length; k++) {
        const code = answerColumns[k]![r]!;
        if (code === 0) continue;
        responseNo[row] = i + 1;
        question[row] = questionIndexes[k]!;
        option[row] = code - 1;
        row++;
      }
    }
    commune.fill(c, first, row);
  }
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

/** The responses table's dictionaries of questions and of each question's options. */
function responseDictionaries(
  citizensQuestions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
): Pick<ResponsesColumns, "questionIds" | "options"> {
  return {
    questionIds: citizensQuestions.map((question) => question.id),
    options: citizensQuestions.map((question) => {
      const scale = scales.get(question.scale);
      if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
      return scale.options.map((o) => o.option);
    }),
  };
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

/**
 * Citizens' answer cells (forms × question columns) from which the responses table is made in a
 * worker thread while this thread computes the rest of the year: 4 MB of answers, as the survey
 * workers' threshold (validate/survey-workers.ts). Below it a thread's start costs more than it saves.
 */
export const responsesThreadFrom = 2 * 1024 * 1024;

/** What the responses thread (responses-worker.ts) is given: anonymousResponses' arguments, in plain data. */
export interface ResponsesShare {
  communeCodes: readonly string[];
  forms: SurveyForms;
  citizensQuestions: readonly Question[];
  scales: ReadonlyMap<string, Scale>;
  /** 0 while it runs, DONE once its columns are posted on `port`, FAILED. */
  status: Int32Array;
  port: MessagePort;
}

export const RUNNING = 0;
export const DONE = 1;
export const FAILED = 2;

/** The four index columns the thread posts back, their buffers moved, not copied. */
export type ResponsesIndexes = Pick<ResponsesColumns, "commune" | "responseNo" | "question" | "option">;

/** The responses table, and whether the thread made it. */
export interface MadeResponses {
  table: ResponsesColumns;
  thread: boolean;
}

export interface ResponsesThreadOptions {
  /** Answer cells from which a thread is used (tests: 0). */
  from?: number;
  /** The thread's module (tests: one that fails). */
  worker?: URL;
  /** How long to wait for a thread that does not report before making the table here. */
  patienceMs?: number;
}

/**
 * Starts the responses table of a panel's forms (`anonymousResponses`) on the machine's other core,
 * at national scale, and returns what waits for it: computeYear stays synchronous, and the table is
 * the same whichever thread made it. A thread that fails or does not report within the patience
 * leaves the table to this thread (an error in the data then surfaces here, as without a thread).
 */
export function startAnonymousResponses(
  communeCodes: readonly string[],
  formsByCommune: ReadonlyMap<string, CommuneForms>,
  forms: SurveyForms,
  citizensQuestions: readonly Question[],
  scales: ReadonlyMap<string, Scale>,
  { from = responsesThreadFrom, worker: module, patienceMs = 60_000 }: ResponsesThreadOptions = {},
): () => MadeResponses {
  const here = () => ({
    table: anonymousResponses(communeCodes, formsByCommune, citizensQuestions, scales),
    thread: false,
  });
  if (forms.size * forms.answers.length < from || forms.size === 0) return here;
  const { port1, port2 } = new MessageChannel();
  const share: ResponsesShare = {
    communeCodes,
    // Only the columns the table reads: shared, not copied, when they are on shared memory
    // (validate/survey-columns.ts); otherwise structured cloning copies them once, here.
    forms: {
      size: forms.size,
      communeCodes: forms.communeCodes,
      commune: forms.commune,
      questionIds: forms.questionIds,
      answers: forms.answers,
    },
    citizensQuestions,
    scales,
    status: new Int32Array(new SharedArrayBuffer(4)),
    port: port2,
  };
  let thread: Worker;
  try {
    thread = startThread(module ?? new URL("./responses-worker.ts", import.meta.url), {
      workerData: share,
      transferList: [port2],
    });
  } catch {
    port1.close();
    return here;
  }
  thread.unref();
  thread.on("error", () => {});
  return () => {
    Atomics.wait(share.status, 0, RUNNING, patienceMs);
    const message = Atomics.load(share.status, 0) === DONE ? receiveMessageOnPort(port1) : undefined;
    port1.close();
    void thread.terminate();
    if (message === undefined) return here();
    const table = responsesTable({
      communeCodes,
      ...responseDictionaries(citizensQuestions, scales),
      ...(message.message as ResponsesIndexes),
    });
    return { table, thread: true };
  };
}
