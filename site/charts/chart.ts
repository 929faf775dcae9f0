// The chart-function API, shared by the build (static SVG in the HTML) and the browser (the
// interactive charts draw with the same functions). Every chart module exports one pure function
//
//   someChart(input: <its data>, options: ChartOptions): Chart
//   ChartOptions = { width: number; document: Document }
//   Chart = { id, title, description, table, element: SVGSVGElement, svg: string, width, height }
//
// `width` is the drawing's width in CSS px: below NARROW_WIDTH a chart uses its phone layout
// (labels above the marks, fewer ticks), above it the desktop layout. `document` is injected —
// `window.document` in a browser, linkedom's at build time (site/charts/build-document.ts) — so
// no chart module imports anything Node-only and each can be bundled for the browser. Text is
// 12 px in the drawing, and the site shows each drawing at its own width or narrower by at most
// a 360 px phone's ratio, so no text is ever under 11 px on screen.
//
// The Content-Security-Policy forbids inline styles, so Plot's <style> element is removed here;
// site/styles/site.css gives the same rules to `svg.chart-svg`.
import * as Plot from "@observablehq/plot";
import { palette } from "../lib/palette.ts";

/** The data behind a chart, as a table for readers who cannot see it (and for everyone else). */
export interface ChartTable {
  columns: string[];
  rows: string[][];
  /** Columns holding numbers: right-aligned. */
  numeric: boolean[];
}

export interface ChartOptions {
  /** Width of the drawing in CSS px. */
  width: number;
  /** The document Plot creates elements in. */
  document: Document;
}

export interface Chart {
  /** Unique on the site; the download is `/bieu-do/<id>.svg` (its PNG is made in the browser). */
  id: string;
  /** States the finding: "Xã Hồng Dụ dẫn đầu với 91,23%". */
  title: string;
  /** The accessible name of the picture: what it shows, in one or two sentences. */
  description: string;
  /** The drawing, an element of `options.document`. */
  element: SVGSVGElement;
  /** The same drawing serialised: self-contained SVG markup (xmlns, title). */
  svg: string;
  width: number;
  height: number;
  table: ChartTable;
}

/** The width the site draws phone charts at: a 390 px screen less the page's 16 px margins. */
export const PHONE_WIDTH = 358;
/** The width of the desktop drawing (and of the downloads). */
export const DESKTOP_WIDTH = 720;
/** Below this width a chart uses its phone layout. */
export const NARROW_WIDTH = 560;
/** Font size of every text in a drawing, in px of the drawing. */
export const FONT_SIZE = 12;
/**
 * Room under the plot for the x axis: tick labels, then the axis title below them (Plot's own
 * spacing is for 10 px text; at 12 px the title would sit on the tick labels).
 */
export const X_AXIS_MARGIN = 46;
export const X_LABEL_OFFSET = 40;

export function isNarrow(width: number): boolean {
  return width < NARROW_WIDTH;
}

const SVG_NS = "http://www.w3.org/2000/svg";
// A font stack that renders Vietnamese on every common system; resvg (PNG) falls back to DejaVu Sans.
const FONT_STACK = "system-ui, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";

/**
 * Renders Plot options to an SVG element. Text from data goes only into text nodes (the <title>
 * that names the picture, tick labels, text marks), which the DOM serialiser escapes; never into
 * an attribute, where linkedom leaves `<` as is and a standalone .svg would stop being valid XML.
 */
export function renderPlot(
  options: Plot.PlotOptions & { width: number; height: number },
  title: string,
  description: string,
  document: Document,
): SVGSVGElement {
  const figure = Plot.plot({ ...options, document, figure: false }) as unknown as SVGSVGElement;
  for (const style of figure.querySelectorAll("style")) style.remove();
  // Plot names its groups ("dot", "rule") with aria-label, which ARIA prohibits on a plain <g>;
  // the picture is named once, by its <title>, and described in full by the table beside it.
  for (const labelled of figure.querySelectorAll("[aria-label]")) labelled.removeAttribute("aria-label");
  figure.setAttribute("xmlns", SVG_NS);
  figure.setAttribute("class", "chart-svg");
  figure.setAttribute("role", "img");
  figure.setAttribute("font-family", FONT_STACK);
  figure.setAttribute("font-size", String(FONT_SIZE));
  // The <title> of an SVG with role="img" is its accessible name (and the tooltip of a download).
  const titleElement = document.createElementNS(SVG_NS, "title");
  titleElement.textContent = `${title}. ${description}`;
  figure.insertBefore(titleElement, figure.firstChild);
  return figure;
}

