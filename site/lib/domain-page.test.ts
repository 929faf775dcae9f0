import { describe, expect, it } from "vitest";
import type { ScoresRow } from "../../schemas/published.ts";
import { domainsRow, resultsRow, scoresRow } from "../../tests/support/published-rows.ts";
import { domainPage, domainSummaries } from "./domain-page.ts";

// Three communes; "Đồng Tâm" sorts after "An Đức" and before "Hồng Dụ" in Vietnamese, though "Đ"
// comes after "H" in code points.
const anDuc = { commune_code: "11173", commune_name: "Xã An Đức" };
const dongTam = { commune_code: "11203", commune_name: "Xã Đồng Tâm" };
const hongDu = { commune_code: "11215", commune_name: "Xã Hồng Dụ" };
const communes = [anDuc, dongTam, hongDu];

// The points lost and their total over the communes are published (by hand below); the page
// only reads them.
const leaf = (
  commune: { commune_code: string },
  criterion_id: string,
  points: number,
  max_points: number,
  points_lost: number,
  district_points_lost: number,
): ScoresRow =>
  scoresRow({
    commune_code: commune.commune_code,
    criterion_id,
    parent_id: criterion_id.split(".")[0] ?? null,
    level: 2,
    criterion_name: `Tiêu chí ${criterion_id}`,
    points,
    max_points,
    pct: (100 * points) / max_points,
    points_lost,
    district_points_lost,
    self_score: max_points,
    appraised_score: points,
  });
const domainRow = (
  commune: { commune_code: string },
  id: string,
  points: number,
  max_points: number,
): ScoresRow =>
  scoresRow({
    commune_code: commune.commune_code,
    criterion_id: id,
    parent_id: null,
    level: 1,
    criterion_name: `Lĩnh vực ${id}`,
    source: "appraisal",
    points,
    max_points,
    pct: (100 * points) / max_points,
    self_score: null,
    appraised_score: null,
  });

// Domain 1 has leaves 1.2, 1.9 and 1.10 (max 3, 2, 2 = 7). Points lost, by hand:
//   1.9:  An Đức 0.25, Đồng Tâm 0.5, Hồng Dụ 0.5  → total 1.25
//   1.10: An Đức 0.75, Đồng Tâm 0.5, Hồng Dụ 0    → total 1.25 (a tie with 1.9)
//   1.2:  nobody                                   → total 0
// Domain 10 (criterion 10.1) must not be taken for domain 1.
const scores: ScoresRow[] = [
  domainRow(anDuc, "1", 6, 7),
  leaf(anDuc, "1.2", 3, 3, 0, 0),
  leaf(anDuc, "1.9", 1.75, 2, 0.25, 1.25),
  leaf(anDuc, "1.10", 1.25, 2, 0.75, 1.25),
  domainRow(dongTam, "1", 6, 7),
  leaf(dongTam, "1.2", 3, 3, 0, 0),
  leaf(dongTam, "1.9", 1.5, 2, 0.5, 1.25),
  leaf(dongTam, "1.10", 1.5, 2, 0.5, 1.25),
  domainRow(hongDu, "1", 6.5, 7),
  leaf(hongDu, "1.2", 3, 3, 0, 0),
  leaf(hongDu, "1.9", 1.5, 2, 0.5, 1.25),
  leaf(hongDu, "1.10", 2, 2, 0, 1.25),
  domainRow(hongDu, "10", 0, 5),
  leaf(hongDu, "10.1", 0, 5, 5, 5),
];

const domains = [
  // Two communes tied on domain 1 share the second place.
  ...[anDuc, dongTam].map((commune) =>
    domainsRow({
      ...commune,
      domain_id: "1",
      domain_name: "Lĩnh vực 1",
      points: 6,
      max_points: 7,
      pct: 85.71,
      domain_rank: 2,
    }),
  ),
  domainsRow({
    ...hongDu,
    domain_id: "1",
    domain_name: "Lĩnh vực 1",
    points: 6.5,
    max_points: 7,
    pct: 92.86,
    domain_rank: 1,
    pct_change: 1.5,
  }),
  domainsRow({ ...hongDu, domain_id: "10", domain_name: "Lĩnh vực 10", points: 0, max_points: 5, pct: 0 }),
].map((row) => ({ ...row, district_avg_pct: row.domain_id === "1" ? 88.09 : 0 }));

