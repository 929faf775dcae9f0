import { describe, expect, it } from "vitest";
import { bandLook, bandLooks, bandRange, shortBandLabel } from "./bands.ts";

const bands = [
  { code: "A", label: "Nhóm A (từ 90% trở lên)", min_pct: 90 },
  { code: "B", label: "Nhóm B", min_pct: 80 },
  { code: "C", label: "Nhóm C", min_pct: 0 },
];

describe("bands", () => {
  it("shortens a label that carries its range in brackets", () => {
    expect(shortBandLabel("Nhóm A (từ 90% trở lên)")).toBe("Nhóm A");
    expect(bandLook(bands, "A").label).toBe("Nhóm A");
  });

  it("gives each band its own shape and glyph, so colour is never the only cue", () => {
    const looks = bandLooks(bands);
    expect(new Set(looks.map((look) => look.symbol)).size).toBe(3);
    expect(new Set(looks.map((look) => look.glyph)).size).toBe(3);
  });

  it("says the range of each band in words", () => {
    expect(bandRange(bands, "A")).toBe("từ 90% trở lên");
    expect(bandRange(bands, "B")).toBe("từ 80% đến dưới 90%");
    expect(bandRange(bands, "C")).toBe("dưới 80%");
  });

  it("refuses a band the manifest does not define", () => {
    expect(() => bandLook(bands, "D")).toThrow();
  });
});
