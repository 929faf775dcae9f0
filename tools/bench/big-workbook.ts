// A year folder's CSV files → one .xlsx workbook stored as Excel stores it (numbers as numbers, text
// in the shared strings, every cell with its reference), streamed so that a sheet of Excel's full
// 1,048,576 rows never sits in memory. With --rows, the citizens' survey sheet is filled up to that
// many rows (header included) by repeating its forms under new ids, for the national-scale check of
// the workbook reader. Not product code, and written without the project's template writer.
// node tools/bench/big-workbook.ts --data <year folder> --out <file>.xlsx [--rows 1048576]
import Papa from "papaparse";
import { Zip, ZipDeflate } from "fflate";
import { createWriteStream } from "node:fs";
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { inputFiles } from "../../pipeline/model.ts";
import { columnLetters } from "../../pipeline/read/workbook.ts";
import { sheetName } from "../../schemas/workbook.ts";

const { values } = parseArgs({
  options: { data: { type: "string" }, out: { type: "string" }, rows: { type: "string" } },
});
if (!values.data || !values.out) throw new Error("--data <folder> --out <file>.xlsx");
const folder = values.data;
const fillRows = values.rows === undefined ? null : Number(values.rows);

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const strings = new Map<string, number>();
const stringIndex = (text: string) => {
  let index = strings.get(text);
  if (index === undefined) strings.set(text, (index = strings.size));
  return index;
};
/** What Excel makes of a typed value: 28.5 a number, 01002 text. */
const excelNumber = /^-?(0|[1-9]\d*)(\.\d+)?$/;

const out = createWriteStream(values.out);
const zip = new Zip((error, chunk, final) => {
  if (error) throw error;
  out.write(chunk);
  if (final) out.end();
});
const encoder = new TextEncoder();

/** Writes a sheet of rows, 4,096 rows to a push; waits for the file stream when it is full. */
async function sheet(index: number, rows: Iterable<readonly string[]>): Promise<void> {
  const entry = new ZipDeflate(`xl/worksheets/sheet${index}.xml`, { level: 6 });
  zip.add(entry);
  entry.push(
    encoder.encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ),
  );
  let parts: string[] = [];
  let r = 0;
  for (const cells of rows) {
    r++;
    let xml = `<row r="${r}">`;
    cells.forEach((cell, c) => {
      if (cell === "") return;
      const ref = `${columnLetters(c)}${r}`;
      xml += excelNumber.test(cell)
        ? `<c r="${ref}"><v>${cell}</v></c>`
        : `<c r="${ref}" t="s"><v>${stringIndex(cell)}</v></c>`;
    });
    parts.push(`${xml}</row>`);
    if (parts.length === 4096) {
      entry.push(encoder.encode(parts.join("")));
      parts = [];
      if (out.writableNeedDrain) await new Promise<void>((resolve) => out.once("drain", () => resolve()));
    }
  }
  entry.push(encoder.encode(`${parts.join("")}</sheetData></worksheet>`), true);
}

function stored(name: string, text: string): void {
  const entry = new ZipDeflate(name, { level: 6 });
  zip.add(entry);
  entry.push(encoder.encode(text), true);
}

const csv = async (file: string) =>
  Papa.parse<string[]>(await readFile(`${folder}/${file}`, "utf8"), { skipEmptyLines: true })
    .data as string[][];

/** The citizens' forms, then copies of them under new ids until `total` rows with the header. */
function* filled(rows: string[][], total: number | null): Generator<string[]> {
  yield* rows;
  if (total === null) return;
  const forms = rows.slice(1);
  for (let n = 0; rows.length + n < total; n++) {
    const form = forms[n % forms.length] as string[];
    yield [`PND-X${String(n + 1).padStart(7, "0")}`, ...form.slice(1)];
  }
}

const names: string[] = [];
const dataset = JSON.parse(await readFile(`${folder}/dataset.json`, "utf8")) as Record<string, unknown>;
names.push(sheetName("dataset.json"));
await sheet(1, [
  ["field", "value"],
  ...Object.entries(dataset).map(([field, value]) => [
    field,
    typeof value === "string" ? value : JSON.stringify(value),
  ]),
]);
for (const file of inputFiles.filter((f) => f.endsWith(".csv"))) {
  const rows = await csv(file);
  names.push(sheetName(file));
  await sheet(names.length, file === "survey-citizens.csv" ? filled(rows, fillRows) : rows);
}

const ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
stored(
  "[Content_Types].xml",
  `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
);
stored(
  "_rels/.rels",
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
);
stored(
  "xl/workbook.xml",
  `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="${rel}"><sheets>${names.map((name, i) => `<sheet name="${escape(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
);
stored(
  "xl/_rels/workbook.xml.rels",
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${names.length + 1}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
);
stored(
  "xl/sharedStrings.xml",
  `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}" count="${strings.size}" uniqueCount="${strings.size}">${[...strings.keys()].map((s) => `<si><t xml:space="preserve">${escape(s)}</t></si>`).join("")}</sst>`,
);
zip.end();
