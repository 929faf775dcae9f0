// The browser's side of the one chart renderer: calls a chart function of site/charts/ (the same
// functions the build uses) with the page's `document` and the width the chart will have, and puts
// the SVG in place of the previous one, with a download link of the file as drawn.
import { replaceSvgDownload } from "../ui/svg-download.ts";

export type ChartFunction = (frame: { width: number; document: Document }) => SVGSVGElement;

/** The container's width, within what a chart is designed for (a 390 px phone up to a desktop column). */
function fittedWidth(container: HTMLElement): number {
  return Math.round(Math.min(720, Math.max(320, container.clientWidth || 720)));
}

/** `width`, when given, replaces the container's (a page's print layout draws at the phone's width). */
export function drawChart(
  container: HTMLElement,
  chart: ChartFunction,
  download?: { link: HTMLElement; fileName: string },
  width: number = fittedWidth(container),
): SVGSVGElement {
  const svg = chart({ width, document });
  container.querySelector("svg")?.remove();
  container.prepend(svg);
  if (download) replaceSvgDownload(download.link, svg, download.fileName);
  return svg;
}