/** A Chart from its rendered element and the parts every chart has. */
export function chartOf(element: SVGSVGElement, parts: Omit<Chart, "element" | "svg">): Chart {
  return { ...parts, element, svg: element.outerHTML };
}

/**
 * A 95% interval drawn as a whisker (a line between the bounds, a tick at each end) on rows laid
 * out along y: the same look for every interval on the site. `inset` narrows the end ticks when
 * the row's band also holds a label above the whisker.
 */
/**
 * The category names of a horizontal bar chart: on a phone each name on a line of its own above its
 * row (full width, wrapped), on a desktop a wrapped axis in the left margin.
 */
export function categoryLabels<Row>(
  rows: readonly Row[],
  label: (row: Row) => string,
  rowHeight: number,
  narrow: boolean,
): Plot.Markish {
  return narrow
    ? Plot.text(rows, {
        y: label,
        text: label,
        frameAnchor: "left",
        textAnchor: "start",
        lineAnchor: "top",
        dy: -rowHeight / 2 + 2,
        // Plot's lineWidth is in ems of the 12 px font: 25 ems fill the phone's width even in the widest common font.
        lineWidth: 25,
        lineHeight: 1.1,
      })
    : // Wrapped labels: 19 ems fit the 270 px margin even in the widest common font.
      Plot.axisY({ lineWidth: 19, tickSize: 0, lineHeight: 1.1 });
}

export function intervalMarks<Row>(
  rows: readonly Row[],
  y: Plot.ChannelValue,
  low: string,
  high: string,
  inset: { insetTop?: number; insetBottom?: number } = {},
) {
  return [
    Plot.ruleY(rows, {
      y,
      x1: low,
      x2: high,
      stroke: palette.interval,
      dy: ((inset.insetTop ?? 0) - (inset.insetBottom ?? 0)) / 2,
    }),
    Plot.tickX(rows, { y, x: low, stroke: palette.interval, ...inset }),
    Plot.tickX(rows, { y, x: high, stroke: palette.interval, ...inset }),
  ];
}

/**
 * Words of `text` in lines of at most `maxChars` characters: the caption and title lines of the
 * downloads, which SVG cannot wrap by itself.
 */
export function wrapWords(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    if (line && [...`${line} ${word}`].length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** One entry of a chart's own legend: a swatch and what it means. */
export interface LegendItem {
  /** "tick": a short thick vertical line (an average); "bar": a filled box. */
  swatch: "tick" | "bar";
  colour: string;
  label: string;
}

const LEGEND_ROW = 18;

/** Height the legend needs above the plot: one row on a desktop, one row per item on a phone. */
export function legendHeight(items: readonly LegendItem[], narrow: boolean): number {
  return (narrow ? items.length : 1) * LEGEND_ROW + 8;
}

/**
 * A legend drawn inside the SVG, in the top margin, so that the downloaded picture explains its
 * marks too. A Plot render function: it uses the document Plot was given.
 */
export function legendMark(items: readonly LegendItem[], narrow: boolean): Plot.RenderFunction {
  return (_index, _scales, _values, _dimensions, context) => {
    const document = context.document;
    const group = document.createElementNS(SVG_NS, "g");
    // Plot centres text on its root element; a legend reads from the left.
    group.setAttribute("text-anchor", "start");
    let x = 2;
    let y = 4;
    for (const item of items) {
      const swatch = document.createElementNS(SVG_NS, "rect");
      const [w, h, dx] = item.swatch === "tick" ? [3, 14, 4] : [12, 12, 0];
      swatch.setAttribute("x", String(x + dx));
      swatch.setAttribute("y", String(y + (LEGEND_ROW - h) / 2 - 2));
      swatch.setAttribute("width", String(w));
      swatch.setAttribute("height", String(h));
      swatch.setAttribute("fill", item.colour);
      const text = document.createElementNS(SVG_NS, "text");
      text.setAttribute("x", String(x + 16));
      text.setAttribute("y", String(y + LEGEND_ROW / 2 + 2));
      text.textContent = item.label;
      group.append(swatch, text);
      if (narrow) y += LEGEND_ROW;
      // Desktop: side by side; the label's width estimated generously at 0.6 em a character.
      else x += 16 + [...item.label].length * FONT_SIZE * 0.6 + 16;
    }
    return group;
  };
}
