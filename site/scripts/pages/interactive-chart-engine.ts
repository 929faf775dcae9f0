// Loaded on a reader's first use of an interactive chart's controls (see interactive-chart.ts):
// starts DuckDB-WASM, queries the published `domains` table and draws the chosen view in place
// of the static chart. If DuckDB-WASM cannot run, the static chart stays and a message says why.
import { formatNumber, formatPct } from "../../lib/format.ts";
import { comparisonHeadline } from "../query/differences.ts";
import { comparedDomains, type ComparedDomain } from "../query/compare.ts";
import { openPublishedData, withLoadingState, type PublishedData } from "../query/engine.ts";
import { barChart, enableTooltips, fittedWidth, type BarGroup } from "../charts/bars.ts";
import { replaceSvgDownload } from "../ui/svg-download.ts";
import { domainAcrossCommunes, type DomainScore } from "../query/domain.ts";
import { dataTable } from "../ui/data-table.ts";

type Measure = "pct" | "points";

interface ChartParts {
  root: HTMLElement;
  form: HTMLFormElement;
  status: HTMLElement;
  figure: HTMLElement;
  title: HTMLElement;
  legend: HTMLElement;
  canvas: HTMLElement;
  downloads: HTMLElement;
  table: HTMLElement;
}

function parts(root: HTMLElement): ChartParts | null {
  const find = <E extends HTMLElement>(selector: string) => root.querySelector<E>(selector);
  const form = find<HTMLFormElement>(".interactive-controls");
  const status = find(".query-status");
  const figure = find("figure");
  const title = find(".chart-title");
  const legend = find(".chart-legend");
  const canvas = find(".chart-live");
  const downloads = find(".chart-downloads");
  const table = find(".interactive-table");
  if (!form || !status || !figure || !title || !legend || !canvas || !downloads || !table) return null;
  return { root, form, status, figure, title, legend, canvas, downloads, table };
}

function measureText(measure: Measure, row: { pct: number; points: number; max_points: number }): string {
  return measure === "pct"
    ? formatPct(row.pct)
    : `${formatNumber(row.points)}/${formatNumber(row.max_points)}`;
}

