// Issue 25: the whole site build (`npm run build`: the data, then Astro) timed at several sizes in
// the same run, interleaved, so that load from other work on the machine falls on every size alike:
// the district's committed data (20 units) and generated provinces (the sample generator's
// --communes). Time is the wall time of the build command and the CPU time of its processes (which
// other work on the machine disturbs much less); memory is the peak RSS of its processes (the site
// command and Astro, one after the other), each process's own figure from the kernel.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, stat } from "node:fs/promises";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { ensureGenerated } from "./datasets.ts";
import { textTable } from "./report.ts";

/** The unit count of the committed data (data/2023), built from data/ rather than generated. */
export const districtUnits = 20;

const usageHook = fileURLToPath(new URL("./process-usage.ts", import.meta.url));

export interface SiteBuild {
  units: number;
  round: number;
  seconds: number;
  /** CPU seconds of the build's Node processes, their threads included (user + system). */
  cpu_s: number;
  /** The largest peak RSS of the build's Node processes, MiB. */
  peak_rss_mb: number;
  /** Files and bytes of the built site. */
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
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
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

/** `node pipeline/cli.ts site --data <dataRoot> --out-dir <outDir>`, timed, with its processes' peaks. */
async function timedSiteBuild(dataRoot: string, outDir: string, usageFile: string): Promise<number> {
  const options = [process.env.NODE_OPTIONS ?? "", `--import=${usageHook}`].join(" ").trim();
  const start = performance.now();
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["pipeline/cli.ts", "site", "--data", dataRoot, "--out-dir", outDir],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, NODE_OPTIONS: options, BENCH_USAGE_FILE: usageFile },
      },
    );
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`site build of ${dataRoot} exited with code ${code}`);
  return (performance.now() - start) / 1000;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Builds the site at each size in `units`, `rounds` times, the district last in every round so
 * that dist/ and site/public/data hold the district's site at the end. Generated sizes are made
 * once under `generatedRoot/site-<units>/` (seeded) and reused.
 */
export async function benchSiteBuilds(options: {
  units: number[];
  rounds: number;
  seed: number;
  generatedRoot: string;
  dist: string;
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
  const order = [...options.units].sort((a, b) =>
    a === districtUnits ? 1 : b === districtUnits ? -1 : a - b,
  );
  const scratch = await mkdtemp(join(tmpdir(), "cchc-site-bench-"));
  const builds: SiteBuild[] = [];
  try {
    for (let round = 1; round <= options.rounds; round++) {
      for (const units of order) {
        const outDir = units === districtUnits ? options.dist : join(scratch, `site-${units}`);
        const usageFile = join(scratch, `usage-${round}-${units}.txt`);
        const before = loadavg()[0] ?? 0;
        const seconds = await timedSiteBuild(dataRoots.get(units) as string, outDir, usageFile);
        const size = await folderSize(outDir);
        const processes = await usages(usageFile);
        const build: SiteBuild = {
          units,
          round,
          seconds: round2(seconds),
          cpu_s: round2(processes.reduce((sum, p) => sum + p.cpu_us, 0) / 1e6),
          peak_rss_mb: round2(Math.max(0, ...processes.map((p) => p.rss_kib)) / 1024),
          files: size.files,
          mb: round2(size.bytes / 1e6),
          load_avg_1m: [round2(before), round2(loadavg()[0] ?? 0)],
        };
        builds.push(build);
        console.log(
          `round ${round}, ${units} units: ${build.seconds.toFixed(1)} s (CPU ${build.cpu_s.toFixed(1)} s), peak ${build.peak_rss_mb.toFixed(0)} MiB, ` +
            `${build.files} files, ${build.mb.toFixed(1)} MB (load ${build.load_avg_1m.join(" → ")})`,
        );
        if (units !== districtUnits) await rm(outDir, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const ratios = siteBuildRatios(builds);
  console.log(
    `\n${textTable(
      ["units", "round", "build s", "× district", "CPU s", "CPU × district", "peak MiB", "files", "MB"],
      builds.map((build) => {
        const ratio = ratios.find((r) => r.round === build.round && r.units === build.units);
        return [
          String(build.units),
          String(build.round),
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

/** Each generated size's build time over the district's build of the same round. */
export function siteBuildRatios(builds: SiteBuild[]): SiteBuildSummary["ratios"] {
  return builds.flatMap((build) => {
    const district = builds.find((b) => b.round === build.round && b.units === districtUnits);
    if (build.units === districtUnits || !district) return [];
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
