// Domains side by side for 1–4 communes, each domain a group of bars with the district average as a
// dashed line: /so-sanh/'s chart, and a commune page's interactive chart (the commune against
// another or against the average alone). A pure function of the published domain rows, the width
// and the `document` to draw into, so the build and the browser share it.
import * as Plot from "@observablehq/plot";
import type { DomainsRow } from "../../schemas/published.ts";
import { formatPointsOfMax } from "../../pipeline/rules/display.ts";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { X_AXIS_MARGIN, X_LABEL_OFFSET, renderPlot } from "./chart.ts";

/** The subset of a published `domains` row the chart reads. */
export type DomainBar = Pick<
  DomainsRow,
  | "commune_code"
  | "domain_id"
  | "domain_name"
  | "points"
  | "max_points"
  | "pct"
  | "district_avg_pct"
  | "district_avg_points"
>;

export type DomainMeasure = "pct" | "points";

/** Colour-blind-safe (Okabe–Ito), in the order of the legend's swatches (QueryStyles.astro). */
export const seriesColours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"] as const;

export interface CompareDomainsInput {
  rows: readonly DomainBar[];
  /** The communes, in legend order. */
  communes: readonly { code: string; name: string }[];
  measure: DomainMeasure;
  title: string;
  description: string;
  width: number;
  document: Document;
}

interface Bar extends DomainBar {
  label: string;
  series: string;
  value: number;
  /** The district average in the same measure: in points, on this unit's own maximum. */
  average: number;
  text: string;
}

export function compareDomainsChart(input: CompareDomainsInput): SVGSVGElement {
  const { communes, measure, width } = input;
  const names = new Map(communes.map((commune) => [commune.code, commune.name]));
  const label = (row: DomainBar) => `${row.domain_id}. ${row.domain_name}`;
  const bars: Bar[] = input.rows
    .filter((row) => names.has(row.commune_code))
    .map((row) => ({
      ...row,
      label: label(row),
      series: names.get(row.commune_code) ?? row.commune_code,
      value: measure === "pct" ? row.pct : row.points,
      average: measure === "pct" ? row.district_avg_pct : row.district_avg_points,
      text: measure === "pct" ? formatPct(row.pct) : formatPointsOfMax(row.points, row.max_points),
    }));
  const domains = [...new Map(input.rows.map((row) => [label(row), row])).values()];
  const seriesNames = communes.map((commune) => commune.name);
  const barHeight = 18;
  // Each domain: its name on a line of its own (long Vietnamese names do not fit beside a bar on a
  // phone), then one bar per commune.
  const facetHeight = 22 + barHeight * seriesNames.length;
  const height = 8 + X_AXIS_MARGIN + facetHeight * domains.length;
  const scaleMax = measure === "pct" ? 100 : Math.max(1, ...input.rows.map((row) => row.max_points));
  return renderPlot(
    {
      width,
      height,
      marginLeft: 8,
      marginRight: measure === "pct" ? 60 : 84,
      marginTop: 8,
      marginBottom: X_AXIS_MARGIN,
      x: {
        domain: [0, scaleMax],
        label: measure === "pct" ? "Tỷ lệ điểm đạt (%)" : "Điểm",
        labelOffset: X_LABEL_OFFSET,
        grid: true,
        ticks: width < 500 ? 4 : 8,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: seriesNames, axis: null, insetTop: 20 },
      fy: { domain: domains.map(label), axis: null, padding: 0.08 },
      color: { domain: seriesNames, range: seriesColours.slice(0, seriesNames.length) },
      marks: [
        Plot.text(domains, {
          fy: label,
          frameAnchor: "top-left",
          dy: 3,
          text: (row: DomainBar) => label(row),
          // lineWidth is in ems of the 12 px font; bold Vietnamese runs wider than Plot's estimate,
          // so a name is wrapped a little short of the frame's width.
          lineWidth: Math.floor((width - 24) / 14),
          fontWeight: "bold",
          textOverflow: "ellipsis",
        }),
        Plot.barX(bars, {
          fy: "label",
          y: "series",
          x: "value",
          fill: "series",
          insetTop: 2,
          insetBottom: 2,
          title: (bar: Bar) => `${bar.series} – lĩnh vực ${bar.domain_id}: ${bar.text}`,
        }),
        // Each value in a column of its own right of the scale: never under the average's dashes.
        Plot.text(bars, {
          fy: "label",
          y: "series",
          x: () => scaleMax,
          dx: 4,
          textAnchor: "start",
          text: "text",
        }),
        // The average beside each bar: in points each unit's maximum gives its own (a xã and the
        // thị trấn may differ); as a % the marks of a domain line up.
        Plot.tickX(bars, {
          fy: "label",
          y: "series",
          x: "average",
          stroke: "#111",
          strokeWidth: 2,
          strokeDasharray: "4,3",
        }),
      ],
    },
    input.title,
    input.description,
    input.document,
  );
}
