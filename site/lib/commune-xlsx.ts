// One commune's figures as an Excel workbook, for the citizen who opens what they download in
// Excel: a first sheet "Ghi chú" saying what the file is (source, version, contact, the sample
// notice, which for sample data also heads every sheet, as on every published file), then one
// sheet per table of communeDownloads with the contract's Vietnamese column names as headers,
// numbers as numbers with a two-decimal format (Excel shows them with the reader's decimal
// separator: a comma in Vietnamese Excel), text as text (never a formula). Made at build time and
// byte-reproducible (properties and zip entries dated the build time, entries in Office's order).
// The CSV files stay as they are, for re-users.
import type { Unzipped } from "fflate";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { tableColumns } from "../../pipeline/publish/columns.ts";
import {
  addTableSheet,
  frameWorkbook,
  notesSheet,
  filledWorkbookZip,
  xmlEncode,
  type SheetBody,
} from "../../pipeline/publish/xlsx.ts";
import { restoreFormula } from "../../pipeline/rules/formula.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { communeDownloads } from "./commune-csv.ts";
import { communeRawRows } from "./data.ts";
import { chartSource, contactLine, sampleNotice } from "./portal.ts";

/** Where a commune's workbook is published (its page links to it). */
export function communeWorkbookPath(communeName: string): string {
  return `/du-lieu/xa/${communeSlug(communeName)}/so-lieu.xlsx`;
}

type Manifest = Pick<
  DatasetManifest,
  "year" | "version" | "status" | "province" | "district" | "issuer" | "releases" | "contact" | "title"
>;

// Every commune's workbook of a build has the same frame (styles, sheets, columns, header rows, the
// notes of "Ghi chú") but for the commune's name, in the workbook's title and the first line of
// "Ghi chú". So exceljs writes the frame once a build, with this mark where the name goes; each
// commune's workbook is that frame with its name put in place of the mark, escaped as exceljs
// escapes text, and its rows written into the table sheets as exceljs writes them
// (filledWorkbookZip, pipeline/publish/xlsx.ts). A private-use character, which no text of the
// manifest holds: the frame is checked to hold it exactly where the name goes.
const nameMark = "\uE000";
const nameMarkBytes = new TextEncoder().encode(nameMark);

/** The workbook's properties, one of the two entries with the commune's name. */
const core = "docProps/core.xml";

interface Frame {
  entries: Unzipped;
  /** The zip entry of "Ghi chú", the other entry with the commune's name. */
  notes: string;
  /** The zip entry of each table's sheet, in the order of communeDownloads. */
  sheets: string[];
}

async function makeFrame(
  title: string,
  lines: readonly string[],
  notice: string | null,
  buildTime: Date,
): Promise<Frame> {
  const { workbook, frame } = frameWorkbook(buildTime);
  workbook.title = title;
  const about = workbook.addWorksheet(notesSheet);
  about.columns = [{ width: 110 }];
  lines.forEach((line, index) => {
    const row = about.addRow([line]);
    row.alignment = { wrapText: true, vertical: "top" };
    if (index === 0) row.font = { bold: true, size: 13 };
    if (notice !== null && line === notice) row.font = { bold: true, color: { argb: "FFC00000" } };
    row.commit();
  });
  about.commit();
  const notes = `xl/worksheets/sheet${about.id}.xml`;
  const sheets = communeDownloads.map(({ table, sheet }) =>
    addTableSheet(
      workbook,
      sheet,
      tableColumns(table).map((column) => ({
        label: column.label,
        width: Math.min(40, Math.max(10, Math.min(column.label.length, 24) + 2)),
        ...(column.kind === "decimal"
          ? { numFmt: "#,##0.00" }
          : column.kind === "integer"
            ? { numFmt: "#,##0" }
            : {}),
      })),
      notice,
    ),
  );
  const entries = await frame();
  for (const [name, bytes] of Object.entries(entries)) {
    const marks = Buffer.from(bytes).toString("utf8").split(nameMark).length - 1;
    if (marks !== (name === core || name === notes ? 1 : 0)) {
      throw new Error(`commune workbook: the frame's ${name} holds the name's mark ${marks} times`);
    }
  }
  return { entries, notes, sheets };
}

/** The frame of the build asked for last, by the texts and the time it is made of. */
let cached: { key: string; frame: Promise<Frame> } | undefined;

export async function communeWorkbook(
  manifest: Manifest,
  commune: { code: string; name: string },
  buildTime: Date,
  dir?: string,
): Promise<Uint8Array> {
  const notice = sampleNotice(manifest);
  const title = `${manifest.title}: ${nameMark}`;
  const lines = [
    `${manifest.title}: số liệu của ${nameMark}`,
    ...(notice === null ? [] : [notice]),
    chartSource(manifest),
    `Liên hệ: ${contactLine(manifest)}`,
    `Các trang tiếp theo: ${communeDownloads.map((download) => download.sheet).join("; ")}.`,
  ];
  const key = JSON.stringify([title, lines, buildTime.toISOString()]);
  if (cached?.key !== key) cached = { key, frame: makeFrame(title, lines, notice, buildTime) };
  const { entries, notes, sheets } = await cached.frame;

  const name = Buffer.from(xmlEncode(commune.name));
  const filled: Unzipped = { ...entries };
  for (const entry of [core, notes]) {
    const bytes = Buffer.from(entries[entry]!);
    const at = bytes.indexOf(nameMarkBytes);
    filled[entry] = Buffer.concat([bytes.subarray(0, at), name, bytes.subarray(at + nameMarkBytes.length)]);
  }
  const bodies = new Map<string, SheetBody>();
  communeDownloads.forEach(({ table }, index) => {
    const { fields, rows } = communeRawRows(manifest.year, table, commune.code, dir);
    const columns = tableColumns(table);
    const positions = columns.map((column) => fields.indexOf(column.name));
    bodies.set(sheets[index]!, {
      rows: rows.length,
      columns: columns.length,
      cell: (row, c) => {
        const cell = rows[row]![positions[c]!] ?? "";
        if (cell === "") return null;
        return columns[c]!.kind === "text" ? restoreFormula(cell) : Number(cell);
      },
    });
  });
  return filledWorkbookZip(filled, bodies, buildTime);
}
