// /so-sanh/: compare 2–4 communes. The page's static HTML lists every commune (the whitelist of
// codes and names); this script starts DuckDB-WASM on load, keeps the choice in the URL
// (`?xa=11155,11215`) and answers each choice with the published domains and criteria.
import { formatNumber, formatPct } from "../../lib/format.ts";
import { communeCombobox } from "../ui/combobox.ts";
import { comparisonHeadline, criterionDifferences } from "../query/differences.ts";
import {
  compareTables,
  comparedDomains,
  comparedResults,
  criterionScores,
  type ComparedDomain,
  type ComparedResult,
} from "../query/compare.ts";
import type { SearchableCommune } from "../ui/search.ts";
import { comparedSearch, maxCompared, minCompared, parseComparedCodes } from "../state/compare.ts";
import { openPublishedData, withLoadingState, type PublishedData } from "../query/engine.ts";
import { barChart, enableTooltips, fittedWidth } from "../charts/bars.ts";
import { dataTable, type TableCell } from "../ui/data-table.ts";
import { replaceSvgDownload } from "../ui/svg-download.ts";

/** The performance mark set when the first comparison is on screen. */
export const firstResultMark = "so-sanh:first-result";

interface ListedCommune extends SearchableCommune {
  href: string;
}

function required<E extends Element>(root: ParentNode, selector: string): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`/so-sanh/: missing ${selector}`);
  return element;
}

function listedCommunes(): ListedCommune[] {
  return [...document.querySelectorAll<HTMLElement>("[data-commune-code]")].map((item) => ({
    code: item.dataset.communeCode ?? "",
    name: item.dataset.communeName ?? "",
    href: item.querySelector("a")?.getAttribute("href") ?? "",
  }));
}

function communeLink(commune: ListedCommune | undefined, fallback: string): Node {
  const link = document.createElement("a");
  link.href = commune?.href ?? "";
  link.textContent = commune?.name ?? fallback;
  return link;
}

const sourceNames: Record<string, string> = {
  appraisal: "thẩm định",
  survey: "điều tra xã hội học",
  mixed: "thẩm định và điều tra",
};

