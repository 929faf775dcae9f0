// /ban-tin/ban-doc-<year>.txt: the presenter's copy of the bulletin, only the sentences as said on
// air, in order, to read straight through. The editors' copy with written figures and sources is
// ban-tin-<year>.txt.
import type { APIRoute, GetStaticPaths } from "astro";
import { bulletinSpokenText, yearBulletin } from "../../lib/bulletin.ts";
import { loadYear, previousYear, publishedYears } from "../../lib/data.ts";

export const getStaticPaths = (() =>
  publishedYears().map((year) => ({ params: { year: String(year) } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const data = loadYear(Number(params.year));
  return new Response(bulletinSpokenText(yearBulletin(data, previousYear(data.year))), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
};
