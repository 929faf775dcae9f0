// How a published figure reads, once for every output: pages, charts, the bulletin, the feed, the
// share images and the report all say "10,79/12,00", "+9,97 điểm %", "xã" and "người dân, tổ chức"
// from here (docs/architecture.md#where-each-rule-lives). Numbers go through format.ts, dates through
// dates.ts; nothing here computes a figure, it only shows a published one.
import { communeTypes } from "../../schemas/commune-types.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import { formatChange, formatNumber } from "./format.ts";

/** The kind of unit as a sentence says it ("thị trấn" is scored on criteria a "xã" is not). */
export const unitTypeLabel: Record<CommuneType, string> = {
  xa: "xã",
  phuong: "phường",
  thi_tran: "thị trấn",
  dac_khu: "đặc khu",
};

/**
 * Who answered a survey panel, as a sentence says it ("Đánh giá của …"): the officials are those of
 * the issuing area (`areaKind` of pipeline/rules/issuer.ts): "cán bộ, lãnh đạo huyện" / "… tỉnh".
 */
export function panelLabel(panel: "officials" | "citizens", areaKind: string): string {
  return panel === "officials" ? `cán bộ, lãnh đạo ${areaKind}` : "người dân, tổ chức";
}

/** The first letter in capitals, for a label that opens a cell or a sentence. */
export function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}

/** Points on their maximum: `10.79, 12` → `10,79/12,00`. */
export function formatPointsOfMax(points: number, max: number): string {
  return `${formatNumber(points)}/${formatNumber(max)}`;
}

/**
 * The unit of a change of a percentage, in full ("điểm phần trăm", said on air and written in
 * prose) and short ("điểm %", in table cells and chart labels). A bare "+9,97 điểm" would read as
 * points of the score, and "+9,97%" as a relative growth of 9,97 per cent: neither is what changed.
 */
export const pctPointsWords = "điểm phần trăm";
export const pctPointsShort = "điểm %";

/** No-break space: a short unit never wraps away from its number in a phone's narrow cell. */
const nbsp = "\u00a0";

/**
 * A change of a percentage with its unit: `9.97` → `+9,97 điểm %` (no-break spaces), or with
 * `long` for prose and the radio: `+9,97 điểm phần trăm`.
 */
export function formatPctPointChange(value: number, form: "short" | "long" = "short"): string {
  return form === "long"
    ? `${formatChange(value)} ${pctPointsWords}`
    : `${formatChange(value)}${nbsp}${pctPointsShort.replace(" ", nbsp)}`;
}

/** A change of rank with its unit: `2` → `+2 bậc` (positive = up the ranking). */
export function formatRankChange(value: number): string {
  return `${formatChange(value, 0)}${nbsp}bậc`;
}

/** A domain's maximum for one kind of unit, as the published domains table has it. */
export interface TypedMaximum {
  type: CommuneType;
  max: number;
}

/**
 * The distinct maxima of one domain by kind of unit, from its published rows (each unit's own
 * `max_points`) and the units' types: one entry per kind, in the order of `communeTypes` (xã first); one entry alone when every kind
 * has the same maximum.
 */
export function maximaByType(
  rows: readonly { commune_code: string; max_points: number }[],
  types: ReadonlyMap<string, CommuneType>,
): TypedMaximum[] {
  const byType = new Map<CommuneType, number>();
  for (const row of rows) {
    const type = types.get(row.commune_code);
    if (type !== undefined && !byType.has(type)) byType.set(type, row.max_points);
  }
  const maxima = communeTypes.flatMap((type) => {
    const max = byType.get(type);
    return max === undefined ? [] : [{ type, max }];
  });
  return new Set(maxima.map((m) => m.max)).size === 1 ? maxima.slice(0, 1) : maxima;
}

/** Each unit's kind by code, from results rows: what maximaByType needs. */
export function unitTypes(
  results: readonly { commune_code: string; commune_type: CommuneType }[],
): Map<string, CommuneType> {
  return new Map(results.map((row) => [row.commune_code, row.commune_type]));
}

/** `22,50` when the kinds share it, else `22,50 (xã), 22,00 (thị trấn)`. */
export function formatMaxima(maxima: readonly TypedMaximum[]): string {
  if (maxima.length === 1) return formatNumber(maxima[0]!.max);
  return maxima.map((m) => `${formatNumber(m.max)} (${unitTypeLabel[m.type]})`).join(", ");
}

/** Why a cell holds "–": said next to it, so that a dash is never left unexplained. */
export const noFigure = {
  /**
   * A question whose scale has no "satisfied" option: the citizens' impact questions ND14 and ND15
   * ask whether things are better or worse than before (scale tac_dong), not whether people are
   * satisfied.
   */
  noSatisfactionScale: "câu hỏi không hỏi mức độ hài lòng",
  /** Every answer was "không biết" or blank, so there is no mean and no share. */
  noValidAnswer: "không có câu trả lời hợp lệ",
  /** The previous year did not publish this unit or domain. */
  noPreviousYear: "chưa có số liệu năm trước",
  /** A unit formed from two or more units: no unit of the year before had its extent. */
  newUnit: "đơn vị mới sau sắp xếp",
} as const;

/** `– (lý do)`: the dash of an empty published cell with its reason. */
export function dashWithReason(reason: string): string {
  return `– (${reason})`;
}

/** Why a question has no satisfied share, from its published row. */
export function noSatisfiedShareReason(row: { valid_answers: number }): string {
  return row.valid_answers === 0 ? noFigure.noValidAnswer : noFigure.noSatisfactionScale;
}
