import { describe, expect, it } from "vitest";
import { comparedSearch, parseComparedCodes } from "./compare.ts";

const known = new Set(["11155", "11161", "11215", "11224", "11230"]);

describe("parseComparedCodes", () => {
  it("reads the codes of a shared link in their order", () => {
    expect(parseComparedCodes("?xa=11215,11155", known)).toEqual({ codes: ["11215", "11155"], ignored: [] });
  });

  it("ignores unknown codes, repeats and anything beyond four communes", () => {
    expect(parseComparedCodes("?xa=11215,99999,11215,11155,11161,11224,11230", known)).toEqual({
      codes: ["11215", "11155", "11161", "11224"],
      ignored: ["99999", "11215", "11230"],
    });
  });

  it("never lets SQL or markup through: only listed codes survive", () => {
    const hostile = "?xa=" + encodeURIComponent("11215' OR 1=1 --,<script>");
    expect(parseComparedCodes(hostile, known).codes).toEqual([]);
  });

  it("accepts a repeated parameter and stray spaces", () => {
    expect(parseComparedCodes("?xa=11215&xa=%2011155%20", known).codes).toEqual(["11215", "11155"]);
  });

  it("gives no codes when the parameter is absent", () => {
    expect(parseComparedCodes("", known)).toEqual({ codes: [], ignored: [] });
  });
});

describe("comparedSearch", () => {
  it("writes the short form people can read and share, and round-trips", () => {
    expect(comparedSearch(["11155", "11215"])).toBe("?xa=11155,11215");
    expect(parseComparedCodes(comparedSearch(["11155", "11215"]), known).codes).toEqual(["11155", "11215"]);
    expect(comparedSearch([])).toBe("");
  });
});
