import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { communeSlug, maxSlugLength } from "./slug.ts";

describe("communeSlug", () => {
  it("drops the unit prefix Xã, the tones and the vowel marks", () => {
    expect(communeSlug("Xã Hồng Dụ")).toBe("hong-du");
    expect(communeSlug("Xã Ứng Hòe")).toBe("ung-hoe");
    expect(communeSlug("Xã Vĩnh Hòa")).toBe("vinh-hoa");
  });

  it("keeps Thị trấn, which is part of the town's name as people say it", () => {
    expect(communeSlug("Thị trấn Ninh Giang")).toBe("thi-tran-ninh-giang");
  });

  it("maps đ and Đ to d (NFD does not decompose them)", () => {
    expect(communeSlug("Xã Đông Xuyên")).toBe("dong-xuyen");
    expect(communeSlug("Xã Đồng Tâm")).toBe("dong-tam");
    expect(communeSlug("Xã An Đức")).toBe("an-duc");
  });

  it("gives the same slug for a name typed in NFD (decomposed) form", () => {
    expect(communeSlug("Xã Hồng Dụ".normalize("NFD"))).toBe("hong-du");
  });

  it("gives every one of the 20 units of 2023 its own slug of plain ASCII", () => {
    const lines = readFileSync(new URL("../../tests/fixtures/communes-2023.csv", import.meta.url), "utf8")
      .trim()
      .split("\n")
      .slice(1);
    const slugs = lines.map((line) => communeSlug(line.split(",")[1] ?? ""));
    expect(slugs).toHaveLength(20);
    expect(new Set(slugs).size).toBe(20);
    for (const slug of slugs) expect(slug).toMatch(/^[a-z]+(-[a-z]+)+$/);
  });

  it("keeps the published addresses of the committed years' communes", () => {
    // Written by hand from the names: these are the /xa/<slug>/ addresses already published.
    const published = [
      "thi-tran-ninh-giang",
      "ung-hoe",
      "nghia-an",
      "hong-duc",
      "an-duc",
      "van-phuc",
      "tan-huong",
      "vinh-hoa",
      "dong-xuyen",
      "tan-phong",
      "ninh-hai",
      "dong-tam",
      "tan-quang",
      "kien-quoc",
      "hong-du",
      "van-hoi",
      "hong-phong",
      "hiep-luc",
      "hong-phuc",
      "hung-long",
    ];
    for (const year of ["2022", "2023"]) {
      const names = readFileSync(new URL(`../../data/${year}/communes.csv`, import.meta.url), "utf8")
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(",")[1] ?? "");
      expect(names.map(communeSlug).sort(), year).toEqual([...published].sort());
    }
  });

  it("is at most 80 characters, cut at a word boundary, however long the name", () => {
    // Issue 24: a 3,000-character name made a page folder no file system takes (ENAMETOOLONG).
    const slug = communeSlug(`Xã ${"Hồng Dụ ".repeat(375)}`);
    expect(maxSlugLength).toBe(80);
    // "hong-du-" is 8 characters: ten words are 79 characters with their hyphens, an eleventh would pass 80.
    expect(slug).toBe(Array.from({ length: 10 }, () => "hong-du").join("-"));
    expect(communeSlug(`Xã ${"a".repeat(300)}`)).toBe("a".repeat(80));
  });
});
