// /kham-pha/: explore the survey. DuckDB-WASM starts after a tap on a button that states its size
// (remembered for the next visit, site/scripts/state/engine-consent.ts); the filters (panel, question,
// commune, answer, second question) live in the URL; the page shows the distribution of answers
// (chart + table), the citizens' cross-tabulation and offers the filtered rows as CSV. What is
// shown is worked out in ../state/explore-view.ts (tested in Node); this file asks the engine and
// draws.
import { readPageWords } from "../ui/page-words.ts";
import { compareVietnamese, formatInt } from "../../../pipeline/rules/format.ts";
import { openPublishedData, tapToLoad, withLoadingState } from "../query/engine.ts";
import { downloadCsv, rowsToCsv } from "../ui/csv-download.ts";
import {
  answerDistribution,
  citizenRowColumns,
  crossTabulation,
  exploreCatalogue,
  exploreTables,
  filteredRows,
  formTotals,
  officialsRowColumns,
  type AnswerCount,
  type CrossCount,
  type FormTotals,
} from "../query/explore.ts";
import { exploreSearch, parseExploreState, type ExploreState, type Panel } from "../state/explore.ts";
import { crossView, distributionView, downloadBaseName } from "../state/explore-view.ts";
import { drawChart } from "../charts/draw.ts";
import { dataTable } from "../ui/data-table.ts";

function required<E extends Element>(root: ParentNode, selector: string): E {
  const element = root.querySelector<E>(selector);
  if (!element) throw new Error(`/kham-pha/: missing ${selector}`);
  return element;
}

function option(value: string, label: string): HTMLOptionElement {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = label;
  return element;
}

