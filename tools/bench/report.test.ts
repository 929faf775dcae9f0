import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { textTable, writeReport, type ScaleRun } from "./report.ts";

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
