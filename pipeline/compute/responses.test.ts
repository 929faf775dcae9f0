import { describe, expect, it } from "vitest";
import type { Question } from "../../schemas/questions.ts";
import type { ResponsesColumns, SurveyForms } from "../model.ts";
import { rowsByCommune } from "./forms.ts";
import { startAnonymousResponses } from "./responses.ts";
import { buildScales } from "./survey.ts";

// Three citizens' forms, two communes, two questions on one scale of options "a" and "b"
// (answer codes: 0 blank, 1 "a", 2 "b"):
//   form 0, commune 02: Q1 b, Q2 a · form 1, commune 02: Q1 a, Q2 blank · form 2, commune 01: Q1 a, Q2 b.
// Commune 01 is listed first (code order); in commune 02, form 1 (Q1 a) comes before form 0 (Q1 b).
const forms: SurveyForms = {
  size: 3,
  communeCodes: ["02", "01"],
  commune: Uint32Array.of(0, 0, 1),
  questionIds: ["ND01", "ND02"],
  answers: [Uint16Array.of(2, 1, 1), Uint16Array.of(1, 0, 2)],
};
const question = (id: string): Question => ({
  id,
  panel: "citizens",
  criterion_id: null,
  scale: "ab",
  text: id,
  sipas_element: null,
});
const questions = [question("ND01"), question("ND02")];
const scales = buildScales(
  ["a", "b"].map((option, i) => ({ scale: "ab", option, label: option, coefficient: i, satisfied: null })),
);
const expected = [
  ["01", 1, "ND01", "a"],
  ["01", 1, "ND02", "b"],
  ["02", 1, "ND01", "a"],
  ["02", 2, "ND01", "b"],
  ["02", 2, "ND02", "a"],
];

const rowsOf = ({ rows, read }: ResponsesColumns) =>
  Array.from({ length: rows }, (_, i) => [
    read.commune_code(i),
    read.response_no(i),
    read.question_id(i),
    read.option(i),
  ]);

const responses = (options: Parameters<typeof startAnonymousResponses>[5]) =>
  startAnonymousResponses(["01", "02"], rowsByCommune(forms), forms, questions, scales, options)();

/** A thread module that reports at once that it failed (responses-worker.ts's FAILED is 2). */
const failing = new URL(
  "data:text/javascript,import{workerData as w}from'node:worker_threads';Atomics.store(w.status,0,2);Atomics.notify(w.status,0)",
);
/** A thread module that never reports. */
const silent = new URL("data:text/javascript,export{}");

describe("the responses table on another thread", () => {
  it("is made here below the threshold", () => {
    const made = responses({ from: 7 });
    expect(made.thread).toBe(false);
    expect(rowsOf(made.table)).toEqual(expected);
  });

  it("is made by the thread from the threshold, the same table", () => {
    const made = responses({ from: 6 });
    expect(made.thread).toBe(true);
    expect(rowsOf(made.table)).toEqual(expected);
    expect(made.table.responseNo).toBeInstanceOf(Uint8Array);
  });

  it("is made here, the same, when the thread fails or does not report", () => {
    for (const made of [
      responses({ from: 0, worker: failing }),
      responses({ from: 0, worker: silent, patienceMs: 50 }),
    ]) {
      expect(made.thread).toBe(false);
      expect(rowsOf(made.table)).toEqual(expected);
    }
  });
});
