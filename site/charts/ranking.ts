// Ranking of all communes by index, with the 95% interval of each index as a whisker and the band
// thresholds as labelled rules: a reader sees at once who leads and which differences are too
// small to mean anything.
import * as Plot from "@observablehq/plot";
import type { Band } from "../../schemas/dataset.ts";
import type { ResultsRow } from "../../schemas/published.ts";
import { compareVietnamese, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { bandLook, bandLooks } from "../lib/bands.ts";
import { X_AXIS_MARGIN, X_LABEL_OFFSET, chartOf, intervalMarks, isNarrow, renderPlot } from "./chart.ts";
import type { Chart, ChartOptions } from "./chart.ts";
import { palette } from "../lib/palette.ts";
import { unitsPhrase } from "../../pipeline/rules/issuer.ts";

export interface RankingInput {
  year: number;
  results: readonly ResultsRow[];
  bands: readonly Band[];
}

/** Results in published order: rank, then name (Vietnamese collation) for shared ranks. */
export function byRank(results: readonly ResultsRow[]): ResultsRow[] {
  return [...results].sort((a, b) => a.rank - b.rank || compareVietnamese(a.commune_name, b.commune_name));
}

/** "Xã Hồng Dụ dẫn đầu với 91,23%", or the communes sharing first place. */
export function leaderTitle(results: readonly ResultsRow[]): string {
  const leaders = byRank(results).filter((row) => row.rank === 1);
  const first = leaders[0];
  if (!first) return "Chưa có kết quả";
  if (leaders.length === 1) return `${first.commune_name} dẫn đầu với ${formatPct(first.index_pct)}`;
  const names = leaders.map((row) => row.commune_name);
  return `${names.slice(0, -1).join(", ")} và ${names.at(-1)} cùng dẫn đầu với ${formatPct(first.index_pct)}`;
}

export function rankingChart(
  { year, results, bands }: RankingInput,
  { width, document }: ChartOptions,
): Chart {
  const rows = byRank(results);
  const looks = bandLooks(bands);
  const narrow = isNarrow(width);
  // On a phone the names wrap onto two lines ("Thị trấn / Ninh Giang"), so rows are taller.
  const rowHeight = narrow ? 30 : 24;
  const height = 36 + X_AXIS_MARGIN + rowHeight * rows.length;
  const lowest = Math.min(...rows.map((row) => row.index_ci_low));
  const xMin = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  const thresholds = looks.filter((band) => band.minPct > xMin);
  const last = rows.at(-1);
  const title = leaderTitle(rows);
  const description =
    `Biểu đồ xếp hạng ${unitsPhrase(rows)} theo Chỉ số CCHC năm ${year}: mỗi đơn vị là một điểm, ` +
    `vạch ngang là khoảng tin cậy 95%, các đường dọc là ngưỡng nhóm xếp loại. ${title}` +
    (last ? `; thấp nhất là ${last.commune_name} với ${formatPct(last.index_pct)}.` : ".");
  const element = renderPlot(
    {
      width,
      height,
      marginLeft: narrow ? 100 : 150,
      marginRight: 56,
      marginTop: 36,
      marginBottom: X_AXIS_MARGIN,
      x: {
        domain: [xMin, 100],
        label: "Chỉ số CCHC (%)",
        labelOffset: X_LABEL_OFFSET,
        grid: true,
        ticks: narrow ? 5 : 10,
        tickFormat: (value: number) => formatNumber(value, 0),
      },
      y: { domain: rows.map((row) => row.commune_name), label: null },
      symbol: { domain: looks.map((band) => band.code), range: looks.map((band) => band.symbol) },
      color: { domain: looks.map((band) => band.code), range: looks.map((band) => band.colour) },
      marks: [
        // Plot's lineWidth is in ems of the 12 px font: 7 ems (about 97 px in the widest common font) fit the phone's 100 px margin.
        Plot.axisY({ tickSize: 0, lineWidth: narrow ? 7 : 12, lineHeight: 1.1 }),
        Plot.ruleX(thresholds, { x: "minPct", stroke: palette.caption, strokeDasharray: "4,3" }),
        Plot.text(thresholds, {
          x: "minPct",
          frameAnchor: "top",
          dy: -22,
          textAnchor: "start",
          dx: 3,
          // On a phone the thresholds are 50 px apart: the shape and the threshold only; the band
          // legend above the chart names them.
          text: (band: (typeof looks)[number]) =>
            narrow
              ? `${band.glyph} ≥ ${formatNumber(band.minPct, 0)}`
              : `${band.label} ${band.glyph} ≥ ${formatNumber(band.minPct, 0)}%`,
        }),
        ...intervalMarks(rows, "commune_name", "index_ci_low", "index_ci_high"),
        Plot.dot(rows, {
          y: "commune_name",
          x: "index_pct",
          symbol: "band",
          fill: "band",
          stroke: palette.paper,
          r: 6,
        }),
        Plot.text(rows, {
          y: "commune_name",
          x: "index_ci_high",
          dx: 5,
          textAnchor: "start",
          text: (row: ResultsRow) => formatPct(row.index_pct),
        }),
      ],
    },
    title,
    description,
    document,
  );
  return chartOf(element, {
    id: `xep-hang-${year}`,
    title,
    description,
    width,
    height,
    table: {
      columns: ["Hạng", "Đơn vị", "Chỉ số CCHC", "Khoảng tin cậy 95%", "Nhóm"],
      numeric: [true, false, true, true, false],
      rows: rows.map((row) => [
        String(row.rank),
        row.commune_name,
        formatPct(row.index_pct),
        `${formatNumber(row.index_ci_low)}–${formatNumber(row.index_ci_high)}%`,
        bandLook(bands, row.band).label,
      ]),
    },
  });
}
