// Runs one benchmark task in a fresh Node process (tools/bench/child.ts) and collects its result.
import { spawn } from "node:child_process";
import { readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import type { BenchTask, TaskResult } from "./child.ts";

const childScript = fileURLToPath(new URL("./child.ts", import.meta.url));

export interface MeasuredTask extends TaskResult {
  /** Wall time of the whole child process: Node start, module loading and the task. */
  wall_s: number;
}

/** Spawns `node [execArgv] child.ts task folder resultFile`; `execArgv` e.g. `--cpu-prof`. */
export async function runTask(
  task: BenchTask,
  folder: string,
  resultFile: string,
  execArgv: string[] = [],
): Promise<MeasuredTask> {
  const start = performance.now();
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(process.execPath, [...execArgv, childScript, task, folder, resultFile], {
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("close", resolve);
  });
  const wall_s = (performance.now() - start) / 1000;
  if (exitCode !== 0) throw new Error(`bench task ${task} on ${folder} exited with code ${exitCode}`);
  const result = JSON.parse(await readFile(resultFile, "utf8")) as TaskResult;
  await rm(resultFile);
  return { ...result, wall_s };
}
