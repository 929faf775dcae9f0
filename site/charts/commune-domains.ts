// One commune's result in each domain (lĩnh vực) as % of the domain's maximum, against the
// district average of that domain: where the commune is ahead and where it lost ground.
import * as Plot from "@observablehq/plot";
import type { DomainsRow } from "../../schemas/published.ts";
import { formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { renderPlot } from "./chart.ts";
import type { Chart } from "./chart.ts";

/** "1. Công tác chỉ đạo, …": domain labels keep their id, which the criteria table uses too. */
export function domainLabel(row: Pick<DomainsRow, "domain_id" | "domain_name">): string {
  return `${row.domain_id}. ${row.domain_name}`;
}

function byDomainId(a: DomainsRow, b: DomainsRow): number {
  return Number(a.domain_id) - Number(b.domain_id);
}

/** "Xã Hồng Dụ cao hơn trung bình huyện ở 5/8 lĩnh vực; thấp nhất: lĩnh vực 7 (62,50%)". */
export function communeDomainsTitle(communeName: string, rows: readonly DomainsRow[]): string {
  const above = rows.filter((row) => row.pct > row.district_avg_pct).length;
  const weakest = [...rows].sort((a, b) => a.pct - b.pct || byDomainId(a, b))[0];
  const tail = weakest ? `; thấp nhất ở lĩnh vực ${weakest.domain_id} (${formatPct(weakest.pct)})` : "";
  return `${communeName} cao hơn trung bình huyện ở ${above}/${rows.length} lĩnh vực${tail}`;
}

export function communeDomainsChart(
  year: number,
  slug: string,
  communeName: string,
  domains: readonly DomainsRow[],
): Chart {
  const rows = [...domains].sort(byDomainId);
  const width = 720;
  const height = 60 + 50 * rows.length;
  const title = communeDomainsTitle(communeName, rows);
  const description =
    `Biểu đồ thanh: tỷ lệ điểm đạt của ${communeName} ở ${rows.length} lĩnh vực năm ${year}, ` +
    `vạch đen đậm là trung bình của huyện. ${title}.`;
  const svg = renderPlot(
    {
      width,
      height,
      marginLeft: 270,
      marginBottom: 40,
      marginRight: 64,
      x: {
        domain: [0, 100],
        label: "Tỷ lệ điểm đạt (%)",
        grid: true,
        tickFormat: (v: number) => formatNumber(v, 0),
      },
      y: { domain: rows.map(domainLabel), label: null },
      marks: [
        // Wrapped labels: lineWidth is in ems of the 12 px font, so 21 ems fit the 270 px margin.
        Plot.axisY({ lineWidth: 21, tickSize: 0, lineHeight: 1.1 }),
        Plot.barX(rows, { y: domainLabel, x: "pct", fill: "#56B4E9", insetTop: 6, insetBottom: 6 }),
        Plot.tickX(rows, { y: domainLabel, x: "district_avg_pct", stroke: "#111", strokeWidth: 3 }),
        Plot.text(rows, {
          y: domainLabel,
          x: "pct",
          dx: 6,
          textAnchor: "start",
          text: (row: DomainsRow) => formatPct(row.pct),
        }),
      ],
    },
    title,
    description,
  );
  return {
    id: `linh-vuc-${slug}-${year}`,
    title,
    description,
    svg,
    width,
    height,
    table: {
      columns: ["Lĩnh vực", "Điểm", "Tỷ lệ đạt", "Trung bình huyện"],
      numeric: [false, true, true, true],
      rows: rows.map((row) => [
        domainLabel(row),
        `${formatNumber(row.points)}/${formatNumber(row.max_points)}`,
        formatPct(row.pct),
        formatPct(row.district_avg_pct),
      ]),
    },
  };
}
