// Finding a commune by typing, the way people type on a phone: without diacritics, in any case,
// with "d" for "đ" ("hong du" finds "Hồng Dụ", "dong tam" finds "Đồng Tâm").
import { foldDiacritics } from "../../../pipeline/rules/fold.ts";

/** Lower-case text with Vietnamese diacritics removed and đ written d, spaces collapsed. */
export function foldForSearch(text: string): string {
  return foldDiacritics(text).toLowerCase().replace(/\s+/g, " ").trim();
}

/** What a commune must offer to be searched. */
export interface SearchableCommune {
  code: string;
  name: string;
}

/** "xã hồng dụ" → "hong du": the type word is not what people search by. */
function foldedPlaceName(name: string): string {
  return foldForSearch(name).replace(/^(xa|thi tran|phuong)\s+/, "");
}

/**
 * The communes whose name contains every word of `query` (or whose code starts with it), those
 * whose place name starts with the query first; each group keeps the order it was given in.
 * An empty query matches every commune.
 */
export function matchCommunes<C extends SearchableCommune>(communes: readonly C[], query: string): C[] {
  const folded = foldForSearch(query);
  if (folded === "") return [...communes];
  const words = folded.split(" ");
  const starting: C[] = [];
  const containing: C[] = [];
  for (const commune of communes) {
    const name = foldForSearch(commune.name);
    if (commune.code.startsWith(folded) || foldedPlaceName(commune.name).startsWith(folded))
      starting.push(commune);
    else if (words.every((word) => name.includes(word))) containing.push(commune);
  }
  return [...starting, ...containing];
}
