// /tim-kiem.css: the commune picker's styles (site/styles/combobox.css, which /so-sanh/ bundles) for
// the search box of the unit and domain pages' comparison, published only where those pages show
// it (a year with too many units to list, site/lib/scale.ts; InteractiveChart.astro links it). A
// stylesheet a script imported would be linked from every unit page of every year, even where the
// pages list the units instead.
import type { APIRoute, GetStaticPaths } from "astro";
import combobox from "../styles/combobox.css?raw";
import { latestYear } from "../lib/data.ts";
import { atScale, searchStylesheet } from "../lib/scale.ts";

export const getStaticPaths = (() =>
  atScale(latestYear().results)
    ? [{ params: { stylesheet: searchStylesheet } }]
    : []) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(combobox, { headers: { "Content-Type": "text/css; charset=utf-8" } });
