// Legacy Vietnamese encodings (TCVN3/ABC, VNI) typed with old fonts survive a "save as UTF-8" as
// Latin-1 letters: "Xã" becomes "X·" (TCVN3) and "chào" becomes "chaøo" (VNI). The text decodes
// fine, so it has to be recognised by letters that never occur in Vietnamese written in Unicode.

/**
 * Latin-1 characters that are not Vietnamese letters. Vietnamese uses À Á Â Ã È É Ê Ì Í Ò Ó Ô Õ
 * Ù Ú Ý (and lower case) from this block; symbols that honest text does contain (no-break space,
 * soft hyphen, ° ± × ÷ « » © ® ² ³ ¼ ½ ¾) are left out so a note like "25°C" or "Công ty ABC®"
 * is never flagged.
 */
const legacyMarker =
  "\\u0080-\\u009F\\u00A1-\\u00A8\\u00AA\\u00AC\\u00AF\\u00B4-\\u00BA\\u00BF\\u00C4-\\u00C7\\u00CB" +
  "\\u00CE-\\u00D1\\u00D6\\u00D8\\u00DB\\u00DC\\u00DE\\u00DF\\u00E4-\\u00E7\\u00EB\\u00EE-\\u00F1" +
  "\\u00F6\\u00F8\\u00FB\\u00FC\\u00FE\\u00FF";
const letter = "A-Za-z\\u00C0-\\u024F\\u1E00-\\u1EFF";
/** Symbols honest text uses beside words, but that TCVN3 also uses for letters inside words. */
const symbolInWord = "\\u00A9\\u00AB\\u00AE\\u00B0\\u00B1\\u00B2\\u00B3\\u00BB\\u00BC-\\u00BE";

/**
 * A marker touching a letter or another marker (TCVN3 and VNI put them inside words); one of those
 * symbols between two letters ("c«ng" = "công", "®ång" = "đồng"); or a VNI tone mark written as a
 * separate "õ"/"ù" right after a vowel ("Xaõ" = "Xã", "chaùo" = "cháo"), which no Vietnamese word spells.
 */
const legacyPattern = new RegExp(
  `[${letter}${legacyMarker}][${legacyMarker}]|[${legacyMarker}][${letter}]|[${letter}${legacyMarker}][${symbolInWord}][${letter}${symbolInWord}]|[aăâeêoôơ][õù]`,
  "iu",
);

/**
 * Every match holds, at its start or right after it, a character of one of the classes above that
 * only legacy text uses: a marker, a symbol or õ/ù. Built from those classes with the same flags
 * (under which case folding adds a few characters outside Latin-1, such as μ for µ), so that it
 * finds exactly the places where a match can start.
 */
const legacyCharacter = new RegExp(`[${legacyMarker}${symbolInWord}õù]`, "giu");
/** legacyPattern tried at one position (sticky). */
const legacyAt = new RegExp(legacyPattern.source, "iuy");

/**
 * Where legacyPattern first matches, or -1. Only the positions at or just before a legacy
 * character are tried: a survey file's 30 MB of ASCII hold none, and searching with the whole
 * pattern from every position of them cost a tenth of the file's reading.
 */
function firstLegacyIndex(text: string): number {
  legacyCharacter.lastIndex = 0;
  let tried = -1;
  for (let found = legacyCharacter.exec(text); found !== null; found = legacyCharacter.exec(text)) {
    for (let at = Math.max(found.index - 1, tried + 1); at <= found.index; at++) {
      legacyAt.lastIndex = at;
      if (legacyAt.test(text)) return at;
    }
    tried = found.index;
  }
  return -1;
}

export interface LegacyTextHit {
  line: number;
  /** The word in which the mojibake was found, as the editor will see it. */
  sample: string;
}

/** Finds the first word written in a legacy Vietnamese encoding, or null. */
export function findLegacyVietnamese(text: string): LegacyTextHit | null {
  const index = firstLegacyIndex(text);
  if (index === -1) return null;
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const start = Math.max(before.lastIndexOf("\n") + 1, index - 20);
  const lineEnd = text.indexOf("\n", index);
  const end = Math.min(lineEnd === -1 ? text.length : lineEnd, index + 20);
  return { line, sample: text.slice(start, end).trim() };
}
