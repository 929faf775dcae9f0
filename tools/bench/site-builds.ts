// Issue 25: the whole site build (`npm run build`: the data, then Astro) timed at several sizes in
// the same run, interleaved, so that load from other work on the machine falls on every size alike:
// the district's committed data (20 units) and generated provinces (the sample generator's
// --communes). Time is the wall time of the build command and the CPU time of its processes (which
// other work on the machine disturbs much less); memory is the peak RSS of its processes (the site
// command and Astro, one after the other), each process's own figure from the kernel. A build that
// fails, or runs past --build-limit and is stopped, is recorded as such, with its time, CPU and peak
// memory until then and the files it had written: a size that does not build is a result too.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { ensureGenerated } from "./datasets.ts";
import { textTable } from "./report.ts";
import { watchProcessTree, type TreeUsage } from "./process-tree.ts";

/** The unit count of the committed data (data/2023), built from data/ rather than generated. */
export const districtUnits = 20;

const usageHook = fileURLToPath(new URL("./process-usage.ts", import.meta.url));

export interface SiteBuild {
  units: number;
  round: number;
  /** "built", or "failed" (the command exited with an error), or "stopped" (past the time limit). */
  outcome: "built" | "failed" | "stopped";
  seconds: number;
  /** CPU seconds of the build's Node processes, their threads included (user + system). */
  cpu_s: number;
  /** The largest peak RSS of any one process of the build, MiB. */
  peak_rss_mb: number;
  /** Files and bytes of the built site (of what a failed or stopped build had written). */
  files: number;
  mb: number;
  /** The 1-minute load average before and after the build. */
  load_avg_1m: [number, number];
}

export interface SiteBuildSummary {
  cores: number;
  builds: SiteBuild[];
  /**
   * Per round, each size's wall time (and CPU time) over the district's in that round (the issue's
   * goal: ≤ 2.5 at 235).
   */
  ratios: { round: number; units: number; ratio: number; cpu_ratio: number }[];
}

async function folderSize(root: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const entries = await readdir(root, { recursive: true, withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

/** What each Node process of a run wrote on exit (tools/bench/process-usage.ts). */
async function usages(file: string): Promise<{ rss_kib: number; cpu_us: number }[]> {
  const text = await readFile(file, "utf8").catch(() => "");
  return text
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const [rss_kib = 0, cpu_us = 0] = line.split(" ").map(Number);
      return { rss_kib, cpu_us };
    });
}

interface TimedBuild {
  outcome: SiteBuild["outcome"];
  seconds: number;
  /** What /proc showed of the build's processes while it ran (for those the usage hook never heard from). */
  tree: TreeUsage;
}

/**
 * `node pipeline/cli.ts site --data <dataRoot> --out-dir <outDir>`, timed, in a process group of its
 * own, so that past `limitSeconds` the whole build (site command and Astro) is stopped: SIGTERM,
 * then SIGKILL 10 s later.
 */
async function timedSiteBuild(
  dataRoot: string,
  outDir: string,
  usageFile: string,
  limitSeconds: number,
): Promise<TimedBuild> {
  const options = [process.env.NODE_OPTIONS ?? "", `--import=${usageHook}`].join(" ").trim();
  const start = performance.now();
  const child = spawn(
    process.execPath,
    ["pipeline/cli.ts", "site", "--data", dataRoot, "--out-dir", outDir],
    {
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NODE_OPTIONS: options, BENCH_USAGE_FILE: usageFile },
      detached: true,
    },
  );
  const watch = watchProcessTree(child.pid ?? -1);
  let stopped = false;
  const stopGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-(child.pid ?? 0), signal);
    } catch {
      // The group has already exited.
    }
  };
  let killTimer: NodeJS.Timeout | undefined;
  const limitTimer = setTimeout(() => {
    stopped = true;
    console.log(`${dataRoot}: stopped after ${limitSeconds} s (--build-limit)`);
    stopGroup("SIGTERM");
    killTimer = setTimeout(() => stopGroup("SIGKILL"), 10_000);
  }, limitSeconds * 1000);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.on("error", reject);
      child.on("close", resolve);
    });
    const seconds = (performance.now() - start) / 1000;
    const outcome = stopped ? "stopped" : code === 0 ? "built" : "failed";
    if (outcome === "failed") console.log(`${dataRoot}: the build exited with code ${code}`);
    return { outcome, seconds, tree: watch.stop() };
  } finally {
    clearTimeout(limitTimer);
    clearTimeout(killTimer);
    watch.stop();
  }
}

/** What a build wrote: the output folder, or for a build that did not finish its temporary sibling. */
async function writtenSize(outDir: string): Promise<{ files: number; bytes: number }> {
  const done = await folderSize(outDir);
  if (done.files > 0) return done;
  const prefix = `.${basename(outDir)}-new-`;
  const siblings = await readdir(dirname(outDir)).catch(() => [] as string[]);
  const sizes = await Promise.all(
    siblings.filter((name) => name.startsWith(prefix)).map((name) => folderSize(join(dirname(outDir), name))),
  );
  return sizes.reduce(
    (sum, size) => ({ files: sum.files + size.files, bytes: sum.bytes + size.bytes }),
    done,
  );
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** `node pipeline/cli.ts build --data data`: the district's data published into site/public/data. */
function publishDistrictData(): Promise<void> {
  const child = spawn(process.execPath, ["pipeline/cli.ts", "build", "--data", "data"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve() : reject(new Error(`publishing the district's data: exit code ${code}`)),
    );
  });
}

