// The files of the site made beside the Astro build rather than by it: the share images (the site's
// and each commune's) and each commune's workbook. `npm run build` (pipeline/commands/site.ts) runs
// `node site/lib/side-files.ts <folder>` at the same time as Astro and copies the folder into the
// site when both are done; the gate of what may be published then reads them with the rest. They
// need nothing Astro makes, and Astro's build keeps about one core busy: as Astro routes, the cards
// came last, one after another, while every other page waited, and the workbooks took a tenth of
// Astro's time at 235 units. `astro dev` has neither; the pages link to them all the same.
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { svgToPng } from "../charts/png.ts";
import { communeWorkbook, communeWorkbookPath } from "./commune-xlsx.ts";
import { latestYear, publishedDataDir } from "./data.ts";
import { communeCardPath, communeCardSvg, siteCardPath, siteCardSvg } from "./og-image.ts";

async function write(folder: string, path: string, bytes: Uint8Array): Promise<void> {
  const file = join(folder, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
}

/**
 * Cards drawn at a time: resvg draws each on one of libuv's four threads, and each drawing holds
 * its 3 MB picture until it is encoded.
 */
const atOnce = 4;

/** Writes every share image of the latest published year under `folder`; returns how many. */
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
    for (let card = cards[next++]; card !== undefined; card = cards[next++])
      await write(folder, card.path, await svgToPng(card.svg()));
  };
  await Promise.all(Array.from({ length: atOnce }, draw));
  return cards.length;
}

/** Writes every commune's workbook of the latest published year under `folder`; returns how many. */
export async function writeCommuneWorkbooks(folder: string, dir = publishedDataDir()): Promise<number> {
  const { manifest, results } = latestYear(dir);
  // Stamped with the published build time, as every file of the year.
  const buildTime = new Date(manifest.build_time);
  for (const { commune_code: code, commune_name: name } of results)
    await write(
      folder,
      communeWorkbookPath(name),
      await communeWorkbook(manifest, { code, name }, buildTime, dir),
    );
  return results.length;
}

/** Both kinds under `folder`, the workbooks made while resvg draws the cards on its threads. */
export async function writeSideFiles(folder: string, dir = publishedDataDir()): Promise<void> {
  await Promise.all([writeShareCards(folder, dir), writeCommuneWorkbooks(folder, dir)]);
}

if (import.meta.main) {
  const [folder] = process.argv.slice(2);
  if (folder === undefined) {
    console.error("Cách dùng / usage: node site/lib/side-files.ts <folder>");
    process.exit(2);
  }
  await writeSideFiles(folder);
}