async function start(): Promise<void> {
  const app = document.getElementById("explore-app");
  if (!app) return;
  const year = Number(app.dataset.year);
  const dataVersion = app.dataset.version ?? "";
  const { areaKind } = readPageWords(app);
  const status = required<HTMLElement>(app, "#explore-status");
  const form = required<HTMLFormElement>(app, "#explore-filters");
  const questionSelect = required<HTMLSelectElement>(form, "#explore-question");
  const communeSelect = required<HTMLSelectElement>(form, "#explore-commune");
  const answerSelect = required<HTMLSelectElement>(form, "#explore-answer");
  const crossSelect = required<HTMLSelectElement>(form, "#explore-cross");
  const crossField = required<HTMLElement>(form, "#explore-cross-field");
  const results = required<HTMLElement>(app, "#explore-results");
  const chartTitle = required<HTMLElement>(app, "#explore-chart-title");
  const chart = required<HTMLElement>(app, "#explore-chart");
  const chartDownload = required<HTMLElement>(app, "#explore-chart-download");
  const distributionTable = required<HTMLElement>(app, "#explore-distribution-table");
  const crossSection = required<HTMLElement>(app, "#explore-cross-section");
  const crossTable = required<HTMLElement>(app, "#explore-cross-table");
  const downloadButton = required<HTMLButtonElement>(app, "#explore-download");
  const downloadNote = required<HTMLElement>(app, "#explore-download-note");
  app.hidden = false;

  await tapToLoad(required<HTMLButtonElement>(app, "#explore-load"));
  const loaded = await withLoadingState(
    status,
    async (onProgress, onStarting) => {
      const data = await openPublishedData(year, exploreTables, onProgress, onStarting);
      return { data, catalogue: await exploreCatalogue(data) };
    },
    `Đang tải công cụ truy vấn (${status.dataset.engineSize ?? ""}, chỉ tải một lần)…`,
  );
  if (!loaded) return;
  const { data, catalogue } = loaded;
  const communeNames = new Map(catalogue.communes.map((commune) => [commune.code, commune.name]));
  communeSelect.replaceChildren(
    option("", `Toàn ${areaKind}`),
    ...[...catalogue.communes]
      .sort((a, b) => compareVietnamese(a.name, b.name) || a.code.localeCompare(b.code))
      .map((commune) => option(commune.code, commune.name)),
  );
  form.hidden = false;

  let state = parseExploreState(location.search, catalogue);
  if (!state) {
    status.hidden = false;
    status.textContent = "Dữ liệu năm này chưa có câu hỏi khảo sát nào.";
    return;
  }
  let shown = 0;

  function fillFilters(current: ExploreState): void {
    const panelInput = form.querySelector<HTMLInputElement>(`input[name=nhom][value=${current.panel}]`);
    if (panelInput) panelInput.checked = true;
    const questions = catalogue.questions.filter((question) => question.panel === current.panel);
    questionSelect.replaceChildren(
      ...questions.map((question) => option(question.id, `${question.id}. ${question.text}`)),
    );
    questionSelect.value = current.question;
    communeSelect.value = current.commune ?? "";
    const chosen = questions.find((question) => question.id === current.question);
    answerSelect.replaceChildren(
      option("", "Tất cả câu trả lời"),
      ...(chosen?.options ?? []).map((answer) => option(answer.option, `${answer.option}. ${answer.label}`)),
    );
    answerSelect.value = current.answer ?? "";
    crossField.hidden = current.panel !== "citizens";
    crossSelect.replaceChildren(
      ...questions
        .filter((question) => question.id !== current.question)
        .map((question) => option(question.id, `${question.id}. ${question.text}`)),
    );
    crossSelect.value = current.crossQuestion ?? "";
  }

  function stateFromFilters(): ExploreState | null {
    const params = new URLSearchParams();
    const panel = form.querySelector<HTMLInputElement>("input[name=nhom]:checked")?.value as
      Panel | undefined;
    params.set("nhom", panel === "officials" ? "can-bo" : "nguoi-dan");
    // Changing panel starts that panel's questions afresh; otherwise keep each chosen value.
    if (state && panel === state.panel) {
      params.set("cau", questionSelect.value);
      if (answerSelect.value && questionSelect.value === state.question) params.set("tl", answerSelect.value);
      if (crossSelect.value) params.set("cheo", crossSelect.value);
    }
    if (communeSelect.value) params.set("xa", communeSelect.value);
    return parseExploreState(`?${params.toString()}`, catalogue);
  }

  async function show(current: ExploreState): Promise<void> {
    const request = ++shown;
    fillFilters(current);
    const answers = await withLoadingState(
      status,
      () =>
        Promise.all([
          answerDistribution(data, current),
          formTotals(data, current),
          current.crossQuestion
            ? crossTabulation(data, { ...current, crossQuestion: current.crossQuestion })
            : Promise.resolve([]),
        ]),
      "Đang truy vấn dữ liệu…",
    );
    if (!answers || request !== shown) return;
    const [distribution, totals, cross] = answers;
    // Shown before drawing, so that the chart can be drawn at the width it will have.
    results.hidden = false;
    renderDistribution(current, distribution, totals);
    renderCross(current, cross);
    downloadNote.textContent = "";
  }

  function questionOf(id: string | null) {
    return catalogue.questions.find((question) => question.id === id);
  }

  function placeName(current: ExploreState): string {
    return current.commune ? (communeNames.get(current.commune) ?? current.commune) : `toàn ${areaKind}`;
  }

  function renderDistribution(current: ExploreState, rows: AnswerCount[], totals: FormTotals): void {
    const view = distributionView(
      current,
      questionOf(current.question),
      rows,
      totals,
      placeName(current),
      areaKind,
    );
    chartTitle.textContent = view.title;
    // Plot comes with the chart code, after the table, and only once the reader has asked for the
    // engine: the page's first view stays small.
    void import("../../charts/answer-counts.ts").then(({ answerCountsChart }) => {
      if (chartTitle.textContent !== view.title) return; // a newer view was drawn meanwhile
      drawChart(
        chart,
        ({ width, document }) =>
          answerCountsChart({
            bars: view.bars,
            title: view.title,
            description: `Số câu trả lời theo từng phương án của câu ${current.question}.`,
            width,
            document,
          }),
        {
          link: chartDownload,
          fileName: `kham-pha-${current.question}${current.commune ? `-${current.commune}` : ""}.svg`,
        },
      );
    });
    distributionTable.replaceChildren(
      dataTable({
        caption: view.caption,
        columns: [
          { label: "Phương án trả lời" },
          { label: "Số câu trả lời", numeric: true },
          { label: "Tỷ lệ", numeric: true },
        ],
        rows: view.rows.map((row) => [
          { content: row.label, className: row.chosen ? "chosen-answer" : "" },
          row.count,
          row.share,
        ]),
      }),
    );
  }

  function renderCross(current: ExploreState, rows: CrossCount[]): void {
    crossSection.hidden = current.panel !== "citizens" || !current.crossQuestion;
    if (crossSection.hidden) return;
    const view = crossView(
      current,
      questionOf(current.question),
      questionOf(current.crossQuestion),
      rows,
      placeName(current),
    );
    const cell = (count: number, row: string, column: string) => {
      const content = document.createElement("span");
      content.dataset.row = row;
      content.dataset.column = column;
      content.textContent = formatInt(count);
      return { content, numeric: true };
    };
    crossTable.replaceChildren(
      dataTable({
        caption: view.caption,
        columns: [
          { label: view.corner },
          ...view.columns.map((column) => ({ label: column.label, numeric: true })),
          { label: "Tổng", numeric: true },
        ],
        rows: view.rows.map((row) => [
          row.label,
          ...row.cells.map((value) => cell(value.count, row.option, value.column)),
        ]),
      }),
    );
  }

  function go(next: ExploreState | null): void {
    if (!next) return;
    state = next;
    history.pushState(null, "", `${location.pathname}${exploreSearch(next)}`);
    void show(next);
  }

  form.addEventListener("change", () => go(stateFromFilters()));
  form.addEventListener("submit", (event) => event.preventDefault());
  window.addEventListener("popstate", () => {
    state = parseExploreState(location.search, catalogue);
    if (state) void show(state);
  });
  downloadButton.addEventListener("click", () => {
    const current = state;
    if (!current) return;
    void (async () => {
      const rows = await withLoadingState(status, () => filteredRows(data, current), "Đang chuẩn bị tệp…");
      if (!rows) return;
      const columns = current.panel === "citizens" ? citizenRowColumns : officialsRowColumns;
      const name = downloadBaseName(year, current);
      downloadCsv(rowsToCsv(rows, columns), `${name}.csv`);
      downloadNote.textContent = `Đã tạo tệp ${name}.csv: ${formatInt(rows.length)} dòng, dữ liệu phiên bản ${dataVersion}.`;
    })();
  });

  history.replaceState(null, "", `${location.pathname}${exploreSearch(state)}`);
  await show(state);
}

void start();
