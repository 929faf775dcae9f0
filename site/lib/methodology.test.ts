import { describe, expect, it } from "vitest";
import type { ScoresRow } from "../../schemas/published.ts";
import { resultsRow, scoresRow } from "../../tests/support/published-rows.ts";
import { methodologyCriteria } from "./methodology.ts";

const town = resultsRow({
  commune_code: "11155",
  commune_name: "Thị trấn Ninh Giang",
  commune_type: "thi_tran",
});
const anDuc = resultsRow({ commune_code: "11173", commune_name: "Xã An Đức", commune_type: "xa" });
const hongDu = resultsRow({ commune_code: "11215", commune_name: "Xã Hồng Dụ", commune_type: "xa" });

const score = (
  commune: { commune_code: string },
  criterion_id: string,
  source: ScoresRow["source"],
  parent_id: string | null,
): ScoresRow =>
  scoresRow({
    commune_code: commune.commune_code,
    criterion_id,
    parent_id,
    level: criterion_id.split(".").length,
    criterion_name: `Tiêu chí ${criterion_id}`,
    source,
  });

// Domain 1: 1.1 (appraisal, all), 1.2 (appraisal, xã only), 1.3 (survey, all), 1.4 (appraisal,
// thị trấn only); domain 2 and 2.1 (appraisal) for the town and one xã: 2 of the 3 units.
const scores = [town, anDuc, hongDu].flatMap((commune) => [
  score(commune, "1", "mixed", null),
  score(commune, "1.1", "appraisal", "1"),
  ...(commune.commune_type === "xa" ? [score(commune, "1.2", "appraisal", "1")] : []),
  score(commune, "1.3", "survey", "1"),
  ...(commune.commune_type === "thi_tran" ? [score(commune, "1.4", "appraisal", "1")] : []),
  ...(commune !== anDuc
    ? [score(commune, "2", "appraisal", null), score(commune, "2.1", "appraisal", "2")]
    : []),
]);

describe("the methodology page's criteria", () => {
  const view = methodologyCriteria(scores, [town, anDuc, hongDu]);

  it("says which units each criterion applies to", () => {
    expect(view.criteria.map((criterion) => [criterion.id, criterion.scope])).toEqual([
      ["1", ""],
      ["1.1", ""],
      ["1.2", "chỉ áp dụng cho xã"],
      ["1.3", ""],
      ["1.4", "chỉ áp dụng cho thị trấn"],
      ["2", "áp dụng cho 2/3 đơn vị"],
      ["2.1", "áp dụng cho 2/3 đơn vị"],
    ]);
  });

  it("counts domains and scored leaves by source", () => {
    expect([view.domains, view.leaves, view.appraisalLeaves, view.surveyLeaves]).toEqual([2, 5, 4, 1]);
  });
});
