import { describe, expect, it } from "vitest";
import { comparisonHeadline, domainsLed } from "./differences.ts";
import type { ComparedDomain } from "./compare.ts";

function domain(commune_code: string, domain_id: string, pct: number): ComparedDomain {
  return {
    commune_code,
    domain_id,
    domain_name: `Lĩnh vực ${domain_id}`,
    points: 0,
    max_points: 0,
    pct,
    district_avg_pct: 0,
    district_avg_points: 0,
  };
}

const an = { code: "A", name: "Xã An" };
const binh = { code: "B", name: "Xã Bình" };
const chau = { code: "C", name: "Xã Châu" };

// Domain 1: A 90 > B 80 > C 70; domain 2: B 85 > A 60 = C 60; domain 3: A 75 = B 75 > C 50;
// domain 4: A 88 > C 87 > B 10.
const domains = [
  domain("A", "1", 90),
  domain("B", "1", 80),
  domain("C", "1", 70),
  domain("A", "2", 60),
  domain("B", "2", 85),
  domain("C", "2", 60),
  domain("A", "3", 75),
  domain("B", "3", 75),
  domain("C", "3", 50),
  domain("A", "4", 88),
  domain("B", "4", 10),
  domain("C", "4", 87),
];

describe("domainsLed", () => {
  it("counts outright leads only: a tie for first leads nobody", () => {
    // A leads 1 and 4; B leads 2; domain 3 is a tie between A and B.
    expect(domainsLed(domains, ["A", "B", "C"])).toEqual(
      new Map([
        ["A", 2],
        ["B", 1],
        ["C", 0],
      ]),
    );
  });

  it("compares only the chosen communes", () => {
    // Between B and C: B leads 1, 2 and 3; C leads 4.
    expect(domainsLed(domains, ["B", "C"])).toEqual(
      new Map([
        ["B", 3],
        ["C", 1],
      ]),
    );
  });
});

describe("comparisonHeadline", () => {
  it("states who is higher in how many domains for two communes", () => {
    expect(comparisonHeadline(domains, [chau, binh])).toBe("Xã Bình cao hơn Xã Châu ở 3/4 lĩnh vực");
  });

  it("names the leader among more communes", () => {
    expect(comparisonHeadline(domains, [an, binh, chau])).toBe("Xã An dẫn đầu ở 2/4 lĩnh vực");
  });

  it("says a tie is a tie", () => {
    // Between A and B: A leads 1 and 4, B leads 2, domain 3 tied → 2 against 1, not a tie.
    expect(comparisonHeadline(domains, [an, binh])).toBe("Xã An cao hơn Xã Bình ở 2/4 lĩnh vực");
    const even = [domain("A", "1", 90), domain("B", "1", 80), domain("A", "2", 70), domain("B", "2", 71)];
    expect(comparisonHeadline(even, [an, binh])).toBe("Xã An và Xã Bình mỗi đơn vị dẫn đầu ở 1/2 lĩnh vực");
  });
});
