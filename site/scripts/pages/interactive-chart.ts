// The only script a commune or domain page loads for its interactive charts, and it stays a few
// KB: it shows the controls and waits. DuckDB-WASM and the drawing code are imported the first
// time a reader uses a control, never with the page (SITE.md budgets: no DuckDB on first view).

for (const root of document.querySelectorAll<HTMLElement>("[data-interactive-chart]")) {
  const controls = root.querySelector<HTMLFormElement>(".interactive-controls");
  if (!controls) continue;
  controls.hidden = false;
  controls.addEventListener("submit", (event) => event.preventDefault());
  controls.addEventListener(
    "change",
    () => {
      void import("./interactive-chart-engine.ts").then(({ activateInteractiveChart }) =>
        activateInteractiveChart(root),
      );
    },
    { once: true },
  );
}
