// Commune pages live at /xa/<slug>/: the name without its unit prefix ("Xã "), without diacritics,
// lower case and hyphenated, so a link can be typed on any keyboard and read on the radio.
// "Thị trấn" is kept because it is part of how people name the town ("thi-tran-ninh-giang").
// A slug is a folder and file name (/xa/<slug>/index.html, the chart files named after it): it is
// cut at a word boundary to at most maxSlugLength characters, far below the 255 bytes a file system
// takes for a name; no Vietnamese commune's name comes near it. Names that share their first 80
// characters then share a slug, which the validator refuses as any other repeated slug.
import { foldDiacritics } from "./fold.ts";

/** The longest slug, in ASCII characters. */
export const maxSlugLength = 80;

/** `Xã Hồng Dụ` → `hong-du`; `Xã Ứng Hòe` → `ung-hoe`; `Thị trấn Ninh Giang` → `thi-tran-ninh-giang`. */
export function communeSlug(name: string): string {
  const slug = foldDiacritics(name.normalize("NFC").replace(/^Xã\s+/u, ""))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= maxSlugLength) return slug;
  const cut = slug.slice(0, maxSlugLength + 1);
  // At the last hyphen, unless the first word alone is longer than the limit.
  const boundary = cut.lastIndexOf("-");
  return (boundary > 0 ? cut.slice(0, boundary) : cut.slice(0, maxSlugLength)).replace(/-+$/, "");
}
