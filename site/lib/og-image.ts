// The Open Graph card of a commune (1200×630, the size Facebook and Zalo previews use): when a link
// to /xa/<slug>/ is shared, the preview itself shows the figure — name, index, rank and band — and,
// while the data are a sample, says so. Composed as SVG here, rendered to PNG at build time by
// site/charts/png.ts (resvg with the DejaVu Sans subset of site/fonts/, which has every Vietnamese
// glyph and every sign written here).
import type { DatasetManifest } from "../../schemas/dataset.ts";
import type { ResultsRow } from "../../schemas/published.ts";
import { bandLook, bandRange } from "./bands.ts";
import { sampleWarning } from "./bulletin.ts";
import { issuerWords, unitsPhrase } from "../../pipeline/rules/issuer.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import { formatPct } from "../../pipeline/rules/format.ts";
import { palette } from "./palette.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";

export interface CommuneCard {
  manifest: Pick<
    DatasetManifest,
    "year" | "status" | "version" | "province" | "district" | "issuer" | "contact" | "bands"
  >;
  result: ResultsRow;
  /** Units ranked that year (the "/20" of "xếp thứ 5/20"). */
  communeCount: number;
}

/** The site-wide card, shared with a link to any page but a commune's (the layout's default). */
export const siteCardPath = "/anh-chia-se.png";

/** A commune's card, shared with a link to its page. */
export function communeCardPath(communeName: string): string {
  return `/og/${communeSlug(communeName)}.png`;
}

export const cardWidth = 1200;
export const cardHeight = 630;

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

function text(x: number, y: number, size: number, fill: string, content: string, bold = false): string {
  const weight = bold ? ' font-weight="700"' : "";
  return `<text x="${x}" y="${y}" font-size="${size}"${weight} fill="${fill}">${escapeXml(content)}</text>`;
}

// DejaVu Sans Bold averages about 0.62 em per character of Vietnamese text: long lines are set
// smaller so that they fit the 1040 px between the margins (a title once lost its year: "202…").
function fittedSize(text: string, largest: number): number {
  return Math.min(largest, Math.floor(1040 / (0.62 * [...text].length)));
}

/** The card as an SVG document; every text from the data is escaped. */
export function communeCardSvg({ manifest, result, communeCount }: CommuneCard): string {
  const band = bandLook(manifest.bands, result.band);
  const area = issuerWords(manifest).area;
  const rankRange =
    result.rank_low === result.rank_high ? "" : ` (khoảng hạng ${result.rank_low}–${result.rank_high})`;
  const footer =
    manifest.status === "sample"
      ? `<rect x="0" y="540" width="${cardWidth}" height="90" fill="${palette.warnBg}"/>` +
        text(80, 598, 34, palette.warnInk, sampleWarning, true)
      : text(80, 598, 28, palette.interval, `Dữ liệu phiên bản ${manifest.version}`);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" ` +
    `viewBox="0 0 ${cardWidth} ${cardHeight}" font-family="DejaVu Sans">` +
    `<rect width="${cardWidth}" height="${cardHeight}" fill="${palette.paper}"/>` +
    // The band's colour as a margin stripe; the band is also written out below, never colour alone.
    `<rect width="28" height="${cardHeight}" fill="${band.colour}"/>` +
    text(80, 92, 30, palette.caption, `Chỉ số cải cách hành chính ${manifest.year} · ${area}`) +
    text(80, 190, fittedSize(result.commune_name, 72), palette.reference, result.commune_name, true) +
    text(72, 360, 160, palette.accent, formatPct(result.index_pct), true) +
    text(80, 438, 40, palette.ink, `Xếp thứ ${result.rank}/${communeCount}${rankRange}`) +
    `<text x="80" y="500" font-size="40" fill="${palette.ink}"><tspan fill="${band.colour}">${escapeXml(band.glyph)}</tspan> ` +
    `${escapeXml(`${band.label} (${bandRange(manifest.bands, band.code)})`)}</text>` +
    footer +
    `</svg>`
  );
}

/**
 * The site-wide card (/anh-chia-se.png), shared with a link to any page but a commune's: the
 * title, the district and, for sample data, the notice band.
 */
export function siteCardSvg(
  manifest: Pick<DatasetManifest, "year" | "status" | "district" | "province" | "issuer" | "contact">,
  units: readonly { commune_type: CommuneType }[],
): string {
  const lines = [
    { text: `Chỉ số cải cách hành chính ${manifest.year}`, y: 230, largest: 60, bold: true },
    {
      text: `${unitsPhrase(units)} ${issuerWords(manifest).areaInProvince}`,
      y: 320,
      largest: 40,
      bold: false,
    },
    { text: "Xếp hạng, điểm theo lĩnh vực, ý kiến người dân", y: 390, largest: 36, bold: false },
  ];
  const warning =
    manifest.status === "sample"
      ? `<rect x="0" y="520" width="${cardWidth}" height="110" fill="${palette.warnBg}"/>` +
        text(80, 588, fittedSize(sampleWarning, 36), palette.warnInk, sampleWarning, true)
      : "";
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${cardWidth}" height="${cardHeight}" ` +
    `viewBox="0 0 ${cardWidth} ${cardHeight}" font-family="DejaVu Sans">` +
    `<rect width="${cardWidth}" height="${cardHeight}" fill="${palette.accent}"/>` +
    lines
      .map((line) =>
        text(80, line.y, fittedSize(line.text, line.largest), palette.onAccent, line.text, line.bold),
      )
      .join("") +
    warning +
    `</svg>`
  );
}
