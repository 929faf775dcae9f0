import { describe, expect, it } from "vitest";
import { foldForSearch, matchCommunes } from "./search.ts";

const communes = [
  { code: "11155", name: "Thị trấn Ninh Giang" },
  { code: "11161", name: "Xã Ứng Hòe" },
  { code: "11188", name: "Xã Đông Xuyên" },
  { code: "11203", name: "Xã Đồng Tâm" },
  { code: "11215", name: "Xã Hồng Dụ" },
  { code: "11224", name: "Xã Hồng Phong" },
  { code: "11230", name: "Xã Hồng Phúc" },
];
const names = (query: string) => matchCommunes(communes, query).map((commune) => commune.name);

describe("foldForSearch", () => {
  it("drops tones and vowel marks, maps đ to d and lower-cases", () => {
    expect(foldForSearch("Xã Hồng Dụ")).toBe("xa hong du");
    expect(foldForSearch("ĐỒNG TÂM")).toBe("dong tam");
    expect(foldForSearch("  Ứng   Hòe ")).toBe("ung hoe");
  });

  it("treats precomposed (NFC) and decomposed (NFD) input alike", () => {
    expect(foldForSearch("Hồng Dụ".normalize("NFD"))).toBe(foldForSearch("Hồng Dụ".normalize("NFC")));
  });
});

describe("matchCommunes", () => {
  it('finds "Hồng Dụ" from "hong du", whatever the case', () => {
    expect(names("hong du")).toEqual(["Xã Hồng Dụ"]);
    expect(names("HONG DU")).toEqual(["Xã Hồng Dụ"]);
    expect(names("Hồng Dụ")).toEqual(["Xã Hồng Dụ"]);
  });

  it("reads d as đ: both Đông Xuyên and Đồng Tâm start with dong", () => {
    expect(names("dong")).toEqual(["Xã Đông Xuyên", "Xã Đồng Tâm"]);
  });

  it("lists names starting with the query before names merely containing it", () => {
    // "phu" starts no place name; "hong phu" starts only Hồng Phúc.
    expect(names("hong phu")).toEqual(["Xã Hồng Phúc"]);
    expect(names("ninh")).toEqual(["Thị trấn Ninh Giang"]);
    expect(names("giang")).toEqual(["Thị trấn Ninh Giang"]);
    expect(names("thi tran")).toEqual(["Thị trấn Ninh Giang"]);
  });

  it("matches words in any order and a code by its first digits", () => {
    expect(names("du hong")).toEqual(["Xã Hồng Dụ"]);
    expect(names("1121")).toEqual(["Xã Hồng Dụ"]);
  });

  it("returns everything for an empty query and nothing for an unknown name", () => {
    expect(names("  ")).toHaveLength(communes.length);
    expect(names("ha noi")).toEqual([]);
  });
});
