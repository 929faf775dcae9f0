import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fontCoverage } from "./font-coverage.ts";

const words = (...values: number[]) => values.flatMap((n) => [(n >> 8) & 0xff, n & 0xff]);
const long = (n: number) => words(n >>> 16, n & 0xffff);

/** A font file holding only a cmap table with one Unicode subtable (platform 3, encoding 10). */
function fontWithCmap(subtable: number[]): Uint8Array {
  return new Uint8Array([
    // Offset table: version 1.0, one table, search fields; then the record of the cmap table: tag,
    // checksum, offset (28), length.
    ...long(0x00010000),
    ...words(1, 16, 0, 0),
    ..."cmap".split("").map((c) => c.charCodeAt(0)),
    ...long(0),
    ...long(28),
    ...long(12 + subtable.length),
    // cmap header: version 0, one encoding record (3, 10) whose subtable starts 12 bytes in.
    ...words(0, 1, 3, 10),
    ...long(12),
    ...subtable,
  ]);
}

describe("a font's coverage, from its cmap", () => {
  it("reads format 4: a segment with a delta, one through the glyph array, the closing 0xFFFF", () => {
    // Segments: A–C (0x41–0x43) → glyphs 1–3 by delta −0x40; "đ" (0x111) through the glyph id
    // array, where it maps to 0 (the missing glyph: not covered); 0xFFFF, the required last one.
    const subtable = words(
      ...[4, 0, 0, 6, 0, 0, 0], // format, length, language, segCountX2 = 6, search fields
      ...[0x43, 0x111, 0xffff], // ends
      0, // reserved pad
      ...[0x41, 0x111, 0xffff], // starts
      ...[0x10000 - 0x40, 0, 1], // deltas
      ...[0, 4, 0], // range offsets: the second points 4 bytes ahead, to the glyph array
      0, // the glyph array: đ → 0
    );
    expect([...fontCoverage(fontWithCmap(subtable))].sort()).toEqual([0x41, 0x42, 0x43]);
  });

  it("reads format 12: groups of code points beyond the Basic Multilingual Plane", () => {
    // One group: U+1F600–U+1F602 → glyphs 5–7.
    const subtable = words(12, 0, 0, 28, 0, 0, 0, 1, 0x1, 0xf600, 0x1, 0xf602, 0, 5);
    expect([...fontCoverage(fontWithCmap(subtable))]).toEqual([0x1f600, 0x1f601, 0x1f602]);
  });

  it("finds Vietnamese, the đồng sign and the band markers in the committed subset, not Greek", () => {
    const covered = fontCoverage(readFileSync("site/fonts/DejaVuSans-subset.ttf"));
    for (const c of "ạƯữĐ₫●✚–") expect(covered.has(c.codePointAt(0) ?? 0), c).toBe(true);
    expect(covered.has("Ω".codePointAt(0) ?? 0)).toBe(false);
  });
});
