// The share images (site/lib/og-image.ts) as PNG, rendered at build time with resvg (no browser, no
// external service). resvg draws text with the fonts it is given: a subset of DejaVu Sans and Bold
// committed in site/fonts/ (made by tools/fonts/subset-dejavu.sh), which covers Vietnamese and every
// word and sign the cards write. So the PNG bytes do not depend on the fonts installed on the machine,
// and resvg, which reads the whole font file again for each glyph it draws, reads 40 KB files rather
// than the system's 740 KB ones. A picture whose text has a character the subset lacks (a name from
// another script, say) is drawn with the full DejaVu Sans of the system (fonts-dejavu-core) instead,
// so a glyph is never missing because of the subset.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { fontCoverage } from "./font-coverage.ts";

export const committedFontFiles = [
  fileURLToPath(new URL("../fonts/DejaVuSans-subset.ttf", import.meta.url)),
  fileURLToPath(new URL("../fonts/DejaVuSans-Bold-subset.ttf", import.meta.url)),
];
export const systemFontFiles = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

function fontOptions(fontFiles: string[]): ResvgRenderOptions {
  return {
    // resvg-js crops every picture to its crop rectangle, by default the whole picture, and so
    // copies the whole picture (3 MB for a card) once more; an empty rectangle, which it ignores,
    // spares that copy: 5 of the 30 ms of CPU a card takes (measured), the same bytes.
    crop: { left: 0, top: 0, right: 0, bottom: 0 },
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  };
}

/** What both committed fonts draw, read from their files once per build. */
let committedCoverage: Set<number> | undefined;

function coveredByCommittedFonts(code: number): boolean {
  committedCoverage ??= committedFontFiles
    .map((file) => fontCoverage(readFileSync(file)))
    .reduce((both, next) => new Set([...both].filter((c) => next.has(c))));
  return committedCoverage.has(code);
}

/**
 * The characters of an SVG document that the committed fonts cannot draw: every character of the
 * source (its markup is ASCII) and of its numeric character references; controls are not drawn.
 */
export function beyondCommittedFonts(svg: string): string[] {
  const references = [...svg.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)].map(([, digits = ""]) =>
    digits.startsWith("x") || digits.startsWith("X") ? Number.parseInt(digits.slice(1), 16) : Number(digits),
  );
  const codes = new Set([...[...svg].map((c) => c.codePointAt(0) ?? 0), ...references]);
  return [...codes]
    .filter((code) => code >= 0x20 && !coveredByCommittedFonts(code))
    .map((code) => String.fromCodePoint(code));
}

let committedOptions: ResvgRenderOptions | undefined;
let systemOptions: ResvgRenderOptions | undefined;

/** The committed fonts when they draw every character of `svg`, otherwise the system's full fonts. */
export function fontFilesFor(svg: string): string[] {
  const beyond = beyondCommittedFonts(svg);
  if (beyond.length === 0) return committedFontFiles;
  const missing = systemFontFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Phông chữ kèm theo không có ký tự "${beyond.join("")}" và thiếu phông chữ hệ thống để vẽ PNG: ` +
        `cài gói fonts-dejavu-core (the committed fonts lack "${beyond.join("")}" and the system ` +
        `fonts are missing, install fonts-dejavu-core): ${missing.join(", ")}`,
    );
  }
  return systemFontFiles;
}

function renderOptions(svg: string): ResvgRenderOptions {
  if (fontFilesFor(svg) === committedFontFiles) return (committedOptions ??= fontOptions(committedFontFiles));
  return (systemOptions ??= fontOptions(systemFontFiles));
}

/**
 * An SVG drawing as PNG at its own size. The drawing paints its own background (a transparent PNG is
 * unreadable in dark viewers): both cards start with a rectangle of their full size. resvg parses
 * and draws on a thread of its own (site/lib/share-cards.ts draws four at a time).
 */
export async function svgToPng(svg: string): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(svg, renderOptions(svg));
  // A fresh Uint8Array over its own ArrayBuffer, as a Response body must be.
  return new Uint8Array(image.asPng());
}
