// One commune's figures as an Excel workbook, for the citizen who opens what they download in
// Excel: a first sheet "Ghi chú" saying what the file is (source, version, contact, the sample
// notice, which for sample data also heads every sheet, as on every published file), then one
// sheet per table of communeDownloads with the contract's Vietnamese column names as headers,
// numbers as numbers with a two-decimal format (Excel shows them with the reader's decimal
// separator: a comma in Vietnamese Excel), text as text (never a formula). Made at build time and
// byte-reproducible (dates set to the build time, zip rewritten by reproducibleZip). The CSV files
// stay as they are, for re-users.
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { tableColumns } from "../../pipeline/publish/columns.ts";
import { reproducibleZip } from "../../pipeline/publish/xlsx.ts";
import { restoreFormula } from "../../pipeline/rules/formula.ts";
import { communeDownloads } from "./commune-csv.ts";
import { communeRawRows } from "./data.ts";
import { chartSource, contactLine, sampleNotice } from "./portal.ts";

type Manifest = Pick<
  DatasetManifest,
  "year" | "version" | "status" | "province" | "district" | "issuer" | "releases" | "contact" | "title"
>;

export async function communeWorkbook(
  manifest: Manifest,
  commune: { code: string; name: string },
  buildTime: Date,
  dir?: string,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "chi-so-cchc-ninh-giang";
  workbook.lastModifiedBy = "chi-so-cchc-ninh-giang";
  workbook.title = `${manifest.title}: ${commune.name}`;
  workbook.created = buildTime;
  workbook.modified = buildTime;

  const about = workbook.addWorksheet("Ghi chú");
  about.columns = [{ width: 110 }];
  const notice = sampleNotice(manifest);
  const lines = [
    `${manifest.title}: số liệu của ${commune.name}`,
    ...(notice === null ? [] : [notice]),
    chartSource(manifest),
    `Liên hệ: ${contactLine(manifest)}`,
    `Các trang tiếp theo: ${communeDownloads.map((download) => download.sheet).join("; ")}.`,
  ];
  lines.forEach((line, index) => {
    const row = about.addRow([line]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) row.font = { bold: true, size: 13 };
    if (notice !== null && line === notice) row.font = { bold: true, color: { argb: "FFC00000" } };
  });

  for (const { table, sheet: sheetName } of communeDownloads) {
    const { fields, rows } = communeRawRows(manifest.year, table, commune.code, dir);
    const columns = tableColumns(table);
    const headerRow = notice === null ? 1 : 2;
    const sheet = workbook.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: headerRow }] });
    sheet.columns = columns.map((column) => ({
      key: column.name,
      width: Math.min(40, Math.max(10, Math.min(column.label.length, 24) + 2)),
      ...(column.kind === "decimal"
        ? { style: { numFmt: "#,##0.00" } }
        : column.kind === "integer"
          ? { style: { numFmt: "#,##0" } }
          : {}),
    }));
    if (notice !== null) {
      const title = sheet.addRow([notice]);
      title.font = { bold: true, color: { argb: "FFC00000" } };
    }
    const header = sheet.addRow(columns.map((column) => column.label));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: "top" };
    const positions = columns.map((column) => fields.indexOf(column.name));
    for (const cells of rows) {
      sheet.addRow(
        columns.map((column, index) => {
          const cell = cells[positions[index] ?? -1] ?? "";
          if (cell === "") return null;
          return column.kind === "text" ? restoreFormula(cell) : Number(cell);
        }),
      );
    }
    sheet.autoFilter = {
      from: { row: headerRow, column: 1 },
      to: { row: headerRow, column: columns.length },
    };
  }

  // Stored, not deflated: reproducibleZip unzips ExcelJS's zip and deflates it once, in its order.
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } }));
  return reproducibleZip(unzipSync(bytes), buildTime);
}
