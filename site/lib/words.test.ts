import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatNumber } from "../../pipeline/rules/format.ts";
import { dateToWords, numberToWords, ordinalWords, percentToWords } from "./words.ts";

// Expected readings written by hand, as a Northern presenter says them.
const wholeNumbers: [number, string][] = [
  [0, "không"],
  [1, "một"],
  [4, "bốn"],
  [5, "năm"],
  [10, "mười"],
  [11, "mười một"],
  [14, "mười bốn"],
  [15, "mười lăm"],
  [20, "hai mươi"],
  [21, "hai mươi mốt"],
  [24, "hai mươi tư"],
  [25, "hai mươi lăm"],
  [55, "năm mươi lăm"],
  [91, "chín mươi mốt"],
  [100, "một trăm"],
  [101, "một trăm linh một"],
  [104, "một trăm linh bốn"],
  [105, "một trăm linh năm"],
  [110, "một trăm mười"],
  [111, "một trăm mười một"],
  [115, "một trăm mười lăm"],
  [121, "một trăm hai mươi mốt"],
  [1000, "một nghìn"],
  [1005, "một nghìn không trăm linh năm"],
  [1010, "một nghìn không trăm mười"],
  [1200, "một nghìn hai trăm"],
  [1248, "một nghìn hai trăm bốn mươi tám"],
  [2024, "hai nghìn không trăm hai mươi tư"],
  [2023, "hai nghìn không trăm hai mươi ba"],
  [10_000, "mười nghìn"],
  [21_000, "hai mươi mốt nghìn"],
  [100_000, "một trăm nghìn"],
  [105_000, "một trăm linh năm nghìn"],
  [1_000_000, "một triệu"],
  [1_000_005, "một triệu không trăm linh năm"],
  [1_001_000, "một triệu không trăm linh một nghìn"],
  [2_500_000, "hai triệu năm trăm nghìn"],
  [1_000_000_000, "một tỷ"],
  [3_000_000_015, "ba tỷ không trăm mười lăm"],
  [1_000_000_000_000, "một nghìn tỷ"],
];

describe("whole numbers in Vietnamese words", () => {
  it.each(wholeNumbers)("%d → %s", (value, words) => {
    expect(numberToWords(value)).toBe(words);
  });

  it('reads a zero tens digit "lẻ" on request (Southern usage)', () => {
    expect(numberToWords(105, { zeroTens: "lẻ" })).toBe("một trăm lẻ năm");
    expect(numberToWords(1005, { zeroTens: "lẻ" })).toBe("một nghìn không trăm lẻ năm");
  });

  it("reads negative numbers with âm", () => {
    expect(numberToWords(-21)).toBe("âm hai mươi mốt");
    expect(numberToWords(-0.4, { decimals: 2 })).toBe("âm không phẩy bốn");
  });

  it("refuses what it cannot read rather than mumbling", () => {
    expect(() => numberToWords(Number.NaN)).toThrow(RangeError);
    expect(() => numberToWords(1e22)).toThrow(RangeError);
  });
});

describe("decimals as radio reads them", () => {
  const decimals: [number, number | undefined, string][] = [
    [85.67, 2, "tám mươi lăm phẩy sáu mươi bảy"],
    [90.05, 2, "chín mươi phẩy không năm"],
    // Published as 85,60%: speech drops the trailing zero.
    [85.6, 2, "tám mươi lăm phẩy sáu"],
    [85.6, undefined, "tám mươi lăm phẩy sáu"],
    [3.6, 2, "ba phẩy sáu"],
    [90.5, 2, "chín mươi phẩy năm"],
    [81.1, 2, "tám mươi mốt phẩy một"],
    [0.1, 2, "không phẩy một"],
    [2.25, 2, "hai phẩy hai mươi lăm"],
    [90, 2, "chín mươi"],
    [100, 2, "một trăm"],
    [77.15, 2, "bảy mươi bảy phẩy mười lăm"],
    [81.21, 2, "tám mươi mốt phẩy hai mươi mốt"],
    [81.24, 2, "tám mươi mốt phẩy hai mươi tư"],
    [81.01, 2, "tám mươi mốt phẩy không một"],
    [0.5, undefined, "không phẩy năm"],
    [3.14159, undefined, "ba phẩy một bốn một năm chín"],
  ];
  it.each(decimals)("%s with %s decimals → %s", (value, places, words) => {
    expect(numberToWords(value, places === undefined ? {} : { decimals: places })).toBe(words);
  });

  it("rounds to the written decimals first, as the page does", () => {
    // 85.666 is shown as 85,67 — the words must say the same figure.
    expect(numberToWords(85.666, { decimals: 2 })).toBe("tám mươi lăm phẩy sáu mươi bảy");
  });

  it("says percentages with phần trăm", () => {
    expect(percentToWords(85.67)).toBe("tám mươi lăm phẩy sáu mươi bảy phần trăm");
    expect(percentToWords(90.05)).toBe("chín mươi phẩy không năm phần trăm");
    expect(percentToWords(100)).toBe("một trăm phần trăm");
  });

  it("reads every two-decimal figure with the same digits formatNumber writes, trailing zeros dropped", () => {
    // Independent reading of the written form: whole part and the fraction digits, without their
    // trailing zeros, as numbers.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_00 }), (hundredths) => {
        const value = hundredths / 100;
        const [whole = "", fraction = ""] = formatNumber(value, 2).replaceAll(".", "").split(",");
        const words = numberToWords(value, { decimals: 2 });
        const [wholeWords, fractionWords] = words.split(" phẩy ");
        expect(wholeWords).toBe(numberToWords(Number(whole)));
        const said = fraction.replace(/0+$/, "");
        if (said === "") expect(fractionWords).toBeUndefined();
        else if (said.startsWith("0")) expect(fractionWords).toBe(`không ${numberToWords(Number(said))}`);
        else expect(fractionWords).toBe(numberToWords(Number(said)));
      }),
    );
  });
});

describe("ordinals after thứ", () => {
  it.each([
    [1, "nhất"],
    [2, "hai"],
    [4, "tư"],
    [14, "mười bốn"],
    [20, "hai mươi"],
  ])("thứ %d → thứ %s", (n, words) => {
    expect(ordinalWords(n)).toBe(words);
  });
});

describe("dateToWords", () => {
  it("says a date the way a presenter reads it", () => {
    expect(dateToWords("2024-03-15")).toBe("ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư");
    expect(dateToWords("2024-04-01")).toBe("ngày một tháng tư năm hai nghìn không trăm hai mươi tư");
    expect(dateToWords("2023-12-31")).toBe(
      "ngày ba mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi ba",
    );
  });
});
