// Domains side by side for 1–4 communes, each domain a group of bars with the district average as a
// dashed line: /so-sanh/'s chart, and a commune page's interactive chart (the commune against
// another or against the average alone). A pure function of the published domain rows, the width
// and the `document` to draw into, so the build and the browser share it.
import * as Plot from "@observablehq/plot";
import type { DomainsRow } from "../../schemas/published.ts";
import { formatPointsOfMax } from "../../pipeline/rules/display.ts";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { X_AXIS_MARGIN, X_LABEL_OFFSET, renderPlot, wrapWords } from "./chart.ts";
import { palette } from "../lib/palette.ts";

/** The phone's drawing width, which /so-sanh/ also prints at. */
export { PHONE_WIDTH } from "./chart.ts";

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
export const seriesColours = palette.series;

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
  // Each domain: its name on lines of its own above its bars (long Vietnamese names do not fit
  // beside a bar on a phone), wrapped whole, never cut with "…". Bold 12 px Vietnamese runs about
  // 7.5 px a character; every facet gets the room of the longest name.
  const maxChars = Math.max(16, Math.floor((width - 16) / 7.5));
  const nameLines = new Map(domains.map((row) => [label(row), wrapWords(label(row), maxChars)]));
  const extraLines = Math.max(1, ...[...nameLines.values()].map((lines) => lines.length)) - 1;
  const nameHeight = 20 + 14 * extraLines;
  const facetHeight = 2 + nameHeight + barHeight * seriesNames.length;
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
      y: { domain: seriesNames, axis: null, insetTop: nameHeight },
      fy: { domain: domains.map(label), axis: null, padding: 0.08 },
      color: { domain: seriesNames, range: seriesColours.slice(0, seriesNames.length) },
      marks: [
        Plot.text(domains, {
          fy: label,
          frameAnchor: "top-left",
          dy: 3,
          text: (row: DomainBar) => (nameLines.get(label(row)) ?? [label(row)]).join("\n"),
          lineHeight: 14 / 12,
          fontWeight: "bold",
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
          stroke: palette.reference,
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
