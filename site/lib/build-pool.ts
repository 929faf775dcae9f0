// The build's heavy files per unit (site/lib/build-files.ts: each unit's share image and workbook)
// are made, where the year has many units, on worker threads (site/lib/build-worker.ts) while
// Astro's thread renders the pages: the same function as on one thread, so the same bytes. Each
// kind is started for every unit when Astro lists its paths, in the order Astro will write them,
// so that the workers have drawn and zipped most of them by the time Astro reaches their route; at
// most `aheadLimit` files wait finished, so memory does not grow with the number of units. The
// tasks carry their data: the workers read no file. Build time only (Node).
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ResultsRow } from "../../schemas/published.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { makeFile, type BuildTask } from "./build-files.ts";
import { latestYear } from "./data.ts";
import { atScale } from "./scale.ts";

export type BuildReply = { bytes: Uint8Array } | { error: string };

interface Job {
  task: BuildTask;
  resolve: (bytes: Uint8Array) => void;
  reject: (error: Error) => void;
}

// One worker a core, at most four: Astro's thread waits for them whenever it reaches the share
// images or the workbooks before they are all made, and then every core should be making them.
const poolSize = Math.max(1, Math.min(4, availableParallelism()));
// Astro runs from the project's root (pipeline/commands/site.ts), as site/lib/data.ts assumes too;
// the worker runs as source (Node strips the types), not from Astro's bundle.
const workerFile = resolve("site/lib/build-worker.ts");

const idle: Worker[] = [];
const running = new Map<Worker, Job>();
const queue: Job[] = [];
let started = 0;
/** A worker that failed (its file could not be made, or it could not start) fails every file after it. */
let failure: Error | null = null;

function startWorker(): void {
  started++;
  const worker = new Worker(workerFile);
  worker.on("message", (reply: BuildReply) => {
    const job = running.get(worker);
    running.delete(worker);
    idle.push(worker);
    // An idle worker does not keep the build's process alive.
    worker.unref();
    if (job) {
      if ("bytes" in reply) job.resolve(reply.bytes);
      else job.reject(new Error(reply.error));
    }
    dispatch();
  });
  worker.on("error", (error) => {
    failure = error;
    running.get(worker)?.reject(error);
    running.delete(worker);
    for (const job of queue.splice(0)) job.reject(error);
  });
  idle.push(worker);
}

function dispatch(): void {
  while (queue.length > 0) {
    if (idle.length === 0 && started < poolSize) startWorker();
    const worker = idle.pop();
    const job = queue.shift();
    if (!worker || !job) {
      if (job) queue.unshift(job);
      return;
    }
    running.set(worker, job);
    worker.ref();
    worker.postMessage(job.task);
  }
}

/** The bytes of `task`, made by the next free worker. */
export function runInWorker(task: BuildTask): Promise<Uint8Array> {
  return new Promise((resolveBytes, reject) => {
    if (failure) return reject(failure);
    queue.push({ task, resolve: resolveBytes, reject });
    dispatch();
  });
}

/** Finished files that may wait for Astro per kind (a share image is about 60 KB, a workbook 30 KB). */
export const aheadLimit = 256;

/**
 * The files of `keys`, made in that order ahead of the build's asking, at most `limit` started and
 * not yet taken: `take(key)` gives the file of `key` (making it at once if it was not started)
 * and starts the next ones. `start()` starts the first ones (from getStaticPaths).
 */
export function madeAhead<K>(
  keys: readonly K[],
  make: (key: K) => Promise<Uint8Array>,
  limit = aheadLimit,
): { start(): void; take(key: K): Promise<Uint8Array> } {
  const waiting = new Map<K, Promise<Uint8Array>>();
  const taken = new Set<K>();
  let next = 0;
  function start(): void {
    while (waiting.size < limit && next < keys.length) {
      const key = keys[next++] as K;
      if (taken.has(key) || waiting.has(key)) continue;
      const made = make(key);
      // Its error is the build's when the file is taken; until then it is not unhandled.
      made.catch(() => undefined);
      waiting.set(key, made);
    }
  }
  return {
    start,
    take(key) {
      const made = waiting.get(key) ?? make(key);
      waiting.delete(key);
      taken.add(key);
      start();
      return made;
    },
  };
}

/**
 * A file of every unit (/og/<slug>.png, /du-lieu/xa/<slug>/so-lieu.xlsx): `paths()` is the route's
 * getStaticPaths, `take(result)` a unit's file for its GET. Where the year has too many units to
 * list (site/lib/scale.ts), `paths()` starts them all on the workers; below, they are made on
 * Astro's thread when asked for, as starting workers would cost a small build more than it saves.
 */
export function unitFiles(task: (result: ResultsRow) => BuildTask): {
  paths(): { params: { slug: string }; props: { result: ResultsRow } }[];
  take(result: ResultsRow): Promise<Uint8Array>;
} {
  let files: ReturnType<typeof madeAhead<ResultsRow>> | undefined;
  return {
    paths() {
      const { results } = latestYear();
      if (atScale(results)) {
        files = madeAhead(results, (result) => runInWorker(task(result)));
        files.start();
      }
      return results.map((result) => ({
        params: { slug: communeSlug(result.commune_name) },
        props: { result },
      }));
    },
    take: (result) => (files ? files.take(result) : makeFile(task(result))),
  };
}
