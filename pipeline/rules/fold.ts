// Vietnamese without its diacritics, for what people type on any keyboard: commune page addresses
// (/xa/hong-du/) and finding a commune by name ("hong du" finds "Hồng Dụ").

/**
 * `Hồng Dụ` → `Hong Du`; `Đồng Tâm` → `Dong Tam`. Every combining mark (\p{M}) goes: NFD splits a
 * Vietnamese letter into its base and non-spacing marks only (tones, breve, circumflex, horn), so
 * for Vietnamese this is the same as removing \p{Mn}, and no other mark should survive in an
 * address or a search key either. Đ/đ is a letter of its own, not a D with a mark, so NFD keeps it.
 */
export function foldDiacritics(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").replace(/đ/g, "d").replace(/Đ/g, "D");
}
