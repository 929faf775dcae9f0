// The share images (site/lib/og-image.ts) as PNG, rendered at build time with resvg (no browser, no external service). resvg needs font files: DejaVu Sans covers
// Vietnamese; on Debian/Ubuntu it comes with the package fonts-dejavu-core.
import { existsSync } from "node:fs";
import { renderAsync, type ResvgRenderOptions } from "@resvg/resvg-js";
import { palette } from "../lib/palette.ts";

const fontFiles = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
];

/** The render options of each zoom, the fonts checked once per build rather than once per picture. */
const optionsByZoom = new Map<number, ResvgRenderOptions>();

function renderOptions(zoom: number): ResvgRenderOptions {
  const known = optionsByZoom.get(zoom);
  if (known) return known;
  const missing = fontFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `Thiếu phông chữ để vẽ PNG (missing fonts, install fonts-dejavu-core): ${missing.join(", ")}`,
    );
  }
  const options: ResvgRenderOptions = {
    background: palette.paper,
    fitTo: { mode: "zoom", value: zoom },
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  };
  optionsByZoom.set(zoom, options);
  return options;
}

/**
 * An SVG drawing as PNG, by default at twice its CSS size for sharp text, on white (a transparent
 * PNG is unreadable in dark viewers). resvg parses and draws on a thread of its own, so the build
 * writes pages while pictures are drawn (astro.config.mjs renders a few pages at a time). resvg-js
 * reads the two font files again for each picture (it keeps no font database between calls); that
 * costs under 1 ms of the 45–80 ms a share card takes (measured), the rest drawing and PNG encoding.
 */
export async function svgToPng(svg: string, zoom = 2): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(svg, renderOptions(zoom));
  // A fresh Uint8Array over its own ArrayBuffer, as a Response body must be.
  return new Uint8Array(image.asPng());
}
