// /anh-chia-se.png: the site-wide Open Graph image (1200×630) shown when a link to a page other
// than a commune's is shared: the title, the year and the sample-data warning when it applies.
import type { APIRoute } from "astro";
import { svgToPng } from "../charts/png.ts";
import { latestYear } from "../lib/data.ts";
import { siteCardSvg } from "../lib/og-image.ts";

export const GET: APIRoute = async () => {
  const { manifest, results } = latestYear();
  return new Response(await svgToPng(siteCardSvg(manifest, results)), {
    headers: { "Content-Type": "image/png" },
  });
};
