// SQL text helpers for the DuckDB-WASM queries; values always travel as bound parameters.

/** `?, ?, ?` for a list of `count` bound values (the count, never the values, enters the SQL). */
export function placeholders(count: number): string {
  if (!Number.isInteger(count) || count < 1) throw new Error(`placeholders(${count})`);
  return Array.from({ length: count }, () => "?").join(", ");
}
