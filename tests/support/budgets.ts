// the size budgets of docs/architecture.md#budgets for the first view of `/` and `/xa/<slug>/`, compressed (gzip), in bytes.
// The e2e tests hold every build to them and the site benchmark reports against them, so they are
// written once. "50 KB" is read as 50,000 bytes (1 KB = 1,000 bytes, the SI unit and what browser
// tools print as kB), the stricter of the two readings: a page within it is within 50 KiB too.
export const firstViewBudgets = { js: 50_000, total: 150_000 } as const;
