// Every commune's result on one domain, best first, one commune highlighted, the district average as
// a dashed line: the interactive chart of a domain page. Pure: data, width and `document` in, SVG out.
import * as Plot from "@observablehq/plot";
import { formatPointsOfMax } from "../../pipeline/rules/display.ts";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import type { DomainBar, DomainMeasure } from "./compare-domains.ts";
import { seriesColours } from "./compare-domains.ts";
import { renderPlot } from "./chart.ts";
import { palette } from "../lib/palette.ts";

export interface DomainCommunesInput {
  /** One domain's rows, in the order to draw (best first). */
  rows: readonly (DomainBar & { commune_name: string })[];
  highlight: string;
  measure: DomainMeasure;
  title: string;
  description: string;
  width: number;
  document: Document;
}

export function domainCommunesChart(input: DomainCommunesInput): SVGSVGElement {
  const { rows, measure, width } = input;
  const value = (row: DomainBar) => (measure === "pct" ? row.pct : row.points);
  const text = (row: DomainBar) =>
    measure === "pct" ? formatPct(row.pct) : formatPointsOfMax(row.points, row.max_points);
  // In points, the average on the highlighted unit's own maximum (a xã and the thị trấn may differ).
  const reference = rows.find((row) => row.commune_code === input.highlight) ?? rows[0];
  const average = reference
    ? measure === "pct"
      ? reference.district_avg_pct
      : reference.district_avg_points
    : 0;
  return renderPlot(
    {
      width,
      height: 40 + 24 * rows.length,
      marginLeft: Math.min(150, Math.round(width * 0.38)),
      marginRight: 72,
      marginBottom: 32,
      x: {
        domain: [0, measure === "pct" ? 100 : Math.max(1, ...rows.map((row) => row.max_points))],
        label: measure === "pct" ? "Tỷ lệ điểm đạt (%)" : "Điểm",
        grid: true,
        ticks: width < 500 ? 4 : 8,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: rows.map((row) => row.commune_name), label: null },
      marks: [
        Plot.axisY({ tickSize: 0, lineWidth: 12 }),
        Plot.barX(rows, {
          y: "commune_name",
          x: value,
          fill: (row: DomainBar) =>
            row.commune_code === input.highlight ? seriesColours[1] : seriesColours[0],
          insetTop: 3,
          insetBottom: 3,
          title: (row: DomainBar & { commune_name: string }) => `${row.commune_name}: ${text(row)}`,
        }),
        Plot.text(rows, { y: "commune_name", x: value, dx: 4, textAnchor: "start", text }),
        Plot.ruleX([average], { stroke: palette.reference, strokeWidth: 2, strokeDasharray: "4,3" }),
      ],
    },
    input.title,
    input.description,
    input.document,
  );
}
