import { describe, expect, it } from "vitest";
import { seededRandom } from "../random.ts";
import { communeSlug } from "../rules/slug.ts";
import { syntheticCommunes } from "./synthetic-communes.ts";

describe("synthetic communes", () => {
  it("give a country-sized set one page address per unit, so it validates", () => {
    const communes = syntheticCommunes(10_600, seededRandom(2023));
    expect(new Set(communes.map((commune) => communeSlug(commune.name))).size).toBe(10_600);
    expect(new Set(communes.map((commune) => commune.code)).size).toBe(10_600);
  });

  it("number a name only once the list of place names is used up", () => {
    const communes = syntheticCommunes(40, seededRandom(1));
    expect(communes.every((commune) => !/\d/.test(commune.name))).toBe(true);
    expect(communes[0]?.name.startsWith("Thị trấn ")).toBe(true);
    expect(communes[1]?.name.startsWith("Xã ")).toBe(true);
  });
});
