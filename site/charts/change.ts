// Change of each commune's index since the previous year, in percentage points, as bars left
// (down) or right (up) of zero; up and down are told by direction and by a sign in the label,
// not by colour alone.
import * as Plot from "@observablehq/plot";
import type { ResultsRow } from "../../schemas/published.ts";
import { compareVietnamese, formatChange, formatNumber } from "../../pipeline/rules/format.ts";
import {
  dashWithReason,
  formatPctPointChange,
  formatRankChange,
  noFigure,
  pctPointsShort,
  pctPointsWords,
} from "../../pipeline/rules/display.ts";
import { X_AXIS_MARGIN, X_LABEL_OFFSET, chartOf, isNarrow, renderPlot } from "./chart.ts";
import type { Chart, ChartOptions } from "./chart.ts";
import { palette } from "../lib/palette.ts";

export interface ChangeInput {
  year: number;
  results: readonly ResultsRow[];
}

type Changed = ResultsRow & { index_change: number };

export function changedRows(results: readonly ResultsRow[]): Changed[] {
  return results
    .filter((row): row is Changed => row.index_change !== null)
    .sort((a, b) => b.index_change - a.index_change || compareVietnamese(a.commune_name, b.commune_name));
}

/**
 * "Xã Hồng Dụ tăng nhiều nhất (+2,10 điểm phần trăm); Xã An Đức giảm nhiều nhất (−1,30 điểm phần
 * trăm)": the index is a %, so its change is in percentage points, as the bulletin says too.
 */
export function changeTitle(rows: readonly Changed[]): string {
  const up = rows[0];
  const down = rows.at(-1);
  const parts: string[] = [];
  if (up && up.index_change > 0)
    parts.push(`${up.commune_name} tăng nhiều nhất (${formatPctPointChange(up.index_change, "long")})`);
  if (down && down.index_change < 0)
    parts.push(`${down.commune_name} giảm nhiều nhất (${formatPctPointChange(down.index_change, "long")})`);
  return parts.length > 0 ? parts.join("; ") : "Không đơn vị nào thay đổi chỉ số";
}

export function changeChart({ year, results }: ChangeInput, { width, document }: ChartOptions): Chart {
  const rows = changedRows(results);
  const narrow = isNarrow(width);
  const rowHeight = narrow ? 30 : 24;
  const height = 20 + X_AXIS_MARGIN + rowHeight * rows.length;
  const extent = Math.max(1, ...rows.map((row) => Math.abs(row.index_change)));
  // Room beyond the longest bar for its value label (about 45 px): a larger share of the axis on
  // a phone's narrower plot.
  const limit = Math.ceil(extent * (narrow ? 1.7 : 1.25));
  const title = changeTitle(rows);
  const description =
    `Biểu đồ thanh: thay đổi Chỉ số CCHC năm ${year} so với năm ${year - 1} của ${rows.length} đơn vị, ` +
    `thanh sang phải là tăng, sang trái là giảm. ${title}.`;
  const element = renderPlot(
    {
      width,
      height,
      marginTop: 20,
      marginLeft: narrow ? 100 : 150,
      marginRight: 16,
      marginBottom: X_AXIS_MARGIN,
      x: {
        domain: [-limit, limit],
        label: `Thay đổi so với ${year - 1} (${pctPointsWords})`,
        labelOffset: X_LABEL_OFFSET,
        labelAnchor: "center",
        grid: true,
        ticks: narrow ? 5 : 10,
        tickFormat: (v: number) => formatChange(v, 0),
      },
      y: { domain: rows.map((row) => row.commune_name), label: null },
      marks: [
        // Plot's lineWidth is in ems of the 12 px font: 7 ems (about 97 px in the widest common font) fit the phone's 100 px margin.
        Plot.axisY({ tickSize: 0, lineWidth: narrow ? 7 : 12, lineHeight: 1.1 }),
        Plot.barX(rows, {
          y: "commune_name",
          x: "index_change",
          fill: (row: Changed) => (row.index_change >= 0 ? palette.series[0] : palette.below),
          insetTop: 3,
          insetBottom: 3,
        }),
        Plot.ruleX([0], { stroke: palette.reference }),
        Plot.text(
          rows.filter((row) => row.index_change >= 0),
          {
            y: "commune_name",
            x: "index_change",
            dx: 6,
            textAnchor: "start",
            text: (row: Changed) => formatChange(row.index_change),
          },
        ),
        Plot.text(
          rows.filter((row) => row.index_change < 0),
          {
            y: "commune_name",
            x: "index_change",
            dx: -6,
            textAnchor: "end",
            text: (row: Changed) => formatChange(row.index_change),
          },
        ),
      ],
    },
    title,
    description,
    document,
  );
  return chartOf(element, {
    id: `thay-doi-${year}`,
    title,
    description,
    width,
    height,
    table: {
      columns: ["Đơn vị", "Chỉ số", `Thay đổi (${pctPointsShort})`, "Thay đổi hạng"],
      numeric: [false, true, true, true],
      rows: rows.map((row) => [
        row.commune_name,
        formatNumber(row.index_pct),
        formatChange(row.index_change),
        row.rank_change === null
          ? dashWithReason(noFigure.noPreviousYear)
          : formatRankChange(row.rank_change),
      ]),
    },
  });
}
