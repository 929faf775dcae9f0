import { describe, expect, it } from "vitest";
import { parsePeakRss, parseStat, treeOf } from "./process-tree.ts";

describe("a build's processes in /proc", () => {
  it("reads pid, parent and CPU ticks after the name, even a name with spaces and parentheses", () => {
    // Fields after the name: state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const stat = "4242 (node (astro) x) S 4200 4200 4200 0 -1 4194304 900 0 3 0 1234 56 0 0 20 0 11 0";
    expect(parseStat(stat)).toEqual({ pid: 4242, ppid: 4200, ticks: 1234 + 56 });
  });

  it("reads the peak resident set, and 0 for a process without one", () => {
    const status = "Name:\tnode\nVmPeak:\t 9000000 kB\nVmHWM:\t 1740800 kB\nVmRSS:\t 1200000 kB\n";
    expect(parsePeakRss(status)).toBe(1_740_800);
    expect(parsePeakRss("Name:\tnode\nState:\tZ (zombie)\n")).toBe(0);
  });

  it("keeps the root and its descendants, however deep, and no other process", () => {
    const samples = [
      { pid: 1, ppid: 0, ticks: 5 },
      { pid: 30, ppid: 20, ticks: 7 },
      { pid: 20, ppid: 10, ticks: 3 },
      { pid: 10, ppid: 1, ticks: 2 },
      { pid: 11, ppid: 1, ticks: 9 },
    ];
    expect(treeOf(10, samples).map((s) => s.pid)).toEqual([30, 20, 10]);
  });
});
