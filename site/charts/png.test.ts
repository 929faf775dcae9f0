import { renderAsync } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { resultsRow } from "../../tests/support/published-rows.ts";
import { communeCardSvg, siteCardSvg } from "../lib/og-image.ts";
import type { CommuneCard } from "../lib/og-image.ts";
import { beyondCommittedFonts, committedFontFiles, fontFilesFor, svgToPng, systemFontFiles } from "./png.ts";

// Five bands: every marker of site/lib/bands.ts (● ◆ ■ ▲ ✚) is drawn by one of them.
const bands = [
  { code: "A", label: "Nhóm A – xuất sắc", min_pct: 90 },
  { code: "B", label: "Nhóm B – tốt", min_pct: 80 },
  { code: "C", label: "Nhóm C – khá", min_pct: 70 },
  { code: "D", label: "Nhóm D – trung bình", min_pct: 50.5 },
  { code: "E", label: "Nhóm E – yếu", min_pct: 0 },
];
const manifest: CommuneCard["manifest"] = {
  year: 2025,
  status: "sample",
  version: "1.2.0",
  province: { code: "30", name: "Thành phố Hải Phòng" },
  issuer: { body: "UBND thành phố Hải Phòng", office: "Sở Nội vụ thành phố Hải Phòng" },
  bands,
};
const card = (commune_name: string, band: string, status: "sample" | "official" = "sample") =>
  communeCardSvg({
    manifest: { ...manifest, status },
    result: resultsRow({ commune_name, band, index_pct: 85.67, rank: 5, rank_low: 3, rank_high: 8 }),
    communeCount: 235,
  });

/** The PNG resvg draws with the given fonts, as the build drew it before the fonts were committed. */
async function pngWith(svg: string, fontFiles: string[]): Promise<Buffer> {
  const options = { font: { fontFiles, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" } };
  return (await renderAsync(svg, options)).asPng();
}

describe("the fonts of the share images", () => {
  it("cover every word and sign of the cards, each band's marker included", () => {
    const svgs = [
      ...bands.map((band) => card("Phường Đồng Hòa – Kiến An", band.code)),
      card("Đặc khu Bạch Long Vĩ", "A", "official"),
      siteCardSvg(manifest, [{ commune_type: "xa" }, { commune_type: "phuong" }]),
    ];
    for (const svg of svgs) {
      expect(beyondCommittedFonts(svg)).toEqual([]);
      expect(fontFilesFor(svg)).toBe(committedFontFiles);
    }
  });

  it("draw a Vietnamese card byte for byte as the full DejaVu Sans of the system does", async () => {
    const svg = card("Xã Quỳnh Hưng", "E");
    expect(fontFilesFor(svg)).toBe(committedFontFiles);
    expect(Buffer.from(await svgToPng(svg)).equals(await pngWith(svg, systemFontFiles))).toBe(true);
  });

  it("fall back to the system's full fonts for a name with a character the subset lacks", async () => {
    // Ω is in DejaVu Sans but not in the committed subset, which would leave its place empty.
    const svg = card("Xã Ωmega", "B");
    expect(beyondCommittedFonts(svg)).toEqual(["Ω"]);
    expect(fontFilesFor(svg)).toBe(systemFontFiles);
    const png = Buffer.from(await svgToPng(svg));
    expect(png.equals(await pngWith(svg, systemFontFiles))).toBe(true);
    expect(png.equals(await pngWith(svg, committedFontFiles))).toBe(false);
    // A character written as a reference counts too.
    expect(beyondCommittedFonts("<text>&#x3A9;&#937;</text>")).toEqual(["Ω"]);
  });
});
