import { describe, expect, it } from "vitest";
import { seededRandom } from "../random.ts";
import { datasetManifest } from "../../schemas/dataset.ts";
import { issuerWords } from "../rules/issuer.ts";
import { sampleManifest } from "./manifest.ts";
import { provinceUnits } from "./province-units.ts";

describe("a province-issued sample", () => {
  const after = provinceUnits(235, seededRandom(7));
  const before = provinceUnits(235, seededRandom(7), true);

  it("has wards, communes and special zones in groups of former districts, and no district", () => {
    const types = new Set(after.map((unit) => unit.type));
    expect([...types].sort()).toEqual(["dac_khu", "phuong", "xa"]);
    // 235 units in runs of 20: 12 former districts.
    expect(new Set(after.map((unit) => unit.group)).size).toBe(12);
    const manifest = datasetManifest.parse(
      sampleManifest({ year: 2025, seed: 1, communeCount: 235, issuer: "province" }),
    );
    expect(manifest.district).toBeUndefined();
    expect(issuerWords(manifest).office).toBe("Sở Nội vụ tỉnh Hưng Yên");
  });

  it("merges a few units from three former ones that the year before lists as units", () => {
    const merged = after.filter((unit) => unit.predecessors.length > 0);
    // Every 47th unit of 235: the 47th, 94th, 141st, 188th and 235th.
    expect(merged.map((unit) => unit.code)).toEqual(["00141", "00282", "00423", "00564", "00705"]);
    expect(merged[0]!.predecessors).toEqual(["00141", "00142", "00143"]);
    expect(merged.every((unit) => unit.formedOn === "2025-07-01")).toBe(true);
    const earlier = new Set(before.map((unit) => unit.code));
    expect(before).toHaveLength(235 + 2 * 5);
    expect(merged.flatMap((unit) => unit.predecessors).every((code) => earlier.has(code))).toBe(true);
    expect(before.some((unit) => unit.predecessors.length > 0)).toBe(false);
  });
});
