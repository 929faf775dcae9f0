// Text from the data reaches pages inside the SVG of the charts: it must arrive as text, never as
// markup (docs/quality.md#security-and-privacy). A commune name and a question text carry an attack here.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import type { ResultsRow, SatisfactionRow } from "../../schemas/published.ts";
import { buildDocument } from "./build-document.ts";
import { DESKTOP_WIDTH } from "./chart.ts";
import { domainsRow, resultsRow } from "../../tests/support/published-rows.ts";
import { communeDomainsChart } from "./commune-domains.ts";
import { leaderTitle, rankingChart } from "./ranking.ts";
import { satisfactionChart } from "./satisfaction.ts";

const bands = [
  { code: "A", label: "Nhóm A", min_pct: 90 },
  { code: "B", label: "Nhóm B", min_pct: 80 },
  { code: "C", label: "Nhóm C", min_pct: 0 },
];
const options = { width: DESKTOP_WIDTH, document: buildDocument() };
const attack = `<script>alert("x")</script><img src=x onerror="alert(1)"> & Co`;

function result(
  commune_code: string,
  commune_name: string,
  index_pct: number,
  rank: number,
  band: string,
): ResultsRow {
  return resultsRow({
    commune_code,
    commune_name,
    index_pct,
    rank,
    band,
    index_ci_low: index_pct - 1,
    index_ci_high: index_pct + 1,
    rank_low: rank,
    rank_high: rank,
  });
}

function elementsOf(svg: string) {
  const { document } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  return document;
}

describe("charts render data as text", () => {
  it("escapes a commune name carrying <script> and <img onerror> in the ranking chart", () => {
    const chart = rankingChart(
      {
        year: 2023,
        results: [result("11215", attack, 91.23, 1, "A"), result("11155", "Xã An Đức", 85.67, 2, "B")],
        bands,
      },
      options,
    );
    const document = elementsOf(chart.svg);
    expect(document.querySelectorAll("script, img, [onerror]")).toHaveLength(0);
    expect(chart.svg).not.toContain("<script");
    expect(chart.svg).not.toContain("<img");
    // …and the name is still there, to be read as text.
    expect(document.body.textContent).toContain(attack);
    // No attribute carries data text (a `<` there would make the .svg download invalid XML).
    expect(chart.svg).not.toMatch(/="[^"]*[<>]/);
    expect(chart.svg).toContain("&amp; Co");
  });

  it("escapes an element name in the satisfaction chart and a domain name in the domains chart", () => {
    const element = {
      commune_code: "11215",
      element: 1,
      element_name: attack,
      valid_answers: 60,
      satisfied_answers: 48,
      satisfied_pct: 80,
      ci_low: 68.2,
      ci_high: 88.2,
    } satisfies SatisfactionRow;
    const domain = domainsRow({
      domain_id: "1",
      domain_name: attack,
      points: 10,
      max_points: 12,
      pct: 83.33,
      district_avg_pct: 80,
    });
    for (const chart of [
      satisfactionChart(
        { year: 2023, slug: "hong-du", communeName: "Xã Hồng Dụ", satisfactionPct: 80, elements: [element] },
        options,
      ),
      communeDomainsChart(
        {
          year: 2023,
          slug: "hong-du",
          communeName: "Xã Hồng Dụ",
          domains: [domain],
          averageLabel: "trung bình huyện",
        },
        options,
      ),
    ]) {
      expect(elementsOf(chart.svg).querySelectorAll("script, img, [onerror]")).toHaveLength(0);
    }
  });

  it("has no inline style (the CSP forbids it) and names the picture for screen readers", () => {
    const chart = rankingChart(
      { year: 2023, results: [result("11215", "Xã Hồng Dụ", 91.23, 1, "A")], bands },
      options,
    );
    const svg = elementsOf(chart.svg).querySelector("svg");
    expect(chart.svg).not.toMatch(/<style|style=/);
    expect(svg?.getAttribute("role")).toBe("img");
    expect(svg?.querySelector("title")?.textContent).toContain("Xã Hồng Dụ dẫn đầu");
    expect(svg?.getAttribute("xmlns")).toBe("http://www.w3.org/2000/svg");
  });

  it("writes numbers the Vietnamese way", () => {
    const chart = rankingChart(
      { year: 2023, results: [result("11215", "Xã Hồng Dụ", 91.23, 1, "A")], bands },
      options,
    );
    expect(chart.svg).toContain("91,23%");
    expect(chart.title).toBe("Xã Hồng Dụ dẫn đầu với 91,23%");
  });

  it("names every leader when the first place is shared", () => {
    expect(
      leaderTitle([
        result("1", "Xã B", 90.5, 1, "A"),
        result("2", "Xã A", 90.5, 1, "A"),
        result("3", "Xã C", 88, 3, "B"),
      ]),
    ).toBe("Xã A và Xã B cùng dẫn đầu với 90,50%");
  });
});
