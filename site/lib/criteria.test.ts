import { describe, expect, it } from "vitest";
import { scoresRow } from "../../tests/support/published-rows.ts";
import { criteriaTree } from "./criteria.ts";

describe("criteria order and tree", () => {
  it("lists each criterion once with its maximum per kind of unit", () => {
    const row = (commune_code: string, criterion_id: string, parent_id: string | null, max_points: number) =>
      scoresRow({
        commune_code,
        criterion_id,
        parent_id,
        level: criterion_id.split(".").length,
        criterion_name: criterion_id,
        source: "appraisal",
        points: max_points,
        max_points,
      });
    const tree = criteriaTree(
      [
        row("11155", "1", null, 10),
        row("11155", "1.1", "1", 10),
        row("11215", "1", null, 12),
        row("11215", "1.1", "1", 10),
        row("11215", "1.2", "1", 2),
      ],
      new Map([
        ["11155", "thi_tran"],
        ["11215", "xa"],
      ]),
    );
    expect(tree.map((entry) => [entry.id, entry.maxima, entry.isLeaf, entry.communes.size])).toEqual([
      [
        "1",
        [
          { type: "xa", max: 12 },
          { type: "thi_tran", max: 10 },
        ],
        false,
        2,
      ],
      ["1.1", [{ type: "xa", max: 10 }], true, 2],
      ["1.2", [{ type: "xa", max: 2 }], true, 1],
    ]);
  });
});
