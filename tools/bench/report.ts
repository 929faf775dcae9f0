// The benchmark's report: medians of the runs per scale, written to bench-report.json and printed
// as a table. Times are medians (robust to a run disturbed by other work on the machine); memory is
// the peak over the runs (the worst case is what has to fit). Each scale says what was measured
// (the commit, and whether the working tree had changes), when, and on what machine under what load.
import { median } from "../../pipeline/compute/percentile.ts";
import { readFile, writeFile } from "node:fs/promises";
import type { Agreement } from "./agreement.ts";
import type { BenchScale } from "./datasets.ts";
import type { MeasuredTask } from "./run-task.ts";

export interface ScaleRun {
  scale: BenchScale;
  communes: number;
  forms: number;
  answers: number;
  /** Runs per side; below MEDIAN_RUNS the times are not medians and `median` is false. */
  runs: number;
  median: boolean;
  /** Median seconds of validate + compute (loadYear + computeYear, bootstrap off). */
  pipeline_s: number;
  /** Median seconds of the same point estimates by native DuckDB over the same CSV files. */
  duckdb_s: number;
  /** pipeline_s / duckdb_s: the ratio of the medians. */
  ratio: number;
  /** Peak RSS of the pipeline's processes over the runs, MiB. */
  peak_rss_mb: number;
  duckdb_peak_rss_mb: number;
  /** Medians of the pipeline's two stages. */
  validate_s: number;
  compute_s: number;
  /** Median seconds the bootstrap adds (compute with it on minus off), or null when not measured. */
  bootstrap_s: number | null;
  bootstrap_peak_rss_mb: number | null;
  bootstrap_runs_s: number[];
  pipeline_runs_s: number[];
  duckdb_runs_s: number[];
  /** Whole child-process wall times (Node start and module loading included), medians. */
  pipeline_wall_s: number;
  duckdb_wall_s: number;
  agree: Agreement;
  provenance: Provenance;
  /** The machine while measuring: cores (DuckDB uses them all, the pipeline one) and 1-minute load. */
  machine: MachineState;
}

export interface MachineState {
  cores: number;
  /** os.loadavg()[0] before and after the scale's runs: other work on the machine slows both sides. */
  load_avg_1m: [number, number];
}

/** The code measured and when: HEAD, whether tracked files differed from it, and the start (UTC). */
export interface Provenance {
  commit: string;
  dirty: boolean;
  date: string;
}

/** Runs a git command in the working copy and returns its standard output. */
export type Git = (args: string[]) => string;

export function provenance(git: Git, now: () => Date): Provenance {
  return {
    commit: git(["rev-parse", "HEAD"]).trim(),
    dirty: git(["status", "--porcelain", "--untracked-files=no"]).trim() !== "",
    date: now().toISOString(),
  };
}

/** Fewer runs than this have no meaningful median: the report flags them. */
export const MEDIAN_RUNS = 3;

const round3 = (x: number) => Math.round(x * 1000) / 1000;
const round1 = (x: number) => Math.round(x * 10) / 10;
const peak = (tasks: MeasuredTask[]) => round1(Math.max(...tasks.map((t) => t.peak_rss_mb)));

export function summariseScale(
  scale: BenchScale,
  pipeline: MeasuredTask[],
  duckdb: MeasuredTask[],
  bootstrap: MeasuredTask[],
  agree: Agreement,
  measured: { provenance: Provenance; machine: MachineState },
): ScaleRun {
  const first = pipeline[0];
  if (first === undefined || duckdb.length === 0) throw new Error(`no runs for ${scale}`);
  const pipeline_s = median(pipeline.map((t) => t.seconds));
  const duckdb_s = median(duckdb.map((t) => t.seconds));
  return {
    scale,
    runs: pipeline.length,
    median: pipeline.length >= MEDIAN_RUNS,
    communes: first.communes,
    forms: first.forms ?? 0,
    answers: first.answers ?? 0,
    pipeline_s: round3(pipeline_s),
    duckdb_s: round3(duckdb_s),
    ratio: Math.round((pipeline_s / duckdb_s) * 100) / 100,
    peak_rss_mb: peak(pipeline),
    duckdb_peak_rss_mb: peak(duckdb),
    validate_s: round3(median(pipeline.map((t) => t.parts.validate_s ?? NaN))),
    compute_s: round3(median(pipeline.map((t) => t.parts.compute_s ?? NaN))),
    bootstrap_s: bootstrap.length > 0 ? round3(median(bootstrap.map((t) => t.seconds))) : null,
    bootstrap_peak_rss_mb: bootstrap.length > 0 ? peak(bootstrap) : null,
    bootstrap_runs_s: bootstrap.map((t) => round3(t.seconds)),
    pipeline_runs_s: pipeline.map((t) => round3(t.seconds)),
    duckdb_runs_s: duckdb.map((t) => round3(t.seconds)),
    pipeline_wall_s: round3(median(pipeline.map((t) => t.wall_s))),
    duckdb_wall_s: round3(median(duckdb.map((t) => t.wall_s))),
    agree,
    ...measured,
  };
}

const scaleOrder: BenchScale[] = ["district", "province", "national"];

/** Merges new scale runs (and other sections) into an existing report, replacing same-scale runs. */
export async function writeReport(
  path: string,
  update: { runs?: ScaleRun[]; [section: string]: unknown },
): Promise<void> {
  const previous = await readFile(path, "utf8").then(
    (text) => JSON.parse(text) as { runs?: ScaleRun[] },
    () => ({}) as { runs?: ScaleRun[] },
  );
  const replaced = new Set((update.runs ?? []).map((run) => run.scale));
  const runs = [...(previous.runs ?? []).filter((run) => !replaced.has(run.scale)), ...(update.runs ?? [])];
  runs.sort((a, b) => scaleOrder.indexOf(a.scale) - scaleOrder.indexOf(b.scale));
  await writeFile(path, JSON.stringify({ ...previous, ...update, runs }, null, 2) + "\n");
}

/** Lays out rows as an aligned plain-text table: the first column left-aligned, figures right. */
export function textTable(header: string[], rows: string[][]): string {
  const cells = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? "").length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  const rule = widths.map((w) => "-".repeat(w)).join("  ");
  return [line(header), rule, ...rows.map(line)].join("\n");
}

export function formatScaleRuns(runs: ScaleRun[]): string {
  const header = [
    "scale",
    "communes",
    "forms",
    "answers",
    "validate s",
    "compute s",
    "pipeline s",
    "duckdb s",
    "ratio",
    "pipeline MiB",
    "duckdb MiB",
    "bootstrap s",
    "index_pct disagree",
    "runs",
  ];
  const rows = runs.map((run) => [
    run.scale,
    String(run.communes),
    String(run.forms),
    String(run.answers),
    run.validate_s.toFixed(3),
    run.compute_s.toFixed(3),
    run.pipeline_s.toFixed(3),
    run.duckdb_s.toFixed(3),
    run.ratio.toFixed(2),
    run.peak_rss_mb.toFixed(1),
    run.duckdb_peak_rss_mb.toFixed(1),
    run.bootstrap_s === null ? "—" : run.bootstrap_s.toFixed(3),
    `${run.agree.counts.index_pct}/${run.agree.communes}`,
    run.median ? String(run.runs) : `${run.runs} (not a median)`,
  ]);
  return textTable(header, rows);
}
