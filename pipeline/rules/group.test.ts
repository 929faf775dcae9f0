import { describe, expect, it } from "vitest";
import { groupBy } from "./group.ts";

describe("groupBy", () => {
  it("keeps groups in order of first appearance and items in input order", () => {
    const rows = [
      { code: "B", n: 1 },
      { code: "A", n: 2 },
      { code: "B", n: 3 },
    ];
    expect([...groupBy(rows, (row) => row.code)]).toEqual([
      ["B", [rows[0], rows[2]]],
      ["A", [rows[1]]],
    ]);
  });

  it("groups by a number as well, as the bulletin groups tied ranks", () => {
    const ranks = [1, 2, 2, 4];
    expect([...groupBy(ranks, (rank) => rank).keys()]).toEqual([1, 2, 4]);
    expect(groupBy(ranks, (rank) => rank).get(2)).toEqual([2, 2]);
  });
});
