// /bieu-do/<id>.svg: each chart as a standalone SVG file: the desktop drawing framed with its
// title, source, data version and, for sample data, the notice.
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts } from "../../charts/catalogue.ts";
import type { SiteChart } from "../../charts/catalogue.ts";
import { latestYear } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  allCharts(latestYear()).map((chart) => ({
    params: { id: chart.id },
    props: { chart },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: SiteChart };
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.download}\n`, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8" },
  });
};
