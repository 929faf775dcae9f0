// The survey files checked in worker threads (Node only, for validate/folder.ts), each with the
// machine's other core while this thread checks the appraisal: a check of the national set took
// its three large files one after the other on one core (issue 26). A worker runs the very check
// validateYear runs (checkSurveyFile); its problems are taken in at the file's turn, in the order
// found, so the report is the same to the byte. A file a worker could not check (it failed, or had
// too many problems to send) is checked on this thread, as without workers.
import { MessageChannel, receiveMessageOnPort } from "node:worker_threads";
import { startThread } from "../thread.ts";
import type { InputFileName } from "../model.ts";
import {
  maxInputBytes,
  surveyFileNames,
  type CheckedSurvey,
  type SurveyChecks,
  type SurveyFileName,
} from "./index.ts";
import type { WorkerInput, WorkerOutput } from "./survey-worker.ts";

/** Survey files together smaller than this are checked on this thread: a worker's start costs more. */
export const surveyWorkersFrom = 4 * 1024 * 1024;

/** The longest a check waits for a worker before checking the file itself. */
const workerTimeoutMs = 10 * 60 * 1000;

/** The inputs a survey file's check reads. */
const surveyInputs: readonly InputFileName[] = ["scales.csv", "questions.csv"];

/** Workers started before the files are read, loading the validator meanwhile. */
export interface SurveyWorkers {
  /** Hands each worker its files once read; gives validateYear what it waits for at each file's turn. */
  send(files: ReadonlyMap<InputFileName, Uint8Array>): SurveyChecks;
}

/**
 * Starts a worker per survey file when their sizes (bytes, as the folder lists them; a file too
 * large is refused before it is read) are together at least `from`; undefined when they are not.
 */
export function startSurveyWorkers(
  sizes: ReadonlyMap<SurveyFileName, number>,
  from = surveyWorkersFrom,
): SurveyWorkers | undefined {
  const present = surveyFileNames.filter((file) => (sizes.get(file) ?? maxInputBytes + 1) <= maxInputBytes);
  const size = present.reduce((sum, file) => sum + (sizes.get(file) ?? 0), 0);
  if (present.length === 0 || size < from) return undefined;
  const started = present.map((file) => startWorker(file));
  return {
    send(files) {
      const checks = new Map(started.map((worker) => [worker.file, worker.send(files)]));
      return (file) => {
        const take = checks.get(file);
        checks.delete(file);
        return take === undefined ? null : take();
      };
    },
  };
}

function startWorker(file: SurveyFileName): {
  file: SurveyFileName;
  send: (files: ReadonlyMap<InputFileName, Uint8Array>) => () => CheckedSurvey | null;
} {
  const done = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const input: WorkerInput = { file, done, port: port2 };
  const worker = startThread(new URL("./survey-worker.ts", import.meta.url), {
    workerData: input,
    transferList: [port2],
  });
  // A worker that fails says so on its port (survey-worker.ts): the file is then checked here.
  worker.unref();
  worker.on("error", () => {});
  const send = (all: ReadonlyMap<InputFileName, Uint8Array>) => {
    // A survey file not read (missing, unreadable) is left to the year's check.
    if (!all.has(file)) {
      port1.close();
      void worker.terminate();
      return () => null;
    }
    const files = new Map<InputFileName, Uint8Array>();
    for (const name of [...surveyInputs, file]) {
      const bytes = all.get(name);
      if (bytes !== undefined) files.set(name, bytes);
    }
    port1.postMessage(files);
    return () => {
      const deadline = Date.now() + workerTimeoutMs;
      let message = receiveMessageOnPort(port1);
      while (message === undefined && Date.now() < deadline) {
        Atomics.wait(done, 0, 0, 100);
        message = receiveMessageOnPort(port1);
      }
      port1.close();
      void worker.terminate();
      const output = message?.message as WorkerOutput | undefined;
      return output !== undefined && "checked" in output ? output.checked : null;
    };
  };
  return { file, send };
}
