// The only script a commune or domain page loads with the page for its interactive charts, and it
// stays small: it shows the controls. When the reader first touches or focuses them, the drawing
// code (with Observable Plot) and the published summary (/tom-tat.json, a few KB) are fetched while
// the choice is being made, so the change is answered at once; no query engine is ever needed for
// these charts. (Not on mere scrolling: the first view of a commune page stays within its budget.)
// Where the choice is a search box (a year with many units), its small script and styles
// (interactive-chart-search.ts) come with the page and its list with the summary.
import type { SummaryFigures } from "../../lib/published-summary.ts";
import type * as Draw from "./interactive-chart-draw.ts";
import type * as Search from "./interactive-chart-search.ts";
import { changeMark } from "../state/marks.ts";

type Ready = [typeof Draw, SummaryFigures];

let ready: Promise<Ready> | null = null;

function prepare(summaryUrl: string): Promise<Ready> {
  ready ??= Promise.all([
    import("./interactive-chart-draw.ts"),
    fetch(summaryUrl).then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${summaryUrl}`);
      return response.json() as Promise<SummaryFigures>;
    }),
  ]).catch((error: unknown) => {
    ready = null; // a later change may try again
    throw error;
  });
  return ready;
}

for (const root of document.querySelectorAll<HTMLElement>("[data-interactive-chart]")) {
  const controls = root.querySelector<HTMLFormElement>(".interactive-controls");
  const summaryUrl = root.dataset.summary;
  if (!controls || !summaryUrl) continue;
  const search: Promise<typeof Search> | null = root.querySelector("[data-comparison-search]")
    ? import("./interactive-chart-search.ts")
    : null;
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  for (const type of ["pointerdown", "focusin", "touchstart"])
    controls.addEventListener(
      type,
      () =>
        void prepare(summaryUrl)
          .then(async ([, summary]) => (await search)?.wireSearch(root, summary))
          .catch(() => undefined),
      { once: true, passive: true },
    );
  const first = (event: Event): void => {
    // The search box's own text is not a choice (interactive-chart-search.ts).
    if (event.target instanceof HTMLInputElement && event.target.type === "text") return;
    controls.removeEventListener("change", first);
    // Read by the site benchmark: from the reader's first change to the chart answering it.
    performance.mark(changeMark);
    prepare(summaryUrl).then(
      ([{ activateInteractiveChart }, summary]) => activateInteractiveChart(root, summary),
      () => {
        const status = root.querySelector<HTMLElement>(".query-status");
        if (!status) return;
        status.hidden = false;
        status.dataset.state = "failed";
        status.textContent =
          "Không tải được số liệu cho biểu đồ. Biểu đồ tĩnh trên trang vẫn đầy đủ; hãy kiểm tra kết nối mạng rồi tải lại trang.";
      },
    );
  };
  controls.addEventListener("change", first);
}
