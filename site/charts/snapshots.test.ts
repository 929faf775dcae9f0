// Each chart drawn from small hand-made data at the phone and the desktop width, compared byte for
// byte with a committed drawing under __snapshots__/ (as Observable Plot's own tests do). A
// difference writes `<name>-changed.svg` beside the committed file and fails: a person looks at
// both and, if the change is meant, copies the new file over the old one. There is no switch that
// accepts changes automatically.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { DomainsRow, ResultsRow, SatisfactionRow } from "../../schemas/published.ts";
import { buildDocument } from "./build-document.ts";
import { DESKTOP_WIDTH, PHONE_WIDTH } from "./chart.ts";
import type { Chart, ChartOptions } from "./chart.ts";
import { changeChart } from "./change.ts";
import { communeDomainsChart } from "./commune-domains.ts";
import { distributionChart } from "./distribution.ts";
import { downloadSvg } from "./download.ts";
import { rankingChart } from "./ranking.ts";
import { satisfactionChart } from "./satisfaction.ts";

const dir = join(import.meta.dirname, "__snapshots__");

function expectSnapshot(name: string, svg: string): void {
  const file = join(dir, `${name}.svg`);
  const changed = join(dir, `${name}-changed.svg`);
  const actual = `${svg}\n`;
  const expected = existsSync(file) ? readFileSync(file, "utf8") : null;
  if (actual !== expected) writeFileSync(changed, actual);
  expect(actual === expected, `${name}.svg differs: compare it with ${name}-changed.svg`).toBe(true);
}

const bands = [
  { code: "A", label: "Nhóm A (từ 90% trở lên)", min_pct: 90 },
  { code: "B", label: "Nhóm B (từ 80% đến dưới 90%)", min_pct: 80 },
  { code: "C", label: "Nhóm C (dưới 80%)", min_pct: 0 },
];

function result(
  commune_name: string,
  index_pct: number,
  rank: number,
  band: string,
  index_change: number | null,
): ResultsRow {
  return {
    commune_code: String(11000 + rank),
    commune_name,
    commune_type: commune_name.startsWith("Thị trấn") ? "thi_tran" : "xa",
    index_pct,
    rank,
    band,
    index_ci_low: index_pct - 3.5,
    index_ci_high: index_pct + 2.5,
    rank_low: Math.max(1, rank - 1),
    rank_high: rank + 1,
    index_change,
  } as ResultsRow;
}

const results = [
  result("Xã Hồng Dụ", 92.35, 1, "A", 6.57),
  result("Thị trấn Ninh Giang", 86.1, 2, "B", -2.4),
  result("Xã Đông Xuyên", 81.05, 3, "B", 0.5),
  result("Xã Ứng Hòe", 74.2, 4, "C", -11.25),
];

function domain(domain_id: string, domain_name: string, pct: number, district_avg_pct: number): DomainsRow {
  return {
    commune_code: "11001",
    commune_name: "Xã Hồng Dụ",
    domain_id,
    domain_name,
    points: pct / 10,
    max_points: 10,
    pct,
    domain_rank: 1,
    district_avg_pct,
    district_avg_points: district_avg_pct / 10,
    district_avg_gap: pct - district_avg_pct,
    pct_change: null,
  };
}

const domains = [
  domain("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 85.14, 80),
  domain("2", "Cải cách thể chế (tổ chức thực hiện văn bản quy phạm pháp luật)", 62.5, 78.98),
  domain(
    "8",
    "Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội",
    100,
    91.2,
  ),
];

function element(element: number, element_name: string, satisfied_pct: number): SatisfactionRow {
  return {
    commune_code: "11001",
    element,
    element_name,
    valid_answers: 60,
    satisfied_answers: Math.round((satisfied_pct * 60) / 100),
    satisfied_pct,
    ci_low: satisfied_pct - 11,
    ci_high: Math.min(100, satisfied_pct + 8),
  };
}

const elements = [
  element(1, "Tiếp cận dịch vụ", 96.67),
  element(2, "Thủ tục hành chính", 78.95),
  element(3, "Công chức trực tiếp giải quyết công việc", 88.33),
];

const spread = [
  { ...domain("3", "Cải cách thủ tục hành chính", 62.5, 84.6), commune_name: "Xã Ứng Hòe" },
  { ...domain("3", "Cải cách thủ tục hành chính", 84, 84.6), commune_name: "Xã Đông Xuyên" },
  { ...domain("3", "Cải cách thủ tục hành chính", 86.9, 84.6), commune_name: "Thị trấn Ninh Giang" },
  { ...domain("3", "Cải cách thủ tục hành chính", 98, 84.6), commune_name: "Xã Hồng Dụ" },
  { ...domain("3", "Cải cách thủ tục hành chính", 100, 84.6), commune_name: "Xã Văn Hội" },
];

const charts: Record<string, (options: ChartOptions) => Chart> = {
  ranking: (options) => rankingChart({ year: 2023, results, bands }, options),
  change: (options) => changeChart({ year: 2023, results }, options),
  "commune-domains": (options) =>
    communeDomainsChart(
      { year: 2023, slug: "hong-du", communeName: "Xã Hồng Dụ", domains, averageLabel: "trung bình huyện" },
      options,
    ),
  satisfaction: (options) =>
    satisfactionChart(
      { year: 2023, slug: "hong-du", communeName: "Xã Hồng Dụ", satisfactionPct: 86.4, elements },
      options,
    ),
  distribution: (options) =>
    distributionChart({ year: 2023, domainId: "3", rows: spread, averageLabel: "trung bình huyện" }, options),
};

describe("chart drawings match their committed snapshots", () => {
  for (const [name, draw] of Object.entries(charts)) {
    for (const [variant, width] of [
      ["phone", PHONE_WIDTH],
      ["desktop", DESKTOP_WIDTH],
    ] as const) {
      it(`${name} at the ${variant} width (${width} px)`, () => {
        const chart = draw({ width, document: buildDocument() });
        expect(chart.element.getAttribute("width")).toBe(String(width));
        expectSnapshot(`${name}-${variant}`, chart.svg);
      });
    }
  }

  it("the download of a sample chart carries title, source, version and the sample notice", () => {
    const chart = charts["commune-domains"]?.({ width: DESKTOP_WIDTH, document: buildDocument() });
    if (!chart) throw new Error("no chart");
    const svg = downloadSvg(chart, {
      source: "Nguồn: UBND huyện Ninh Giang (Phòng Nội vụ), Chỉ số CCHC năm 2023; dữ liệu phiên bản 1.0.0.",
      notice: "Dữ liệu minh họa – không phải kết quả chính thức",
    });
    expect(svg).toContain("Xã Hồng Dụ cao hơn trung bình huyện ở 2/3 lĩnh vực");
    expect(svg).toContain("phiên bản 1.0.0");
    expect(svg).toContain("Dữ liệu minh họa – không phải kết quả chính thức");
    expectSnapshot("commune-domains-download", svg);
  });
});
