// /bieu-do/<id>.svg: each chart as a standalone SVG file: the desktop drawing framed with its
// title, source, data version and, for sample data, the notice; drawn when its file is written.
import type { APIRoute, GetStaticPaths } from "astro";
import { chartPlans, siteChart } from "../../charts/catalogue.ts";
import type { ChartPlan } from "../../charts/catalogue.ts";
import { latestYear } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  chartPlans(latestYear()).map((plan) => ({
    params: { id: plan.id },
    props: { plan },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const chart = siteChart(latestYear(), (props as { plan: ChartPlan }).plan);
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.download}\n`, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8" },
  });
};
