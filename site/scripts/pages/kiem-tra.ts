// /kiem-tra/: runs the pipeline's validator (pipeline/validate/file-set.ts, the same code as
// `npm run validate`) on the files the reader picks or drops, in a Web Worker served by the site
// (kiem-tra-worker.ts): the page stays responsive, shows how far the check is and can stop it.
// Files stay in the browser: nothing is sent, and no hash is needed since nothing is published.
import { moreOfTheSameKind } from "../../../pipeline/messages.ts";
import type { OmittedProblems, Problem } from "../../../pipeline/problem.ts";
import { isOmitted, listedProblems, summaryLine } from "../../../pipeline/validate/report.ts";
import type { CheckMessage, CheckRequest } from "./kiem-tra-worker.ts";
import { cellsToCsv, downloadCsv } from "../ui/csv-download.ts";

const app = document.getElementById("check-app") as HTMLElement;
const input = document.getElementById("check-files") as HTMLInputElement;
const drop = document.getElementById("check-drop") as HTMLElement;
const status = document.getElementById("check-status") as HTMLElement;
const report = document.getElementById("check-report") as HTMLElement;
const rows = document.getElementById("check-rows") as HTMLElement;
const download = document.getElementById("check-download") as HTMLButtonElement;
const progress = document.getElementById("check-progress") as HTMLElement;
const bar = document.getElementById("check-bar") as HTMLProgressElement;
const step = document.getElementById("check-step") as HTMLElement;
const cancel = document.getElementById("check-cancel") as HTMLButtonElement;
const guide = app.dataset.guide ?? "/huong-dan/";

const levels = { error: "Lỗi", warning: "Cảnh báo" } as const;
/** The downloaded report's columns; the page shows a link to the guide where it has the code. */
const headers = ["Mức", "Tệp / trang tính", "Dòng", "Cột", "Giá trị", "Mã", "Nội dung", "Cách sửa"];
const pageHeaders = headers.map((header) => (header === "Mã" ? "Hướng dẫn" : header));
let current: { names: string[]; problems: Problem[]; omitted: OmittedProblems[] } | null = null;

/** The catalogue's message holds "… Cách sửa: …": the report shows the two in their own columns. */
function split(message: string): [string, string] {
  const at = message.indexOf(" Cách sửa: ");
  return at === -1 ? [message, ""] : [message.slice(0, at), message.slice(at + " Cách sửa: ".length)];
}

function cells(p: Problem): string[] {
  const [message, fix] = split(p.message_vi);
  return [
    levels[p.severity],
    p.file,
    p.line === null ? "" : String(p.line),
    p.column ?? "",
    p.value ?? "",
    p.code,
    message,
    fix,
  ];
}

/** The problems of a kind not listed: how many, as in the command's report. */
function omittedCells(o: OmittedProblems): string[] {
  return [levels[o.severity], o.file, "", "", "", o.code, moreOfTheSameKind(o.count, o.severity, "vi"), ""];
}

/** One row of the table; the code's cell links to its entry in the guide when `guideLink` is given. */
function tableRow(
  severity: Problem["severity"],
  texts: string[],
  guideLink: string | null,
): HTMLTableRowElement {
  const tr = document.createElement("tr");
  tr.className = severity;
  texts.forEach((text, i) => {
    const td = document.createElement("td");
    td.dataset.label = pageHeaders[i] as string;
    if (i === 5) {
      // The code is the guide's anchor; the editor reads a Vietnamese link to its explanation.
      if (guideLink !== null) {
        const link = document.createElement("a");
        link.href = guideLink;
        link.textContent = "Xem hướng dẫn";
        td.append(link);
      }
    } else td.textContent = text;
    tr.append(td);
  });
  return tr;
}

/**
 * The rows the command's report lists: the first problems of each file and code, then one row for
 * the rest of that kind (a phone need not draw a table of thousands of rows to show them).
 */
function render(problems: Problem[], omitted: OmittedProblems[]): void {
  const fragment = document.createDocumentFragment();
  for (const entry of listedProblems(problems, omitted))
    fragment.append(
      isOmitted(entry)
        ? tableRow(entry.severity, omittedCells(entry), null)
        : tableRow(entry.severity, cells(entry), `${guide}#loi-${entry.code}`),
    );
  rows.replaceChildren(fragment);
}

/** The check running, if any: a worker of its own, ended when done, stopped or replaced. */
let running: Worker | null = null;

function stop(): void {
  running?.terminate();
  running = null;
  progress.hidden = true;
}

function show(names: string[], problems: Problem[], omitted: OmittedProblems[]): void {
  current = { names, problems, omitted };
  const summary = summaryLine(problems, "vi", omitted);
  const ok = !problems.some((p) => p.severity === "error");
  const named = names.length <= 2 ? names.join(", ") : `${names.length} tệp`;
  status.textContent = `${named}: ${summary}.${
    ok ? " Có thể gửi dữ liệu." : " Sửa các lỗi dưới đây rồi kiểm tra lại."
  }`;
  render(problems, omitted);
  report.hidden = problems.length === 0;
}

function check(files: File[]): void {
  if (files.length === 0) return;
  stop();
  report.hidden = true;
  status.textContent = `Đang kiểm tra ${files.length} tệp…`;
  bar.max = 1;
  bar.value = 0;
  step.textContent = "Đang đọc tệp…";
  progress.hidden = false;
  const worker = new Worker(new URL("./kiem-tra-worker.ts", import.meta.url), { type: "module" });
  running = worker;
  worker.addEventListener("message", (event: MessageEvent<CheckMessage>) => {
    if (running !== worker) return;
    const message = event.data;
    if (message.kind === "progress") {
      bar.max = message.total;
      bar.value = message.done;
      step.textContent = `${message.step}… (bước ${message.done + 1}/${message.total})`;
      return;
    }
    stop();
    if (message.kind === "failed") status.textContent = `Không kiểm tra được: ${message.message}`;
    else
      show(
        files.map((f) => f.name),
        message.problems,
        message.omitted,
      );
  });
  worker.addEventListener("error", (event) => {
    if (running !== worker) return;
    stop();
    status.textContent = `Không kiểm tra được: ${event.message || "lỗi khi chạy trang kiểm tra"}`;
  });
  worker.postMessage({ files } satisfies CheckRequest);
}

cancel.addEventListener("click", () => {
  if (running === null) return;
  stop();
  status.textContent = "Đã dừng kiểm tra. Chọn lại tệp khi muốn kiểm tra.";
});

download.addEventListener("click", () => {
  if (current === null) return;
  // Every problem the check kept, then the count of each kind's others.
  // Values the editor typed (=HYPERLINK(…), =cmd|…) are written as text, not run as formulas.
  const lines = [...current.problems.map(cells), ...current.omitted.map(omittedCells)];
  downloadCsv(cellsToCsv(headers, lines), "bao-cao-kiem-tra.csv");
});

input.addEventListener("change", () => check([...(input.files ?? [])]));
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("dragging");
});
drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("dragging");
  check([...(event.dataTransfer?.files ?? [])]);
});
app.hidden = false;
