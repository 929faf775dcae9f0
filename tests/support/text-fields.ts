// Issue 24: every text field of the data contract, random Unicode to put in them, and the check that
// what validation accepts the pipeline and the site's renderers can write. Used by the property test
// (tests/unit/publish/text-property.test.ts) and the full builds (tests/e2e/text-gate.test.ts).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { unzipSync } from "fflate";
import Papa from "papaparse";
import { SaxesParser } from "saxes";
import { inputFiles, type InputFileName } from "../../pipeline/model.ts";
import type { Problem } from "../../pipeline/problem.ts";
import { textKinds, type TextKind } from "../../schemas/text.ts";

export const fixtureFolder = fileURLToPath(new URL("../fixtures/validate/2023", import.meta.url));

/** The small valid fixture year's files as text, with a contact and a release so that every field is there. */
export function baseTexts(): Record<InputFileName, string> {
  const read = (file: InputFileName) => readFileSync(`${fixtureFolder}/${file}`, "utf8");
  const texts = Object.fromEntries(inputFiles.map((file) => [file, read(file)])) as Record<
    InputFileName,
    string
  >;
  const manifest = JSON.parse(texts["dataset.json"]) as Record<string, unknown>;
  manifest.contact = {
    office: "Phòng Nội vụ huyện Ninh Giang",
    address: "Thị trấn Ninh Giang",
    phone: "0220 3767 000",
    email: "noivu@example.org",
  };
  manifest.releases = [{ version: "1.0.0", date: "2024-03-15", kind: "release", reason: "Công bố" }];
  texts["dataset.json"] = JSON.stringify(manifest, null, 2);
  return texts;
}

/** A text field of the contract: where it is, and its kind (schemas/text.ts). */
export type TextField =
  | { file: Exclude<InputFileName, "dataset.json">; row: number; column: string; kind: TextKind }
  | { file: "dataset.json"; path: (string | number)[]; kind: TextKind };

const csv = (
  file: Exclude<InputFileName, "dataset.json">,
  column: string,
  kind: TextKind,
  row = 0,
): TextField => ({ file, row, column, kind });
const json = (path: string, kind: TextKind): TextField => ({
  file: "dataset.json",
  path: path.split(".").map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
  kind,
});

/** Every free text of the contract (docs/data-contract.md#text-fields). */
export const textFields: TextField[] = [
  csv("communes.csv", "name", "name"),
  csv("criteria.csv", "name", "line"),
  csv("groups.csv", "name", "line"),
  csv("scales.csv", "label", "name"),
  csv("questions.csv", "text", "line"),
  csv("appraisal.csv", "note", "paragraph"),
  csv("plan.csv", "title", "line"),
  csv("plan.csv", "lead", "line"),
  csv("plan.csv", "partners", "line"),
  csv("plan.csv", "note", "paragraph"),
  json("title", "line"),
  json("notes", "paragraph"),
  json("province.name", "name"),
  json("district.name", "name"),
  json("legal_basis.0.ref", "name"),
  json("legal_basis.0.title", "line"),
  json("bands.0.code", "name"),
  json("bands.0.label", "name"),
  json("contact.office", "line"),
  json("contact.address", "line"),
  json("contact.phone", "name"),
  json("contact.email", "line"),
  json("releases.0.reason", "paragraph"),
];

export function fieldName(field: TextField): string {
  return field.file === "dataset.json"
    ? `dataset.json ${field.path.join(".")}`
    : `${field.file} ${field.column}`;
}

/** The column a problem of this field names (a dataset.json field by its dotted path). */
function fieldColumn(field: TextField): string {
  return field.file === "dataset.json" ? field.path.join(".") : field.column;
}

