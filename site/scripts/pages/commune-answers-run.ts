// A commune page's microdata chart (site/components/CommuneAnswers.astro), loaded when the reader
// presses the button that states the engine's size (see commune-answers.ts): DuckDB-WASM counts
// this commune's citizens' answers to the chosen question by their answer to the profile question,
// from the published responses table, and Plot draws them through the build's chart function.
import { answersByGroupChart, type GroupAnswer } from "../../charts/answers-by-group.ts";
import { formatInt, formatPct } from "../../../pipeline/rules/format.ts";
import { drawChart } from "../charts/draw.ts";
import { openPublishedData, withLoadingState, type PublishedData } from "../query/engine.ts";
import { crossTabulation } from "../query/explore.ts";
import { dataTable } from "../ui/data-table.ts";

interface Question {
  id: string;
  text: string;
  options: { option: string; label: string }[];
}

interface Catalogue {
  group: Question;
  questions: Question[];
}

/** Starts the engine for the section under `root` and answers each question the reader picks. */
export function run(root: HTMLElement): void {
  const find = <E extends Element>(selector: string) => root.querySelector<E>(selector);
  const catalogue = JSON.parse(
    find("script[type='application/json']")?.textContent ?? "null",
  ) as Catalogue | null;
  const button = find<HTMLButtonElement>("[data-engine-start]");
  const status = find<HTMLElement>(".query-status");
  const form = find<HTMLFormElement>(".interactive-controls");
  const select = find<HTMLSelectElement>("select[name=question]");
  const figure = find<HTMLElement>("figure");
  const title = find<HTMLElement>(".chart-title");
  const canvas = find<HTMLElement>(".chart-live");
  const downloads = find<HTMLElement>(".chart-downloads");
  const table = find<HTMLElement>(".answers-table");
  if (
    !catalogue ||
    !button ||
    !status ||
    !form ||
    !select ||
    !figure ||
    !title ||
    !canvas ||
    !downloads ||
    !table
  )
    return;
  const commune = root.dataset.communeAnswers ?? "";
  const communeName = root.dataset.communeName ?? "";
  const year = Number(root.dataset.year);

  let data: PublishedData | null = null;
  let shown = 0;

  const show = async (): Promise<void> => {
    const request = ++shown;
    const question = catalogue.questions.find((candidate) => candidate.id === select.value);
    if (!question || !data) return;
    const published = data;
    // Rows: the profile question's answer; columns: the chosen question's answer; same form.
    const cells = await withLoadingState(
      status,
      () =>
        crossTabulation(published, {
          question: catalogue.group.id,
          crossQuestion: question.id,
          commune,
          answer: null,
        }),
      "Đang đếm các phiếu…",
    );
    if (!cells || request !== shown) return;
    const count = (group: string, answer: string) =>
      cells.find((cell) => cell.row_option === group && cell.column_option === answer)?.count ?? 0;
    const groups = catalogue.group.options.filter((group) =>
      question.options.some((answer) => count(group.option, answer.option) > 0),
    );
    const rows: GroupAnswer[] = groups.flatMap((group) => {
      const total = question.options.reduce((sum, answer) => sum + count(group.option, answer.option), 0);
      return question.options.map((answer) => {
        const n = count(group.option, answer.option);
        const share = total > 0 ? (100 * n) / total : 0;
        return {
          group: group.label,
          answer: answer.label,
          count: n,
          share,
          text: `${formatInt(n)} (${formatPct(share, 1)})`,
        };
      });
    });
    const heading = `${communeName}: câu ${question.id} theo cách nộp hồ sơ`;
    figure.hidden = false;
    title.textContent = heading;
    drawChart(
      canvas,
      ({ width, document }) =>
        answersByGroupChart({
          rows,
          groups: groups.map((group) => group.label),
          answers: question.options.map((answer) => answer.label),
          title: heading,
          description: `Tỷ lệ từng câu trả lời cho câu “${question.text}” trong mỗi nhóm người dân.`,
          width,
          document,
        }),
      { link: downloads, fileName: `y-kien-${commune}-${question.id}.svg` },
    );
    table.replaceChildren(
      dataTable({
        caption: `Số phiếu của ${communeName} theo câu trả lời cho câu ${question.id}, theo cách nộp hồ sơ`,
        columns: [
          { label: "Cách nộp hồ sơ" },
          ...question.options.map((answer) => ({ label: answer.label, numeric: true })),
        ],
        rows: groups.map((group) => [
          group.label,
          ...question.options.map((answer) => {
            const cell = document.createElement("span");
            cell.dataset.group = group.option;
            cell.dataset.answer = answer.option;
            cell.textContent = formatInt(count(group.option, answer.option));
            return { content: cell, numeric: true };
          }),
        ]),
      }),
    );
  };

  const start = async () => {
    button.hidden = true;
    data = await withLoadingState(
      status,
      (onProgress, onStarting) => openPublishedData(year, ["responses"], onProgress, onStarting),
      "Đang tải dữ liệu chi tiết và công cụ truy vấn…",
    );
    if (!data) {
      button.hidden = false; // the reader may try again
      return;
    }
    form.hidden = false;
    await show();
  };
  button.addEventListener("click", () => void start());
  void start();
  form.addEventListener("submit", (event) => event.preventDefault());
  select.addEventListener("change", () => void show());
}
