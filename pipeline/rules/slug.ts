// Commune pages live at /xa/<slug>/: the name without its unit prefix ("Xã "), without diacritics,
// lower case and hyphenated, so a link can be typed on any keyboard and read on the radio.
// "Thị trấn" is kept because it is part of how people name the town ("thi-tran-ninh-giang").
import { foldDiacritics } from "./fold.ts";

/** `Xã Hồng Dụ` → `hong-du`; `Xã Ứng Hòe` → `ung-hoe`; `Thị trấn Ninh Giang` → `thi-tran-ninh-giang`. */
export function communeSlug(name: string): string {
  return foldDiacritics(name.normalize("NFC").replace(/^Xã\s+/u, ""))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
