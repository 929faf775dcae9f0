import { describe, expect, it } from "vitest";
import { textKinds, unfitText } from "./text.ts";

describe("the text rule", () => {
  it("refuses a control character in a name, naming it and where it is", () => {
    // Issue 24: a vertical tab in a commune name made the chart's PNG fail ("non-XML character").
    expect(unfitText("Xã Hồng\u000bDụ", "name")).toEqual({
      error: "text_character",
      params: {
        char: "U+000B",
        position_vi: "8",
        position_en: "8",
        kind_vi: "ký tự điều khiển",
        kind_en: "a control character",
      },
    });
    expect(unfitText("Xã An Bình\u0085", "line")?.params).toMatchObject({
      char: "U+0085",
      position_en: "11",
    });
    expect(unfitText("\u0000", "paragraph")?.params).toMatchObject({ char: "U+0000" });
  });

  it("allows tab and line breaks in paragraphs only", () => {
    expect(unfitText("Dòng một\nDòng hai\r\n\tDòng ba", "paragraph")).toBeNull();
    expect(unfitText("Xã An\nBình", "name")?.params).toMatchObject({
      char: "U+000A",
      kind_en: "a line break",
    });
    expect(unfitText("Tên\tbước", "line")?.params).toMatchObject({ char: "U+0009", kind_en: "a tab" });
  });

  it("refuses half of a surrogate pair and noncharacters, which XML cannot carry", () => {
    expect(unfitText("Xã \ud800", "name")?.params).toMatchObject({ char: "U+D800", position_en: "4" });
    expect(unfitText("\udc00x", "paragraph")?.params).toMatchObject({ char: "U+DC00" });
    expect(unfitText("a\ufffe", "line")?.params).toMatchObject({ char: "U+FFFE" });
    expect(unfitText("a\u{10ffff}", "line")?.params).toMatchObject({ char: "U+10FFFF" });
    expect(unfitText("a\ufdd0", "line")?.params).toMatchObject({ char: "U+FDD0" });
  });

  it("counts positions in characters: an emoji before the character is one", () => {
    expect(unfitText("🏛️\u0007", "name")?.params).toMatchObject({ position_en: "3" });
  });

  it("accepts what XML carries: emoji, combining marks, bidi marks (warned about elsewhere), private use", () => {
    for (const text of ["Xã 🏛️ Hồng Dụ 👨‍👩‍👧", "Xã Ho\u0302\u0300ng", "Xã \u202eHồng", "\ue000", "ĐĂNG KÝ"])
      expect(unfitText(text, "name")).toBeNull();
  });

  it("refuses a text longer than its kind's limit, counted in characters", () => {
    expect(textKinds).toEqual({
      name: { max: 100, lineBreaks: false },
      line: { max: 500, lineBreaks: false },
      paragraph: { max: 4000, lineBreaks: true },
    });
    expect(unfitText("a".repeat(100), "name")).toBeNull();
    // 100 emoji are 200 UTF-16 units but 100 characters.
    expect(unfitText("😀".repeat(100), "name")).toBeNull();
    expect(unfitText(`Xã ${"Hồng Dụ ".repeat(375)}`.trim(), "name")).toEqual({
      error: "text_too_long",
      params: { length_vi: "3.002", length_en: "3,002", max_vi: "100", max_en: "100" },
    });
    expect(unfitText("a".repeat(4001), "paragraph")?.params).toMatchObject({ max_vi: "4.000" });
  });
});