const data = { domains, scores, results: communes.map((commune) => resultsRow(commune)) };

describe("the domain page", () => {
  it("lists the communes in their published rank on the domain, ties alphabetical in Vietnamese", () => {
    const view = domainPage(data, "1");
    expect(view.rows.map((row) => [row.commune_name, row.domain_rank])).toEqual([
      ["Xã Hồng Dụ", 1],
      ["Xã An Đức", 2],
      ["Xã Đồng Tâm", 2],
    ]);
    expect([view.name, view.average, view.hasChange]).toEqual(["Lĩnh vực 1", 88.09, true]);
  });

  it("lists the criteria under the domain in tree order, 1.9 before 1.10, and none of domain 10", () => {
    expect(domainPage(data, "1").criteria.map((criterion) => criterion.id)).toEqual(["1.2", "1.9", "1.10"]);
  });

  it("rolls up the points lost per leaf: most lost first, a tie in tree order (1.9 before 1.10)", () => {
    const losses = domainPage(data, "1").losses;
    expect(losses.map(({ criterion, lost, total }) => [criterion.id, lost, total])).toEqual([
      [
        "1.9",
        [
          { name: "Xã Đồng Tâm", lost: 0.5, max: 2 },
          { name: "Xã Hồng Dụ", lost: 0.5, max: 2 },
          { name: "Xã An Đức", lost: 0.25, max: 2 },
        ],
        1.25,
      ],
      [
        "1.10",
        [
          { name: "Xã An Đức", lost: 0.75, max: 2 },
          { name: "Xã Đồng Tâm", lost: 0.5, max: 2 },
        ],
        1.25,
      ],
      ["1.2", [], 0],
    ]);
  });

  it("shows the published losses and total, never derives them from the points", () => {
    // Published figures the points alone would not give: the page must show these.
    const view = domainPage(
      { ...data, scores: [leaf(anDuc, "1.9", 1.9, 2, 0.3, 0.7), leaf(dongTam, "1.9", 2, 2, 0, 0.7)] },
      "1",
    );
    expect(view.losses.map(({ lost, total }) => [lost, total])).toEqual([
      [[{ name: "Xã An Đức", lost: 0.3, max: 2 }], 0.7],
    ]);
  });

  it("says no change column when no commune has a change", () => {
    const view = domainPage({ ...data, domains: domains.map((row) => ({ ...row, pct_change: null })) }, "1");
    expect(view.hasChange).toBe(false);
  });
});

describe("the domains overview", () => {
  it("gives each domain its name, district average and maximum per kind of unit where they differ", () => {
    const overview = domainSummaries(
      [
        domainsRow({
          ...anDuc,
          domain_id: "2",
          domain_name: "Lĩnh vực 2",
          max_points: 8,
          district_avg_pct: 80,
        }),
        domainsRow({
          ...dongTam,
          domain_id: "2",
          domain_name: "Lĩnh vực 2",
          max_points: 7.5,
          district_avg_pct: 80,
        }),
        domainsRow({
          ...hongDu,
          domain_id: "2",
          domain_name: "Lĩnh vực 2",
          max_points: 8,
          district_avg_pct: 80,
        }),
        domainsRow({
          ...anDuc,
          domain_id: "1",
          domain_name: "Lĩnh vực 1",
          max_points: 12,
          district_avg_pct: 91.5,
        }),
      ],
      [
        { commune_code: anDuc.commune_code, commune_type: "xa" },
        { commune_code: dongTam.commune_code, commune_type: "thi_tran" },
        { commune_code: hongDu.commune_code, commune_type: "xa" },
      ],
      ["1", "2"],
    );
    expect(overview).toEqual([
      { id: "1", name: "Lĩnh vực 1", average: 91.5, maxima: [{ type: "xa", max: 12 }] },
      {
        id: "2",
        name: "Lĩnh vực 2",
        average: 80,
        maxima: [
          { type: "xa", max: 8 },
          { type: "thi_tran", max: 7.5 },
        ],
      },
    ]);
  });
});
