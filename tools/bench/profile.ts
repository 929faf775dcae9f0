// Where does the pipeline's time go? One pipeline run under `node --cpu-prof`, the V8 CPU profile of
// each of its threads (the main one, the survey files' and the bootstrap's workers) summarised by
// self time: per area of the code (package or project folder) and per function.
import { readdir, readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { ensureDataset, type BenchScale } from "./datasets.ts";
import { textTable, writeReport } from "./report.ts";
import { runTask } from "./run-task.ts";

/** The parts of a V8 `.cpuprofile` (Chrome DevTools protocol Profiler.Profile) used here. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

export interface SelfTime {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  total_ms: number;
  /** Self time per area of the code. */
  areas: SelfTime[];
  /** Self time per function. */
  functions: SelfTime[];
  /**
   * Inclusive time (the function and everything it called) of the project's own functions: the
   * stages (readCsv, parseRows, computeYear…) and what inside them costs.
   */
  project_inclusive: SelfTime[];
}

/**
 * The area a frame belongs to: a package under node_modules, a project folder (pipeline/read,
 * schemas…), Node's own modules, or V8's pseudo-frames (garbage collector, program = native code
 * outside JavaScript functions, idle).
 */
export function areaOf(url: string, functionName: string, projectRoot: string): string {
  if (url === "") {
    if (functionName === "(garbage collector)") return "garbage collection";
    if (functionName === "(program)" || functionName === "(idle)" || functionName === "(root)")
      return functionName;
    return "V8/native builtins";
  }
  if (url.startsWith("node:")) return "node internals";
  const path = url.replace(/^file:\/\//, "");
  const modules = path.lastIndexOf("/node_modules/");
  if (modules >= 0) {
    const rest = path.slice(modules + "/node_modules/".length).split("/");
    return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1]}` : (rest[0] ?? path);
  }
  const relative = path.startsWith(projectRoot + "/") ? path.slice(projectRoot.length + 1) : path;
  return relative.split("/").slice(0, -1).join("/") || relative;
}

function frameName(frame: CpuProfile["nodes"][number]["callFrame"], projectRoot: string): string {
  const file =
    frame.url === "" ? "" : ` ${frame.url.replace(`file://${projectRoot}/`, "")}:${frame.lineNumber + 1}`;
  return `${frame.functionName || "(anonymous)"}${file}`;
}

/** Self time per area and per function, and the project functions' inclusive time, largest first. */
export function summariseProfile(profile: CpuProfile, projectRoot: string, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const projectFile = (url: string) =>
    url.startsWith(`file://${projectRoot}/`) && !url.includes("/node_modules/");
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, us: number) => map.set(key, (map.get(key) ?? 0) + us);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const frame = nodes.get(id);
    const us = profile.timeDeltas[i] ?? 0;
    if (frame === undefined || frame.functionName === "(idle)") return;
    total += us;
    add(byArea, areaOf(frame.url, frame.functionName, projectRoot), us);
    add(byFunction, frameName(frame, projectRoot), us);
    // each project function on the stack once, however deep its recursion
    const onStack = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const caller = nodes.get(at);
      if (caller !== undefined && projectFile(caller.url)) onStack.add(frameName(caller, projectRoot));
    }
    for (const name of onStack) add(inclusive, name, us);
  });
  const ranked = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({
        name,
        ms: Math.round(us / 100) / 10,
        share: Math.round((us / total) * 1000) / 10,
      }));
  return {
    total_ms: Math.round(total / 1000),
    areas: ranked(byArea),
    functions: ranked(byFunction).slice(0, top),
    project_inclusive: ranked(inclusive).slice(0, top),
  };
}

/**
 * The thread a profile is of, from the name `node --cpu-prof` gives it
 * (CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile): 0 for the main thread.
 */
export function profileThread(file: string): number {
  const parts = file.split(".");
  return Number(parts.at(-3) ?? 0) || 0;
}

function threadName(thread: number): string {
  return thread === 0 ? "main thread" : `worker thread ${thread}`;
}

/** `npm run bench -- --profile <scale>`: profiles one pipeline run (validate + compute). */
export async function profilePipeline(
  scale: BenchScale,
  seed: number,
  benchRoot: string,
  reportFile: string,
  fresh = false,
): Promise<number> {
  const dataset = await ensureDataset(scale, seed, benchRoot, fresh);
  const dir = join(benchRoot, "profile");
  await rm(dir, { recursive: true, force: true });
  const measured = await runTask("pipeline", dataset.folder, join(benchRoot, scale, "task-result.json"), [
    "--cpu-prof",
    `--cpu-prof-dir=${dir}`,
  ]);
  // One profile per thread: the main thread's, then each worker's (survey files, bootstrap).
  const files = (await readdir(dir)).filter((name) => name.endsWith(".cpuprofile"));
  if (files.length === 0) throw new Error(`no .cpuprofile written in ${dir}`);
  const threads = await Promise.all(
    files
      .map((file) => ({ file, thread: profileThread(file) }))
      .sort((a, b) => a.thread - b.thread)
      .map(async ({ file, thread }) => {
        const profile = JSON.parse(await readFile(join(dir, file), "utf8")) as CpuProfile;
        return { thread, file: join(dir, file), ...summariseProfile(profile, resolve(".")) };
      }),
  );
  const row = (t: SelfTime) => [t.name, t.ms.toFixed(1), `${t.share.toFixed(1)}%`];
  console.log(
    `${scale}: validate ${measured.parts.validate_s?.toFixed(3)} s + compute ${measured.parts.compute_s?.toFixed(3)} s` +
      ` = ${measured.seconds.toFixed(3)} s under the profiler (profiling slows it); peak ${measured.peak_rss_mb.toFixed(0)} MiB`,
  );
  const busy = threads.reduce((sum, t) => sum + t.total_ms, 0);
  console.log(`\nCPU sampled in all ${threads.length} threads: ${busy} ms (idle excluded)`);
  console.log(
    textTable(
      ["thread", "ms", "profile"],
      threads.map((t) => [threadName(t.thread), String(t.total_ms), t.file]),
    ),
  );
  for (const summary of threads) {
    const name = threadName(summary.thread);
    console.log(`\n== ${name}: self time by area (${summary.total_ms} ms sampled, idle excluded)`);
    console.log(textTable(["area", "ms", "share"], summary.areas.map(row)));
    console.log(`\n${name}: self time by function`);
    console.log(textTable(["function", "ms", "share"], summary.functions.map(row)));
    console.log(`\n${name}: inclusive time of the project's functions (stages and what they call)`);
    console.log(textTable(["function", "ms", "share"], summary.project_inclusive.map(row)));
  }
  console.log(`\nprofiles: ${dir} (open in Chrome DevTools → Performance)`);
  const [main, ...workers] = threads;
  await writeReport(reportFile, {
    profile: {
      scale,
      parts: measured.parts,
      seconds: measured.seconds,
      peak_rss_mb: measured.peak_rss_mb,
      ...main,
      workers,
    },
  });
  return 0;
}
