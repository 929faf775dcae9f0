// Entry point of `npm run bench` (node tools/bench/cli.ts): a tool beside the product, not a pipeline command.
// `npm run bench -- [--scale district|province|national|all] [--runs n] [--seed n] [--bootstrap] [--fresh]`
//   --runs: runs per side, 3 by default (fewer are flagged: not a median); --bootstrap: also time the
//   bootstrap at national scale; --fresh: regenerate .bench/<scale>/
// `npm run bench -- --site [--build] [--units 20,235,3321] [--rounds n] [--build-limit min] [--site-data dir] [--dist dir] [--label after]`
//                                      sizes of the built site's first views; time and bytes to the first
//                                      interactive answers, throttled and not (--build: first time the site
//                                      build and its peak memory at each size of --units (default 20,235),
//                                      interleaved over --rounds (default 1), generated sizes made under
//                                      --site-data (default .bench), each build stopped after --build-limit
//                                      minutes (default 45) and recorded as stopped — tools/bench/site-builds.ts;
//                                      --label: where the answers go in the report, e.g. before/after;
//                                      --answers-only: only the first answers)
// `npm run bench -- --profile <scale>` CPU profile of one pipeline run, each thread summarised by stage
// Issue 8: the pipeline timed next to native DuckDB computing the same figures, in the same run.
// Not a test: nothing here passes or fails on a time.
import { execFileSync } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { compareEstimates, type Agreement } from "./agreement.ts";
import { benchScales, ensureDataset, type BenchScale } from "./datasets.ts";
import {
  formatScaleRuns,
  MEDIAN_RUNS,
  provenance,
  summariseScale,
  writeReport,
  type MachineState,
  type ScaleRun,
} from "./report.ts";
import { runTask, type MeasuredTask } from "./run-task.ts";

const reportFile = "bench-report.json";
const benchRoot = ".bench";
// The bootstrap (≥ 1,000 replicates) is timed where a whole run stays short; at national scale
// only on request (--bootstrap), since it multiplies the survey computation a thousandfold.
const bootstrapByDefault: BenchScale[] = ["district", "province"];

function formatAgreement(scale: BenchScale, agree: Agreement): string {
  const counts = Object.entries(agree.counts)
    .map(([field, count]) => `${field} ${count}`)
    .join(", ");
  const lines = [`${scale}: ${agree.communes} communes compared; disagreements: ${counts}`];
  if (agree.missing.length > 0)
    lines.push(`  computed by one side only: ${agree.missing.slice(0, 10).join(", ")}`);
  for (const d of agree.examples) {
    lines.push(`  ${d.commune_code} ${d.field}: pipeline ${d.pipeline}, duckdb ${d.duckdb}`);
  }
  return lines.join("\n");
}

async function benchScale(
  scale: BenchScale,
  options: { runs: number; seed: number; bootstrap: boolean; fresh: boolean },
): Promise<ScaleRun> {
  const dataset = await ensureDataset(scale, options.seed, benchRoot, options.fresh);
  console.log(
    dataset.generate_s === null
      ? `${scale}: reusing ${dataset.folder}`
      : `${scale}: generated ${dataset.folder} in ${dataset.generate_s.toFixed(1)} s`,
  );
  const git = (args: string[]) => execFileSync("git", args, { encoding: "utf8" });
  const measured = provenance(git, () => new Date());
  const loadBefore = loadavg()[0] ?? 0;
  const resultFile = join(benchRoot, scale, "task-result.json");
  const pipeline: MeasuredTask[] = [];
  const duckdb: MeasuredTask[] = [];
  const bootstrap: MeasuredTask[] = [];
  // Interleaved, so that load from other work on the machine falls on both sides alike.
  for (let run = 1; run <= options.runs; run++) {
    const ours = await runTask("pipeline", dataset.folder, resultFile);
    const theirs = await runTask("duckdb", dataset.folder, resultFile);
    pipeline.push(ours);
    duckdb.push(theirs);
    let line = `${scale} run ${run}: pipeline ${ours.seconds.toFixed(3)} s (${ours.peak_rss_mb.toFixed(0)} MiB), duckdb ${theirs.seconds.toFixed(3)} s (${theirs.peak_rss_mb.toFixed(0)} MiB)`;
    if (options.bootstrap) {
      const resampled = await runTask("bootstrap", dataset.folder, resultFile);
      bootstrap.push(resampled);
      line += `, bootstrap ${resampled.seconds.toFixed(3)} s`;
    }
    console.log(line);
  }
  // Both sides are deterministic: the first run's figures stand for all.
  const agree = compareEstimates(pipeline[0]?.estimates ?? [], duckdb[0]?.estimates ?? []);
  console.log(formatAgreement(scale, agree));
  const load = (x: number) => Math.round(x * 100) / 100;
  const machine: MachineState = {
    cores: availableParallelism(),
    load_avg_1m: [load(loadBefore), load(loadavg()[0] ?? 0)],
  };
  console.log(`${scale}: load average ${machine.load_avg_1m.join(" → ")} on ${machine.cores} cores`);
  return summariseScale(scale, pipeline, duckdb, bootstrap, agree, { provenance: measured, machine });
}