function start(): void {
  const app = document.getElementById("compare-app");
  if (!app) return;
  const year = Number(app.dataset.year);
  const defaults = (app.dataset.defaultCodes ?? "").split(",").filter(Boolean);
  const dataVersion = app.dataset.version ?? "";
  const communes = listedCommunes();
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const knownCodes = new Set(byCode.keys());

  const status = required<HTMLElement>(app, "#compare-status");
  const notice = required<HTMLElement>(app, "#compare-notice");
  const results = required<HTMLElement>(app, "#compare-results");
  const summary = required<HTMLElement>(app, "#compare-summary");
  const chartTitle = required<HTMLElement>(app, "#compare-domains-title");
  const chart = required<HTMLElement>(app, "#compare-domains-chart");
  const legend = required<HTMLElement>(app, "#compare-domains-legend");
  const chartDownload = required<HTMLElement>(app, "#compare-domains-download");
  const domainTable = required<HTMLElement>(app, "#compare-domains-table");
  const criteria = required<HTMLElement>(app, "#compare-criteria");
  app.hidden = false;
  enableTooltips(chart);

  let data: Promise<PublishedData | null> | null = null;
  let shown = 0;

  const combobox = communeCombobox(
    {
      input: required(app, "#compare-input"),
      listbox: required(app, "#compare-listbox"),
      chosen: required(app, "#compare-chosen"),
      announcer: required(app, "#compare-announcer"),
    },
    communes,
    maxCompared,
    (codes) => {
      history.pushState(null, "", `${location.pathname}${comparedSearch(codes)}`);
      void show(codes);
    },
  );

  /** Shows the communes of the current URL, saying which values of the link were ignored. */
  function showUrl(): Promise<void> {
    const { codes, ignored } = parseComparedCodes(location.search, knownCodes);
    const message =
      ignored.length > 0
        ? `Đã bỏ qua mã không hợp lệ hoặc vượt quá ${maxCompared} đơn vị trong liên kết: ${ignored.join(", ")}.`
        : "";
    return show(codes, message);
  }

  async function show(codes: string[], message = ""): Promise<void> {
    const request = ++shown;
    combobox.setChosen(codes);
    notice.textContent =
      codes.length < minCompared
        ? `${message} Hãy chọn ít nhất hai xã, thị trấn để so sánh.`.trim()
        : message;
    if (codes.length < minCompared) {
      results.hidden = true;
      return;
    }
    data ??= withLoadingState(status, () => openPublishedData(year, compareTables));
    const published = await data;
    if (!published) {
      data = null; // a later choice may try again
      return;
    }
    const answers = await withLoadingState(
      status,
      () =>
        Promise.all([
          comparedResults(published, codes),
          comparedDomains(published, codes),
          criterionScores(published, codes),
        ]),
      "Đang truy vấn dữ liệu…",
    );
    // A newer choice was made while this one was being answered: it will render instead.
    if (!answers || request !== shown) return;
    const [resultRows, domainRows, criterionRows] = answers;
    const chosen = codes.map((code) => byCode.get(code)).filter((commune) => commune !== undefined);
    // Shown before drawing, so that the chart can be drawn at the width it will have.
    results.hidden = false;
    renderSummary(chosen, resultRows);
    renderDomains(chosen, domainRows);
    renderCriteria(chosen, criterionRows);
    // Read by tests/e2e/measure-compare.ts: time from navigation to the first answer on screen.
    if (performance.getEntriesByName(firstResultMark).length === 0) performance.mark(firstResultMark);
    document.title = `So sánh ${chosen.map((commune) => commune.name).join(", ")} – Chỉ số CCHC ${year}`;
  }

  function renderSummary(chosen: ListedCommune[], rows: ComparedResult[]): void {
    const byCommune = new Map(rows.map((row) => [row.commune_code, row]));
    const line = (label: string, value: (row: ComparedResult) => string): TableCell[] => [
      label,
      ...chosen.map((commune) => {
        const row = byCommune.get(commune.code);
        return { content: row ? value(row) : "—", numeric: true };
      }),
    ];
    summary.replaceChildren(
      dataTable({
        caption: `Kết quả chung năm ${year}`,
        columns: [
          { label: "Chỉ tiêu" },
          ...chosen.map((commune) => ({ label: communeLink(commune, commune.code), numeric: true })),
        ],
        rows: [
          line("Chỉ số CCHC", (row) => formatPct(row.index_pct)),
          line(
            "Khoảng tin cậy 95%",
            (row) => `${formatPct(row.index_ci_low)} – ${formatPct(row.index_ci_high)}`,
          ),
          line("Thứ hạng", (row) => `${row.rank}/${knownCodes.size}`),
          line("Khoảng hạng", (row) => `${row.rank_low}–${row.rank_high}`),
          line("Nhóm xếp loại", (row) => `Nhóm ${row.band}`),
          line("Điểm đạt / tối đa", (row) => `${formatNumber(row.points)} / ${formatNumber(row.max_points)}`),
          line("Điểm thẩm định", (row) => formatNumber(row.appraisal_points)),
          line("Điểm điều tra xã hội học", (row) => formatNumber(row.survey_points)),
          line("Mức độ hài lòng của người dân", (row) =>
            row.satisfaction_pct === null ? "không có số liệu" : formatPct(row.satisfaction_pct),
          ),
        ],
      }),
    );
  }

  function renderDomains(chosen: ListedCommune[], rows: ComparedDomain[]): void {
    const domainIds = [...new Set(rows.map((row) => row.domain_id))];
    const cell = (domainId: string, code: string) =>
      rows.find((row) => row.domain_id === domainId && row.commune_code === code);
    const headline = comparisonHeadline(rows, chosen);
    chartTitle.textContent = headline;
    legend.replaceChildren(
      ...chosen.map((commune, index) => {
        const item = document.createElement("li");
        const swatch = document.createElement("span");
        swatch.className = `swatch swatch-${index}`;
        swatch.setAttribute("aria-hidden", "true");
        item.append(swatch, `${index + 1}. ${commune.name}`);
        return item;
      }),
    );
    const svg = barChart({
      width: fittedWidth(chart),
      scaleMax: 100,
      ariaLabel: `${headline}. Tỷ lệ điểm đạt theo lĩnh vực của ${chosen.map((commune) => commune.name).join(", ")}; vạch đứng là trung bình của huyện.`,
      groups: domainIds.map((domainId) => {
        const first = rows.find((row) => row.domain_id === domainId);
        return {
          label: `${domainId}. ${first?.domain_name ?? ""}`,
          bars: chosen.flatMap((commune, index) => {
            const row = cell(domainId, commune.code);
            return row
              ? [
                  {
                    series: index,
                    value: row.pct,
                    valueText: formatPct(row.pct),
                    tooltip: `${commune.name} – lĩnh vực ${domainId}: ${formatPct(row.pct)} (${formatNumber(row.points)}/${formatNumber(row.max_points)} điểm)`,
                  },
                ]
              : [];
          }),
          ...(first
            ? {
                reference: {
                  value: first.district_avg_pct,
                  tooltip: `Trung bình huyện – lĩnh vực ${domainId}: ${formatPct(first.district_avg_pct)}`,
                },
              }
            : {}),
        };
      }),
    });
    chart.querySelector("svg")?.remove();
    chart.prepend(svg);
    replaceSvgDownload(
      chartDownload,
      svg,
      `so-sanh-linh-vuc-${chosen.map((commune) => commune.code).join("-")}.svg`,
    );
    domainTable.replaceChildren(
      dataTable({
        caption: `Tỷ lệ điểm đạt theo lĩnh vực (%) và điểm đạt/tối đa, dữ liệu phiên bản ${dataVersion}`,
        columns: [
          { label: "Lĩnh vực" },
          ...chosen.map((commune) => ({ label: commune.name, numeric: true })),
          { label: "Trung bình huyện", numeric: true },
        ],
        rows: domainIds.map((domainId) => {
          const first = rows.find((row) => row.domain_id === domainId);
          return [
            `${domainId}. ${first?.domain_name ?? ""}`,
            ...chosen.map((commune) => {
              const row = cell(domainId, commune.code);
              return row
                ? `${formatPct(row.pct)} (${formatNumber(row.points)}/${formatNumber(row.max_points)})`
                : "không áp dụng";
            }),
            first ? formatPct(first.district_avg_pct) : "—",
          ];
        }),
      }),
    );
  }

  function renderCriteria(chosen: ListedCommune[], rows: Awaited<ReturnType<typeof criterionScores>>): void {
    const differences = criterionDifferences(rows);
    criteria.replaceChildren(
      dataTable({
        caption: "Các tiêu chí, xếp theo mức chênh lệch điểm giữa các đơn vị được chọn (lớn nhất trước)",
        columns: [
          { label: "Tiêu chí" },
          { label: "Nguồn điểm" },
          ...chosen.map((commune) => ({ label: commune.name, numeric: true })),
          { label: "Chênh lệch (điểm)", numeric: true },
        ],
        rows: differences.map((difference) => [
          `${difference.criterionId}. ${difference.criterionName}`,
          sourceNames[difference.source] ?? difference.source,
          ...chosen.map((commune) => {
            const score = difference.scores.get(commune.code);
            return score ? `${formatNumber(score.points)}/${formatNumber(score.max)}` : "không áp dụng";
          }),
          difference.gap === null ? "—" : formatNumber(difference.gap),
        ]),
      }),
    );
  }

  window.addEventListener("popstate", () => void showUrl());

  if (!new URLSearchParams(location.search).has("xa")) {
    // No choice yet: the best and the weakest commune, written into the URL so it can be shared.
    history.replaceState(null, "", `${location.pathname}${comparedSearch(defaults)}`);
  }
  void showUrl();
}

start();
