// What every chart module returns, and how a Plot figure becomes markup. Charts are drawn at
// build time with Observable Plot into linkedom's document (no browser), so every chart is in the
// HTML with JavaScript off. The Content-Security-Policy forbids inline styles, so Plot's <style>
// element is removed here; site/styles/site.css gives the same rules to `svg.chart-svg`.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { plotSvg } from "./plot-svg.ts";

/** The data behind a chart, as a table for readers who cannot see it (and for everyone else). */
export interface ChartTable {
  columns: string[];
  rows: string[][];
  /** Columns holding numbers: right-aligned. */
  numeric: boolean[];
}

export interface Chart {
  /** Unique on the site; the downloads are `/bieu-do/<id>.svg` and `.png`. */
  id: string;
  /** States the finding: "Xã Hồng Dụ dẫn đầu với 91,23%". */
  title: string;
  /** The accessible name of the picture: what it shows, in one or two sentences. */
  description: string;
  /** Self-contained SVG markup (xmlns, title), usable inline and as a downloaded file. */
  svg: string;
  width: number;
  height: number;
  table: ChartTable;
}

/**
 * Renders Plot options to SVG markup. Text from data goes only into text nodes (the <title> that
 * names the picture, tick labels, text marks), which the DOM serialiser escapes; never into an
 * attribute, where linkedom leaves `<` as is and a standalone .svg would stop being valid XML.
 */
export function renderPlot(
  options: Plot.PlotOptions & { width: number; height: number },
  title: string,
  description: string,
): string {
  const { document } = parseHTML("<!doctype html><html><body></body></html>");
  return plotSvg(options, title, description, document as unknown as Document).outerHTML;
}

/**
 * A 95% interval drawn as a whisker (a line between the bounds, a tick at each end) on rows laid
 * out along y: the same look for every interval on the site.
 */
export function intervalMarks<Row>(rows: readonly Row[], y: Plot.ChannelValue, low: string, high: string) {
  return [
    Plot.ruleY(rows, { y, x1: low, x2: high, stroke: "#555" }),
    Plot.tickX(rows, { y, x: low, stroke: "#555" }),
    Plot.tickX(rows, { y, x: high, stroke: "#555" }),
  ];
}
