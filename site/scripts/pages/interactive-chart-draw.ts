// Loaded when an interactive chart comes into view (see interactive-chart.ts), with Plot and the
// published summary (/tom-tat.json): draws the reader's choice in place of the static chart at
// once, from published figures only — no query engine.
import { capitalised, formatPointsOfMax } from "../../../pipeline/rules/display.ts";
import { formatPct } from "../../../pipeline/rules/format.ts";
import { comparisonHeadline } from "../query/differences.ts";
import type { SummaryDomain, SummaryFigures } from "../../lib/published-summary.ts";
import { compareDomainsChart } from "../../charts/compare-domains.ts";
import { domainCommunesChart } from "../../charts/domain-communes.ts";
import { drawChart, type ChartFunction } from "../charts/draw.ts";
import { dataTable } from "../ui/data-table.ts";
import { drawnMark } from "../state/marks.ts";
import { readPageWords, type PageWords } from "../ui/page-words.ts";

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
  return measure === "pct" ? formatPct(row.pct) : formatPointsOfMax(row.points, row.max_points);
}

/** One legend item per name, then the average's under its label ("Trung bình huyện"). */
function legendItems(names: string[], average: string): HTMLLIElement[] {
  const items = names.map((name, index) => {
    const item = document.createElement("li");
    const swatch = document.createElement("span");
    swatch.className = `swatch swatch-${index}`;
    swatch.setAttribute("aria-hidden", "true");
    item.append(swatch, name);
    return item;
  });
  const item = document.createElement("li");
  const swatch = document.createElement("span");
  swatch.className = "swatch swatch-reference";
  swatch.setAttribute("aria-hidden", "true");
  item.append(swatch, capitalised(average));
  items.push(item);
  return items;
}

/** The commune page's chart: its domains, beside another commune's, with the district average. */
function drawCommuneDomains(
  chart: ChartParts,
  rows: SummaryDomain[],
  names: Map<string, string>,
  codes: string[],
  measure: Measure,
  words: PageWords,
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
      : `${own?.name ?? ""} vượt ${words.average} ở ${aboveAverage}/${domainIds.length} lĩnh vực`;
  const communes = codes.map((code) => ({ code, name: names.get(code) ?? code }));
  const svg: ChartFunction = ({ width, document }) =>
    compareDomainsChart({
      rows,
      communes,
      measure,
      title,
      description: `Điểm theo lĩnh vực của ${communes.map((c) => c.name).join(", ")}; vạch đứt là ${words.average}.`,
      width,
      document,
    });
  render(
    chart,
    title,
    legendItems(
      codes.map((code) => names.get(code) ?? code),
      words.average,
    ),
    svg,
    {
      caption: `Điểm theo lĩnh vực: ${codes.map((code) => names.get(code) ?? code).join(", ")}`,
      columns: [
        "Lĩnh vực",
        ...codes.map((code) => names.get(code) ?? code),
        `${capitalised(words.average)} (%)`,
      ],
      rows: domainIds.map((domainId) => [
        `${domainId}. ${find(domainId, codes[0] ?? "")?.domain_name ?? ""}`,
        ...codes.map((code) => {
          const row = find(domainId, code);
          return row ? `${formatPct(row.pct)} (${formatPointsOfMax(row.points, row.max_points)})` : "—";
        }),
        formatPct(rows.find((row) => row.domain_id === domainId)?.district_avg_pct ?? 0),
      ]),
    },
  );
}

/** The domain page's chart: every commune on the domain, one of them highlighted. */
function drawDomainCommunes(
  chart: ChartParts,
  rows: SummaryDomain[],
  highlight: string,
  measure: Measure,
  words: PageWords,
): void {
  const ordered = [...rows].sort(
    (a, b) =>
      (measure === "pct" ? b.pct - a.pct : b.points - a.points) ||
      a.commune_code.localeCompare(b.commune_code),
  );
  const chosen = rows.find((row) => row.commune_code === highlight);
  const first = rows[0];
  const title = chosen
    ? `${chosen.commune_name} đứng thứ ${chosen.domain_rank}/${rows.length} ở lĩnh vực ${chosen.domain_id} (${measureText(measure, chosen)})`
    : `Lĩnh vực ${first?.domain_id ?? ""}: ${ordered[0]?.commune_name ?? ""} cao nhất (${ordered[0] ? measureText(measure, ordered[0]) : ""})`;
  const svg: ChartFunction = ({ width, document }) =>
    domainCommunesChart({
      rows: ordered,
      highlight,
      measure,
      title,
      description: `Điểm của từng ${words.kinds} ở lĩnh vực ${first?.domain_id ?? ""}; vạch đứt là ${words.average}.`,
      width,
      document,
    });
  render(
    chart,
    title,
    legendItems(
      chosen ? [`Các ${words.kinds} khác`, chosen.commune_name] : [capitalised(`các ${words.kinds}`)],
      words.average,
    ),
    svg,
    {
      caption: `Lĩnh vực ${first?.domain_id ?? ""}: ${first?.domain_name ?? ""}`,
      columns: [capitalised(words.kinds), "Tỷ lệ điểm đạt", "Điểm đạt/tối đa"],
      rows: ordered.map((row) => [
        row.commune_name,
        formatPct(row.pct),
        formatPointsOfMax(row.points, row.max_points),
      ]),
    },
  );
}

function render(
  chart: ChartParts,
  title: string,
  legend: HTMLLIElement[],
  svg: ChartFunction,
  table: { caption: string; columns: string[]; rows: string[][] },
): void {
  chart.figure.hidden = false;
  chart.title.textContent = title;
  chart.legend.replaceChildren(...legend);
  drawChart(chart.canvas, svg, { link: chart.downloads, fileName: "bieu-do-tuong-tac.svg" });
  performance.mark(drawnMark);
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

/** Starts the chart under `root` with the published summary: draws each choice of the reader. */
export function activateInteractiveChart(root: HTMLElement, summary: SummaryFigures): void {
  const chart = parts(root);
  if (!chart || root.dataset.active === "true") return;
  root.dataset.active = "true";
  const kind = root.dataset.interactiveChart;
  const subject = root.dataset.subject ?? "";
  const words = readPageWords(root);
  // The list of every unit, or at scale the search box's hidden field (interactive-chart-search.ts).
  const choice = chart.form.querySelector<HTMLSelectElement | HTMLInputElement>("[name=commune]");
  const names = new Map(summary.results.map((row) => [row.commune_code, row.commune_name]));
  const draw = () => {
    const measure: Measure =
      chart.form.querySelector<HTMLInputElement>("input[name=measure]:checked")?.value === "points"
        ? "points"
        : "pct";
    const chosen = choice?.value ?? "";
    if (kind === "commune-domains") {
      const codes = chosen ? [subject, chosen] : [subject];
      const rows = summary.domains.filter((row) => codes.includes(row.commune_code));
      drawCommuneDomains(chart, rows, names, codes, measure, words);
    } else {
      const rows = summary.domains.filter((row) => row.domain_id === subject);
      drawDomainCommunes(chart, rows, chosen, measure, words);
    }
  };
  chart.form.addEventListener("change", draw);
  draw();
}
