import { describe, expect, it } from "vitest";
import { siteBuildRatios, type SiteBuild } from "./site-builds.ts";

const build = (
  units: number,
  round: number,
  seconds: number,
  cpu_s = seconds / 2,
  outcome: SiteBuild["outcome"] = "built",
): SiteBuild => ({
  units,
  round,
  outcome,
  seconds,
  cpu_s,
  peak_rss_mb: 500,
  files: 100,
  mb: 10,
  load_avg_1m: [1, 1],
});

describe("site build ratios", () => {
  it("divides each size's time by the district's build of the same round", () => {
    const builds = [
      build(235, 1, 90, 60),
      build(20, 1, 40, 20),
      build(235, 2, 100, 45),
      build(3321, 2, 300, 250),
      build(20, 2, 50, 25),
    ];
    // wall: 90 / 40 = 2.25; 100 / 50 = 2; 300 / 50 = 6. CPU: 60 / 20 = 3; 45 / 25 = 1.8; 250 / 25 = 10
    expect(siteBuildRatios(builds)).toEqual([
      { round: 1, units: 235, ratio: 2.25, cpu_ratio: 3 },
      { round: 2, units: 235, ratio: 2, cpu_ratio: 1.8 },
      { round: 2, units: 3321, ratio: 6, cpu_ratio: 10 },
    ]);
  });

  it("gives no ratio to a build that was stopped or failed, nor against a district that did", () => {
    const builds = [
      build(3321, 1, 2700, 2600, "stopped"),
      build(235, 1, 60, 50, "failed"),
      build(20, 1, 20, 15),
      build(235, 2, 44, 30),
      build(20, 2, 22, 16, "failed"),
    ];
    expect(siteBuildRatios(builds)).toEqual([]);
  });

  it("gives no ratio to a round without the district", () => {
    expect(siteBuildRatios([build(235, 1, 90), build(20, 2, 30)])).toEqual([]);
  });
});
