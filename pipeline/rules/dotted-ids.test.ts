import { describe, expect, it } from "vitest";
import { compareDottedIds } from "./dotted-ids.ts";

describe("compareDottedIds", () => {
  it("sorts criterion ids by their numbers: 1.9 before 1.10, a parent before its children", () => {
    expect(["1.10", "2", "1.9", "1", "1.9.1"].sort(compareDottedIds)).toEqual([
      "1",
      "1.9",
      "1.9.1",
      "1.10",
      "2",
    ]);
  });

  it("orders release versions by number, not by text", () => {
    expect(["1.0.10", "1.0.9", "1.2.0", "0.9.0"].sort(compareDottedIds)).toEqual([
      "0.9.0",
      "1.0.9",
      "1.0.10",
      "1.2.0",
    ]);
  });

  it("holds equal ids equal", () => {
    expect(compareDottedIds("1.2.3", "1.2.3")).toBe(0);
  });
});
