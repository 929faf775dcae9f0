// The data-entry workbooks the site offers on /du-lieu/ (pipeline/template): the year's blank template
// and its public data as a filled workbook, to start a correction. Both are made in the publish step
// from the bytes of data/<year>/ that the tables were computed from (the publication's `sources`),
// so the whole site comes from one reading of data/. They hold only what schemas/publication.ts lets
// out: the public inputs' contract columns (a column an editor added is dropped), and survey sheets
// with their headers and drop-down lists but not one form. The editor's own complete workbook, forms
// included, is `npm run template -- --filled`, made on the editor's machine and never published.
import { inputPublication } from "../../schemas/publication.ts";
import type { InputFileName } from "../model.ts";
import { readCsv, type CsvTable } from "../read/csv.ts";
import { readSheet } from "../read/sheet.ts";
import { templateWorkbook, type InputTables } from "../template/index.ts";
import { inputColumns, knownColumns, type CsvFileName, type SheetInput } from "../validate/index.ts";

export const templateFile = (year: number) => `mau-nhap-lieu-${year}.xlsx`;
export const entryDataFile = (year: number) => `du-lieu-nhap-lieu-${year}.xlsx`;

/** The public inputs as read for the computation: a CSV file's bytes or a workbook sheet's rows. */
export type PublicSources = ReadonlyMap<InputFileName, Uint8Array | SheetInput>;

function tableOf(header: string[], questionColumns: string[], rows: string[][]): CsvTable {
  return {
    header,
    index: new Map(header.map((column, i) => [column, i])),
    questionColumns,
    headerLine: 1,
    rows: rows.map((cells, i) => ({ line: i + 2, cells })),
  };
}

/** A public file's contract columns as read, in the file's order; a missing optional file is empty. */
function publicTable(file: CsvFileName, source: Uint8Array | SheetInput | undefined): CsvTable {
  if (source === undefined) return tableOf(knownColumns(file), [], []);
  const spec = { file, ...inputColumns[file] };
  const read = source instanceof Uint8Array ? readCsv(source, spec) : readSheet(source.each, spec);
  if (read.table === null) throw new Error(`${file}: ${read.problems.map((p) => p.message_vi).join(" ")}`);
  const known = new Set(knownColumns(file));
  const kept = read.table.header.flatMap((column, i) => (known.has(column) ? [i] : []));
  return tableOf(
    kept.map((i) => read.table!.header[i]!),
    [],
    read.table.rows.map((row) => kept.map((i) => row.cells[i] ?? "")),
  );
}

/** The public parts of a year's inputs, as the template takes them: survey sheets without forms. */
export function publicInputTables(sources: PublicSources): InputTables {
  const tables = {} as InputTables;
  for (const file of Object.keys(inputColumns) as CsvFileName[])
    if (inputPublication[file] === "public") tables[file] = publicTable(file, sources.get(file));
  const questions = tables["questions.csv"];
  const questionIds = (panel: string) =>
    questions.rows
      .filter((row) => row.cells[questions.index.get("panel")!] === panel)
      .map((row) => row.cells[questions.index.get("id")!]!);
  for (const [file, panel] of [
    ["survey-officials.csv", "officials"],
    ["survey-citizens.csv", "citizens"],
  ] as const) {
    const ids = questionIds(panel);
    tables[file] = tableOf([...knownColumns(file), ...ids], ids, []);
  }
  return tables;
}

/** The blank template and the filled public workbook of a year, by file name. */
export async function entryWorkbooks(
  year: number,
  sources: PublicSources,
  buildTime: Date,
): Promise<[string, Uint8Array][]> {
  const manifest = JSON.parse(new TextDecoder().decode(sources.get("dataset.json") as Uint8Array)) as Record<
    string,
    unknown
  >;
  const tables = publicInputTables(sources);
  return [
    [templateFile(year), await templateWorkbook({ manifest, tables, filled: false, buildTime })],
    [entryDataFile(year), await templateWorkbook({ manifest, tables, filled: true, buildTime })],
  ];
}
