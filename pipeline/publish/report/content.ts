// The wording of the report's parts I and II, as blocks the document lays out: facts from the plan
// and the published tables, in plain administrative Vietnamese. No sentence here judges a result.
import type { DatasetManifest } from "../../../schemas/dataset.ts";
import { issuerWords, unitKindsPhrase } from "../../rules/issuer.ts";
import type { PublishedPlanStep } from "../../../schemas/published-manifest.ts";
import type { ResultsRow } from "../../../schemas/published.ts";
import { formatDateVi } from "../../rules/dates.ts";
import {
  dashWithReason,
  formatMaxima,
  formatPctPointChange,
  maximaByType,
  noFigure,
  unitTypes,
} from "../../rules/display.ts";
import { groupBy } from "../../rules/group.ts";
import { formatInt, formatNumber, formatPct } from "../../rules/format.ts";
import { roundRatioHalfAway } from "../../compute/rounding.ts";
import type { YearResults } from "../../model.ts";

export type Block =
  | { kind: "heading"; text: string }
  | { kind: "text"; text: string }
  /** A part the office writes; shown as an instruction in italics followed by dotted lines. */
  | { kind: "blank"; text: string }
  | { kind: "table"; header: string[]; rows: string[][]; numeric: boolean[] };

function stepStatus(step: PublishedPlanStep): string {
  if (step.done_on === null) return "Chưa có ngày hoàn thành.";
  const done = `Hoàn thành ngày ${formatDateVi(step.done_on)}`;
  return step.status === "late"
    ? `${done}, chậm ${formatInt(step.days_late ?? 0)} ngày so với kế hoạch.`
    : `${done}, đúng hạn.`;
}

/** Part I: how the plan was carried out, step by step. */
export function planSentences(
  plan: readonly PublishedPlanStep[] | null,
  year: number,
  office: string,
): Block[] {
  const heading: Block = { kind: "heading", text: "I. TÌNH HÌNH TRIỂN KHAI KẾ HOẠCH" };
  if (plan === null) {
    return [
      heading,
      {
        kind: "blank",
        text: `[Chưa có dữ liệu các bước của kế hoạch năm ${year} (tệp plan.csv); ${office} bổ sung phần này.]`,
      },
    ];
  }
  const counted = (
    [
      ["on_time", "hoàn thành đúng hạn"],
      ["late", "hoàn thành chậm so với kế hoạch"],
      ["not_done", "chưa có ngày hoàn thành"],
    ] as const
  ).flatMap(([status, words]) => {
    const n = plan.filter((s) => s.status === status).length;
    return n === 0 ? [] : [`${formatInt(n)} bước ${words}`];
  });
  return [
    heading,
    { kind: "text", text: `Kế hoạch gồm ${formatInt(plan.length)} bước: ${counted.join(", ")}.` },
    ...plan.map((step): Block => ({
      kind: "text",
      text:
        `${step.step}. ${step.title}. Cơ quan chủ trì: ${step.lead}.` +
        (step.partners === null ? "" : ` Cơ quan phối hợp: ${step.partners}.`) +
        ` Thời gian theo kế hoạch: ${step.planned_period}. ${stepStatus(step)}` +
        (step.note === null ? "" : ` Ghi chú: ${step.note}`),
    })),
  ];
}

const names = (rows: readonly ResultsRow[]) =>
  rows.map((r) => `${r.commune_name} (${formatPct(r.index_pct)}, hạng ${formatInt(r.rank)})`).join("; ");

