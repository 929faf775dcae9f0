// /so-sanh/: compare 2–4 communes. The page carries the published summary (every commune's results,
// the whitelist of codes and names, and their domain rates, which a year with many units fetches
// from /tom-tat.json at the first comparison instead); this script keeps the choice in the URL
// (`?xa=hong-du,an-duc`) and answers each choice from that summary at once. What is shown is worked out in ../state/compare.ts (tested in Node); this file
// only draws it. DuckDB-WASM loads only when the reader asks for the criteria differences, which
// need the published criteria table.
import { readPageWords } from "../ui/page-words.ts";
import { formatNumber } from "../../../pipeline/rules/format.ts";
import { communeSlug } from "../../../pipeline/rules/slug.ts";
import { formatPointsOfMax } from "../../../pipeline/rules/display.ts";
import { communeCombobox } from "../ui/combobox.ts";
import { comparisonHeadline, criterionDifferences } from "../query/differences.ts";
import { criteriaTables, criterionScores } from "../query/compare.ts";
import type { SummaryDomain, SummaryFigures } from "../../lib/published-summary.ts";
import type { SearchableCommune } from "../ui/search.ts";
import {
  comparedSearch,
  domainGroups,
  maxCompared,
  minCompared,
  parseCompared,
  shareTitle,
  summaryLines,
} from "../state/compare.ts";
import { openPublishedData, withLoadingState, type PublishedData } from "../query/engine.ts";
import { dataTable, groupedTable } from "../ui/data-table.ts";
import { drawChart } from "../charts/draw.ts";
import { setShared } from "../ui/share.ts";

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

/** The summary's communes, each with its page's address under `pages` (the site's /xa/). */
function listedCommunes(summary: SummaryFigures, pages: string): ListedCommune[] {
  return summary.results.map((row) => ({
    code: row.commune_code,
    name: row.commune_name,
    href: `${pages}${communeSlug(row.commune_name)}/`,
  }));
}

