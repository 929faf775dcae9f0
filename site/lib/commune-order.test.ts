import { describe, expect, it } from "vitest";
import { resultsRow } from "../../tests/support/published-rows.ts";
import { alphabetical, defaultPair, rankEnds } from "./commune-order.ts";

// Ranks 1, 2, 2, 4, 4: two communes share second place and two share the last.
const results = [
  resultsRow({ commune_code: "11215", commune_name: "Xã Hồng Dụ", rank: 4 }),
  resultsRow({ commune_code: "11203", commune_name: "Xã Đồng Tâm", rank: 2 }),
  resultsRow({ commune_code: "11197", commune_name: "Xã Tân Phong", rank: 1 }),
  resultsRow({ commune_code: "11173", commune_name: "Xã An Đức", rank: 2 }),
  resultsRow({ commune_code: "11161", commune_name: "Xã Ứng Hòe", rank: 4 }),
];

describe("orders of the communes", () => {
  it("lists names in Vietnamese alphabetical order: Đ after D and before H, Ư after T", () => {
    expect(alphabetical(results).map((row) => row.commune_name)).toEqual([
      "Xã An Đức",
      "Xã Đồng Tâm",
      "Xã Hồng Dụ",
      "Xã Tân Phong",
      "Xã Ứng Hòe",
    ]);
  });

  it("breaks a tie of names by code, so two builds list them alike", () => {
    const twins = [
      resultsRow({ commune_code: "11230", commune_name: "Xã Hồng Phúc" }),
      resultsRow({ commune_code: "11224", commune_name: "Xã Hồng Phúc" }),
    ];
    expect(alphabetical(twins).map((row) => row.commune_code)).toEqual(["11224", "11230"]);
  });

  it("gives every commune sharing the first and the last rank, alphabetically", () => {
    const { best, weakest } = rankEnds(results);
    expect(best.map((row) => row.commune_name)).toEqual(["Xã Tân Phong"]);
    expect(weakest.map((row) => row.commune_name)).toEqual(["Xã Hồng Dụ", "Xã Ứng Hòe"]);
  });

  it("pairs the first and the last by rank for the compare page, ties by code; none for one commune", () => {
    expect(defaultPair(results)).toEqual(["11197", "11215"]);
    expect(defaultPair(results.slice(2, 3))).toEqual([]);
  });
});
