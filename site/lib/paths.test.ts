import { describe, expect, it } from "vitest";
import { dataFileHref, href } from "./paths.ts";

describe("href", () => {
  it("puts a site path under the project-pages base path", () => {
    expect(href("/xa/hong-du/", "/chi-so-cchc/")).toBe("/chi-so-cchc/xa/hong-du/");
    expect(href("/", "/chi-so-cchc/")).toBe("/chi-so-cchc/");
  });

  it("leaves paths alone when the site is at the root", () => {
    expect(href("/du-lieu/", "/")).toBe("/du-lieu/");
  });

  it("accepts a base written without its trailing slash", () => {
    expect(href("/du-lieu/", "/chi-so-cchc")).toBe("/chi-so-cchc/du-lieu/");
  });

  it("refuses a relative path, which would break under a base path", () => {
    expect(() => href("xa/hong-du/", "/")).toThrow();
  });

  it("points downloads at the year's published folder", () => {
    expect(dataFileHref(2023, "results.csv", "/chi-so-cchc/")).toBe("/chi-so-cchc/data/2023/results.csv");
  });
});
