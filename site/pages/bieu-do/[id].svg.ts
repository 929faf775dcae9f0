// /bieu-do/<id>.svg: each chart as a standalone SVG file, the same drawing the page shows.
import type { APIRoute, GetStaticPaths } from "astro";
import { allCharts } from "../../charts/catalogue.ts";
import type { Chart } from "../../charts/chart.ts";
import { latestYear } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  allCharts(latestYear()).map((chart) => ({
    params: { id: chart.id },
    props: { chart },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => {
  const { chart } = props as { chart: Chart };
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n${chart.svg}\n`, {
    headers: { "Content-Type": "image/svg+xml; charset=utf-8" },
  });
};
