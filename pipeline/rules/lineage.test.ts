import { describe, expect, it } from "vitest";
import { comparablePredecessors, isMergedUnit, predecessorCodes, predecessorsCell } from "./lineage.ts";

const unit = (code: string, predecessors: string[] = []) => ({ code, predecessors });

describe("the predecessor a unit is compared with", () => {
  it("is the unit itself when it lists no predecessors", () => {
    expect(comparablePredecessors([unit("11161"), unit("11164")])).toEqual(
      new Map([
        ["11161", "11161"],
        ["11164", "11164"],
      ]),
    );
  });

  it("is none for a unit merged from three, which is a new unit", () => {
    const merged = unit("11170", ["11161", "11164", "11167"]);
    expect(comparablePredecessors([merged, unit("11173")]).get("11170")).toBeNull();
    expect(isMergedUnit(merged)).toBe(true);
  });

  it("is its one predecessor under another code, when no other unit also came from it", () => {
    expect(comparablePredecessors([unit("20001", ["11161"]), unit("11173")]).get("20001")).toBe("11161");
  });

  it("is none for either part of a split unit: neither has the extent of the old one", () => {
    const found = comparablePredecessors([unit("20001", ["11161"]), unit("20002", ["11161"])]);
    expect([found.get("20001"), found.get("20002")]).toEqual([null, null]);
  });

  it("is none for a unit that kept its code but gave part of itself to another", () => {
    const found = comparablePredecessors([unit("11161"), unit("20002", ["11161", "11164"])]);
    expect(found.get("11161")).toBeNull();
  });
});

describe("the published predecessors cell", () => {
  it("joins the codes with semicolons and reads them back", () => {
    expect(predecessorsCell({ predecessors: ["11161", "11164"] })).toBe("11161;11164");
    expect(predecessorsCell({ predecessors: [] })).toBeNull();
    expect(predecessorCodes("11161;11164")).toEqual(["11161", "11164"]);
    expect(predecessorCodes(null)).toEqual([]);
  });
});
