// The choice of a unit page's (or a domain page's) interactive chart where the year has too many
// units to list (site/components/InteractiveChart.astro at scale): the /so-sanh/ search box
// (site/scripts/ui/combobox.ts), one unit at a time, its list the published summary's units once
// it is fetched. The pick goes into the form's hidden field "commune" with a change event, as a
// choice in the list of every unit would. Fetched with the page at scale only; the picker's styles
// are /tim-kiem.css, linked by the page.
import type { SummaryFigures } from "../../lib/published-summary.ts";
import { communeCombobox } from "../ui/combobox.ts";

/** Wires the search box under `root` (once) with the summary's units, the page's own unit left out. */
export function wireSearch(root: HTMLElement, summary: SummaryFigures): void {
  const field = root.querySelector<HTMLElement>("[data-comparison-search]");
  if (!field || field.dataset.wired === "true") return;
  const input = field.querySelector<HTMLInputElement>("input[role=combobox]");
  const listbox = field.querySelector<HTMLUListElement>("[role=listbox]");
  const chosen = field.querySelector<HTMLUListElement>(".combobox-chosen");
  const announcer = field.querySelector<HTMLElement>("[role=status]");
  const choice = field.querySelector<HTMLInputElement>("input[name=commune]");
  if (!input || !listbox || !chosen || !announcer || !choice) return;
  field.dataset.wired = "true";
  const own = root.dataset.interactiveChart === "commune-domains" ? root.dataset.subject : undefined;
  const communes = summary.results
    .filter((row) => row.commune_code !== own)
    .map((row) => ({ code: row.commune_code, name: row.commune_name }));
  // Typing in the box is not a choice: only a pick or a removal redraws the chart.
  input.addEventListener("change", (event) => event.stopPropagation());
  communeCombobox({ input, listbox, chosen, announcer }, communes, 1, (codes) => {
    choice.value = codes[0] ?? "";
    choice.dispatchEvent(new Event("change", { bubbles: true }));
  });
  // What was typed while the list was on its way.
  if (input.value !== "") input.dispatchEvent(new Event("input"));
}