async function benchAllScales(
  scales: BenchScale[],
  options: { runs: number; seed: number; bootstrap: boolean; fresh: boolean },
): Promise<void> {
  if (options.runs < MEDIAN_RUNS)
    console.warn(
      `--runs ${options.runs}: fewer than ${MEDIAN_RUNS} runs, no median; the report says "median": false`,
    );
  const runs: ScaleRun[] = [];
  for (const scale of scales) {
    const bootstrap = options.bootstrap || bootstrapByDefault.includes(scale);
    runs.push(await benchScale(scale, { ...options, bootstrap }));
  }
  console.log(`\n${formatScaleRuns(runs)}`);
  await writeReport(reportFile, { runs });
  console.log(`\n→ ${reportFile}`);
}

async function run(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: "string", default: "district" },
      runs: { type: "string", default: "3" },
      seed: { type: "string", default: "2023" },
      bootstrap: { type: "boolean", default: false },
      fresh: { type: "boolean", default: false },
      site: { type: "boolean", default: false },
      build: { type: "boolean", default: false },
      dist: { type: "string", default: "dist" },
      label: { type: "string", default: "latest" },
      units: { type: "string", default: "20,235" },
      rounds: { type: "string", default: "1" },
      "build-limit": { type: "string", default: "45" },
      "site-data": { type: "string", default: benchRoot },
      "answers-only": { type: "boolean", default: false },
      profile: { type: "string" },
    },
    strict: true,
  });
  const runs = Number(values.runs);
  const seed = Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1) {
    console.error("--runs: a whole number of runs, at least 1");
    return 2;
  }
  if (!Number.isInteger(seed)) {
    console.error("--seed: an integer");
    return 2;
  }
  await mkdir(benchRoot, { recursive: true });
  if (values.site) {
    const units = values.units.split(",").map(Number);
    const rounds = Number(values.rounds);
    const limitMinutes = Number(values["build-limit"]);
    if (
      !units.every((n) => Number.isInteger(n) && n > 0) ||
      !Number.isInteger(rounds) ||
      rounds < 1 ||
      !(limitMinutes > 0)
    ) {
      console.error(
        "--units: unit counts separated by commas (20,235,3321); --rounds: at least 1; --build-limit: minutes, more than 0",
      );
      return 2;
    }
    const { benchSite } = await import("./site.ts");
    return benchSite(
      reportFile,
      {
        build: values.build,
        label: values.label,
        answersOnly: values["answers-only"],
        units,
        rounds,
        seed,
        generatedRoot: values["site-data"],
        limitSeconds: limitMinutes * 60,
      },
      values.dist,
    );
  }
  if (values.profile !== undefined) {
    if (!(values.profile in benchScales)) {
      console.error(`--profile: one of ${Object.keys(benchScales).join(", ")}`);
      return 2;
    }
    const { profilePipeline } = await import("./profile.ts");
    return profilePipeline(values.profile as BenchScale, seed, benchRoot, reportFile, values.fresh);
  }
  const scales =
    values.scale === "all" ? (Object.keys(benchScales) as BenchScale[]) : [values.scale as BenchScale];
  if (!scales.every((scale) => scale in benchScales)) {
    console.error(`--scale: one of ${Object.keys(benchScales).join(", ")}, all`);
    return 2;
  }
  await benchAllScales(scales, { runs, seed, bootstrap: values.bootstrap, fresh: values.fresh });
  return 0;
}

process.exitCode = await run(process.argv.slice(2));
