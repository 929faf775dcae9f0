import { describe, expect, it } from "vitest";
import { exploreSearch, parseExploreState, type ExploreCatalogue } from "./explore.ts";

const fivePoint = ["1", "2", "3", "4", "5"].map((option) => ({ option, label: `Mức ${option}` }));
const catalogue: ExploreCatalogue = {
  questions: [
    { id: "CB01", panel: "officials", text: "Chỉ đạo", options: [{ option: "A", label: "Tốt" }] },
    { id: "ND01", panel: "citizens", text: "Tiếp cận", options: fivePoint },
    { id: "ND02", panel: "citizens", text: "Thủ tục", options: fivePoint },
    { id: "ND03", panel: "citizens", text: "Công chức", options: fivePoint },
  ],
  communeCodes: new Set(["11155", "11215"]),
};

describe("parseExploreState", () => {
  it("reads a full citizens' view from its link", () => {
    expect(parseExploreState("?nhom=nguoi-dan&cau=ND02&xa=11215&tl=5&cheo=ND03", catalogue)).toEqual({
      panel: "citizens",
      question: "ND02",
      commune: "11215",
      answer: "5",
      crossQuestion: "ND03",
    });
  });

  it("opens on the first citizens' question, crossed with the next one, for the whole district", () => {
    expect(parseExploreState("", catalogue)).toEqual({
      panel: "citizens",
      question: "ND01",
      commune: null,
      answer: null,
      crossQuestion: "ND02",
    });
  });

  it("replaces values that are not in the catalogue, or not of the panel, with defaults", () => {
    expect(parseExploreState("?nhom=nguoi-dan&cau=CB01&xa=99999&tl=9&cheo=ND01", catalogue)).toEqual({
      panel: "citizens",
      question: "ND01",
      commune: null,
      answer: null,
      // A question is never crossed with itself.
      crossQuestion: "ND02",
    });
  });

  it("gives officials no cross-tabulation: their answers are published only as counts", () => {
    expect(parseExploreState("?nhom=can-bo&cau=CB01&tl=A&cheo=ND02", catalogue)).toEqual({
      panel: "officials",
      question: "CB01",
      commune: null,
      answer: "A",
      crossQuestion: null,
    });
  });
});

describe("exploreSearch", () => {
  it("round-trips through the URL", () => {
    const state = parseExploreState("?nhom=nguoi-dan&cau=ND03&xa=11155&tl=2&cheo=ND01", catalogue);
    expect(state).not.toBeNull();
    if (!state) return;
    expect(exploreSearch(state)).toBe("?nhom=nguoi-dan&cau=ND03&xa=11155&tl=2&cheo=ND01");
    expect(parseExploreState(exploreSearch(state), catalogue)).toEqual(state);
  });
});
