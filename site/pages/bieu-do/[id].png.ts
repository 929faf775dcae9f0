// /bieu-do/<id>.png: each chart as a PNG, rendered at build time from the same framed SVG as the
// .svg download (title, source, version and, for sample data, the notice).
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts, chartDownload } from "../../charts/catalogue.ts";
import type { SiteChart } from "../../charts/catalogue.ts";
import { svgToPng } from "../../charts/png.ts";
import { latestYear } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  allCharts(latestYear()).map((chart) => ({
    params: { id: chart.id },
    props: { chart },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { chart } = props as { chart: SiteChart };
  const svg = chartDownload(latestYear(), chart);
  return new Response(await svgToPng(svg), { headers: { "Content-Type": "image/png" } });
};
