// /og/<slug>.png: each commune's Open Graph card, rendered once at build time (no image service).
// The commune page passes `/og/<slug>.png` to the layout's `ogImage`.
import type { APIRoute, GetStaticPaths } from "astro";
import type { ResultsRow } from "../../../schemas/published.ts";
import { svgToPng } from "../../charts/png.ts";
import { latestYear } from "../../lib/data.ts";
import { communeCardSvg } from "../../lib/og-image.ts";
import { communeSlug } from "../../../pipeline/rules/slug.ts";

export const getStaticPaths = (() =>
  latestYear().results.map((result) => ({
    params: { slug: communeSlug(result.commune_name) },
    props: { result },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: ResultsRow }> = async ({ props }) => {
  const { manifest } = latestYear();
  // The "/20" of "xếp thứ 5/20": the units the manifest says were ranked.
  const svg = communeCardSvg({
    manifest,
    result: props.result,
    communeCount: manifest.district_summary.communes,
  });
  return new Response(await svgToPng(svg), { headers: { "Content-Type": "image/png" } });
};
