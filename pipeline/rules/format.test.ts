import { describe, expect, it } from "vitest";
import { compareVietnamese, formatChange, formatInt, formatNumber, formatPct } from "./format.ts";

describe("Vietnamese number format", () => {
  it("uses a decimal comma and dot thousands", () => {
    expect(formatPct(85.67)).toBe("85,67%");
    expect(formatPct(90)).toBe("90,00%");
    expect(formatInt(1248)).toBe("1.248");
    expect(formatNumber(0.5, 1)).toBe("0,5");
  });

  it("signs changes with a true minus", () => {
    expect(formatChange(1.25)).toBe("+1,25");
    expect(formatChange(-0.4)).toBe("−0,40");
    expect(formatChange(0)).toBe("0,00");
  });

  it("sorts names the Vietnamese way", () => {
    const names = ["Xã Đông Xuyên", "Xã Ứng Hòe", "Xã An Đức", "Xã Dân Chủ", "Xã Ân Thi"];
    expect([...names].sort(compareVietnamese)).toEqual([
      "Xã An Đức",
      "Xã Ân Thi",
      "Xã Dân Chủ",
      "Xã Đông Xuyên",
      "Xã Ứng Hòe",
    ]);
  });
});
