import { describe, expect, it } from "vitest";
import { neutraliseFormula, restoreFormula } from "./formula.ts";

describe("formula cells", () => {
  it("prefixes ' to text starting with = + - @ tab CR or LF", () => {
    for (const text of ["=1+1", "+84 912", "-x", "@SUM(A1)", "\tx", "\rx", "\nx"])
      expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula("Xã Hồng Dụ")).toBe("Xã Hồng Dụ");
    expect(neutraliseFormula("")).toBe("");
  });

  it("gives the page back the text as written, and leaves other quotes alone", () => {
    for (const text of ["=1+1", "+84 912", "\nx", "Xã Hồng Dụ", "'tis"])
      expect(restoreFormula(neutraliseFormula(text))).toBe(text);
    expect(restoreFormula("'tis")).toBe("'tis");
  });
});
