import { describe, expect, it } from "vitest";
import { scoresRow } from "../../tests/support/published-rows.ts";
import { criteriaTree } from "./criteria.ts";

describe("criteria order and tree", () => {
  it("lists each criterion once with the maxima it has across communes", () => {
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
    const tree = criteriaTree([
      row("11155", "1", null, 10),
      row("11155", "1.1", "1", 10),
      row("11215", "1", null, 12),
      row("11215", "1.1", "1", 10),
      row("11215", "1.2", "1", 2),
    ]);
    expect(tree.map((entry) => [entry.id, entry.maxima, entry.isLeaf, entry.communes.size])).toEqual([
      ["1", [10, 12], false, 2],
      ["1.1", [10], true, 2],
      ["1.2", [2], true, 1],
    ]);
  });
});
