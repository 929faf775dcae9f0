// What /kham-pha/ shows for a state and the engine's answers, as plain data (tested in Node):
// the distribution's title, bars and table rows, the cross-tabulation's cells and totals, the name
// of the download. site/scripts/pages/explore.ts only asks the engine and turns this into DOM.
import { panelLabel } from "../../../pipeline/rules/display.ts";
import { formatInt, formatPct } from "../../../pipeline/rules/format.ts";
import type { AnswerCount, CrossCount, FormTotals } from "../query/explore.ts";
import type { ExploreCatalogue, ExploreState } from "./explore.ts";

type Question = ExploreCatalogue["questions"][number];

/** 12 of 48 → "25,0%"; shares of a small total are shown to one decimal. */
export function share(count: number, total: number): string {
  return total > 0 ? formatPct((100 * count) / total, 1) : "—";
}

export interface DistributionView {
  /** The chart's title: the finding (the most chosen answer), or that there is no answer yet. */
  title: string;
  /** One bar per option of the question, in the question's order. */
  bars: { label: string; count: number; text: string; highlighted: boolean }[];
  caption: string;
  /** One row per option, then "Tổng". */
  rows: { label: string; count: string; share: string; chosen: boolean }[];
}

export function distributionView(
  current: ExploreState,
  question: Question | undefined,
  answers: readonly AnswerCount[],
  totals: FormTotals,
  place: string,
  /** The issuing area's kind, whose officials answer ("huyện", "tỉnh": site/scripts/ui/page-words.ts). */
  areaKind: string,
): DistributionView {
  const counts = new Map(answers.map((row) => [row.option, row.count]));
  const options = question?.options ?? [];
  const total = answers.reduce((sum, row) => sum + row.count, 0);
  const top = [...answers].sort((a, b) => b.count - a.count)[0];
  const title =
    top && total > 0
      ? `${share(top.count, total)} câu trả lời của ${panelLabel(current.panel, areaKind)} (${place}) chọn “${top.option_label}”`
      : `Chưa có câu trả lời nào cho câu ${current.question} (${place})`;
  const perOption = options.map((answer) => {
    const count = counts.get(answer.option) ?? 0;
    return {
      answer,
      count,
      label: `${answer.option}. ${answer.label}`,
      chosen: answer.option === current.answer,
    };
  });
  return {
    title,
    bars: perOption.map(({ label, count, chosen }) => ({
      label,
      count,
      text: `${formatInt(count)} (${share(count, total)})`,
      highlighted: chosen,
    })),
    caption: `Câu ${current.question}: ${question?.text ?? ""} – ${place}, ${formatInt(totals.forms)} phiếu, ${formatInt(totals.no_answer)} phiếu bỏ trống câu này`,
    rows: [
      ...perOption.map(({ label, count, chosen }) => ({
        label,
        count: formatInt(count),
        share: share(count, total),
        chosen,
      })),
      { label: "Tổng", count: formatInt(total), share: total > 0 ? formatPct(100, 1) : "—", chosen: false },
    ],
  };
}

export interface CrossView {
  caption: string;
  corner: string;
  /** Column options (the second question's), then the total column. */
  columns: { option: string; label: string }[];
  /** One row per shown option of the first question, then the "Tổng" row (option "total"). */
  rows: { option: string; label: string; cells: { column: string; count: number }[] }[];
}

/** The cross-tabulation: counts per pair of options, with row and column totals. */
export function crossView(
  current: ExploreState,
  rowQuestion: Question | undefined,
  columnQuestion: Question | undefined,
  counts: readonly CrossCount[],
  place: string,
): CrossView {
  const rowOptions = (rowQuestion?.options ?? []).filter(
    (answer) => !current.answer || answer.option === current.answer,
  );
  const columnOptions = columnQuestion?.options ?? [];
  const count = (row: string, column: string) =>
    counts.find((cell) => cell.row_option === row && cell.column_option === column)?.count ?? 0;
  const grandTotal = counts.reduce((sum, cell) => sum + cell.count, 0);
  const withTotal = (cells: { column: string; count: number }[]) => [
    ...cells,
    { column: "total", count: cells.reduce((sum, cell) => sum + cell.count, 0) },
  ];
  return {
    caption: `Số phiếu theo câu trả lời: hàng là câu ${current.question} (${rowQuestion?.text ?? ""}), cột là câu ${current.crossQuestion ?? ""} (${columnQuestion?.text ?? ""}) – ${place}, ${formatInt(grandTotal)} phiếu trả lời cả hai câu`,
    corner: `${current.question} \\ ${current.crossQuestion ?? ""}`,
    columns: columnOptions.map((answer) => ({
      option: answer.option,
      label: `${answer.option}. ${answer.label}`,
    })),
    rows: [
      ...rowOptions.map((answer) => ({
        option: answer.option,
        label: `${answer.option}. ${answer.label}`,
        cells: withTotal(
          columnOptions.map((column) => ({
            column: column.option,
            count: count(answer.option, column.option),
          })),
        ),
      })),
      {
        option: "total",
        label: "Tổng",
        cells: [
          ...columnOptions.map((column) => ({
            column: column.option,
            count: rowOptions.reduce((sum, answer) => sum + count(answer.option, column.option), 0),
          })),
          { column: "total", count: grandTotal },
        ],
      },
    ],
  };
}

/** "kham-pha-2023-nguoi-dan-ND01-11215-5": the file name of the rows being viewed. */
export function downloadBaseName(year: number, state: ExploreState): string {
  return [
    "kham-pha",
    year,
    state.panel === "citizens" ? "nguoi-dan" : "can-bo",
    state.question,
    state.commune,
    state.answer,
  ]
    .filter(Boolean)
    .join("-");
}
