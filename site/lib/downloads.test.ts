import { describe, expect, it } from "vitest";
import type { FileRecord } from "../../schemas/published-manifest.ts";
import { formatBytes, formatOf, orderedOutputs } from "./downloads.ts";

const file = (name: string, rows: number | null): FileRecord => ({
  file: name,
  sha256: "0".repeat(64),
  bytes: 2048,
  rows,
});

describe("the downloads table", () => {
  it("lists the workbook first, then the CSV tables, then the rest, by name within each", () => {
    const outputs = [
      file("scores.parquet", 940),
      file("scores.csv", 940),
      file("chi-so-cchc-2023.xlsx", null),
      file("domains.csv", 160),
      file("domains.parquet", 160),
    ];
    expect(orderedOutputs(outputs).map((output) => output.file)).toEqual([
      "chi-so-cchc-2023.xlsx",
      "domains.csv",
      "scores.csv",
      "domains.parquet",
      "scores.parquet",
    ]);
  });

  it("writes sizes with a decimal comma and thousands dots", () => {
    expect([formatBytes(512), formatBytes(1000), formatBytes(1536), formatBytes(2_411_725)]).toEqual([
      "512 B",
      "1.000 B",
      "1,5 KB",
      "2,3 MB",
    ]);
  });

  it("names each format as a reader knows it", () => {
    expect(["a.csv", "b.xlsx", "c.parquet", "dataset.json", "d.txt", "e.docx"].map(formatOf)).toEqual([
      "CSV (UTF-8, mở được bằng Excel)",
      "Excel (XLSX)",
      "Parquet",
      "JSON",
      "Văn bản",
      "Word (DOCX)",
    ]);
  });
});
