// What a TrueType/OpenType font can draw: the code points its character map (the `cmap` table)
// maps to a glyph. The share images use it to choose their fonts (site/charts/png.ts), so the
// coverage of the committed subset is read from the font files themselves, never listed twice.
// Reads the Unicode subtables of format 4 (the Basic Multilingual Plane) and 12 (all planes).

/** The code points `font` (the bytes of a .ttf or .otf file) has a glyph for. */
export function fontCoverage(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tableCount = view.getUint16(4);
  let cmap = -1;
  for (let t = 0; t < tableCount; t++) {
    const record = 12 + 16 * t;
    if (String.fromCharCode(...font.subarray(record, record + 4)) === "cmap")
      cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error("font without a cmap table");
  const covered = new Set<number>();
  const subtableCount = view.getUint16(cmap + 2);
  for (let s = 0; s < subtableCount; s++) {
    const platform = view.getUint16(cmap + 4 + 8 * s);
    const encoding = view.getUint16(cmap + 6 + 8 * s);
    // Unicode subtables: platform 0, or Windows (3) with encoding 1 (BMP) or 10 (full repertoire).
    if (!(platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10)))) continue;
    const at = cmap + view.getUint32(cmap + 8 + 8 * s);
    const format = view.getUint16(at);
    if (format === 4) addFormat4(view, at, covered);
    else if (format === 12) addFormat12(view, at, covered);
  }
  return covered;
}

// Segments of code points, each with a delta or an offset into an array of glyph ids; glyph 0 is
// the "missing glyph", so a code point mapped to it is not covered.
function addFormat4(view: DataView, at: number, covered: Set<number>): void {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + 2 * segments + 2;
  const deltas = starts + 2 * segments;
  const rangeOffsets = deltas + 2 * segments;
  for (let i = 0; i < segments; i++) {
    const end = view.getUint16(ends + 2 * i);
    const start = view.getUint16(starts + 2 * i);
    const delta = view.getUint16(deltas + 2 * i);
    const rangeOffset = view.getUint16(rangeOffsets + 2 * i);
    for (let code = start; code <= end && code !== 0xffff; code++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (code + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeOffsets + 2 * i + rangeOffset + 2 * (code - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(code);
    }
  }
}

// Groups of consecutive code points mapped to consecutive glyphs.
function addFormat12(view: DataView, at: number, covered: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + 12 * g;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    const firstGlyph = view.getUint32(group + 8);
    for (let code = start; code <= end; code++) if (firstGlyph + (code - start) !== 0) covered.add(code);
  }
}
