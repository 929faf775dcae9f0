import { describe, expect, it } from "vitest";
import { resultsRow } from "../../tests/support/published-rows.ts";
import { svgToPng } from "../charts/png.ts";
import { cardHeight, cardWidth, communeCardSvg } from "./og-image.ts";
import type { CommuneCard } from "./og-image.ts";

const result = resultsRow({
  commune_code: "11215",
  commune_name: "Xã Hồng Dụ",
  index_pct: 85.6,
  rank: 5,
  band: "B",
  rank_low: 3,
  rank_high: 8,
});
const manifest: CommuneCard["manifest"] = {
  year: 2023,
  status: "sample",
  version: "1.0.0",
  province: { code: "30", name: "Tỉnh Hải Dương" },
  district: { code: "299", name: "Huyện Ninh Giang" },
  bands: [
    { code: "A", label: "Nhóm A", min_pct: 90 },
    { code: "B", label: "Nhóm B", min_pct: 80 },
    { code: "C", label: "Nhóm C", min_pct: 0 },
  ],
};

describe("a commune's Open Graph card", () => {
  it("shows name, index, rank with its range and band the Vietnamese way", () => {
    const svg = communeCardSvg({ manifest, result, communeCount: 20 });
    expect(svg).toContain(">Xã Hồng Dụ<");
    expect(svg).toContain(">85,60%<");
    expect(svg).toContain(">Xếp thứ 5/20 (khoảng hạng 3–8)<");
    expect(svg).toContain("Nhóm B (từ 80% đến dưới 90%)");
    expect(svg).toContain("Dữ liệu minh họa – không phải kết quả chính thức");
    const official = communeCardSvg({
      manifest: { ...manifest, status: "official" },
      result,
      communeCount: 20,
    });
    expect(official).not.toContain("minh họa");
    expect(official).toContain("Dữ liệu phiên bản 1.0.0");
  });

  it("writes a name from the data as text, never as markup", () => {
    const svg = communeCardSvg({
      manifest,
      result: { ...result, commune_name: 'Xã <script>alert("x")</script> & <img onerror=1>' },
      communeCount: 20,
    });
    expect(svg).not.toContain("<script");
    expect(svg).not.toContain("<img");
    expect(svg).toContain("Xã &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img onerror=1&gt;");
  });

  it("renders to a 1200×630 PNG", async () => {
    const png = await svgToPng(communeCardSvg({ manifest, result, communeCount: 20 }));
    const header = new DataView(png.buffer, png.byteOffset, 24);
    // PNG signature, then the IHDR chunk: width at byte 16, height at byte 20 (big-endian).
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join("")).toBe("PNG");
    expect([header.getUint32(16), header.getUint32(20)]).toEqual([cardWidth, cardHeight]);
  });
});
