// A worker thread of validate/survey-workers.ts: loads the validator while the files are read, then
// checks one survey file as validateYear would (checkSurveyFile) and posts the result, its columns
// moved rather than copied. Its modules are loaded inside the try, so that a worker that cannot
// even load them still answers. Loading them is a tenth of a worker's CPU (Node strips each .ts
// file's types, then compiles it): the entry of every thread (pipeline/thread.mjs) turns on Node's
// compile cache, which keeps the result on disk for the next run (issue 26).
import { workerData, type MessagePort } from "node:worker_threads";
import type { InputFileName } from "../model.ts";
import type { CheckedSurvey, SurveyFileName } from "./index.ts";

export interface WorkerInput {
  file: SurveyFileName;
  /** Set to 1 once the result is posted on `port`. */
  done: Int32Array;
  /** Where the files come (scales, questions and the survey file, by name) and the result goes. */
  port: MessagePort;
}

export type WorkerOutput = { checked: CheckedSurvey | null } | { failed: string };

async function run(input: WorkerInput): Promise<void> {
  let output: WorkerOutput;
  const transfer = new Set<ArrayBuffer>();
  try {
    const [{ checkSurveyFile }, { sha256 }, files] = await Promise.all([
      import("./index.ts"),
      import("./digest.ts"),
      new Promise<Map<InputFileName, Uint8Array>>((resolve) => input.port.once("message", resolve)),
    ]);
    const checked = checkSurveyFile(files, input.file, sha256);
    const table = checked?.table;
    if (table) {
      const columns = Object.values(table.fixed).map((column) => column.codes);
      for (const array of [table.line, table.valid, ...table.answers, ...columns])
        if (array.buffer instanceof ArrayBuffer) transfer.add(array.buffer);
    }
    output = { checked };
  } catch (error) {
    output = { failed: String(error) };
  }
  input.port.postMessage(output, [...transfer]);
  input.port.close();
  Atomics.store(input.done, 0, 1);
  Atomics.notify(input.done, 0);
}

await run(workerData as WorkerInput);
