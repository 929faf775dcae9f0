// Plain HTML tables built from query results: the readable form of every client-drawn chart.
// Cells are set with textContent (or as given elements), so no text from data is parsed as markup.

export type TableCell = string | Node | { content: string | Node; numeric?: boolean; className?: string };

export interface DataTableOptions {
  caption: string;
  /** Column headers; a header marked numeric right-aligns its column. */
  columns: { label: string | Node; numeric?: boolean }[];
  rows: TableCell[][];
  /** The first cell of each row heads the row (`<th scope="row">`). */
  rowHeaders?: boolean;
}

function fill(cell: HTMLElement, content: string | Node): void {
  if (typeof content === "string") cell.textContent = content;
  else cell.append(content);
}

export function dataTable({ caption, columns, rows, rowHeaders = true }: DataTableOptions): HTMLTableElement {
  const table = document.createElement("table");
  const captionElement = table.createCaption();
  captionElement.textContent = caption;
  const headRow = table.createTHead().insertRow();
  for (const column of columns) {
    const th = document.createElement("th");
    th.scope = "col";
    if (column.numeric) th.className = "num";
    fill(th, column.label);
    headRow.append(th);
  }
  const body = table.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((cell, index) => {
      const element = document.createElement(index === 0 && rowHeaders ? "th" : "td");
      if (element instanceof HTMLTableCellElement && element.tagName === "TH")
        element.setAttribute("scope", "row");
      const spec = typeof cell === "object" && cell !== null && "content" in cell ? cell : { content: cell };
      const numeric = spec.numeric ?? columns[index]?.numeric ?? false;
      const classes = [numeric ? "num" : "", spec.className ?? ""].filter(Boolean).join(" ");
      if (classes) element.className = classes;
      fill(element, spec.content);
      row.append(element);
    });
  }
  return table;
}

export interface GroupedTableOptions {
  caption: string;
  columns: { label: string | Node; numeric?: boolean }[];
  /** Each group: a heading row spanning the table, then its rows (first cell heads the row). */
  groups: { heading: string; rows: TableCell[][] }[];
  className?: string;
}

/**
 * A table in groups of a few short rows (`<tbody>` per group, its heading spanning every column):
 * what a 390 px screen shows without sideways scrolling where one row per item would need a column
 * per compared commune.
 */
export function groupedTable({ caption, columns, groups, className }: GroupedTableOptions): HTMLTableElement {
  const table = dataTable({ caption, columns, rows: [] });
  table.tBodies[0]?.remove();
  if (className) table.className = className;
  for (const group of groups) {
    const body = dataTable({ caption: "", columns, rows: group.rows }).tBodies[0];
    if (!body) continue;
    const headingRow = body.insertRow(0);
    headingRow.className = "group-heading";
    const heading = document.createElement("th");
    heading.scope = "rowgroup";
    heading.colSpan = columns.length;
    heading.textContent = group.heading;
    headingRow.append(heading);
    table.append(body);
  }
  return table;
}
