import { describe, expect, it } from "vitest";
import { latestYear } from "../lib/data.ts";
import { allCharts } from "./catalogue.ts";

describe("the charts of a build", () => {
  const charts = allCharts(latestYear("tests/fixtures/published"));

  it("keeps each chart as text, not as the DOM tree it was drawn in (memory grows with units)", () => {
    expect(charts.length).toBeGreaterThan(0);
    for (const chart of charts) {
      for (const drawing of [chart.phone, chart.desktop]) {
        expect(
          Object.values(drawing).filter((value) => typeof value === "object" && value && "nodeType" in value),
        ).toEqual([]);
        expect(drawing.svg.startsWith("<svg")).toBe(true);
      }
    }
  });

  it("frames the desktop drawing with its title and source for the download", () => {
    const chart = charts[0];
    expect(chart?.download.startsWith("<svg")).toBe(true);
    expect(chart?.download).toContain(chart?.title);
    expect(chart?.download).toContain("Nguồn:");
  });

  it("draws each chart once per build", () => {
    expect(allCharts(latestYear("tests/fixtures/published"))).toEqual(charts);
    expect(allCharts(latestYear("tests/fixtures/published"))[0]).toBe(charts[0]);
  });
});
