// How the communes spread on one domain: how many reach each 5-point step of the domain's %,
// with the district average marked. The ranking itself is the table beside it on the page.
import * as Plot from "@observablehq/plot";
import type { DomainsRow } from "../../schemas/published.ts";
import { compareVietnamese, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { X_AXIS_MARGIN, X_LABEL_OFFSET, chartOf, isNarrow, renderPlot } from "./chart.ts";
import type { Chart, ChartOptions } from "./chart.ts";
import { palette } from "../lib/palette.ts";
import { capitalised } from "../../pipeline/rules/display.ts";

export interface DistributionInput {
  year: number;
  domainId: string;
  rows: readonly DomainsRow[];
  /** "trung bình huyện", "trung bình tỉnh" (pipeline/rules/issuer.ts). */
  averageLabel: string;
}

export const STEP = 5;

/** The 5-point step a % falls in: 85,67 → [85, 90); 100 stays in [95, 100]. */
export function stepOf(pct: number): number {
  return Math.min(100 - STEP, Math.floor(pct / STEP) * STEP);
}

/** "Lĩnh vực 3: từ 62,50% (Xã An Đức) đến 98,00% (Xã Hồng Dụ)". */
export function distributionTitle(domainId: string, rows: readonly DomainsRow[]): string {
  const sorted = [...rows].sort((a, b) => a.pct - b.pct || compareVietnamese(a.commune_name, b.commune_name));
  const low = sorted[0];
  const high = sorted.at(-1);
  if (!low || !high) return `Lĩnh vực ${domainId}`;
  return (
    `Lĩnh vực ${domainId}: các xã đạt từ ${formatPct(low.pct)} (${low.commune_name}) ` +
    `đến ${formatPct(high.pct)} (${high.commune_name})`
  );
}

/** 0 … max in whole steps, at most six ticks: 0, 1, 2, 3 or 0, 2, 4, 6, 8. */
export function integerTicks(max: number): number[] {
  const step = Math.ceil(max / 5);
  const ticks: number[] = [];
  for (let tick = 0; tick <= max; tick += step) ticks.push(tick);
  return ticks;
}

export function distributionChart(
  { year, domainId, rows, averageLabel }: DistributionInput,
  { width, document }: ChartOptions,
): Chart {
  const narrow = isNarrow(width);
  const height = narrow ? 280 : 320;
  const average = rows[0]?.district_avg_pct ?? 0;
  const lowestStep = Math.min(...rows.map((row) => stepOf(row.pct)));
  const steps: number[] = [];
  for (let step = Math.max(0, lowestStep - STEP); step < 100; step += STEP) steps.push(step);
  const counts = steps.map((step) => ({
    step,
    communes: rows
      .filter((row) => stepOf(row.pct) === step)
      .map((row) => row.commune_name)
      .sort(compareVietnamese),
  }));
  const title = distributionTitle(domainId, rows);
  const description =
    `Biểu đồ cột: số đơn vị theo từng khoảng 5 điểm phần trăm của tỷ lệ điểm đạt ở lĩnh vực ` +
    `${domainId} năm ${year}; đường đứt nét là ${averageLabel} ${formatPct(average)}. ${title}.`;
  const xMin = steps[0] ?? 0;
  // The average's label sits above the plot, beside its line, on the side with more room: it
  // never covers a bar.
  const labelToLeft = average - xMin > (100 - xMin) / 2;
  const element = renderPlot(
    {
      width,
      height,
      marginTop: 44,
      marginLeft: 36,
      marginRight: 16,
      marginBottom: X_AXIS_MARGIN,
      x: {
        domain: [xMin, 100],
        label: "Tỷ lệ điểm đạt (%)",
        labelOffset: X_LABEL_OFFSET,
        ticks: narrow ? 5 : 10,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: {
        label: "Số đơn vị",
        grid: true,
        labelOffset: 34,
        // Whole communes only: at most six ticks, each a whole number.
        ticks: integerTicks(Math.max(1, ...counts.map((bin) => bin.communes.length))),
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      marks: [
        Plot.rectY(counts, {
          x1: "step",
          x2: (bin: (typeof counts)[number]) => bin.step + STEP,
          y: (bin: (typeof counts)[number]) => bin.communes.length,
          fill: palette.above,
          inset: 1,
        }),
        Plot.ruleY([0]),
        Plot.ruleX([average], {
          stroke: palette.reference,
          strokeDasharray: "5,3",
          strokeWidth: 2,
          insetTop: -14,
        }),
        Plot.text([average], {
          x: (value: number) => value,
          frameAnchor: "top",
          dy: -12,
          dx: labelToLeft ? -5 : 5,
          textAnchor: labelToLeft ? "end" : "start",
          text: () => `${capitalised(averageLabel)} ${formatPct(average)}`,
        }),
      ],
    },
    title,
    description,
    document,
  );
  return chartOf(element, {
    id: `phan-bo-linh-vuc-${domainId}-${year}`,
    title,
    description,
    width,
    height,
    table: {
      columns: ["Khoảng tỷ lệ đạt", "Số đơn vị", "Đơn vị"],
      numeric: [false, true, false],
      rows: counts
        .filter((bin) => bin.communes.length > 0)
        .map((bin) => [
          `${formatNumber(bin.step, 0)}% – ${bin.step + STEP === 100 ? "100%" : `dưới ${formatNumber(bin.step + STEP, 0)}%`}`,
          String(bin.communes.length),
          bin.communes.join(", "),
        ]),
    },
  });
}
