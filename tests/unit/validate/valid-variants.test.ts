// The ways Excel and other tools legitimately save the same data (docs/data-contract.md#rules-for-every-file) must all
// give the same records as the plain file, with at most warnings.
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { InputFileName } from "../../../pipeline/model.ts";
import { errors, validTexts, validate, withFiles } from "./fixture.ts";

const plain = validate(withFiles({}));

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
}

/** Excel's "Unicode text": UTF-16 LE with a BOM, tab-separated, CRLF. */
function unicodeText(csv: string): Uint8Array {
  return utf16le(
    csv
      .replace(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/gm, "\t")
      .replace(/"/g, "")
      .replace(/\n/g, "\r\n"),
  );
}

/** Rewrites every cell of a CSV text (cells parsed with PapaParse, joined with `delimiter`). */
function rewriteCells(
  text: string,
  delimiter: string,
  cell: (cell: string, column: number) => string,
): string {
  return text
    .split("\n")
    .map((line) => (Papa.parse<string[]>(line).data[0] ?? []).map(cell).join(delimiter))
    .join("\n");
}

function every(
  transform: (text: string) => string | Uint8Array,
): Partial<Record<InputFileName, string | Uint8Array>> {
  const texts = validTexts();
  return Object.fromEntries(
    Object.entries(texts)
      .filter(([file]) => file.endsWith(".csv"))
      .map(([file, text]) => [file, transform(text)]),
  );
}

describe("accepted variants give the same data as the plain files", () => {
  it("the plain fixture is valid", () => {
    expect(plain.problems).toEqual([]);
    expect(plain.data?.communes).toHaveLength(3);
  });

  it.each([
    ["UTF-8 with BOM", every((t) => `\uFEFF${t}`)],
    ["UTF-16 LE 'Unicode text' with tabs", every(unicodeText)],
    ["CRLF line ends", every((t) => t.replace(/\n/g, "\r\n"))],
    ["old Mac CR line ends", every((t) => t.replace(/\n/g, "\r"))],
    ["blank lines and Excel's empty rows", every((t) => t.replace(/\n/g, "\n\n,,,\n").replace(/^/, "\n"))],
    [
      "cells padded with spaces",
      every((t) => rewriteCells(t, ",", (cell) => (cell.includes(",") ? `"${cell}"` : ` ${cell}  `))),
    ],
  ])("%s", (_, files) => {
    const result = validate(withFiles(files));
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual(plain.data);
  });

  it("`;` delimiter with decimal commas (Excel in a Vietnamese locale)", () => {
    // Decimal commas only where Excel writes numbers: scores, maxima and coefficients.
    const numberColumns: Partial<Record<InputFileName, number[]>> = {
      "appraisal.csv": [2, 3],
      "criteria.csv": [2],
      "scales.csv": [3],
    };
    const semicolons = every((t) => t);
    for (const [file, text] of Object.entries(semicolons) as [InputFileName, string][]) {
      semicolons[file] = rewriteCells(text, ";", (cell, i) =>
        numberColumns[file]?.includes(i) ? cell.replace(".", ",") : cell.includes(";") ? `"${cell}"` : cell,
      );
    }
    const result = validate(withFiles(semicolons));
    expect(errors(result.problems)).toEqual([]);
    const scores = result.data?.appraisal.appraisedScore;
    expect(scores).toEqual(plain.data?.appraisal.appraisedScore);
    // 28,5 is read as 28.5 (2,850 hundredths), not 285.
    expect(scores?.[0]).toBe(2850);
    expect(result.data?.criteria.find((c) => c.id === "2.2.1")?.max_points).toBe(12.5);
  });

  it("NFD text: one warning per file, NFC records", () => {
    const result = validate(withFiles(every((t) => t.normalize("NFD"))));
    expect(errors(result.problems)).toEqual([]);
    expect(new Set(result.problems.map((p) => p.code))).toEqual(new Set(["text_not_nfc"]));
    expect(result.data).toEqual(plain.data);
  });

  it("an unknown extra column: a warning, and the records are unchanged", () => {
    const files = every((t) => t.replace(/\n(?=.)/g, "\nNguyễn Văn A,").replace(/^/, "ho_ten,"));
    const result = validate(withFiles(files));
    expect(errors(result.problems)).toEqual([]);
    expect(result.problems.every((p) => p.code === "unknown_column" && p.line === 1)).toBe(true);
    expect(result.data).toEqual(plain.data);
  });

  it("UTF-16 BE with a BOM", () => {
    const text = validTexts()["communes.csv"];
    const le = Buffer.from(text, "utf16le");
    const be = Buffer.alloc(le.length);
    for (let i = 0; i < le.length; i += 2) [be[i], be[i + 1]] = [le[i + 1] as number, le[i] as number];
    const result = validate(
      withFiles({ "communes.csv": new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), be])) }),
    );
    expect(result.problems).toEqual([]);
    expect(result.data).toEqual(plain.data);
  });
});
