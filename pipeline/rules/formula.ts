// Text cells a spreadsheet would run as a formula (OWASP "CSV injection"): a published CSV, and the
// CSV the explore page makes in the browser, write them with a leading `'`; the pages show the text
// as the data editor wrote it. Only text cells: a negative number such as an index change of -1.25
// stays a number.

/** A first character that makes Excel or LibreOffice read a cell as a formula (or split it). */
export const formulaTrigger = /^[=+\-@\t\r\n]/;

/** `=1+1` → `'=1+1`; other text unchanged. */
export function neutraliseFormula(text: string): string {
  return formulaTrigger.test(text) ? `'${text}` : text;
}

/** The inverse of `neutraliseFormula`: `'=1+1` → `=1+1`; other text (`'tis`) unchanged. */
export function restoreFormula(cell: string): string {
  return cell.startsWith("'") && formulaTrigger.test(cell.slice(1)) ? cell.slice(1) : cell;
}
