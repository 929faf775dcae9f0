// /feed.xml: the Atom feed of data releases and corrections of every published year.
import type { APIRoute } from "astro";
import { loadManifest, loadTable, publishedYears } from "../lib/data.ts";
import { atomFeed } from "../lib/feed.ts";
import { href } from "../lib/paths.ts";
import { releaseServed } from "../lib/release-files.ts";

export const GET: APIRoute = ({ site }) => {
  const years = publishedYears();
  // Names by code, the latest year's name winning, to name the units a correction concerns.
  const communeNames = new Map(
    years.flatMap((year) =>
      loadTable(year, "results").map((row) => [row.commune_code, row.commune_name] as const),
    ),
  );
  const xml = atomFeed({
    manifests: years.map((year) => loadManifest(year)),
    communeNames,
    archived: (year, version) => releaseServed(year, version),
    // Absolute addresses when Astro's `site` is configured; else paths under the base path, which
    // a feed reader resolves against the address it fetched the feed from.
    link: (path) => (site ? new URL(href(path), site).href : href(path)),
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8" } });
};
