// /og/<slug>.png: each commune's Open Graph card, rendered once at build time (no image service),
// on the build's worker threads (site/lib/build-pool.ts), started for every commune when Astro
// lists the paths. The commune page passes `/og/<slug>.png` to the layout's `ogImage`.
import type { APIRoute, GetStaticPaths } from "astro";
import type { ResultsRow } from "../../../schemas/published.ts";
import { madeAhead, runInWorker } from "../../lib/build-pool.ts";
import { latestYear } from "../../lib/data.ts";
import { communeCardSvg } from "../../lib/og-image.ts";
import { communeSlug } from "../../../pipeline/rules/slug.ts";

function card(result: ResultsRow): Promise<Uint8Array> {
  const { manifest } = latestYear();
  // The "/20" of "xếp thứ 5/20": the units the manifest says were ranked.
  const svg = communeCardSvg({ manifest, result, communeCount: manifest.district_summary.communes });
  return runInWorker({ kind: "png", svg, zoom: 1 });
}

let cards: ReturnType<typeof madeAhead<ResultsRow>> | undefined;

export const getStaticPaths = (() => {
  const { results } = latestYear();
  cards = madeAhead(results, card);
  cards.start();
  return results.map((result) => ({ params: { slug: communeSlug(result.commune_name) }, props: { result } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ result: ResultsRow }> = async ({ props }) => {
  const bytes = await (cards ? cards.take(props.result) : card(props.result));
  return new Response(new Uint8Array(bytes), { headers: { "Content-Type": "image/png" } });
};