/** Part II: the results, each figure as published (the manifest's and the tables'). */
export function resultsSections(manifest: DatasetManifest, results: YearResults): Block[] {
  const { district, surveyDesign, surveyTotals, previousDistrict } = results;
  const ranked = results.tables.results;
  const words = issuerWords(manifest);
  const kinds = unitKindsPhrase(ranked.map((row) => row.commune_type));
  const blocks: Block[] = [{ kind: "heading", text: "II. KẾT QUẢ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH" }];

  blocks.push(
    { kind: "heading", text: "1. Kết quả chung" },
    {
      kind: "text",
      text:
        `Chỉ số cải cách hành chính trung bình của ${formatInt(district.communes)} ${kinds} là ${formatPct(district.index_pct)}` +
        (district.satisfaction_pct === null
          ? "."
          : `; mức độ hài lòng trung bình của người dân, tổ chức là ${formatPct(district.satisfaction_pct)}.`),
    },
  );

  blocks.push({ kind: "heading", text: "2. Xếp loại" });
  for (const band of manifest.bands) {
    const members = ranked.filter((r) => r.band === band.code);
    blocks.push({
      kind: "text",
      text: `${band.label}: ${members.length === 0 ? "không có đơn vị nào" : `${formatInt(members.length)} đơn vị, gồm: ${names(members)}`}.`,
    });
  }

  // Ties share a rank, so the first and last three places may hold more than three units.
  const topRank = ranked[Math.min(2, ranked.length - 1)]?.rank ?? 0;
  const bottomRank = ranked[Math.max(0, ranked.length - 3)]?.rank ?? 0;
  blocks.push(
    { kind: "heading", text: "3. Đơn vị xếp đầu và xếp cuối" },
    { kind: "text", text: `Ba vị trí đầu: ${names(ranked.filter((r) => r.rank <= topRank))}.` },
    { kind: "text", text: `Ba vị trí cuối: ${names(ranked.filter((r) => r.rank >= bottomRank))}.` },
  );

  // Each domain's maximum as the domains table has it for each kind of unit (a xã and the thị trấn
  // may differ), never the first row's.
  const types = unitTypes(ranked);
  const domains = [...groupBy(results.tables.domains, (d) => d.domain_id).values()].map((rows) => {
    const first = rows[0]!;
    return [
      `${first.domain_id}. ${first.domain_name}`,
      formatMaxima(maximaByType(rows, types)),
      formatNumber(first.district_avg_pct),
    ];
  });
  blocks.push(
    { kind: "heading", text: "4. Kết quả theo lĩnh vực" },
    { kind: "text", text: `Tỷ lệ điểm đạt trung bình của các ${kinds} trong từng lĩnh vực:` },
    {
      kind: "table",
      header: ["Lĩnh vực", "Điểm tối đa", `Trung bình của ${words.areaKind} (%)`],
      rows: domains,
      numeric: [false, true, true],
    },
  );

  blocks.push(
    { kind: "heading", text: "5. Điều tra xã hội học" },
    {
      kind: "text",
      text:
        `Theo kế hoạch điều tra ${formatInt(surveyTotals.planned)} người` +
        (surveyTotals.quota_per_commune === null
          ? ""
          : ` (người dân, tổ chức: mỗi ${kinds} ${formatInt(surveyTotals.quota_per_commune)} người)`) +
        `; đã thu được phiếu của ${formatInt(surveyTotals.achieved)} người.`,
    },
    {
      kind: "table",
      header: ["Nhóm đối tượng", "Theo kế hoạch", "Đạt được"],
      rows: [
        ...surveyDesign.map((g) => [g.name, formatInt(g.planned), formatInt(g.achieved)]),
        ["Tổng cộng", formatInt(surveyTotals.planned), formatInt(surveyTotals.achieved)],
      ],
      numeric: [false, true, true],
    },
  );

  // The district's satisfaction with each element: all citizens' answers of the district together,
  // from the published counts, so that the percentage is the one a reader gets from satisfaction.csv.
  const elements = new Map<number, { name: string; valid: number; satisfied: number }>();
  for (const s of results.tables.satisfaction) {
    const element = elements.get(s.element) ?? { name: s.element_name, valid: 0, satisfied: 0 };
    element.valid += s.valid_answers;
    element.satisfied += s.satisfied_answers;
    elements.set(s.element, element);
  }
  blocks.push({ kind: "heading", text: "6. Mức độ hài lòng theo từng yếu tố" });
  if (elements.size === 0) {
    blocks.push({ kind: "text", text: "Không có câu trả lời về mức độ hài lòng." });
  } else {
    blocks.push(
      {
        kind: "text",
        text: `Tính trên toàn bộ câu trả lời hợp lệ của người dân, tổ chức trong ${words.areaKind}:`,
      },
      {
        kind: "table",
        header: ["Yếu tố", "Câu trả lời hợp lệ", "Hài lòng", "Tỷ lệ hài lòng (%)"],
        rows: [...elements.entries()]
          .sort(([a], [b]) => a - b)
          .map(([id, e]) => [
            `${id}. ${e.name}`,
            formatInt(e.valid),
            formatInt(e.satisfied),
            e.valid === 0
              ? dashWithReason(noFigure.noValidAnswer)
              : formatNumber(roundRatioHalfAway(BigInt(e.satisfied) * 100n, BigInt(e.valid))),
          ]),
        numeric: [false, true, true, true],
      },
    );
  }

  const previousYear = results.parameters.previous_year;
  blocks.push({ kind: "heading", text: "7. So với năm trước" });
  const change = district.index_change;
  if (previousYear === null || previousDistrict === null || change === null) {
    blocks.push({ kind: "text", text: "Không có số liệu năm trước để so sánh." });
  } else {
    const changes = ranked.flatMap((r) => (r.index_change === null ? [] : [r.index_change]));
    blocks.push({
      kind: "text",
      text:
        `Chỉ số trung bình của ${words.areaKind} năm ${previousYear} là ${formatPct(previousDistrict.index_pct)}, năm ${manifest.year} là ${formatPct(district.index_pct)} (${formatPctPointChange(change, "long")}). ` +
        `So với năm ${previousYear}: ${formatInt(changes.filter((c) => c > 0).length)} đơn vị tăng, ${formatInt(changes.filter((c) => c < 0).length)} đơn vị giảm, ${formatInt(changes.filter((c) => c === 0).length)} đơn vị không đổi.`,
    });
  }
  return blocks;
}
