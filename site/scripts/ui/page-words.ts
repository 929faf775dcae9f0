// The issuer's words a browser script says ("Trung bình huyện" / "Trung bình tỉnh", "toàn huyện",
// "xã, thị trấn"), carried from the build (pipeline/rules/issuer.ts) by data-* attributes of the
// script's root element: the scripts never write an area's words themselves.
export interface PageWords {
  /** "trung bình huyện", "trung bình tỉnh". */
  average: string;
  /** "huyện", "tỉnh". */
  areaKind: string;
  /** The kinds of unit present: "xã, thị trấn", "xã, phường, đặc khu". */
  kinds: string;
}

/** The attributes a page's root element carries for its script, from the page's words (site/lib/portal.ts pageWords). */
export function pageWordAttributes(words: {
  averageLabel: string;
  areaKind: string;
  kinds: string;
}): Record<`data-${string}`, string> {
  return { "data-average": words.averageLabel, "data-area-kind": words.areaKind, "data-kinds": words.kinds };
}

/** The words carried by `root`'s attributes. */
export function readPageWords(root: HTMLElement): PageWords {
  const { average = "", areaKind = "", kinds = "" } = root.dataset;
  return { average, areaKind, kinds };
}
