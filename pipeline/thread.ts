// Worker threads of the pipeline (Node only): the survey checks, the responses table, the bootstrap.
import { Worker, type WorkerOptions } from "node:worker_threads";

/** Starts a worker thread running `module` through the one entry of the pipeline's threads (thread.mjs). */
export function startThread(module: URL, options: WorkerOptions): Worker {
  return new Worker(new URL("./thread.mjs", import.meta.url), { ...options, argv: [module.href] });
}
