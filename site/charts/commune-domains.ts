// One commune's result in each domain (lĩnh vực) as % of the domain's maximum, against the
// district average of that domain: where the commune is ahead and where it lost ground. Domains
// below the district average are told by colour and by a ▼ before the value; the average is a
// black tick, explained by the chart's own legend, and the value always stands clear of it.
import * as Plot from "@observablehq/plot";
import type { DomainsRow } from "../../schemas/published.ts";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { capitalised, formatPointsOfMax } from "../../pipeline/rules/display.ts";
import {
  X_AXIS_MARGIN,
  X_LABEL_OFFSET,
  chartOf,
  isNarrow,
  legendHeight,
  legendMark,
  categoryLabels,
  renderPlot,
} from "./chart.ts";
import type { Chart, ChartOptions, LegendItem } from "./chart.ts";
import { palette } from "../lib/palette.ts";

export interface CommuneDomainsInput {
  year: number;
  slug: string;
  communeName: string;
  domains: readonly DomainsRow[];
  /** "trung bình huyện", "trung bình tỉnh" (pipeline/rules/issuer.ts). */
  averageLabel: string;
}

export const ABOVE_COLOUR = palette.above;
export const BELOW_COLOUR = palette.below;
export const AVERAGE_COLOUR = palette.reference;
/** The shape that marks a value below the district average, in charts and tables alike. */
export const BELOW_GLYPH = "▼";

/** "1. Công tác chỉ đạo, …": domain labels keep their id, which the criteria table uses too. */
export function domainLabel(row: Pick<DomainsRow, "domain_id" | "domain_name">): string {
  return `${row.domain_id}. ${row.domain_name}`;
}

function byDomainId(a: DomainsRow, b: DomainsRow): number {
  return Number(a.domain_id) - Number(b.domain_id);
}

export function isBelowAverage(row: Pick<DomainsRow, "pct" | "district_avg_pct">): boolean {
  return row.pct < row.district_avg_pct;
}

/** "Xã Hồng Dụ cao hơn trung bình huyện ở 5/8 lĩnh vực; thấp nhất: lĩnh vực 7 (62,50%)". */
export function communeDomainsTitle(
  communeName: string,
  rows: readonly DomainsRow[],
  averageLabel: string,
): string {
  const above = rows.filter((row) => row.pct > row.district_avg_pct).length;
  const weakest = [...rows].sort((a, b) => a.pct - b.pct || byDomainId(a, b))[0];
  const tail = weakest ? `; thấp nhất ở lĩnh vực ${weakest.domain_id} (${formatPct(weakest.pct)})` : "";
  return `${communeName} cao hơn ${averageLabel} ở ${above}/${rows.length} lĩnh vực${tail}`;
}

export function domainsLegend(averageLabel: string): readonly LegendItem[] {
  return [
    { swatch: "tick", colour: AVERAGE_COLOUR, label: capitalised(averageLabel) },
    { swatch: "bar", colour: ABOVE_COLOUR, label: "Bằng hoặc cao hơn trung bình" },
    { swatch: "bar", colour: BELOW_COLOUR, label: `${BELOW_GLYPH} Thấp hơn trung bình` },
  ];
}

export function communeDomainsChart(
  { year, slug, communeName, domains, averageLabel }: CommuneDomainsInput,
  { width, document }: ChartOptions,
): Chart {
  const rows = [...domains].sort(byDomainId);
  const narrow = isNarrow(width);
  // On a phone each domain's name takes the full width above its bar (up to two lines).
  const rowHeight = narrow ? 64 : 50;
  const legend = domainsLegend(averageLabel);
  const marginTop = legendHeight(legend, narrow) + 6;
  const height = marginTop + X_AXIS_MARGIN + rowHeight * rows.length;
  const barInset = narrow ? { insetTop: 34, insetBottom: 6 } : { insetTop: 12, insetBottom: 12 };
  const title = communeDomainsTitle(communeName, rows, averageLabel);
  const description =
    `Biểu đồ thanh: tỷ lệ điểm đạt của ${communeName} ở ${rows.length} lĩnh vực năm ${year}, ` +
    `vạch đen là ${averageLabel}; lĩnh vực thấp hơn trung bình có màu cam và dấu ${BELOW_GLYPH}. ${title}.`;
  const valueX = (row: DomainsRow) => Math.max(row.pct, row.district_avg_pct);
  const element = renderPlot(
    {
      width,
      height,
      marginTop,
      marginLeft: narrow ? 4 : 270,
      marginBottom: X_AXIS_MARGIN,
      marginRight: 70,
      x: {
        domain: [0, 100],
        label: "Tỷ lệ điểm đạt (%)",
        labelOffset: X_LABEL_OFFSET,
        grid: true,
        ticks: narrow ? 5 : 10,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: rows.map(domainLabel), label: null, padding: 0, axis: null },
      marks: [
        legendMark(legend, narrow),
        categoryLabels(rows, domainLabel, rowHeight, narrow),
        Plot.barX(rows, {
          y: domainLabel,
          x: "pct",
          fill: (row: DomainsRow) => (isBelowAverage(row) ? BELOW_COLOUR : ABOVE_COLOUR),
          ...barInset,
        }),
        Plot.tickX(rows, {
          y: domainLabel,
          x: "district_avg_pct",
          stroke: AVERAGE_COLOUR,
          strokeWidth: 3,
          insetTop: barInset.insetTop - 4,
          insetBottom: barInset.insetBottom - 4,
        }),
        Plot.text(rows, {
          y: domainLabel,
          x: valueX,
          dx: 7,
          dy: (barInset.insetTop - barInset.insetBottom) / 2,
          textAnchor: "start",
          text: (row: DomainsRow) => `${isBelowAverage(row) ? `${BELOW_GLYPH} ` : ""}${formatPct(row.pct)}`,
        }),
      ],
    },
    title,
    description,
    document,
  );
  return chartOf(element, {
    id: `linh-vuc-${slug}-${year}`,
    title,
    description,
    width,
    height,
    table: {
      columns: ["Lĩnh vực", "Điểm", "Tỷ lệ đạt", capitalised(averageLabel)],
      numeric: [false, true, true, true],
      rows: rows.map((row) => [
        domainLabel(row),
        formatPointsOfMax(row.points, row.max_points),
        `${isBelowAverage(row) ? `${BELOW_GLYPH} ` : ""}${formatPct(row.pct)}`,
        formatPct(row.district_avg_pct),
      ]),
    },
  });
}
