import { describe, expect, it } from "vitest";
import { foldDiacritics } from "./fold.ts";

describe("foldDiacritics", () => {
  it("removes tones and vowel marks and writes đ as d, keeping case", () => {
    expect(foldDiacritics("Xã Hồng Dụ")).toBe("Xa Hong Du");
    expect(foldDiacritics("Ứng Hòe, Đồng Tâm, đức")).toBe("Ung Hoe, Dong Tam, duc");
  });

  it("gives the same text for precomposed (NFC) and decomposed (NFD) input", () => {
    expect(foldDiacritics("Hồng Dụ".normalize("NFD"))).toBe(foldDiacritics("Hồng Dụ".normalize("NFC")));
  });

  it("removes enclosing marks too (\\p{M}, not only \\p{Mn})", () => {
    // U+20DD COMBINING ENCLOSING CIRCLE is a mark of category Me.
    expect(foldDiacritics("a\u20DD")).toBe("a");
  });
});
