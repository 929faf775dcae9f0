// One measured task in its own process, so that its peak memory (ru_maxrss) is its own:
//   node tools/bench/child.ts <pipeline|duckdb|bootstrap> <year folder> <result.json>
// Times are taken inside the process around the work itself (module loading excluded); the parent
// also records the whole process's wall time.
import { writeFile } from "node:fs/promises";
import { performance } from "node:perf_hooks";
import type { YearData } from "../../pipeline/model.ts";
import type { loadYear as LoadYearFunction } from "../../pipeline/validate/folder.ts";
import { estimatesOf } from "./agreement.ts";
import type { IndexEstimate } from "../../tests/support/duckdb-index.ts";

export const benchTasks = ["pipeline", "duckdb", "bootstrap"] as const;
export type BenchTask = (typeof benchTasks)[number];

export interface TaskResult {
  task: BenchTask;
  /** Seconds of the measured work: validate + compute, the DuckDB query, or the bootstrap alone. */
  seconds: number;
  /** Peak resident set size of this process, in MiB. */
  peak_rss_mb: number;
  /** pipeline: loadYear and computeYear separately; bootstrap: compute with it off and on. */
  parts: Record<string, number>;
  communes: number;
  forms: number | null;
  answers: number | null;
  estimates: IndexEstimate[] | null;
}

const seconds = (from: number) => (performance.now() - from) / 1000;

/** Non-blank answer cells over both panels: the unit of work of the survey part. */
function countAnswers(data: YearData): number {
  let answers = 0;
  for (const forms of [data.officialsForms, data.citizensForms])
    for (const column of forms.answers) for (const code of column) if (code !== 0) answers++;
  return answers;
}

type LoadYear = typeof LoadYearFunction;

async function loadValidYear(loadYear: LoadYear, folder: string): Promise<YearData> {
  const loaded = await loadYear(folder);
  if (loaded.data === null) {
    const errors = loaded.problems.filter((problem) => problem.severity === "error");
    const first = errors
      .slice(0, 5)
      .map((p) => `${p.file}:${p.line ?? "-"} ${p.code} ${p.message_en}`)
      .join("\n");
    throw new Error(`${folder} does not validate (${errors.length} errors):\n${first}`);
  }
  return loaded.data;
}

async function measurePipeline(folder: string): Promise<Omit<TaskResult, "peak_rss_mb">> {
  // Modules load before the clock starts, as DuckDB's does below.
  const { loadYear } = await import("../../pipeline/validate/folder.ts");
  const { computeYear } = await import("../../pipeline/compute/index.ts");
  const start = performance.now();
  const data = await loadValidYear(loadYear, folder);
  const validate_s = seconds(start);
  const computeStart = performance.now();
  const results = computeYear(data, { previous: null, bootstrap: false });
  const compute_s = seconds(computeStart);
  return {
    task: "pipeline",
    seconds: seconds(start),
    parts: { validate_s, compute_s },
    communes: data.communes.length,
    forms: data.officialsForms.size + data.citizensForms.size,
    answers: countAnswers(data),
    estimates: estimatesOf(results.tables.results),
  };
}

async function measureDuckdb(folder: string): Promise<Omit<TaskResult, "peak_rss_mb">> {
  const { duckdbIndex } = await import("../../tests/support/duckdb-index.ts");
  const start = performance.now();
  const estimates = await duckdbIndex(folder);
  return {
    task: "duckdb",
    seconds: seconds(start),
    parts: {},
    communes: estimates.length,
    forms: null,
    answers: null,
    estimates,
  };
}

// The bootstrap's own cost: the same computation with it on minus with it off. Off runs first, so
// the code the two share is already warm when the difference is taken.
async function measureBootstrap(folder: string): Promise<Omit<TaskResult, "peak_rss_mb">> {
  const { loadYear } = await import("../../pipeline/validate/folder.ts");
  const { computeYear } = await import("../../pipeline/compute/index.ts");
  const data = await loadValidYear(loadYear, folder);
  const offStart = performance.now();
  computeYear(data, { previous: null, bootstrap: false });
  const compute_off_s = seconds(offStart);
  const onStart = performance.now();
  computeYear(data, { previous: null, bootstrap: true });
  const compute_on_s = seconds(onStart);
  return {
    task: "bootstrap",
    seconds: compute_on_s - compute_off_s,
    parts: { compute_off_s, compute_on_s },
    communes: data.communes.length,
    forms: null,
    answers: null,
    estimates: null,
  };
}

const measures: Record<BenchTask, (folder: string) => Promise<Omit<TaskResult, "peak_rss_mb">>> = {
  pipeline: measurePipeline,
  duckdb: measureDuckdb,
  bootstrap: measureBootstrap,
};

if (import.meta.main) {
  const [task, folder, out] = process.argv.slice(2);
  if (!benchTasks.includes(task as BenchTask) || folder === undefined || out === undefined) {
    console.error(`usage: node tools/bench/child.ts <${benchTasks.join("|")}> <folder> <result.json>`);
    process.exit(2);
  }
  const measured = await measures[task as BenchTask](folder);
  // ru_maxrss is in KiB on Linux
  const result: TaskResult = { ...measured, peak_rss_mb: process.resourceUsage().maxRSS / 1024 };
  await writeFile(out, JSON.stringify(result));
}
