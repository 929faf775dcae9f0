// The grading bands (nhóm xếp loại) come from the manifest, in order from best to weakest. Each is
// told by a label, a shape and a colour, so that no reader depends on colour alone: the shapes are
// Plot's symbols and the matching text glyphs; the colours are from the Okabe–Ito palette, which
// stays distinct for the common forms of colour blindness, and differ in lightness too.
import type { Band } from "../../schemas/dataset.ts";
import { palette } from "./palette.ts";

const symbols = ["circle", "diamond", "square", "triangle", "cross"] as const;
const glyphs = ["●", "◆", "■", "▲", "✚"] as const;

export interface BandLook {
  code: string;
  /** The band's name without the range the manifest may append: "Nhóm A (từ 90% trở lên)" → "Nhóm A". */
  label: string;
  minPct: number;
  symbol: (typeof symbols)[number];
  glyph: string;
  colour: string;
  /** Position from the best band: 0, 1, 2 … (used for CSS classes `band-0`, `band-1`, …). */
  order: number;
}

export function shortBandLabel(label: string): string {
  return label.replace(/\s*\([^)]*\)\s*$/u, "");
}

export function bandLooks(bands: readonly Band[]): BandLook[] {
  return bands.map((band, order) => ({
    code: band.code,
    label: shortBandLabel(band.label),
    minPct: band.min_pct,
    symbol: symbols[order % symbols.length] ?? "circle",
    glyph: glyphs[order % glyphs.length] ?? "●",
    colour: palette.bands[order % palette.bands.length] ?? palette.bands[0],
    order,
  }));
}

export function bandLook(bands: readonly Band[], code: string): BandLook {
  const look = bandLooks(bands).find((band) => band.code === code);
  if (!look) throw new Error(`Nhóm xếp loại "${code}" không có trong dataset.json (unknown band)`);
  return look;
}

/** "≥ 90%", "80% – dưới 90%", "dưới 80%": the range of each band in words. */
export function bandRange(bands: readonly Band[], code: string): string {
  const index = bands.findIndex((band) => band.code === code);
  const band = bands[index];
  if (!band) throw new Error(`unknown band ${code}`);
  const upper = index > 0 ? bands[index - 1]?.min_pct : undefined;
  const low = `${band.min_pct}%`.replace(".", ",");
  if (upper === undefined) return `từ ${low} trở lên`;
  const high = `${upper}%`.replace(".", ",");
  if (band.min_pct === 0) return `dưới ${high}`;
  return `từ ${low} đến dưới ${high}`;
}
