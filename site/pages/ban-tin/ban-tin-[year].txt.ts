// /ban-tin/ban-tin-<year>.txt: the bulletin as plain text for the radio studio, one file per
// published year, written at build time.
import type { APIRoute, GetStaticPaths } from "astro";
import { bulletinPlainText, yearBulletin } from "../../lib/bulletin.ts";
import { loadYear, previousYear, publishedYears } from "../../lib/data.ts";
import { href } from "../../lib/paths.ts";

export const getStaticPaths = (() =>
  publishedYears().map((year) => ({ params: { year: String(year) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const data = loadYear(Number(params.year));
  const bulletin = yearBulletin(data, previousYear(data.year));
  // Absolute addresses when Astro's `site` is configured; else paths under the base path.
  const link = (path: string) => (site ? new URL(href(path), site).href : href(path));
  return new Response(bulletinPlainText(bulletin, data.manifest.title, link), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
