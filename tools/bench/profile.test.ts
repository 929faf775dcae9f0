import { describe, expect, it } from "vitest";
import { areaOf, profileThread, summariseProfile, type CpuProfile } from "./profile.ts";

const root = "/work/app";

describe("areaOf", () => {
  it("names packages, scoped packages, project folders and V8 pseudo-frames", () => {
    expect(areaOf("file:///work/app/node_modules/zod/v4/core/schemas.js", "parse", root)).toBe("zod");
    expect(areaOf("file:///work/app/node_modules/@duckdb/node-api/lib/x.js", "run", root)).toBe(
      "@duckdb/node-api",
    );
    expect(areaOf("file:///work/app/pipeline/read/decode.ts", "decode", root)).toBe("pipeline/read");
    expect(areaOf("node:internal/fs/promises", "readFile", root)).toBe("node internals");
    expect(areaOf("", "(garbage collector)", root)).toBe("garbage collection");
    expect(areaOf("", "normalize", root)).toBe("V8/native builtins");
  });
});

describe("summariseProfile", () => {
  it("adds each sample's time to the frame it landed in (self) and to its project callers (inclusive)", () => {
    const url = (path: string) => `file://${root}/${path}`;
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: { functionName: "(idle)", url: "", lineNumber: -1 } },
        { id: 2, callFrame: { functionName: "parseRow", url: url("pipeline/read/csv.ts"), lineNumber: 9 } },
        {
          id: 3,
          callFrame: {
            functionName: "mul",
            url: url("node_modules/fraction.js/dist/fraction.mjs"),
            lineNumber: 99,
          },
        },
        {
          id: 4,
          callFrame: { functionName: "loadYear", url: url("pipeline/validate/index.ts"), lineNumber: 0 },
          children: [2, 3],
        },
      ],
      // parseRow 3 ms + 1 ms, mul 2 ms, idle 10 ms (ignored), loadYear itself 1 ms; deltas in µs
      samples: [2, 3, 1, 2, 4],
      timeDeltas: [3000, 2000, 10000, 1000, 1000],
    };
    const summary = summariseProfile(profile, root);
    // sampled (non-idle) total = 4 + 2 + 1 = 7 ms: 4/7 = 57.1 %, 2/7 = 28.6 %, 1/7 = 14.3 %
    expect(summary.total_ms).toBe(7);
    expect(summary.areas).toEqual([
      { name: "pipeline/read", ms: 4, share: 57.1 },
      { name: "fraction.js", ms: 2, share: 28.6 },
      { name: "pipeline/validate", ms: 1, share: 14.3 },
    ]);
    expect(summary.functions[0]).toEqual({ name: "parseRow pipeline/read/csv.ts:10", ms: 4, share: 57.1 });
    // loadYear was on the stack of every non-idle sample; mul is not project code
    expect(summary.project_inclusive).toEqual([
      { name: "loadYear pipeline/validate/index.ts:1", ms: 7, share: 100 },
      { name: "parseRow pipeline/read/csv.ts:10", ms: 4, share: 57.1 },
    ]);
  });
});

describe("profileThread", () => {
  it("reads the thread from the name node --cpu-prof gives each thread's profile", () => {
    expect(profileThread("CPU.20261207.234741.25119.0.001.cpuprofile")).toBe(0);
    expect(profileThread("CPU.20261207.234744.25119.2.003.cpuprofile")).toBe(2);
    expect(profileThread("CPU.20261207.234744.25119.13.017.cpuprofile")).toBe(13);
  });
});