/**
 * Builds the site at each size in `units`, `rounds` times, smallest first in every round: a large
 * build leaves load behind it (the 3,321-unit one keeps both cores busy for minutes), which would
 * slow the district's build right after it and flatter the ratio. The larger builds then leave
 * their data in site/public/data, so the district's is published there again at the end (dist/
 * holds the district's site). Generated sizes are made once under `generatedRoot/site-<units>/`
 * (seeded) and reused.
 */
export async function benchSiteBuilds(options: {
  units: number[];
  rounds: number;
  seed: number;
  generatedRoot: string;
  dist: string;
  /** Seconds after which a build is stopped and recorded as "stopped". */
  limitSeconds: number;
}): Promise<SiteBuildSummary> {
  const dataRoots = new Map<number, string>();
  for (const units of options.units) {
    if (units === districtUnits) dataRoots.set(units, "data");
    else {
      // The folder of year folders the build reads: the generator's year folder is inside it.
      const root = join(options.generatedRoot, `site-${units}`);
      await ensureGenerated(root, options.seed, units);
      dataRoots.set(units, root);
    }
  }
  const order = [...options.units].sort((a, b) => a - b);
  const scratch = await mkdtemp(join(tmpdir(), "cchc-site-bench-"));
  const builds: SiteBuild[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const units of order) {
        const outDir = units === districtUnits ? options.dist : join(scratch, `site-${units}`);
        const usageFile = join(scratch, `usage-${round}-${units}.txt`);
        const before = loadavg()[0] ?? 0;
        const timed = await timedSiteBuild(
          dataRoots.get(units) as string,
          outDir,
          usageFile,
          options.limitSeconds,
        );
        const size = await writtenSize(outDir);
        const processes = await usages(usageFile);
        // The hook reports the processes that exited; /proc saw those too, and the ones stopped by
        // a signal, whose hook never ran: the larger figure of each is the truer one.
        const hookCpu = processes.reduce((sum, p) => sum + p.cpu_us, 0) / 1e6;
        const hookPeak = Math.max(0, ...processes.map((p) => p.rss_kib)) / 1024;
        const build: SiteBuild = {
          units,
          round,
          outcome: timed.outcome,
          seconds: round2(timed.seconds),
          cpu_s: round2(Math.max(hookCpu, timed.tree.cpu_s)),
          peak_rss_mb: round2(Math.max(hookPeak, timed.tree.peak_rss_kib / 1024)),
          files: size.files,
          mb: round2(size.bytes / 1e6),
          load_avg_1m: [round2(before), round2(loadavg()[0] ?? 0)],
        };
        builds.push(build);
        console.log(
          `round ${round}, ${units} units, ${build.outcome}: ${build.seconds.toFixed(1)} s (CPU ${build.cpu_s.toFixed(1)} s), peak ${build.peak_rss_mb.toFixed(0)} MiB, ` +
            `${build.files} files, ${build.mb.toFixed(1)} MB (load ${build.load_avg_1m.join(" → ")})`,
        );
        if (units !== districtUnits) await rm(outDir, { recursive: true, force: true });
      }
    }
    if (dataRoots.has(districtUnits) && order.at(-1) !== districtUnits) await publishDistrictData();
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const ratios = siteBuildRatios(builds);
  console.log(
    `\n${textTable(
      [
        "units",
        "round",
        "outcome",
        "build s",
        "× district",
        "CPU s",
        "CPU × district",
        "peak MiB",
        "files",
        "MB",
      ],
      builds.map((build) => {
        const ratio = ratios.find((r) => r.round === build.round && r.units === build.units);
        return [
          String(build.units),
          String(build.round),
          build.outcome,
          build.seconds.toFixed(1),
          ratio?.ratio.toFixed(2) ?? "",
          build.cpu_s.toFixed(1),
          ratio?.cpu_ratio.toFixed(2) ?? "",
          build.peak_rss_mb.toFixed(0),
          String(build.files),
          build.mb.toFixed(1),
        ];
      }),
    )}`,
  );
  return { cores: availableParallelism(), builds, ratios };
}

/**
 * Each generated size's build time over the district's build of the same round; a build that did not
 * finish has no ratio (its time is only a lower bound, the report keeps it with its outcome).
 */
export function siteBuildRatios(builds: SiteBuild[]): SiteBuildSummary["ratios"] {
  return builds.flatMap((build) => {
    const district = builds.find(
      (b) => b.round === build.round && b.units === districtUnits && b.outcome === "built",
    );
    if (build.units === districtUnits || build.outcome !== "built" || !district) return [];
    return [
      {
        round: build.round,
        units: build.units,
        ratio: round2(build.seconds / district.seconds),
        cpu_ratio: round2(build.cpu_s / district.cpu_s),
      },
    ];
  });
}
