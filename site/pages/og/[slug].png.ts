// /og/<slug>.png: each commune's Open Graph card, rendered once at build time (no image service),
// on the build's worker threads where the year has many units (site/lib/build-pool.ts). The commune page passes `/og/<slug>.png` to the layout's `ogImage`.
import type { APIRoute, GetStaticPaths } from "astro";
import type { ResultsRow } from "../../../schemas/published.ts";
import type { BuildTask } from "../../lib/build-files.ts";
import { unitFiles } from "../../lib/build-pool.ts";
import { latestYear } from "../../lib/data.ts";
import { communeCardSvg } from "../../lib/og-image.ts";

function card(result: ResultsRow): BuildTask {
  const { manifest } = latestYear();
  // The "/20" of "xếp thứ 5/20": the units the manifest says were ranked.
  const svg = communeCardSvg({ manifest, result, communeCount: manifest.district_summary.communes });
  return { kind: "png", svg, zoom: 1 };
}

const cards = unitFiles(card);

export const getStaticPaths = (() => cards.paths()) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: ResultsRow }> = async ({ props }) =>
  new Response(new Uint8Array(await cards.take(props.result)), { headers: { "Content-Type": "image/png" } });
