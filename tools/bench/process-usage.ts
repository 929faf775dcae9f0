// Loaded into every Node process of a timed site build (NODE_OPTIONS=--import, tools/bench/site-builds.ts):
// on exit, the process appends its peak resident set size (KiB) and the CPU time it used, its
// threads' included (µs, user + system), the kernel's figures, to BENCH_USAGE_FILE, so the benchmark
// knows the site command's and Astro's alike. CPU time holds still when other work loads the machine.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
