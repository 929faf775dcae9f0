// The only script a commune or domain page loads with the page for its interactive charts, and it
// stays small: it shows the controls. When a chart comes near the screen, the drawing code (with
// Observable Plot) and the published summary (/tom-tat.json, a few KB) are fetched, so a change of
// comparison is answered at once; no query engine is ever needed for these charts.
import type { SummaryFigures } from "../../lib/published-summary.ts";
import type * as Draw from "./interactive-chart-draw.ts";
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
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  const near = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      near.disconnect();
      void prepare(summaryUrl).catch(() => undefined);
    },
    { rootMargin: "400px 0px" },
  );
  near.observe(root);
  controls.addEventListener(
    "change",
    () => {
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
    },
    { once: true },
  );
}