/** The files with each field given its value (a CSV cell quoted as Excel would). */
export function withValues(
  base: Record<InputFileName, string>,
  values: ReadonlyMap<TextField, string>,
): Record<InputFileName, string> {
  const texts = { ...base };
  const byFile = new Map<InputFileName, [TextField, string][]>();
  for (const entry of values) byFile.set(entry[0].file, [...(byFile.get(entry[0].file) ?? []), entry]);
  for (const [file, entries] of byFile) {
    if (file === "dataset.json") {
      const manifest = JSON.parse(texts[file]) as Record<string | number, unknown>;
      for (const [field, value] of entries) {
        if (field.file !== "dataset.json") continue;
        let target = manifest;
        for (const key of field.path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
        target[field.path.at(-1) as string | number] = value;
      }
      texts[file] = JSON.stringify(manifest, null, 2);
    } else {
      const parsed = Papa.parse<string[]>(texts[file], { skipEmptyLines: true });
      const [header, ...rows] = parsed.data as [string[], ...string[][]];
      for (const [field, value] of entries) {
        if (field.file === "dataset.json") continue;
        (rows[field.row] as string[])[header.indexOf(field.column)] = value;
      }
      texts[file] = `${Papa.unparse([header, ...rows], { quotes: true, newline: "\r\n" })}\r\n`;
    }
  }
  return texts;
}

/**
 * The fields a validation's errors refuse: the one an error names, or every field of its file when
 * the error is about the whole file (e.g. text that reads as a legacy Vietnamese encoding).
 */
export function refusedFields(problems: readonly Problem[], fields: readonly TextField[]): Set<TextField> {
  const refused = new Set<TextField>();
  for (const p of problems) {
    if (p.severity !== "error") continue;
    const field = fields.find((f) => f.file === p.file && fieldColumn(f) === p.column);
    for (const f of field ? [field] : fields.filter((f) => f.file === p.file)) refused.add(f);
  }
  return refused;
}

// ── random Unicode ────────────────────────────────────────────────────────────────────────────

const pieces = {
  vietnamese: fc.constantFrom("Xã", "Hồng", "Dụ", "Thị trấn", "Ứng Hòe", "Đông Xuyên", "nghĩa", "ĐƯỜNG", " "),
  markup: fc.constantFrom("<", ">", "&", '"', "'", "]]>", "<script>", "&amp;", "<!--", "{", "}", "=", "\\"),
  controls: fc.oneof(
    fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
    fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c)),
  ),
  format: fc.constantFrom(
    "\u202e",
    "\u202a",
    "\u2066",
    "\u2069",
    "\u200b",
    "\u200d",
    "\u200e",
    "\ufeff",
    "\u00ad",
  ),
  combining: fc.integer({ min: 0x300, max: 0x36f }).map((c) => String.fromCharCode(c)),
  emoji: fc.constantFrom("🏛️", "👨‍👩‍👧", "🇻🇳", "😀", "𝕏", "🧑🏽‍🌾"),
  broken: fc.constantFrom("\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0", "\u{1fffe}"),
  lines: fc.constantFrom("\n", "\r\n", "\t", "\u2028", "\u0085"),
  any: fc.string({ unit: "grapheme", maxLength: 4 }),
};

/** A random text: mostly letters and markup, now and then a character XML cannot carry. */
const mixed = fc
  .array(
    fc.oneof(
      { arbitrary: pieces.vietnamese, weight: 6 },
      { arbitrary: pieces.markup, weight: 3 },
      { arbitrary: pieces.emoji, weight: 2 },
      { arbitrary: pieces.any, weight: 2 },
      { arbitrary: pieces.combining, weight: 1 },
      { arbitrary: pieces.format, weight: 1 },
      { arbitrary: pieces.lines, weight: 1 },
      { arbitrary: pieces.controls, weight: 1 },
      { arbitrary: pieces.broken, weight: 1 },
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((parts) => parts.join(""));

/** A text of a kind: mixed, at its limit or just past it, or 10,000 characters. */
export function textFor(kind: TextKind): fc.Arbitrary<string> {
  const { max } = textKinds[kind];
  const repeated = (length: number) =>
    fc
      .tuple(fc.constantFrom("Hồng Dụ ", "<&>\"' ", "😀", "Ho\u0302\u0300ng ", "a"), fc.constant(length))
      .map(([unit, n]) => {
        const chars = [...unit.repeat(Math.ceil(n / [...unit].length))].slice(0, n);
        // A cell is trimmed, so the last character is a letter when the text must keep its length.
        if (chars.at(-1) === " ") chars[chars.length - 1] = "x";
        return chars.join("");
      });
  return fc.oneof(
    { arbitrary: mixed, weight: 8 },
    { arbitrary: repeated(max), weight: 1 },
    { arbitrary: repeated(max + 1), weight: 1 },
    { arbitrary: repeated(10_000), weight: 1 },
  );
}

// ── what the outputs must be ──────────────────────────────────────────────────────────────────

/** Throws unless the text is well-formed XML (saxes, a strict XML 1.0 parser). */
export function parseXml(xml: string, what: string): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    throw new Error(`${what}: ${error.message}`);
  });
  parser.write(xml).close();
}

/** Every XML part of a zip container (.docx, .xlsx) parses. */
export function parseZipXml(bytes: Uint8Array, what: string): void {
  for (const [name, content] of Object.entries(unzipSync(bytes))) {
    if (/\.(xml|rels)$/.test(name)) parseXml(new TextDecoder().decode(content), `${what} ${name}`);
  }
}
