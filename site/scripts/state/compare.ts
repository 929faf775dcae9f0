// The state of /so-sanh/, apart from the page: which communes the URL names, the canonical link of
// a choice, and what the page shows for it (the summary lines, the domains grouped for a phone),
// all as plain data so that Node tests them. site/scripts/pages/compare.ts only turns this into DOM.
// The compared communes live in the URL (`/so-sanh/?xa=hong-du,an-duc`), so a shared link or a
// reload shows the same comparison and back/forward step through earlier choices.
import { foldDiacritics } from "../../../pipeline/rules/fold.ts";
import { communeSlug } from "../../../pipeline/rules/slug.ts";
import { formatNumber, formatPct } from "../../../pipeline/rules/format.ts";
import { capitalised, formatPointsOfMax } from "../../../pipeline/rules/display.ts";
import type { SummaryDomain, SummaryResult } from "../../lib/published-summary.ts";
import { rankRange } from "../../lib/wording.ts";

export const minCompared = 2;
export const maxCompared = 4;
const parameter = "xa";

/** A commune as the page lists it. */
export interface ComparableCommune {
  code: string;
  name: string;
}

/** The communes named in a query string, and the values that were ignored. */
export interface ComparedSelection {
  /** Known codes in the order given, without repeats, at most `maxCompared`. */
  codes: string[];
  /** Values of the parameter that name no listed commune, are repeats or exceed the limit. */
  ignored: string[];
}

/** "Xã Hồng Dụ", "hong du", "xa-hong-du", "Hồng Dụ" → "hong-du": every way of naming a commune, one key. */
function nameKey(value: string): string {
  return communeSlug(foldDiacritics(value.normalize("NFC")).replace(/^xa[\s-]+/iu, ""));
}

/**
 * Reads `?xa=…` against the listed communes: each value may be a commune's code, its address name
 * (`hong-du`, as in /xa/hong-du/) or its name with or without diacritics. Values naming no listed
 * commune are never used.
 */
export function parseCompared(search: string, communes: readonly ComparableCommune[]): ComparedSelection {
  const byKey = new Map<string, string>();
  for (const commune of communes) byKey.set(nameKey(commune.name), commune.code);
  // The address name and the code win over a looser key that happens to look like them.
  for (const commune of communes) byKey.set(communeSlug(commune.name), commune.code);
  for (const commune of communes) byKey.set(commune.code, commune.code);
  const values = new URLSearchParams(search)
    .getAll(parameter)
    .flatMap((value) => value.split(","))
    .map((value) => value.trim())
    .filter((value) => value !== "");
  const codes: string[] = [];
  const ignored: string[] = [];
  for (const value of values) {
    const code = byKey.get(value) ?? byKey.get(communeSlug(value)) ?? byKey.get(nameKey(value));
    if (code !== undefined && !codes.includes(code) && codes.length < maxCompared) codes.push(code);
    else ignored.push(value);
  }
  return { codes, ignored };
}

/** The canonical query string of a choice: the communes' address names, `?xa=hong-du,an-duc`, or "". */
export function comparedSearch(codes: readonly string[], communes: readonly ComparableCommune[]): string {
  const names = new Map(communes.map((commune) => [commune.code, commune.name]));
  const slugs = codes.map((code) => {
    const name = names.get(code);
    return name === undefined ? code : communeSlug(name);
  });
  return slugs.length === 0 ? "" : `?${parameter}=${slugs.map(encodeURIComponent).join(",")}`;
}

/** One line of the summary: what is measured, and its text for each compared commune in order. */
export interface SummaryLine {
  label: string;
  values: string[];
}

/** The lines of "Kết quả chung" for the chosen communes, in their order ("—" where a commune has no row). */
export function summaryLines(
  codes: readonly string[],
  results: readonly SummaryResult[],
  communeCount: number,
): SummaryLine[] {
  const byCode = new Map(results.map((row) => [row.commune_code, row]));
  const line = (label: string, value: (row: SummaryResult) => string): SummaryLine => ({
    label,
    values: codes.map((code) => {
      const row = byCode.get(code);
      return row ? value(row) : "—";
    }),
  });
  return [
    line("Chỉ số CCHC", (row) => formatPct(row.index_pct)),
    line("Khoảng tin cậy 95%", (row) => `${formatPct(row.index_ci_low)} – ${formatPct(row.index_ci_high)}`),
    line("Thứ hạng", (row) => `${row.rank}/${communeCount}`),
    line("Khoảng hạng", rankRange),
    line("Nhóm xếp loại", (row) => `Nhóm ${row.band}`),
    line("Điểm đạt / tối đa", (row) => formatPointsOfMax(row.points, row.max_points)),
    line("Điểm thẩm định", (row) => formatNumber(row.appraisal_points)),
    line("Điểm điều tra xã hội học", (row) => formatNumber(row.survey_points)),
    line("Mức độ hài lòng của người dân", (row) =>
      row.satisfaction_pct === null ? "không có số liệu" : formatPct(row.satisfaction_pct),
    ),
  ];
}

/** One domain of the comparison: its name, then one line per commune and the district average. */
export interface DomainGroup {
  heading: string;
  lines: { label: string; rate: string; points: string }[];
}

/**
 * The domains for the chosen communes, then the average under its label ("trung bình huyện"), each a group of short lines (commune, rate, points) that a
 * 390 px screen shows without sideways scrolling, however many communes are compared.
 */
export function domainGroups(
  chosen: readonly ComparableCommune[],
  rows: readonly SummaryDomain[],
  averageLabel: string,
): DomainGroup[] {
  const ids = [...new Set(rows.map((row) => row.domain_id))];
  return ids.map((id) => {
    const ofDomain = rows.filter((row) => row.domain_id === id);
    const first = ofDomain[0];
    return {
      heading: `${id}. ${first?.domain_name ?? ""}`,
      lines: [
        ...chosen.map((commune) => {
          const row = ofDomain.find((candidate) => candidate.commune_code === commune.code);
          return row
            ? {
                label: commune.name,
                rate: formatPct(row.pct),
                points: formatPointsOfMax(row.points, row.max_points),
              }
            : { label: commune.name, rate: "không áp dụng", points: "" };
        }),
        {
          label: capitalised(averageLabel),
          rate: first ? formatPct(first.district_avg_pct) : "—",
          points: "",
        },
      ],
    };
  });
}

/** What a shared comparison says: "So sánh Chỉ số CCHC 2023: Xã An Đức, Xã Hồng Dụ". */
export function shareTitle(chosen: readonly ComparableCommune[], year: number): string {
  return `So sánh Chỉ số CCHC ${year}: ${chosen.map((commune) => commune.name).join(", ")}`;
}
