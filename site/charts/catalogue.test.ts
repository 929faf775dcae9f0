import { describe, expect, it } from "vitest";
import { latestYear } from "../lib/data.ts";
import { chartPlans, siteChart } from "./catalogue.ts";

describe("the charts of a build", () => {
  const year = latestYear("tests/fixtures/published");
  const charts = chartPlans(year).map((plan) => siteChart(year, plan));

  it("lists every chart's id and page without drawing it (Astro lists pages before writing them)", () => {
    const plans = chartPlans(year);
    expect(plans.map((plan) => [plan.id, plan.page])).toEqual(charts.map((chart) => [chart.id, chart.page]));
    expect(plans.every((plan) => !("svg" in plan) && typeof plan.draw === "function")).toBe(true);
  });

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
    const again = chartPlans(year).map((plan) => siteChart(year, plan));
    expect(again).toEqual(charts);
    expect(again[0]).toBe(charts[0]);
  });
});
