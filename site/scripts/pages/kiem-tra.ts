// /kiem-tra/: runs the pipeline's validator (pipeline/validate/file-set.ts, the same code as
// `npm run validate`) on the files the reader picks or drops. Files are read with File.arrayBuffer()
// and stay in this page: nothing is sent, and no hash is needed since nothing is published.
import { z } from "zod";
import { moreOfTheSameKind } from "../../../pipeline/messages.ts";
import type { OmittedProblems, Problem } from "../../../pipeline/problem.ts";
import { namedBySheet, validateFileSet, type FileSet } from "../../../pipeline/validate/file-set.ts";
import { isOmitted, listedProblems, summaryLine } from "../../../pipeline/validate/report.ts";
import { cellsToCsv, downloadCsv } from "../ui/csv-download.ts";

// Zod compiles parsers with new Function when it may; the site's CSP forbids that (and the browser
// would log each refusal), so it is told not to try.
z.config({ jitless: true });

const app = document.getElementById("check-app") as HTMLElement;
const input = document.getElementById("check-files") as HTMLInputElement;
const drop = document.getElementById("check-drop") as HTMLElement;
const status = document.getElementById("check-status") as HTMLElement;
const report = document.getElementById("check-report") as HTMLElement;
const rows = document.getElementById("check-rows") as HTMLElement;
const download = document.getElementById("check-download") as HTMLButtonElement;
const guide = app.dataset.guide ?? "/huong-dan/";

const levels = { error: "Lỗi", warning: "Cảnh báo" } as const;
const headers = ["Mức", "Tệp / trang tính", "Dòng", "Cột", "Giá trị", "Mã", "Nội dung", "Cách sửa"];
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
    td.dataset.label = headers[i] as string;
    if (i === 5 && guideLink !== null) {
      const link = document.createElement("a");
      link.href = guideLink;
      link.textContent = text;
      td.append(link);
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

async function check(files: File[]): Promise<void> {
  if (files.length === 0) return;
  status.textContent = `Đang kiểm tra ${files.length} tệp…`;
  report.hidden = true;
  const set: FileSet = new Map();
  for (const file of files) set.set(file.name, new Uint8Array(await file.arrayBuffer()));
  // Let the status paint before the (synchronous) check runs.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let problems: Problem[];
  let omitted: OmittedProblems[];
  try {
    const loaded = validateFileSet(set, { digest: () => "" });
    problems = namedBySheet(loaded);
    omitted = loaded.omitted;
  } catch (error) {
    status.textContent = `Không kiểm tra được: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  current = { names: files.map((f) => f.name), problems, omitted };
  const summary = summaryLine(problems, "vi", omitted);
  const ok = !problems.some((p) => p.severity === "error");
  const named = files.length <= 2 ? files.map((f) => f.name).join(", ") : `${files.length} tệp`;
  status.textContent = `${named}: ${summary}.${
    ok ? " Có thể gửi dữ liệu." : " Sửa các lỗi dưới đây rồi kiểm tra lại."
  }`;
  render(problems, omitted);
  report.hidden = problems.length === 0;
}

download.addEventListener("click", () => {
  if (current === null) return;
  // Every problem the check kept, then the count of each kind's others.
  // Values the editor typed (=HYPERLINK(…), =cmd|…) are written as text, not run as formulas.
  const lines = [...current.problems.map(cells), ...current.omitted.map(omittedCells)];
  downloadCsv(cellsToCsv(headers, lines), "bao-cao-kiem-tra.csv");
});

input.addEventListener("change", () => void check([...(input.files ?? [])]));
drop.addEventListener("dragover", (event) => {
  event.preventDefault();
  drop.classList.add("dragging");
});
drop.addEventListener("dragleave", () => drop.classList.remove("dragging"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("dragging");
  void check([...(event.dataTransfer?.files ?? [])]);
});
app.hidden = false;
