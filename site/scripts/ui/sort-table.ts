// Makes every `table.sortable` sortable by clicking a column heading. Without JavaScript the table
// is already complete and in its published order. A cell may carry `data-sort` (a number, or text
// to compare instead of what it shows, e.g. 85.67 for "85,67%").
const collator = new Intl.Collator("vi", { numeric: true });

function sortKey(cell: Element | undefined): string {
  return cell?.getAttribute("data-sort") ?? cell?.textContent?.trim() ?? "";
}

function compareKeys(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (a !== "" && b !== "" && Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return collator.compare(a, b);
}

function sortBy(table: HTMLTableElement, column: number, header: HTMLTableCellElement): void {
  const body = table.querySelector("tbody");
  if (!body) return;
  const ascending = header.getAttribute("aria-sort") !== "ascending";
  for (const th of table.querySelectorAll("thead th")) th.removeAttribute("aria-sort");
  header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  const rows = [...body.querySelectorAll(":scope > tr")];
  // Array.prototype.sort is stable: equal keys keep the published order.
  rows.sort((r1, r2) => {
    const order = compareKeys(sortKey(r1.children[column]), sortKey(r2.children[column]));
    return ascending ? order : -order;
  });
  body.append(...rows);
}

/** Turns each column heading of `table` into a button that sorts by that column. */
export function makeSortable(table: HTMLTableElement): void {
  const headers = table.querySelectorAll<HTMLTableCellElement>("thead th");
  headers.forEach((header, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sort-button";
    button.textContent = header.textContent;
    button.addEventListener("click", () => sortBy(table, column, header));
    header.replaceChildren(button);
  });
}

for (const table of document.querySelectorAll<HTMLTableElement>("table.sortable")) makeSortable(table);
