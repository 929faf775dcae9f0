// Citizens' answers to one question, split by a group of respondents (one block per group, one bar
// per answer, as a share of the group's answers): a commune page's microdata chart. Pure: data,
// width and `document` in, SVG out.
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../../pipeline/rules/format.ts";
import { seriesColours } from "./compare-domains.ts";
import { renderPlot } from "./chart.ts";

export interface GroupAnswer {
  group: string;
  answer: string;
  count: number;
  /** Share of the group's answers, %. */
  share: number;
  /** "12 (25,0%)" */
  text: string;
}

export interface AnswersByGroupInput {
  rows: readonly GroupAnswer[];
  groups: readonly string[];
  answers: readonly string[];
  title: string;
  description: string;
  width: number;
  document: Document;
}

export function answersByGroupChart(input: AnswersByGroupInput): SVGSVGElement {
  const { rows, groups, answers, width } = input;
  // Each answer: its text on a line, its bar below (answers are sentences, too long beside a bar).
  const rowHeight = 32;
  const facetHeight = 24 + rowHeight * answers.length;
  return renderPlot(
    {
      width,
      height: 40 + facetHeight * groups.length,
      marginLeft: 8,
      marginRight: 96,
      marginBottom: 32,
      x: {
        domain: [0, 100],
        label: "Tỷ lệ trong nhóm (%)",
        grid: true,
        ticks: width < 500 ? 4 : 8,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: answers, axis: null, insetTop: 22 },
      fy: { domain: groups, axis: null, padding: 0.08 },
      marks: [
        Plot.text(groups, {
          fy: (group: string) => group,
          frameAnchor: "top-left",
          dy: 3,
          text: (group: string) => group,
          fontWeight: "bold",
          // lineWidth is in ems of the 12 px font: the frame's width, less a margin.
          lineWidth: Math.floor((width - 24) / 12),
          textOverflow: "ellipsis",
        }),
        Plot.barX(rows, {
          fy: "group",
          y: "answer",
          x: "share",
          fill: seriesColours[0],
          insetTop: 14,
          insetBottom: 1,
          title: (row: GroupAnswer) => `${row.group} – ${row.answer}: ${row.text}`,
        }),
        Plot.text(rows, {
          fy: "group",
          y: "answer",
          frameAnchor: "left",
          dy: -8,
          text: "answer",
          // lineWidth is in ems of the 12 px font: the frame's width, less a margin.
          lineWidth: Math.floor((width - 24) / 12),
          textOverflow: "ellipsis",
        }),
        Plot.text(rows, {
          fy: "group",
          y: "answer",
          x: "share",
          dx: 4,
          dy: 7,
          textAnchor: "start",
          text: "text",
        }),
      ],
    },
    input.title,
    input.description,
    input.document,
  );
}
