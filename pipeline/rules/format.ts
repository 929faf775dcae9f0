// Vietnamese display conventions (docs/architecture.md#the-site): 85,67% and 1.248 người, names in Vietnamese order.
// Published figures are already rounded by the pipeline; formatting only shows them.

const decimalsFormat = new Map<number, Intl.NumberFormat>();
function numberFormat(decimals: number): Intl.NumberFormat {
  let format = decimalsFormat.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat("vi-VN", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
    });
    decimalsFormat.set(decimals, format);
  }
  return format;
}

/** `85.67` → `85,67`; `1248` with 0 decimals → `1.248`. */
export function formatNumber(value: number, decimals = 2): string {
  return numberFormat(decimals).format(value);
}

/** `85.67` → `85,67%` (Vietnamese writes no space before the sign). */
export function formatPct(value: number, decimals = 2): string {
  return `${formatNumber(value, decimals)}%`;
}

/** A whole number: `1248` → `1.248`. */
export function formatInt(value: number): string {
  return formatNumber(value, 0);
}

/** A signed change: `+1,25`, `−0,40` (true minus sign), `0,00`. */
export function formatChange(value: number, decimals = 2): string {
  const body = formatNumber(Math.abs(value), decimals);
  if (value > 0) return `+${body}`;
  if (value < 0) return `−${body}`;
  return body;
}

const collator = new Intl.Collator("vi");

/** Vietnamese alphabetical order (Ă after A, Đ after D, …). */
export function compareVietnamese(a: string, b: string): number {
  return collator.compare(a, b);
}
