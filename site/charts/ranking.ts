// Ranking of all communes by index, with the 95% interval of each index as a whisker and the band
// thresholds as labelled rules: a reader sees at once who leads and which differences are too
// small to mean anything.
import * as Plot from "@observablehq/plot";
import type { Band } from "../../schemas/dataset.ts";
import type { ResultsRow } from "../../schemas/published.ts";
import { compareVietnamese, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { bandLook, bandLooks } from "../lib/bands.ts";
import { intervalMarks, renderPlot } from "./chart.ts";
import type { Chart } from "./chart.ts";

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

export function rankingChart(year: number, results: readonly ResultsRow[], bands: readonly Band[]): Chart {
  const rows = byRank(results);
  const looks = bandLooks(bands);
  const width = 720;
  const height = 60 + 24 * rows.length;
  const lowest = Math.min(...rows.map((row) => row.index_ci_low));
  const xMin = Math.max(0, Math.floor((lowest - 2) / 5) * 5);
  const thresholds = looks.filter((band) => band.minPct > xMin);
  const last = rows.at(-1);
  const title = leaderTitle(rows);
  const description =
    `Biểu đồ xếp hạng ${rows.length} xã, thị trấn theo Chỉ số CCHC năm ${year}: mỗi đơn vị là một điểm, ` +
    `vạch ngang là khoảng tin cậy 95%, các đường dọc là ngưỡng nhóm xếp loại. ${title}` +
    (last ? `; thấp nhất là ${last.commune_name} với ${formatPct(last.index_pct)}.` : ".");
  const svg = renderPlot(
    {
      width,
      height,
      marginLeft: 150,
      marginRight: 60,
      marginTop: 36,
      x: {
        domain: [xMin, 100],
        label: "Chỉ số CCHC (%)",
        grid: true,
        tickFormat: (value: number) => formatNumber(value, 0),
      },
      y: { domain: rows.map((row) => row.commune_name), label: null },
      symbol: { domain: looks.map((band) => band.code), range: looks.map((band) => band.symbol) },
      color: { domain: looks.map((band) => band.code), range: looks.map((band) => band.colour) },
      marks: [
        Plot.ruleX(thresholds, { x: "minPct", stroke: "#444", strokeDasharray: "4,3" }),
        Plot.text(thresholds, {
          x: "minPct",
          frameAnchor: "top",
          dy: -26,
          textAnchor: "start",
          dx: 3,
          text: (band: (typeof looks)[number]) =>
            `${band.label} ${band.glyph} ≥ ${formatNumber(band.minPct, 0)}%`,
        }),
        ...intervalMarks(rows, "commune_name", "index_ci_low", "index_ci_high"),
        Plot.dot(rows, {
          y: "commune_name",
          x: "index_pct",
          symbol: "band",
          fill: "band",
          stroke: "white",
          r: 6,
        }),
        Plot.text(rows, {
          y: "commune_name",
          x: "index_ci_high",
          dx: 6,
          textAnchor: "start",
          text: (row: ResultsRow) => formatPct(row.index_pct),
        }),
      ],
    },
    title,
    description,
  );
  return {
    id: `xep-hang-${year}`,
    title,
    description,
    svg,
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
  };
}
