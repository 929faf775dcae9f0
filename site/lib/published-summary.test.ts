import { describe, expect, it } from "vitest";
import { latestYear } from "./data.ts";
import { inlineJson, summaryFigures } from "./published-summary.ts";

// A hand-made published year: 3 communes, 2 domains (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;

describe("summaryFigures", () => {
  const summary = summaryFigures(latestYear(fixture));

  it("copies the published figures as they are (values read from the fixture's CSV)", () => {
    expect(summary.year).toBe(2023);
    expect(summary.results.find((row) => row.commune_code === "11155")).toMatchObject({
      commune_name: "Thị trấn Ninh Giang",
      index_pct: 85.67,
      rank: 2,
      band: "B",
      index_ci_low: 83.2,
      index_ci_high: 88,
    });
    expect(summary.domains.find((row) => row.commune_code === "11161" && row.domain_id === "2")).toEqual({
      commune_code: "11161",
      commune_name: "Xã Ứng Hòe",
      domain_id: "2",
      domain_name: "Tác động của cải cách hành chính đến người dân, tổ chức",
      points: 48.5,
      max_points: 60,
      pct: 80.83,
      domain_rank: 3,
      district_avg_pct: 86.06,
      district_avg_points: 51.64,
    });
  });

  it("orders domains by id, then commune code", () => {
    expect(summary.domains.map((row) => `${row.domain_id}:${row.commune_code}`)).toEqual([
      "1:11155",
      "1:11161",
      "1:11215",
      "2:11155",
      "2:11161",
      "2:11215",
    ]);
  });
});

describe("inlineJson", () => {
  it("cannot close the <script> element that carries it", () => {
    expect(inlineJson({ name: "</script><b>" })).toBe('{"name":"\\u003c/script>\\u003cb>"}');
  });
});
