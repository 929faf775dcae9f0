// The share images of the site, drawn beside the Astro build rather than by it: `npm run build`
// (pipeline/commands/site.ts) runs `node site/lib/share-cards.ts <folder>` at the same time as
// Astro and copies the folder into the site when both are done. A card needs nothing Astro makes,
// and Astro's build keeps one core busy and the other mostly idle: as Astro routes, the cards were
// drawn last, one after another, while every other page waited (about 2.5 s of a 235-unit build).
// `astro dev` has no cards; the pages link to them all the same.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { svgToPng } from "../charts/png.ts";
import { latestYear, publishedDataDir } from "./data.ts";
import { communeCardPath, communeCardSvg, siteCardPath, siteCardSvg } from "./og-image.ts";

/**
 * Cards drawn at a time: resvg draws each on one of libuv's four threads, and each drawing holds
 * its 3 MB picture until it is encoded.
 */
const atOnce = 4;

/** Writes every card of the latest published year under `folder`; returns how many. */
export async function writeShareCards(folder: string, dir = publishedDataDir()): Promise<number> {
  const { manifest, results } = latestYear(dir);
  const cards: { path: string; svg: () => string }[] = [
    { path: siteCardPath, svg: () => siteCardSvg(manifest, results) },
    ...results.map((result) => ({
      path: communeCardPath(result.commune_name),
      // The "/20" of "xếp thứ 5/20": the units the manifest says were ranked.
      svg: () => communeCardSvg({ manifest, result, communeCount: manifest.district_summary.communes }),
    })),
  ];
  let next = 0;
  const draw = async () => {
    for (let card = cards[next++]; card !== undefined; card = cards[next++]) {
      const file = join(folder, card.path);
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, await svgToPng(card.svg()));
    }
  };
  await Promise.all(Array.from({ length: atOnce }, draw));
  return cards.length;
}

if (import.meta.main) {
  const [folder] = process.argv.slice(2);
  if (folder === undefined) {
    console.error("Cách dùng / usage: node site/lib/share-cards.ts <folder>");
    process.exit(2);
  }
  await writeShareCards(folder);
}
