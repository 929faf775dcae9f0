// How many answers each option of a survey question received, one option highlighted: the chart of
// /kham-pha/ and of a commune page's citizens' answers. Pure: data, width and `document` in, SVG out.
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../../pipeline/rules/format.ts";
import { seriesColours } from "./compare-domains.ts";
import { renderPlot } from "./chart.ts";

export interface AnswerBar {
  label: string;
  count: number;
  /** "12 (25,0%)" */
  text: string;
  highlighted?: boolean;
}

export interface AnswerCountsInput {
  bars: readonly AnswerBar[];
  title: string;
  description: string;
  width: number;
  document: Document;
}

export function answerCountsChart(input: AnswerCountsInput): SVGSVGElement {
  const { bars, width } = input;
  // Each option's text on a line of its own above its bar: answers are sentences, too long beside it.
  const rowHeight = 44;
  return renderPlot(
    {
      width,
      height: 40 + rowHeight * bars.length,
      marginLeft: 8,
      marginRight: 96,
      marginBottom: 32,
      x: {
        domain: [0, Math.max(1, ...bars.map((bar) => bar.count))],
        label: "Số câu trả lời",
        grid: true,
        ticks: width < 500 ? 4 : 8,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: bars.map((bar) => bar.label), axis: null, paddingInner: 0.1 },
      marks: [
        Plot.barX(bars, {
          y: "label",
          x: "count",
          fill: (bar: AnswerBar) => (bar.highlighted ? seriesColours[1] : seriesColours[0]),
          insetTop: 20,
          title: (bar: AnswerBar) => `${bar.label}: ${bar.text}`,
        }),
        Plot.text(bars, {
          y: "label",
          frameAnchor: "left",
          dy: -10,
          text: "label",
          // lineWidth is in ems of the 12 px font: the frame's width, less a margin.
          lineWidth: Math.floor((width - 24) / 12),
          textOverflow: "ellipsis",
        }),
        Plot.text(bars, { y: "label", x: "count", dx: 4, dy: 10, textAnchor: "start", text: "text" }),
      ],
    },
    input.title,
    input.description,
    input.document,
  );
}
