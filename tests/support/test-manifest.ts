// The manifest (dataset.json) of a hand-made test year: a sample 2023 of Huyện Ninh Giang with
// three bands. Each test year overrides what it is about (its year, title, bands, seed, releases).
import type { DatasetManifest } from "../../schemas/dataset.ts";

export function testManifest(overrides: Partial<DatasetManifest> = {}): DatasetManifest {
  return {
    year: 2023,
    title: "Bộ dữ liệu kiểm thử",
    status: "sample",
    version: "1.0.0",
    published_on: null,
    province: { code: "30", name: "Tỉnh Hải Dương" },
    district: { code: "299", name: "Huyện Ninh Giang" },
    legal_basis: [],
    bands: [
      { code: "A", label: "Nhóm A", min_pct: 90 },
      { code: "B", label: "Nhóm B", min_pct: 80 },
      { code: "C", label: "Nhóm C", min_pct: 0 },
    ],
    notes: "Dữ liệu kiểm thử.",
    ...overrides,
  };
}
