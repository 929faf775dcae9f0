// /bieu-do/<id>.png: each chart as a PNG, rendered at build time from the same SVG.
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts } from "../../charts/catalogue.ts";
import type { Chart } from "../../charts/chart.ts";
import { svgToPng } from "../../charts/png.ts";
import { latestYear } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  allCharts(latestYear()).map((chart) => ({
    params: { id: chart.id },
    props: { chart },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: Chart };
  return new Response(svgToPng(chart.svg), { headers: { "Content-Type": "image/png" } });
};
