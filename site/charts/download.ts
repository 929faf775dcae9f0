// A chart as a file people keep and forward (Zalo, slides, documents): the drawing framed by its
// title above and, below, its source and data version and — while the data are a sample — the
// notice "Dữ liệu minh họa – không phải kết quả chính thức", so a forwarded picture never passes
// for official figures. Built with the chart's own document (no Node-only import), so the browser
// can frame its interactive charts the same way.
import { wrapWords } from "./chart.ts";
import type { Chart } from "./chart.ts";
import { palette } from "../lib/palette.ts";

const SVG_NS = "http://www.w3.org/2000/svg";
const PAD = 16;
const TITLE_SIZE = 16;
const CAPTION_SIZE = 12;
const NOTICE_SIZE = 14;
// Average advance of a character of Vietnamese text in DejaVu Sans (the PNG's font) and in the
// common system fonts, in ems: wider than most, so wrapped lines fit.
const EM_PER_CHAR = 0.6;

export interface DownloadCaption {
  /** "Nguồn: UBND huyện Ninh Giang, Chỉ số CCHC năm 2023; dữ liệu phiên bản 1.0.0, công bố ngày 15/03/2024." */
  source: string;
  /** The sample-data notice, or null for official data. */
  notice: string | null;
}

/** The standalone SVG markup of a chart's download. */
export function downloadSvg(chart: Chart, caption: DownloadCaption): string {
  const document = chart.element.ownerDocument;
  const width = chart.width + 2 * PAD;
  const outer = document.createElementNS(SVG_NS, "svg");
  outer.setAttribute("xmlns", SVG_NS);
  outer.setAttribute("font-family", chart.element.getAttribute("font-family") ?? "sans-serif");
  const name = document.createElementNS(SVG_NS, "title");
  name.textContent = `${chart.title}. ${chart.description}`;
  outer.append(name);
  const background = document.createElementNS(SVG_NS, "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", palette.paper);
  outer.append(background);

  let y = PAD;
  const lines = (text: string, size: number, attributes: Record<string, string>) => {
    for (const line of wrapWords(text, Math.floor(chart.width / (size * EM_PER_CHAR)))) {
      y += size * 1.3;
      const element = document.createElementNS(SVG_NS, "text");
      element.setAttribute("x", String(PAD));
      element.setAttribute("y", String(y));
      element.setAttribute("font-size", String(size));
      for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
      element.textContent = line;
      outer.append(element);
    }
  };
  lines(chart.title, TITLE_SIZE, { "font-weight": "700", fill: palette.reference });
  y += PAD / 2;

  const drawing = chart.element.cloneNode(true) as SVGSVGElement;
  drawing.querySelector("title")?.remove();
  drawing.removeAttribute("xmlns");
  drawing.removeAttribute("class");
  drawing.removeAttribute("role");
  drawing.setAttribute("x", String(PAD));
  drawing.setAttribute("y", String(y));
  outer.append(drawing);
  y += chart.height + PAD / 2;

  lines(caption.source, CAPTION_SIZE, { fill: palette.caption });
  if (caption.notice) {
    y += 6;
    const band = document.createElementNS(SVG_NS, "rect");
    band.setAttribute("x", "0");
    band.setAttribute("y", String(y));
    band.setAttribute("width", String(width));
    band.setAttribute("fill", palette.warnBg);
    outer.append(band);
    const top = y;
    lines(caption.notice, NOTICE_SIZE, { "font-weight": "700", fill: palette.warnInk });
    y += NOTICE_SIZE * 0.6;
    band.setAttribute("height", String(y - top));
  }
  y += PAD;
  outer.setAttribute("width", String(width));
  outer.setAttribute("height", String(Math.ceil(y)));
  outer.setAttribute("viewBox", `0 0 ${width} ${Math.ceil(y)}`);
  return outer.outerHTML;
}
