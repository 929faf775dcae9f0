// Citizens' satisfaction (SIPAS-style) in one commune, per satisfaction element, each share with
// its Wilson 95% interval: with about 60 forms per commune an interval spans ten points or more,
// and the chart says so.
import * as Plot from "@observablehq/plot";
import type { SatisfactionRow } from "../../schemas/published.ts";
import { formatInt, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import {
  X_AXIS_MARGIN,
  X_LABEL_OFFSET,
  categoryLabels,
  chartOf,
  intervalMarks,
  isNarrow,
  renderPlot,
} from "./chart.ts";
import type { Chart, ChartOptions } from "./chart.ts";
import { palette } from "../lib/palette.ts";

export interface SatisfactionInput {
  year: number;
  slug: string;
  communeName: string;
  satisfactionPct: number | null;
  elements: readonly SatisfactionRow[];
}

function label(row: SatisfactionRow): string {
  return `${row.element}. ${row.element_name}`;
}

/** "Mức độ hài lòng chung 86,40%; thấp nhất: Thủ tục hành chính (78,95%)". */
export function satisfactionTitle(
  communeName: string,
  satisfactionPct: number | null,
  rows: readonly SatisfactionRow[],
): string {
  const lowest = [...rows].sort((a, b) => a.satisfied_pct - b.satisfied_pct || a.element - b.element)[0];
  const parts = [
    satisfactionPct === null
      ? `Mức độ hài lòng tại ${communeName}`
      : `Mức độ hài lòng chung ${formatPct(satisfactionPct)}`,
  ];
  if (lowest) parts.push(`thấp nhất: ${lowest.element_name} (${formatPct(lowest.satisfied_pct)})`);
  return parts.join("; ");
}

export function satisfactionChart(
  { year, slug, communeName, satisfactionPct, elements }: SatisfactionInput,
  { width, document }: ChartOptions,
): Chart {
  const rows = [...elements].sort((a, b) => a.element - b.element);
  const narrow = isNarrow(width);
  // On a phone each element's name takes the full width above its whisker (up to two lines).
  const rowHeight = narrow ? 60 : 44;
  const height = 12 + X_AXIS_MARGIN + rowHeight * rows.length;
  const inset = narrow ? { insetTop: 32, insetBottom: 6 } : { insetTop: 10, insetBottom: 10 };
  const dy = (inset.insetTop - inset.insetBottom) / 2;
  const title = satisfactionTitle(communeName, satisfactionPct, rows);
  const description =
    `Biểu đồ điểm: tỷ lệ người dân, tổ chức hài lòng ở ${communeName} năm ${year} theo ${rows.length} yếu tố, ` +
    `vạch ngang là khoảng tin cậy 95%.`;
  const element = renderPlot(
    {
      width,
      height,
      marginTop: 12,
      marginLeft: narrow ? 4 : 270,
      marginBottom: X_AXIS_MARGIN,
      marginRight: 62,
      x: {
        domain: [0, 100],
        label: "Tỷ lệ hài lòng (%)",
        labelOffset: X_LABEL_OFFSET,
        grid: true,
        ticks: narrow ? 5 : 10,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: rows.map(label), label: null, padding: 0, axis: null },
      marks: [
        categoryLabels(rows, label, rowHeight, narrow),
        ...intervalMarks(rows, label, "ci_low", "ci_high", inset),
        Plot.dot(rows, {
          y: label,
          x: "satisfied_pct",
          dy,
          fill: palette.series[0],
          stroke: palette.paper,
          r: 6,
        }),
        Plot.text(rows, {
          y: label,
          x: "ci_high",
          dx: 6,
          dy,
          textAnchor: "start",
          text: (row: SatisfactionRow) => formatPct(row.satisfied_pct),
        }),
      ],
    },
    title,
    description,
    document,
  );
  return chartOf(element, {
    id: `hai-long-${slug}-${year}`,
    title,
    description,
    width,
    height,
    table: {
      columns: ["Yếu tố", "Trả lời hợp lệ", "Hài lòng", "Tỷ lệ hài lòng", "Khoảng tin cậy 95%"],
      numeric: [false, true, true, true, true],
      rows: rows.map((row) => [
        label(row),
        formatInt(row.valid_answers),
        formatInt(row.satisfied_answers),
        formatPct(row.satisfied_pct),
        `${formatNumber(row.ci_low)}–${formatNumber(row.ci_high)}%`,
      ]),
    },
  });
}