/** The domain rates: carried with the page, or fetched once from the published summary. */
function domainRates(
  summary: SummaryFigures,
  summaryUrl: string | undefined,
): () => Promise<SummaryDomain[]> {
  let rates: Promise<SummaryDomain[]> | null = null;
  return () => {
    rates ??=
      summary.domains.length > 0 || summaryUrl === undefined
        ? Promise.resolve(summary.domains)
        : fetch(summaryUrl)
            .then((response) => {
              if (!response.ok) throw new Error(`${response.status} ${summaryUrl}`);
              return response.json() as Promise<SummaryFigures>;
            })
            .then((fetched) => fetched.domains)
            .catch((error: unknown) => {
              rates = null; // the next choice tries again
              throw error;
            });
    return rates;
  };
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
  const words = readPageWords(app);
  const summaryData = JSON.parse(
    required<HTMLElement>(document, "#compare-data").textContent ?? "{}",
  ) as SummaryFigures;
  const communes = listedCommunes(summaryData, app.dataset.communePages ?? "");
  const byCode = new Map(communes.map((commune) => [commune.code, commune]));
  const domainsOf = domainRates(summaryData, app.dataset.summary);
  const status = required<HTMLElement>(app, "#compare-status");
  const criteriaButton = required<HTMLButtonElement>(app, "#compare-criteria-load");
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

  let data: Promise<PublishedData | null> | null = null;
  let drawDomains: ((width?: number) => void) | null = null;
  let printWidth: number | undefined;
  let asked = false;
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
      history.pushState(null, "", `${location.pathname}${comparedSearch(codes, communes)}`);
      void show(codes);
    },
  );

  /** Shows the communes of the current URL, saying which values of the link were ignored. */
  function showUrl(): Promise<void> {
    const { codes, ignored } = parseCompared(location.search, communes);
    const message =
      ignored.length > 0
        ? `Đã bỏ qua tên hoặc mã không có trong danh sách, trùng lặp hoặc vượt quá ${maxCompared} đơn vị trong liên kết: ${ignored.join(", ")}.`
        : "";
    // The link in the address bar and in "Chia sẻ" is the canonical one (address names).
    history.replaceState(null, "", `${location.pathname}${comparedSearch(codes, communes)}`);
    return show(codes, message);
  }

  async function show(codes: string[], message = ""): Promise<void> {
    const request = ++shown;
    combobox.setChosen(codes);
    notice.textContent =
      codes.length < minCompared
        ? `${message} Hãy chọn ít nhất hai ${words.kinds} để so sánh.`.trim()
        : message;
    if (codes.length < minCompared) {
      results.hidden = true;
      return;
    }
    const chosen = codes.map((code) => byCode.get(code)).filter((commune) => commune !== undefined);
    const chosenCodes = new Set(codes);
    // Shown before drawing, so that the chart can be drawn at the width it will have.
    results.hidden = false;
    renderSummary(chosen);
    let rates: SummaryDomain[];
    try {
      rates = await domainsOf();
    } catch {
      notice.textContent = "Chưa tải được điểm theo lĩnh vực. Hãy kiểm tra kết nối mạng rồi chọn lại.";
      return;
    }
    if (request !== shown) return; // a later choice is being shown
    renderDomains(
      chosen,
      rates.filter((row) => chosenCodes.has(row.commune_code)),
    );
    // Read by the site benchmark: time from navigation to the first answer on screen.
    if (performance.getEntriesByName(firstResultMark).length === 0) performance.mark(firstResultMark);
    document.title = shareTitle(chosen, year);
    setShared(shareTitle(chosen, year));
    if (asked) await showCriteria(chosen, request);
    else criteria.replaceChildren();
  }

  /** The criteria differences: the engine starts on the reader's first request, then answers each choice. */
  async function showCriteria(chosen: ListedCommune[], request: number): Promise<void> {
    criteriaButton.hidden = true;
    data ??= withLoadingState(
      status,
      (onProgress, onStarting) => openPublishedData(year, criteriaTables, onProgress, onStarting),
      "Đang tải dữ liệu chi tiết và công cụ truy vấn…",
    );
    const published = await data;
    if (!published) {
      data = null; // a later request may try again
      criteriaButton.hidden = false;
      return;
    }
    const rows = await withLoadingState(
      status,
      () =>
        criterionScores(
          published,
          chosen.map((commune) => commune.code),
        ),
      "Đang truy vấn dữ liệu…",
    );
    // A newer choice was made while this one was being answered: it will render instead.
    if (!rows || request !== shown) return;
    renderCriteria(chosen, rows);
  }

  criteriaButton.addEventListener("click", () => {
    asked = true;
    const { codes } = parseCompared(location.search, communes);
    const chosen = codes.map((code) => byCode.get(code)).filter((commune) => commune !== undefined);
    void showCriteria(chosen, shown);
  });

  function renderSummary(chosen: ListedCommune[]): void {
    const table = dataTable({
      caption: `Kết quả chung năm ${year}`,
      columns: [
        { label: "Chỉ tiêu" },
        ...chosen.map((commune) => ({ label: communeLink(commune, commune.code), numeric: true })),
      ],
      rows: summaryLines(
        chosen.map((commune) => commune.code),
        summaryData.results,
        communes.length,
      ).map((line) => [line.label, ...line.values]),
    });
    table.className = "fit-table";
    summary.replaceChildren(table);
  }

  function renderDomains(chosen: ListedCommune[], rows: SummaryDomain[]): void {
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
    const description = `Tỷ lệ điểm đạt theo lĩnh vực của ${chosen.map((commune) => commune.name).join(", ")}; vạch đứt là ${words.average}.`;
    // Plot comes with the chart code, after the tables: the figures do not wait for it.
    void import("../../charts/compare-domains.ts").then(({ compareDomainsChart, PHONE_WIDTH }) => {
      if (results.hidden) return;
      printWidth = PHONE_WIDTH;
      drawDomains = (width?: number) =>
        drawChart(
          chart,
          ({ width, document }) =>
            compareDomainsChart({
              rows,
              communes: chosen,
              measure: "pct",
              title: headline,
              description,
              width,
              document,
            }),
          {
            link: chartDownload,
            fileName: `so-sanh-linh-vuc-${chosen.map((commune) => commune.code).join("-")}.svg`,
          },
          width,
        );
      drawDomains();
    });
    domainTable.replaceChildren(
      groupedTable({
        caption: `Tỷ lệ điểm đạt theo lĩnh vực (%) và điểm đạt/tối đa, dữ liệu phiên bản ${dataVersion}`,
        className: "fit-table",
        columns: [
          { label: "Đơn vị" },
          { label: "Tỷ lệ điểm đạt", numeric: true },
          { label: "Điểm đạt/tối đa", numeric: true },
        ],
        groups: domainGroups(chosen, rows, words.average).map((group) => ({
          heading: group.heading,
          rows: group.lines.map((line) => [line.label, line.rate, line.points]),
        })),
      }),
    );
  }

  function renderCriteria(chosen: ListedCommune[], rows: Awaited<ReturnType<typeof criterionScores>>): void {
    const differences = criterionDifferences(rows);
    criteria.replaceChildren(
      groupedTable({
        caption: "Các tiêu chí, xếp theo mức chênh lệch điểm giữa các đơn vị được chọn (lớn nhất trước)",
        className: "fit-table",
        columns: [{ label: "Đơn vị" }, { label: "Điểm đạt/tối đa", numeric: true }],
        groups: differences.map((difference) => ({
          heading: `${difference.criterionId}. ${difference.criterionName} (${sourceNames[difference.source] ?? difference.source}; chênh lệch ${difference.gap === null ? "—" : `${formatNumber(difference.gap)} điểm`})`,
          rows: chosen.map((commune) => {
            const score = difference.scores.get(commune.code);
            return [commune.name, score ? formatPointsOfMax(score.points, score.max) : "không áp dụng"];
          }),
        })),
      }),
    );
  }

  // Printed, the chart is drawn at the phone's width beside its table, its 12 px text at 9 pt
  // (site.css @media print); back on screen, at the screen's width again.
  window.addEventListener("beforeprint", () => drawDomains?.(printWidth));
  window.addEventListener("afterprint", () => drawDomains?.());

  window.addEventListener("popstate", () => void showUrl());

  if (!new URLSearchParams(location.search).has("xa")) {
    // No choice yet: the best and the weakest commune, written into the URL so it can be shared.
    history.replaceState(null, "", `${location.pathname}${comparedSearch(defaults, communes)}`);
  }
  void showUrl();
}

start();
