import { describe, expect, it } from "vitest";
import { siteBuildRatios, type SiteBuild } from "./site-builds.ts";

const build = (units: number, round: number, seconds: number): SiteBuild => ({
  units,
  round,
  seconds,
  peak_rss_mb: 500,
  files: 100,
  mb: 10,
  load_avg_1m: [1, 1],
});

describe("site build ratios", () => {
  it("divides each size's time by the district's build of the same round", () => {
    const builds = [
      build(235, 1, 90),
      build(20, 1, 40),
      build(235, 2, 100),
      build(3321, 2, 300),
      build(20, 2, 50),
    ];
    // 90 / 40 = 2.25; 100 / 50 = 2; 300 / 50 = 6
    expect(siteBuildRatios(builds)).toEqual([
      { round: 1, units: 235, ratio: 2.25 },
      { round: 2, units: 235, ratio: 2 },
      { round: 2, units: 3321, ratio: 6 },
    ]);
  });

  it("gives no ratio to a round without the district", () => {
    expect(siteBuildRatios([build(235, 1, 90), build(20, 2, 30)])).toEqual([]);
  });
});
