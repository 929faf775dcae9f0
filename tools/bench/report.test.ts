import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Agreement } from "./agreement.ts";
import { provenance, summariseScale, textTable, writeReport, type Git, type ScaleRun } from "./report.ts";
import type { MeasuredTask } from "./run-task.ts";

describe("textTable", () => {
  it("left-aligns the first column and right-aligns the figures", () => {
    expect(
      textTable(
        ["scale", "s"],
        [
          ["district", "0.5"],
          ["national", "12.25"],
        ],
      ),
    ).toBe(["scale         s", "--------  -----", "district    0.5", "national  12.25"].join("\n"));
  });
});

describe("writeReport", () => {
  it("replaces runs of the scales measured again and keeps the others and other sections", async () => {
    const folder = await mkdtemp(join(tmpdir(), "bench-report-"));
    const file = join(folder, "bench-report.json");
    const run = (scale: ScaleRun["scale"], pipeline_s: number) => ({ scale, pipeline_s }) as ScaleRun;
    await writeFile(
      file,
      JSON.stringify({ runs: [run("national", 9), run("district", 1)], site: { ok: 1 } }),
    );
    await writeReport(file, { runs: [run("district", 2), run("province", 3)] });
    const report = JSON.parse(await readFile(file, "utf8")) as { runs: ScaleRun[]; site: unknown };
    expect(report.runs.map((r) => [r.scale, r.pipeline_s])).toEqual([
      ["district", 2],
      ["province", 3],
      ["national", 9],
    ]);
    expect(report.site).toEqual({ ok: 1 });
    await rm(folder, { recursive: true });
  });
});

describe("provenance", () => {
  const at = () => new Date(Date.UTC(2026, 11, 7, 18, 30));
  const git =
    (status: string): Git =>
    (args) => {
      if (args[0] === "rev-parse") return "0123abcd\n";
      if (args[0] === "status") return status;
      throw new Error(`unexpected git ${args.join(" ")}`);
    };

  it("records HEAD, a clean tree and the date in UTC", () => {
    expect(provenance(git(""), at)).toEqual({
      commit: "0123abcd",
      dirty: false,
      date: "2026-12-07T18:30:00.000Z",
    });
  });

  it("calls the tree dirty when a tracked file differs from HEAD", () => {
    expect(provenance(git(" M pipeline/compute/bootstrap.ts\n"), at).dirty).toBe(true);
  });
});

describe("summariseScale", () => {
  const task = (seconds: number): MeasuredTask => ({
    task: "pipeline",
    seconds,
    peak_rss_mb: 100,
    parts: { validate_s: seconds / 2, compute_s: seconds / 2 },
    communes: 20,
    forms: 40,
    answers: 400,
    estimates: null,
    wall_s: seconds + 1,
  });
  const agree = { communes: 20, missing: [], counts: {}, examples: [] } as unknown as Agreement;
  const measured = {
    provenance: { commit: "0123abcd", dirty: true, date: "2026-12-07T18:30:00.000Z" },
    machine: { cores: 2, load_avg_1m: [3.5, 4.25] as [number, number] },
  };

  it("reports the ratio of the median times, not of their means or of the last runs", () => {
    // Pipeline 4, 9, 1 s: median 4, mean 4.67, last 1; DuckDB 2, 2.5, 1 s: median 2, mean 1.83, last 1.
    const run = summariseScale("district", [4, 9, 1].map(task), [2, 2.5, 1].map(task), [], agree, measured);
    expect([run.pipeline_s, run.duckdb_s, run.ratio]).toEqual([4, 2, 2]);
    expect([run.runs, run.median]).toEqual([3, true]);
    expect(run.provenance).toEqual(measured.provenance);
    expect(run.machine).toEqual(measured.machine);
  });

  it("flags fewer than three runs as not a median", () => {
    const run = summariseScale("national", [task(6)], [task(2)], [task(20)], agree, measured);
    expect([run.runs, run.median, run.bootstrap_s, run.bootstrap_runs_s]).toEqual([1, false, 20, [20]]);
  });
});
