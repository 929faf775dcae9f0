// Citizens' satisfaction (SIPAS-style) in one commune, per satisfaction element, each share with
// its Wilson 95% interval: with about 60 forms per commune an interval spans ten points or more,
// and the chart says so.
import * as Plot from "@observablehq/plot";
import type { SatisfactionRow } from "../../schemas/published.ts";
import { formatInt, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { intervalMarks, renderPlot } from "./chart.ts";
import type { Chart } from "./chart.ts";

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
  year: number,
  slug: string,
  communeName: string,
  satisfactionPct: number | null,
  elements: readonly SatisfactionRow[],
): Chart {
  const rows = [...elements].sort((a, b) => a.element - b.element);
  const width = 720;
  const height = 60 + 50 * rows.length;
  const title = satisfactionTitle(communeName, satisfactionPct, rows);
  const description =
    `Biểu đồ điểm: tỷ lệ người dân, tổ chức hài lòng ở ${communeName} năm ${year} theo ${rows.length} yếu tố, ` +
    `vạch ngang là khoảng tin cậy 95%.`;
  const svg = renderPlot(
    {
      width,
      height,
      marginLeft: 270,
      marginBottom: 40,
      marginRight: 24,
      x: {
        domain: [0, 100],
        label: "Tỷ lệ hài lòng (%)",
        grid: true,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: rows.map(label), label: null },
      marks: [
        // Wrapped labels: lineWidth is in ems of the 12 px font, so 21 ems fit the 270 px margin.
        Plot.axisY({ lineWidth: 21, tickSize: 0, lineHeight: 1.1 }),
        ...intervalMarks(rows, label, "ci_low", "ci_high"),
        Plot.dot(rows, { y: label, x: "satisfied_pct", fill: "#0072B2", stroke: "white", r: 6 }),
        Plot.text(rows, {
          y: label,
          x: "satisfied_pct",
          dy: -13,
          text: (row: SatisfactionRow) => formatPct(row.satisfied_pct),
        }),
      ],
    },
    title,
    description,
  );
  return {
    id: `hai-long-${slug}-${year}`,
    title,
    description,
    svg,
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
  };
}
