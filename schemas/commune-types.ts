// The kinds of commune-level unit, apart from schemas/communes.ts so that browser code (the display
// rules, pipeline/rules/display.ts) can name them without bundling zod, whose eval probe
// (`Function("")`) the pages' Content-Security-Policy refuses.

/**
 * The kinds of commune-level unit, in the order a sentence lists them ("xã, phường, thị trấn, đặc
 * khu"): thị trấn until 30 June 2025, đặc khu (special zone) from 1 July 2025.
 */
export const communeTypes = ["xa", "phuong", "thi_tran", "dac_khu"] as const;
