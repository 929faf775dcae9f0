// The browser's charts are the build's chart functions given a document: drawn here into
// linkedom's, they must show each commune's published figure, in Vietnamese, and the average.
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { compareDomainsChart, type DomainBar } from "./compare-domains.ts";

const { document } = parseHTML("<!doctype html><html><body></body></html>");

const rows: DomainBar[] = [
  {
    commune_code: "A",
    domain_id: "1",
    domain_name: "Chỉ đạo",
    points: 10,
    max_points: 12,
    pct: 83.33,
    district_avg_pct: 80,
    district_avg_points: 9.6,
  },
  {
    commune_code: "B",
    domain_id: "1",
    domain_name: "Chỉ đạo",
    points: 9,
    max_points: 12,
    pct: 75,
    district_avg_pct: 80,
    district_avg_points: 9.6,
  },
  {
    commune_code: "A",
    domain_id: "2",
    domain_name: "Thể chế",
    points: 5,
    max_points: 8,
    pct: 62.5,
    district_avg_pct: 70,
    district_avg_points: 5.6,
  },
  {
    commune_code: "B",
    domain_id: "2",
    domain_name: "Thể chế",
    points: 6,
    max_points: 8,
    pct: 75,
    district_avg_pct: 70,
    district_avg_points: 5.6,
  },
  {
    commune_code: "C",
    domain_id: "1",
    domain_name: "Chỉ đạo",
    points: 1,
    max_points: 12,
    pct: 8.33,
    district_avg_pct: 80,
    district_avg_points: 9.6,
  },
];

function draw(measure: "pct" | "points") {
  return compareDomainsChart({
    rows,
    communes: [
      { code: "A", name: "Xã An" },
      { code: "B", name: "Xã Bình" },
    ],
    measure,
    title: "Xã An hơn Xã Bình ở 1/2 lĩnh vực",
    description: "Tỷ lệ điểm đạt theo lĩnh vực.",
    width: 390,
    document: document as unknown as Document,
  });
}

const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll("text")].map((text) => text.textContent);

describe("compareDomainsChart", () => {
  it("draws one bar per chosen commune and domain (not the commune left out), with its published rate", () => {
    const svg = draw("pct");
    expect(svg.querySelectorAll("rect")).toHaveLength(4);
    for (const label of ["83,33%", "75,00%", "62,50%"]) expect(texts(svg)).toContain(label);
    expect(texts(svg)).not.toContain("8,33%");
    expect(texts(svg)).toContain("1. Chỉ đạo");
    expect(svg.getAttribute("width")).toBe("390");
    expect(svg.querySelector("title")?.textContent).toBe(
      "Xã An hơn Xã Bình ở 1/2 lĩnh vực. Tỷ lệ điểm đạt theo lĩnh vực.",
    );
  });

  it("in points shows points out of the maximum", () => {
    expect(texts(draw("points"))).toEqual(expect.arrayContaining(["10,00/12,00", "6,00/8,00"]));
  });

  it("draws a name from the data as text, never as markup", () => {
    const hostile = '<img src=x onerror="alert(1)">';
    const svg = compareDomainsChart({
      rows,
      communes: [
        { code: "A", name: hostile },
        { code: "B", name: "Xã Bình" },
      ],
      measure: "pct",
      title: `${hostile} và Xã Bình`,
      description: "Tỷ lệ điểm đạt theo lĩnh vực.",
      width: 390,
      document: document as unknown as Document,
    });
    expect(svg.querySelector("img")).toBeNull();
    expect(svg.outerHTML).not.toContain("<img");
    expect(svg.outerHTML).toContain("&lt;img");
  });

  it("wraps a long domain name on a phone, whole, never ending in an ellipsis", () => {
    const long = "Cải cách tổ chức bộ máy hành chính và tinh giản biên chế, cơ cấu lại đội ngũ";
    const svg = compareDomainsChart({
      rows: rows.map((row) => (row.domain_id === "2" ? { ...row, domain_name: long } : row)),
      communes: [
        { code: "A", name: "Xã An" },
        { code: "B", name: "Xã Bình" },
      ],
      measure: "pct",
      title: "Xã An và Xã Bình",
      description: "Tỷ lệ điểm đạt theo lĩnh vực.",
      width: 358,
      document: document as unknown as Document,
    });
    const nameLines = [...svg.querySelectorAll("text")]
      .filter((text) => (text.textContent ?? "").includes("Cải cách") || text.querySelector("tspan"))
      .flatMap((text) => [...text.querySelectorAll("tspan")].map((tspan) => tspan.textContent ?? ""));
    expect(texts(svg).join(" ")).not.toContain("…");
    expect(nameLines.join(" ")).toBe(`2. ${long}`);
    expect(nameLines.length).toBeGreaterThan(1);
  });
});
