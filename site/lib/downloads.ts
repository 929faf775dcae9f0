// The downloads table of /du-lieu/: the published files in the order a reader wants them (the
// Excel workbook first, then the CSV tables, then the rest), with their format and size in words.
import type { FileRecord } from "../../schemas/published-manifest.ts";
import { formatInt, formatNumber } from "../../pipeline/rules/format.ts";

/** Excel first (what most readers open), then CSV, then the rest; by file name within each. */
export function orderedOutputs(outputs: readonly FileRecord[]): FileRecord[] {
  const rank = (file: string) => (file.endsWith(".xlsx") ? 0 : file.endsWith(".csv") ? 1 : 2);
  return [...outputs].sort((a, b) => rank(a.file) - rank(b.file) || a.file.localeCompare(b.file));
}

/** A file size the Vietnamese way: "512 B", "1,5 KB", "2,3 MB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${formatInt(bytes)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, 1)} KB`;
  return `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/** What a reader needs to know to open the file. */
export function formatOf(file: string): string {
  if (file.endsWith(".csv")) return "CSV (UTF-8, mở được bằng Excel)";
  if (file.endsWith(".xlsx")) return "Excel (XLSX)";
  if (file.endsWith(".docx")) return "Word (DOCX)";
  if (file.endsWith(".parquet")) return "Parquet";
  if (file.endsWith(".json")) return "JSON";
  if (file.endsWith(".txt")) return "Văn bản";
  return file.split(".").at(-1)?.toUpperCase() ?? "";
}