function legendItems(names: string[], withAverage: boolean): HTMLLIElement[] {
  const items = names.map((name, index) => {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${index}`;
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, name);
    return item;
  });
  if (withAverage) {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = "swatch swatch-reference";
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, "Trung bình huyện");
    items.push(item);
  }
  return items;
}

/** The commune page's chart: its domains, beside another commune's, with the district average. */
function drawCommuneDomains(
  chart: ChartParts,
  rows: ComparedDomain[],
  names: Map<string, string>,
  codes: string[],
  measure: Measure,
): void {
  const [own, other] = codes.map((code) => ({ code, name: names.get(code) ?? code }));
  const domainIds = [...new Set(rows.map((row) => row.domain_id))];
  const find = (domainId: string, code: string) =>
    rows.find((row) => row.domain_id === domainId && row.commune_code === code);
  const aboveAverage = domainIds.filter((domainId) => {
    const row = find(domainId, own?.code ?? "");
    return row !== undefined && row.pct > row.district_avg_pct;
  }).length;
  const title =
    own && other
      ? comparisonHeadline(rows, [own, other])
      : `${own?.name ?? ""} vượt trung bình huyện ở ${aboveAverage}/${domainIds.length} lĩnh vực`;
  const scaleMax = measure === "pct" ? 100 : Math.max(...rows.map((row) => row.max_points));
  const groups: BarGroup[] = domainIds.map((domainId) => {
    const first = find(domainId, codes[0] ?? "") ?? rows.find((row) => row.domain_id === domainId);
    return {
      label: `${domainId}. ${first?.domain_name ?? ""}`,
      bars: codes.flatMap((code, series) => {
        const row = find(domainId, code);
        if (!row) return [];
        return [
          {
            series,
            value: measure === "pct" ? row.pct : row.points,
            valueText: measureText(measure, row),
            tooltip: `${names.get(code) ?? code} – lĩnh vực ${domainId}: ${formatPct(row.pct)} (${formatNumber(row.points)}/${formatNumber(row.max_points)} điểm)`,
          },
        ];
      }),
      // The district average is a percentage; in points it would depend on each unit's maximum.
      ...(measure === "pct" && first
        ? {
            reference: {
              value: first.district_avg_pct,
              tooltip: `Trung bình huyện – lĩnh vực ${domainId}: ${formatPct(first.district_avg_pct)}`,
            },
          }
        : {}),
    };
  });
  render(
    chart,
    title,
    legendItems(
      codes.map((code) => names.get(code) ?? code),
      measure === "pct",
    ),
    groups,
    scaleMax,
    {
      caption: `Điểm theo lĩnh vực: ${codes.map((code) => names.get(code) ?? code).join(", ")}`,
      columns: ["Lĩnh vực", ...codes.map((code) => names.get(code) ?? code), "Trung bình huyện (%)"],
      rows: domainIds.map((domainId) => [
        `${domainId}. ${find(domainId, codes[0] ?? "")?.domain_name ?? ""}`,
        ...codes.map((code) => {
          const row = find(domainId, code);
          return row
            ? `${formatPct(row.pct)} (${formatNumber(row.points)}/${formatNumber(row.max_points)})`
            : "—";
        }),
        formatPct(rows.find((row) => row.domain_id === domainId)?.district_avg_pct ?? 0),
      ]),
    },
  );
}

/** The domain page's chart: every commune on the domain, one of them highlighted. */
function drawDomainCommunes(
  chart: ChartParts,
  rows: DomainScore[],
  highlight: string,
  measure: Measure,
): void {
  const ordered = [...rows].sort(
    (a, b) =>
      (measure === "pct" ? b.pct - a.pct : b.points - a.points) ||
      a.commune_code.localeCompare(b.commune_code),
  );
  const chosen = rows.find((row) => row.commune_code === highlight);
  const first = rows[0];
  const position = chosen ? ordered.indexOf(chosen) + 1 : 0;
  const title = chosen
    ? `${chosen.commune_name} đứng thứ ${position}/${rows.length} ở lĩnh vực ${chosen.domain_id} (${measureText(measure, chosen)})`
    : `Lĩnh vực ${first?.domain_id ?? ""}: ${ordered[0]?.commune_name ?? ""} cao nhất (${ordered[0] ? measureText(measure, ordered[0]) : ""})`;
  const scaleMax = measure === "pct" ? 100 : Math.max(...rows.map((row) => row.max_points));
  const groups: BarGroup[] = ordered.map((row) => ({
    label: row.commune_name,
    bars: [
      {
        series: row.commune_code === highlight ? 1 : 0,
        value: measure === "pct" ? row.pct : row.points,
        valueText: measureText(measure, row),
        tooltip: `${row.commune_name}: ${formatPct(row.pct)} (${formatNumber(row.points)}/${formatNumber(row.max_points)} điểm); trung bình huyện ${formatPct(row.district_avg_pct)}`,
      },
    ],
    ...(measure === "pct"
      ? {
          reference: {
            value: row.district_avg_pct,
            tooltip: `Trung bình huyện: ${formatPct(row.district_avg_pct)}`,
          },
        }
      : {}),
  }));
  render(
    chart,
    title,
    legendItems(
      chosen ? ["Các xã, thị trấn khác", chosen.commune_name] : ["Các xã, thị trấn"],
      measure === "pct",
    ),
    groups,
    scaleMax,
    {
      caption: `Lĩnh vực ${first?.domain_id ?? ""}: ${first?.domain_name ?? ""}`,
      columns: ["Xã, thị trấn", "Tỷ lệ điểm đạt", "Điểm đạt/tối đa"],
      rows: ordered.map((row) => [
        row.commune_name,
        formatPct(row.pct),
        `${formatNumber(row.points)}/${formatNumber(row.max_points)}`,
      ]),
    },
    170,
  );
}

function render(
  chart: ChartParts,
  title: string,
  legend: HTMLLIElement[],
  groups: BarGroup[],
  scaleMax: number,
  table: { caption: string; columns: string[]; rows: string[][] },
  labelWidth = 0,
): void {
  chart.figure.hidden = false;
  chart.title.textContent = title;
  chart.legend.replaceChildren(...legend);
  const width = fittedWidth(chart.canvas);
  // Commune names need ~170 units; on a phone they get at most 40% of the width.
  const svg = barChart({
    groups,
    scaleMax,
    ariaLabel: title,
    width,
    labelWidth: Math.min(labelWidth, Math.round(width * 0.4)),
  });
  chart.canvas.querySelector("svg")?.remove();
  chart.canvas.prepend(svg);
  replaceSvgDownload(chart.downloads, svg, `bieu-do-tuong-tac.svg`);
  chart.table.replaceChildren(
    dataTable({
      caption: table.caption,
      columns: table.columns.map((label, index) => ({ label, numeric: index > 0 })),
      rows: table.rows,
    }),
  );
  // The interactive chart takes the static chart's place; the static one returns if this fails.
  const staticTitle = chart.root.dataset.staticChart
    ? document.getElementById(chart.root.dataset.staticChart)
    : null;
  const staticFigure = staticTitle?.closest("figure");
  if (staticFigure) staticFigure.hidden = true;
}

/** Starts the chart under `root`: loads the data, draws the current choice, follows later ones. */
export async function activateInteractiveChart(root: HTMLElement): Promise<void> {
  const chart = parts(root);
  if (!chart || root.dataset.active === "true") return;
  root.dataset.active = "true";
  enableTooltips(chart.canvas);
  const year = Number(root.dataset.year);
  const kind = root.dataset.interactiveChart;
  const subject = root.dataset.subject ?? "";
  const select = chart.form.querySelector<HTMLSelectElement>("select[name=commune]");
  const names = new Map<string, string>([[subject, root.dataset.subjectName ?? subject]]);
  for (const option of select?.options ?? [])
    if (option.value) names.set(option.value, option.textContent ?? option.value);

  let data: PublishedData | null = null;
  let drawn = 0;
  const draw = async () => {
    const request = ++drawn;
    const measure: Measure =
      chart.form.querySelector<HTMLInputElement>("input[name=measure]:checked")?.value === "points"
        ? "points"
        : "pct";
    const chosen = select?.value ?? "";
    data ??= await withLoadingState(chart.status, () => openPublishedData(year, ["domains"]));
    if (!data) return;
    const published = data;
    if (kind === "commune-domains") {
      const codes = chosen ? [subject, chosen] : [subject];
      const rows = await withLoadingState(
        chart.status,
        () => comparedDomains(published, codes),
        "Đang truy vấn dữ liệu…",
      );
      if (rows && request === drawn) drawCommuneDomains(chart, rows, names, codes, measure);
    } else {
      const rows = await withLoadingState(
        chart.status,
        () => domainAcrossCommunes(published, subject),
        "Đang truy vấn dữ liệu…",
      );
      if (rows && request === drawn) drawDomainCommunes(chart, rows, chosen, measure);
    }
  };
  chart.form.addEventListener("change", () => void draw());
  await draw();
}
