// Loaded into every Node process of a timed site build (NODE_OPTIONS=--import, tools/bench/site-builds.ts):
// on exit, the process appends its peak resident set size (KiB, the kernel's figure) to
// BENCH_PEAK_RSS_FILE, so the benchmark knows the peak of the site command and of Astro alike.
import { appendFileSync } from "node:fs";

const file = process.env.BENCH_PEAK_RSS_FILE;
if (file) process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
