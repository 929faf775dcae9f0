// Observable Plot to an SVG element in a given `document`: linkedom's at build time (chart.ts), the
// page's own in the browser (site/scripts/charts/draw.ts). One function, so a chart looks the same
// in the HTML and once redrawn by the interactive code. No linkedom import here: this module is
// also bundled for the browser.
import * as Plot from "@observablehq/plot";

const SVG_NS = "http://www.w3.org/2000/svg";
// A font stack that renders Vietnamese on every common system; resvg (PNG) falls back to DejaVu Sans.
const FONT_STACK = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

export function plotSvg(
  options: Plot.PlotOptions & { width: number; height: number },
  title: string,
  description: string,
  document: Document,
): SVGSVGElement {
  const figure = Plot.plot({ ...options, document, figure: false }) as unknown as SVGSVGElement;
  // The Content-Security-Policy forbids inline styles; site.css styles `svg.chart-svg` instead.
  for (const style of figure.querySelectorAll("style")) style.remove();
  // Plot names its groups ("dot", "rule") with aria-label, which ARIA prohibits on a plain <g>;
  // the picture is named once, by its <title>, and described in full by the table beside it.
  for (const labelled of figure.querySelectorAll("[aria-label]")) labelled.removeAttribute("aria-label");
  figure.setAttribute("xmlns", SVG_NS);
  figure.setAttribute("class", "chart-svg");
  figure.setAttribute("role", "img");
  figure.setAttribute("font-family", FONT_STACK);
  figure.setAttribute("font-size", "12");
  // The <title> of an SVG with role="img" is its accessible name (and the tooltip of a download).
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = `${title}. ${description}`;
  figure.insertBefore(titleElement, figure.firstChild);
  return figure;
}
