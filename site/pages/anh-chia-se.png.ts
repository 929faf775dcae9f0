// /anh-chia-se.png: the site-wide Open Graph image (1200×630) shown when a link to a page other
// than a commune's is shared: the title, the year and the sample-data warning when it applies.
import type { APIRoute } from "astro";
import { svgToPng } from "../charts/png.ts";
import { latestYear } from "../lib/data.ts";

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export const GET: APIRoute = () => {
  const { manifest, results } = latestYear();
  const district = manifest.district.name.replace(/^Huyện\s+/u, "");
  const lines = [
    { text: `Chỉ số cải cách hành chính ${manifest.year}`, y: 230, size: 64, weight: 700 },
    {
      text: `${results.length} xã, thị trấn huyện ${district}, ${manifest.province.name}`,
      y: 320,
      size: 40,
      weight: 400,
    },
    { text: "Xếp hạng, điểm theo lĩnh vực, ý kiến người dân", y: 390, size: 36, weight: 400 },
  ];
  const warning =
    manifest.status === "sample"
      ? `<rect x="0" y="520" width="1200" height="110" fill="#fff3cd"/><text x="80" y="588" font-size="36" fill="#5c4300">Dữ liệu minh họa – không phải kết quả chính thức</text>`
      : "";
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="630" viewBox="0 0 1200 630" font-family="DejaVu Sans">` +
    `<rect width="1200" height="630" fill="#0b4f8a"/>` +
    lines
      .map(
        (line) =>
          `<text x="80" y="${line.y}" font-size="${line.size}" font-weight="${line.weight}" fill="#ffffff">${escapeXml(line.text)}</text>`,
      )
      .join("") +
    warning +
    `</svg>`;
  return new Response(svgToPng(svg, 1), { headers: { "Content-Type": "image/png" } });
};
