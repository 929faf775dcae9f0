// Criterion ids ("1.2.3") and release versions ("1.0.10") are dotted numbers: they sort by their
// numbers, not as text, so 1.9 comes before 1.10, and a parent before its children (1 < 1.1).

/** Dotted numbers in natural order: 1.2 < 1.9 < 1.10 < 2; 1.0.9 < 1.0.10. */
export function compareDottedIds(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i]! - y[i]!;
  }
  return x.length - y.length;
}
