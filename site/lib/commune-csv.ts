// Per-commune downloads: the rows of a published table that belong to one commune, cell for cell
// as published (BOM for Excel, formula characters already neutralised by the pipeline).
import Papa from "papaparse";
import type { PublishedTableName } from "../../schemas/published.ts";
import { tableSheetNames } from "../../pipeline/rules/table-titles.ts";
import { communeRawRows } from "./data.ts";

export function communeCsv(year: number, table: PublishedTableName, code: string, dir?: string): string {
  const { fields, rows } = communeRawRows(year, table, code, dir);
  return `\uFEFF${Papa.unparse({ fields, data: rows }, { newline: "\r\n" })}\r\n`;
}

/** The tables a commune page offers for download, with what they hold and their workbook sheet's name. */
export const communeDownloads = (
  [
    { table: "results", label: "Kết quả chung (chỉ số, hạng, nhóm)" },
    { table: "domains", label: "Điểm theo lĩnh vực" },
    { table: "scores", label: "Điểm theo tiêu chí" },
    { table: "survey", label: "Kết quả điều tra theo câu hỏi" },
    { table: "survey_options", label: "Số câu trả lời theo phương án" },
    { table: "satisfaction", label: "Mức độ hài lòng theo yếu tố" },
  ] as const
).map((download) => ({ ...download, sheet: tableSheetNames[download.table] }));
