// A timed build's processes as the kernel sees them (Linux /proc), read every half second: each
// process's peak resident set (VmHWM) and CPU time (utime + stime), summed over the tree under the
// root. tools/bench/process-usage.ts hears only from processes that exit normally; a build stopped
// at the time limit (tools/bench/site-builds.ts) is measured this way instead.
import { readdirSync, readFileSync } from "node:fs";

export interface TreeUsage {
  /** The largest peak RSS seen of any one process of the tree, KiB. */
  peak_rss_kib: number;
  /** CPU seconds of the tree's processes, each as last seen (user + system, threads included). */
  cpu_s: number;
}

/** Clock ticks per second of /proc/<pid>/stat (USER_HZ, 100 on every Linux Node supports). */
const ticksPerSecond = 100;

export interface ProcessSample {
  pid: number;
  ppid: number;
  /** utime + stime, clock ticks. */
  ticks: number;
}

/** pid, parent pid and CPU ticks from the text of /proc/<pid>/stat (the name may hold spaces and parentheses). */
export function parseStat(text: string): ProcessSample | null {
  const close = text.lastIndexOf(")");
  if (close === -1) return null;
  const pid = Number(text.slice(0, text.indexOf(" ")));
  // After the name: state (3), ppid (4), … utime (14), stime (15), counted from the name's end.
  const fields = text.slice(close + 2).split(" ");
  const ppid = Number(fields[1]);
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(pid) && Number.isFinite(ppid) && Number.isFinite(ticks)
    ? { pid, ppid, ticks }
    : null;
}

/** The peak RSS (VmHWM, KiB) from the text of /proc/<pid>/status; 0 when absent (a zombie). */
export function parsePeakRss(text: string): number {
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(text);
  return match ? Number(match[1]) : 0;
}

/** The processes under `root` (itself included) among `samples`. */
export function treeOf(root: number, samples: readonly ProcessSample[]): ProcessSample[] {
  const inTree = new Set([root]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const sample of samples) {
      if (!inTree.has(sample.pid) && inTree.has(sample.ppid)) {
        inTree.add(sample.pid);
        grew = true;
      }
    }
  }
  return samples.filter((sample) => inTree.has(sample.pid));
}

function readProc(): ProcessSample[] {
  const samples: ProcessSample[] = [];
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const sample = parseStat(readFileSync(`/proc/${name}/stat`, "utf8"));
      if (sample) samples.push(sample);
    } catch {
      // The process ended between the listing and the read.
    }
  }
  return samples;
}

/** Watches the tree under `root` until stop(), which returns what was seen (idempotent). */
export function watchProcessTree(root: number, everyMs = 500): { stop: () => TreeUsage } {
  const peaks = new Map<number, number>();
  const ticks = new Map<number, number>();
  const sample = () => {
    for (const process of treeOf(root, readProc())) {
      ticks.set(process.pid, Math.max(ticks.get(process.pid) ?? 0, process.ticks));
      try {
        const peak = parsePeakRss(readFileSync(`/proc/${process.pid}/status`, "utf8"));
        peaks.set(process.pid, Math.max(peaks.get(process.pid) ?? 0, peak));
      } catch {
        // Gone already.
      }
    }
  };
  const timer = setInterval(sample, everyMs);
  sample();
  let result: TreeUsage | null = null;
  return {
    stop: () => {
      if (result) return result;
      clearInterval(timer);
      const cpuTicks = [...ticks.values()].reduce((sum, t) => sum + t, 0);
      result = { peak_rss_kib: Math.max(0, ...peaks.values()), cpu_s: cpuTicks / ticksPerSecond };
      return result;
    },
  };
}
