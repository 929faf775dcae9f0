// The radio bulletin (bản tin): short sentences a presenter reads on air, built from the published
// tables only. Each sentence exists twice — as printed, with figures the Vietnamese way (85,67%),
// and as said, with every figure in words — and names the page its figures come from, so that a
// journalist can check and cite it. Sentences are assembled from parts; a figure part carries both
// forms, so the two versions cannot say different things.
import type { Band, DatasetManifest } from "../../schemas/dataset.ts";
import type { DistrictSummary, PublishedManifest } from "../../schemas/published-manifest.ts";
import type { DomainsRow, ResultsRow } from "../../schemas/published.ts";
import { bandRange, shortBandLabel } from "./bands.ts";
import type { PublishedYear } from "./data.ts";
import { compareVietnamese, formatInt, formatNumber, formatPct } from "../../pipeline/rules/format.ts";
import { groupBy } from "../../pipeline/rules/group.ts";
import { communeSlug } from "../../pipeline/rules/slug.ts";
import { dateToWords, numberToWords, ordinalWords, percentToWords } from "./words.ts";
import { versionDate } from "./releases.ts";
import { formatDateVi } from "../../pipeline/rules/dates.ts";
import { capitalised, pctPointsWords } from "../../pipeline/rules/display.ts";
import { inSentence, issuerWords, unitKindsPhrase } from "../../pipeline/rules/issuer.ts";
import { sampleNotice } from "../../pipeline/publish/sample-notice.ts";

export type BulletinTopic =
  | "warning"
  | "process"
  | "average"
  | "average-change"
  | "bands"
  | "band-members"
  | "band-spread"
  | "group-bands"
  | "top"
  | "top-certainty"
  | "bottom"
  | "changes-count"
  | "rise"
  | "fall"
  | "satisfaction"
  | "satisfaction-high"
  | "satisfaction-low"
  | "domain-high"
  | "domain-low"
  | "source";

export interface BulletinSentence {
  topic: BulletinTopic;
  /** As printed: "Đứng đầu là Xã Hồng Dụ, đạt 91,23%." */
  text: string;
  /** As said on air: "Đứng đầu là Xã Hồng Dụ, đạt chín mươi mốt phẩy hai mươi ba phần trăm." */
  spoken: string;
  /** The page that shows the figure, from the site root ("/xa/hong-du/"), and its name. */
  source: { path: string; label: string };
}

export interface Bulletin {
  year: number;
  status: DatasetManifest["status"];
  version: string;
  /** The date of the data version (ISO). */
  date: string;
  sentences: BulletinSentence[];
}

export interface BulletinInput {
  manifest: Pick<
    PublishedManifest,
    "year" | "status" | "version" | "province" | "district" | "issuer" | "bands" | "district_summary"
  > &
    Partial<Pick<PublishedManifest, "group_summary">> &
    Partial<Pick<PublishedManifest, "plan" | "survey_totals">> & {
      parameters: Pick<PublishedManifest["parameters"], "previous_year">;
    };
  results: ResultsRow[];
  domains: DomainsRow[];
  /** The previous year's results and district figures, when that year was published. */
  previousResults: ResultsRow[] | null;
  previousDistrict: DistrictSummary | null;
  /** The date of the data version (ISO), said at the end so that a listener knows how recent it is. */
  dataDate: string;
}

/** The banner wording of docs/architecture.md#the-site, first in every bulletin while the data are a sample. */
/** The sample notice, worded once for every file and page (pipeline/publish/sample-notice.ts). */
export const sampleWarning = sampleNotice;

type Part = string | { text: string; spoken: string };

function sentence(
  topic: BulletinTopic,
  source: BulletinSentence["source"],
  ...parts: Part[]
): BulletinSentence {
  const text = parts.map((part) => (typeof part === "string" ? part : part.text)).join("");
  const spoken = parts.map((part) => (typeof part === "string" ? part : part.spoken)).join("");
  return { topic, text, spoken, source };
}

const pct = (value: number): Part => ({ text: formatPct(value), spoken: percentToWords(value) });
const percentagePoints = (value: number): Part => ({
  text: `${formatNumber(value)} ${pctPointsWords}`,
  spoken: `${numberToWords(value, { decimals: 2 })} ${pctPointsWords}`,
});
const datePart = (isoDate: string): Part => ({
  text: `ngày ${formatDateVi(isoDate)}`,
  spoken: dateToWords(isoDate),
});
const count = (n: number): Part => ({ text: formatInt(n), spoken: numberToWords(n) });
const yearPart = (year: number): Part => ({ text: String(year), spoken: numberToWords(year) });
/** Printed only: what a listener needs no more than a reader does (e.g. the data version). */
const printedOnly = (text: string): Part => ({ text, spoken: "" });

/**
 * Text from the data (band labels, domain names) as said aloud: Vietnamese-written numbers become
 * words ("80%" → "tám mươi phần trăm"), brackets become pauses, quotation marks are not read.
 */
export function speakText(text: string): string {
  return text
    .replace(
      /(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s?%)?/g,
      (_, whole: string, fraction?: string, sign?: string) => {
        const value = Number(`${whole.replaceAll(".", "")}.${fraction ?? "0"}`);
        const words = numberToWords(value, { decimals: fraction?.length ?? 0 });
        return sign ? `${words} phần trăm` : words;
      },
    )
    .replace(/\s*\(\s*/g, ", ")
    .replace(/\s*\)/g, "")
    .replace(/[“”"]/g, "");
}

const dataText = (text: string): Part => ({ text, spoken: speakText(text) });

/** "A", "A và B", "A, B và C". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} và ${names.at(-1)}`;
}

function communeSource(row: Pick<ResultsRow, "commune_name">): BulletinSentence["source"] {
  return { path: `/xa/${communeSlug(row.commune_name)}/`, label: row.commune_name };
}
/** The home page as a sentence's source: "Trang chủ: xếp hạng các xã, thị trấn" (the kinds present). */
function homeSource(results: readonly Pick<ResultsRow, "commune_type">[]): BulletinSentence["source"] {
  return {
    path: "/",
    label: `Trang chủ: xếp hạng các ${unitKindsPhrase(results.map((row) => row.commune_type))}`,
  };
}

/** Rows sharing a value, in the order of `rows` (best first); names in Vietnamese order within a group. */
function groupsByName<T>(rows: T[], key: (row: T) => number, name: (row: T) => string): T[][] {
  return [...groupBy(rows, key).values()].map((group) =>
    group.sort((a, b) => compareVietnamese(name(a), name(b))),
  );
}

const byName = (row: ResultsRow) => row.commune_name;

export { inSentence };

/** "nhất", "nhì", "ba", "tư", "năm"…: the word after "hạng". */
function rankWord(rank: number): string {
  return rank === 2 ? "nhì" : ordinalWords(rank);
}

function averageSentences(input: BulletinInput): BulletinSentence[] {
  const { manifest, results, previousDistrict } = input;
  // The district figure the pipeline published (and the home page shows): never recomputed here.
  const average = manifest.district_summary.index_pct;
  const sentences = [
    sentence(
      "average",
      homeSource(input.results),
      "Năm ",
      yearPart(manifest.year),
      ", Chỉ số cải cách hành chính bình quân của ",
      count(results.length),
      ` ${unitKindsPhrase(results.map((row) => row.commune_type))} ${issuerWords(manifest).area} đạt `,
      pct(average),
      ".",
    ),
  ];
  const change = manifest.district_summary.index_change;
  const previousYear = manifest.parameters.previous_year;
  if (previousDistrict && change !== null && previousYear !== null) {
    // Both averages as said, so a listener can check the published change.
    const previous = previousDistrict.index_pct;
    const movement: Part[] =
      change === 0 ? ["không đổi"] : [change > 0 ? "tăng " : "giảm ", percentagePoints(Math.abs(change))];
    sentences.push(
      sentence(
        "average-change",
        homeSource(input.results),
        "Mức này ",
        ...movement,
        " so với năm ",
        yearPart(previousYear),
        ", khi chỉ số bình quân là ",
        pct(previous),
        ".",
      ),
    );
  }
  return sentences;
}

/** "Nhóm A (từ 90% trở lên)": the band's name and its range, written the same way on every page. */
function bandDescription(bands: BulletinInput["manifest"]["bands"], band: Band): string {
  return `${shortBandLabel(band.label)} (${bandRange(bands, band.code)})`;
}

function bandsSentence(input: BulletinInput): BulletinSentence {
  const { bands } = input.manifest;
  const parts: Part[] = ["Xếp theo nhóm: "];
  bands.forEach((band, index) => {
    const n = input.results.filter((row) => row.band === band.code).length;
    if (index > 0) parts.push(index === bands.length - 1 ? "; và " : "; ");
    parts.push(n === 0 ? "không có đơn vị nào" : count(n), n === 0 ? "" : " đơn vị");
    parts.push(" thuộc ", dataText(bandDescription(bands, band)));
  });
  parts.push(".");
  return sentence("bands", homeSource(input.results), ...parts);
}

/**
 * One sentence per band naming its members, best first: every unit of the district is heard on
 * air, the town included, not only the top and bottom three.
 */
function bandMembersSentences(input: BulletinInput): BulletinSentence[] {
  const { bands } = input.manifest;
  const ranked = [...input.results].sort(
    (a, b) => a.rank - b.rank || compareVietnamese(a.commune_name, b.commune_name),
  );
  return bands.flatMap((band) => {
    const members = ranked.filter((row) => row.band === band.code).map(byName);
    if (members.length === 0) return [];
    return [
      sentence(
        "band-members",
        homeSource(input.results),
        dataText(shortBandLabel(band.label)),
        members.length === 1 ? " có một đơn vị: " : " gồm ",
        joinNames(members),
        ".",
      ),
    ];
  });
}

/**
 * Up to this many units, the bulletin names every one, band by band. A commune's name is said in
 * about a second ("Xã Hồng Dụ", three syllables at the three to four a presenter says each second,
 * with its pause), so 30 names take half a minute, a quarter of a two-minute bulletin: a district's
 * 20 communes fit, a province's 235 (four minutes of names) do not.
 */
export const namedOnAirLimit = 30;

/**
 * With more units than the bulletin names, each band's spread (the bands' counts are said just
 * before): "Nhóm A: chỉ số từ 90,12% đến 95,40%.", best band first. The top and the bottom of the
 * ranking are still named.
 */
function bandSpreadSentences(input: BulletinInput): BulletinSentence[] {
  return input.manifest.bands.flatMap((band) => {
    const values = input.results.filter((row) => row.band === band.code).map((row) => row.index_pct);
    if (values.length === 0) return [];
    const low = Math.min(...values);
    const high = Math.max(...values);
    const spread: Part[] =
      low === high ? [": cùng đạt ", pct(low)] : [": chỉ số từ ", pct(low), " đến ", pct(high)];
    return [
      sentence(
        "band-spread",
        homeSource(input.results),
        dataText(shortBandLabel(band.label)),
        ...spread,
        ".",
      ),
    ];
  });
}

const rankingSource = { path: "/xa/", label: "Bảng xếp hạng đầy đủ" };

/**
 * With more units than the bulletin names, and units in groups (communes.csv's optional `group`,
 * e.g. a former district), one sentence per group in Vietnamese order: how many units, and how
 * many of them in each band ("Huyện cũ Tứ Kỳ có 20 đơn vị: 3 thuộc Nhóm A, 17 thuộc Nhóm B.").
 * Units without a group are left out of these sentences.
 */
function groupBandSentences(input: BulletinInput): BulletinSentence[] {
  const { bands } = input.manifest;
  const grouped = input.results.filter((row) => (row.unit_group ?? "") !== "");
  const groups = [...groupBy(grouped, (row) => row.unit_group ?? "")].sort(([a], [b]) =>
    compareVietnamese(a, b),
  );
  if (groups.length < 2) return [];
  // Each group's average as the pipeline published it (pipeline/compute/groups.ts), never recomputed.
  const averages = new Map(
    (input.manifest.group_summary ?? []).map((group) => [group.group, group.index_pct]),
  );
  return groups.map(([name, members]) => {
    const average = averages.get(name);
    const parts: Part[] = [dataText(name), " có ", count(members.length), " đơn vị"];
    if (average !== undefined) parts.push(", chỉ số bình quân ", pct(average));
    parts.push(": ");
    bands
      .map((band) => ({ band, n: members.filter((row) => row.band === band.code).length }))
      .filter(({ n }) => n > 0)
      .forEach(({ band, n }, index) => {
        if (index > 0) parts.push(", ");
        parts.push(count(n), " thuộc ", dataText(shortBandLabel(band.label)));
      });
    parts.push(".");
    return sentence("group-bands", rankingSource, ...parts);
  });
}

function figureOf(group: ResultsRow[], value: (row: ResultsRow) => number): Part {
  const [first] = group;
  if (!first) throw new RangeError("empty group");
  return pct(value(first));
}

function rankingSentences(input: BulletinInput): BulletinSentence[] {
  const { results } = input;
  const total = results.length;
  const ranked = [...results].sort((a, b) => a.rank - b.rank);
  const groups = groupsByName(ranked, (row) => row.rank, byName);
  const sentences: BulletinSentence[] = [];

  // The top 3 places; a tie on the third place brings every commune that shares it.
  const top = groups.filter((group) => (group[0]?.rank ?? Infinity) <= 3);
  for (const group of top) {
    const rank = group[0]?.rank ?? 0;
    const names = joinNames(group.map(byName));
    const index = figureOf(group, (row) => row.index_pct);
    if (group.length > 1) {
      sentences.push(
        sentence(
          "top",
          homeSource(input.results),
          `Đồng hạng ${rankWord(rank)} là ${names}, cùng đạt `,
          index,
          ".",
        ),
      );
    } else {
      const lead = rank === 1 ? "Đứng đầu" : `Thứ ${ordinalWords(rank)}`;
      sentences.push(
        sentence("top", communeSource(group[0] as ResultsRow), `${lead} là ${names}, đạt `, index, "."),
      );
    }
  }

  // How sure the first place is: the bootstrap's rank range (docs/methodology.md) of a sole leader.
  const [leaders] = top;
  const leader = leaders?.length === 1 ? leaders[0] : undefined;
  if (leader) {
    const certain = leader.rank_low === 1 && leader.rank_high === 1;
    sentences.push(
      certain
        ? sentence(
            "top-certainty",
            communeSource(leader),
            `Tính cả sai số của khảo sát, ${leader.commune_name} vẫn đứng đầu.`,
          )
        : sentence(
            "top-certainty",
            communeSource(leader),
            `Tính cả sai số của khảo sát, ${leader.commune_name} có thể xếp từ thứ `,
            { text: String(leader.rank_low), spoken: ordinalWords(leader.rank_low) },
            " đến thứ ",
            { text: String(leader.rank_high), spoken: ordinalWords(leader.rank_high) },
            ".",
          ),
    );
  }

  // The bottom 3, from the last place up, leaving out any commune already named at the top.
  const named = new Set(top.flat().map((row) => row.commune_code));
  let bottomCount = 0;
  for (const group of [...groups].reverse()) {
    if (bottomCount >= 3 || group.some((row) => named.has(row.commune_code))) break;
    bottomCount += group.length;
    const rank = group[0]?.rank ?? 0;
    const isLast = group === groups.at(-1);
    const names = joinNames(group.map(byName));
    const index = figureOf(group, (row) => row.index_pct);
    const rankPart: Part = {
      text: `${rank}/${total}`,
      spoken: `${numberToWords(rank)} trên ${numberToWords(total)}`,
    };
    const only = group[0] as ResultsRow;
    if (group.length > 1) {
      const lead = isLast ? `Xếp cuối là ${names}, đồng hạng ` : "Đồng hạng ";
      const rest = isLast ? " với " : ` là ${names}, cùng đạt `;
      sentences.push(sentence("bottom", homeSource(input.results), lead, rankPart, rest, index, "."));
    } else if (isLast) {
      sentences.push(sentence("bottom", communeSource(only), `Xếp cuối là ${names}, đạt `, index, "."));
    } else {
      sentences.push(
        sentence("bottom", communeSource(only), "Xếp thứ ", rankPart, ` là ${names}, đạt `, index, "."),
      );
    }
  }
  return sentences;
}

/** The biggest moves one way: the 3 largest, plus any commune tied with the third. */
function biggestMoves(rows: ResultsRow[], direction: 1 | -1): ResultsRow[][] {
  const size = (row: ResultsRow) => direction * (row.index_change ?? 0);
  const moved = rows.filter((row) => size(row) > 0).sort((a, b) => size(b) - size(a));
  const third = moved[2];
  const chosen = third === undefined ? moved : moved.filter((row) => size(row) >= size(third));
  return groupsByName(chosen, size, byName);
}

function changeSentences(input: BulletinInput): BulletinSentence[] {
  const { results, manifest } = input;
  const compared = results.filter((row) => row.index_change !== null);
  const previousYear = manifest.parameters.previous_year;
  if (compared.length === 0 || previousYear === null) return [];
  const rose = compared.filter((row) => (row.index_change ?? 0) > 0).length;
  const fell = compared.filter((row) => (row.index_change ?? 0) < 0).length;
  const same = compared.filter((row) => row.index_change === 0).length;
  const clauses: Part[][] = [
    rose === 0 ? ["không đơn vị nào tăng chỉ số"] : [count(rose), " đơn vị tăng chỉ số"],
    ...(same === 0 ? [] : [[count(same), " đơn vị giữ nguyên"]]),
    fell === 0 ? ["không đơn vị nào giảm"] : [count(fell), " đơn vị giảm"],
  ];
  const countParts: Part[] = ["So với năm ", yearPart(previousYear), ", "];
  clauses.forEach((clause, index) => {
    if (index > 0) countParts.push(index === clauses.length - 1 ? " và " : "; ");
    countParts.push(...clause);
  });
  countParts.push(".");
  const sentences = [sentence("changes-count", homeSource(input.results), ...countParts)];

  for (const [topic, direction] of [
    ["rise", 1],
    ["fall", -1],
  ] as const) {
    const verb = direction === 1 ? "tăng" : "giảm";
    biggestMoves(compared, direction).forEach((group, index) => {
      const first = group[0] as ResultsRow;
      const change = percentagePoints(Math.abs(first.index_change ?? 0));
      const most = index === 0 ? ` ${verb} nhiều nhất: ` : ` ${verb} `;
      if (group.length > 1) {
        const names = joinNames(group.map(byName));
        sentences.push(sentence(topic, homeSource(input.results), `${names} cùng`, most, change, "."));
      } else {
        const to = direction === 1 ? ", lên " : ", còn ";
        sentences.push(
          sentence(
            topic,
            communeSource(first),
            first.commune_name,
            most,
            change,
            to,
            pct(first.index_pct),
            ".",
          ),
        );
      }
    });
  }
  return sentences;
}

function satisfactionSentences(input: BulletinInput): BulletinSentence[] {
  const surveyed = input.results.filter((row) => row.satisfaction_pct !== null);
  const districtSatisfaction = input.manifest.district_summary.satisfaction_pct;
  if (surveyed.length === 0 || districtSatisfaction === null) return [];
  const satisfaction = (row: ResultsRow) => row.satisfaction_pct ?? 0;
  const sentences = [
    sentence(
      "satisfaction",
      homeSource(input.results),
      "Khảo sát ",
      count(input.manifest.district_summary.citizens_forms),
      " người dân, tổ chức cho thấy mức độ hài lòng bình quân của các đơn vị là ",
      pct(districtSatisfaction),
      ".",
    ),
  ];
  const groups = groupsByName(
    [...surveyed].sort((a, b) => satisfaction(b) - satisfaction(a)),
    satisfaction,
    byName,
  );
  const highest = groups[0];
  const lowest = groups.at(-1);
  if (!highest || !lowest || highest === lowest) return sentences;
  for (const [topic, group, lead] of [
    ["satisfaction-high", highest, "Mức hài lòng cao nhất là ở "],
    ["satisfaction-low", lowest, "Thấp nhất là ở "],
  ] as const) {
    const source = group.length === 1 ? communeSource(group[0] as ResultsRow) : homeSource(input.results);
    sentences.push(
      sentence(
        topic,
        source,
        lead,
        joinNames(group.map(byName)),
        ", với ",
        figureOf(group, satisfaction),
        ".",
      ),
    );
  }
  return sentences;
}

function domainSentences(input: BulletinInput): BulletinSentence[] {
  const domains = new Map<string, DomainsRow>();
  for (const row of input.domains) if (!domains.has(row.domain_id)) domains.set(row.domain_id, row);
  if (domains.size < 2) return [];
  const ordered = [...domains.values()].sort((a, b) => b.district_avg_pct - a.district_avg_pct);
  const highest = ordered[0] as DomainsRow;
  const lowest = ordered.at(-1) as DomainsRow;
  // Equal averages at either end would make "cao nhất"/"thấp nhất" a coin toss: say nothing then.
  const sentences: BulletinSentence[] = [];
  const [, second] = ordered;
  const beforeLast = ordered.at(-2);
  const domainSource = (row: DomainsRow) => ({
    path: `/linh-vuc/${row.domain_id}/`,
    label: `Lĩnh vực ${row.domain_name}`,
  });
  if (second && second.district_avg_pct !== highest.district_avg_pct) {
    sentences.push(
      sentence(
        "domain-high",
        domainSource(highest),
        // The figure before the name: a listener hears where a long domain name ends.
        "Xét theo lĩnh vực, các đơn vị đạt tỷ lệ điểm bình quân cao nhất, ",
        pct(highest.district_avg_pct),
        ", ở lĩnh vực ",
        printedOnly("“"),
        dataText(highest.domain_name),
        printedOnly("”"),
        ".",
      ),
    );
  }
  if (beforeLast && beforeLast.district_avg_pct !== lowest.district_avg_pct) {
    sentences.push(
      sentence(
        "domain-low",
        domainSource(lowest),
        "Thấp nhất, ",
        pct(lowest.district_avg_pct),
        ", là lĩnh vực ",
        printedOnly("“"),
        dataText(lowest.domain_name),
        printedOnly("”"),
        ".",
      ),
    );
  }
  return sentences;
}

const processSource = { path: "/quy-trinh/", label: "Quy trình xác định chỉ số" };

/** The opening on how the figures were reached: the plan's steps, kept on time or not, and the survey. */
function processSentences(input: BulletinInput): BulletinSentence[] {
  const { plan, survey_totals: totals, year } = input.manifest;
  const words = issuerWords(input.manifest);
  const sentences: BulletinSentence[] = [];
  if (plan) {
    const parts: Part[] = [];
    for (const [status, words] of [
      ["on_time", " bước hoàn thành đúng hạn"],
      ["late", " bước chậm so với kế hoạch"],
      ["not_done", " bước chưa hoàn thành"],
    ] as const) {
      const n = plan.filter((step) => step.status === status).length;
      if (n > 0) parts.push(parts.length === 0 ? "" : ", ", count(n), words);
    }
    sentences.push(
      sentence(
        "process",
        processSource,
        "Chỉ số năm ",
        yearPart(year),
        ` được xác định theo kế hoạch của ${words.bodyInFull}, gồm `,
        count(plan.length),
        " bước: ",
        ...parts,
        ".",
      ),
    );
  }
  if (totals) {
    sentences.push(
      sentence(
        "process",
        processSource,
        `${capitalised(words.areaKind)} đã hỏi ý kiến `,
        count(totals.achieved),
        " người, trên ",
        count(totals.planned),
        ` người theo kế hoạch, gồm đại biểu Hội đồng nhân dân, lãnh đạo ${words.areaKind} và người dân đã làm thủ tục tại xã.`,
      ),
    );
  }
  return sentences;
}

/** The bulletin of one published year, sentences in the order a presenter reads them. */
export function buildBulletin(input: BulletinInput): Bulletin {
  const { manifest } = input;
  const sentences: BulletinSentence[] = [];
  if (manifest.status === "sample") {
    sentences.push(
      sentence(
        "warning",
        { path: "/du-lieu/", label: "Dữ liệu" },
        `${sampleWarning}. Các con số dưới đây chỉ để thử nghiệm, không được đưa tin như kết quả thật.`,
      ),
    );
  }
  if (input.results.length > 0) {
    sentences.push(
      ...processSentences(input),
      ...averageSentences(input),
      bandsSentence(input),
      ...(input.results.length <= namedOnAirLimit
        ? bandMembersSentences(input)
        : [...bandSpreadSentences(input), ...groupBandSentences(input)]),
      ...rankingSentences(input),
      ...changeSentences(input),
      ...satisfactionSentences(input),
      ...domainSentences(input),
    );
  }
  sentences.push(
    sentence(
      "source",
      { path: "/du-lieu/", label: "Dữ liệu" },
      `Nguồn: Chỉ số cải cách hành chính cấp xã ${issuerWords(manifest).area} năm `,
      yearPart(manifest.year),
      ", số liệu công bố ",
      datePart(input.dataDate),
      printedOnly(`, dữ liệu phiên bản ${manifest.version}`),
      ".",
    ),
  );
  return {
    year: manifest.year,
    status: manifest.status,
    version: manifest.version,
    date: input.dataDate,
    sentences,
  };
}

/** The bulletin of a loaded year, compared with the previous year when it was published. */
export function yearBulletin(
  data: Pick<PublishedYear, "manifest" | "results" | "domains">,
  previous: Pick<PublishedYear, "manifest" | "results"> | null,
): Bulletin {
  return buildBulletin({
    manifest: data.manifest,
    results: data.results,
    domains: data.domains,
    previousResults: previous?.results ?? null,
    previousDistrict: previous?.manifest.district_summary ?? null,
    dataDate: versionDate(data.manifest),
  });
}

/**
 * The presenter's file ban-doc-<year>.txt: only what is said on air, in order, one sentence a
 * paragraph, so it can be read straight through. UTF-8 with a BOM and CRLF line ends, as below.
 */
export function bulletinSpokenText(bulletin: Bulletin): string {
  return `\uFEFF${bulletin.sentences.map((s) => s.spoken).join("\r\n\r\n")}\r\n`;
}

/**
 * The editors' file ban-tin-<year>.txt: each sentence as printed, then as said, then its source.
 * UTF-8 with a BOM and CRLF line ends, so that the Notepad of an older Windows PC in a radio
 * studio shows the Vietnamese text and the lines correctly; `link` writes a source page's address.
 */
export function bulletinPlainText(bulletin: Bulletin, title: string, link: (path: string) => string): string {
  const status = bulletin.status === "sample" ? `; ${sampleWarning.toLocaleLowerCase("vi")}` : "";
  const lines = [
    `BẢN TIN: ${title.toLocaleUpperCase("vi")}`,
    `Dữ liệu phiên bản ${bulletin.version}, công bố ngày ${formatDateVi(bulletin.date)}${status}.`,
    "Mỗi câu có bản viết (số viết theo kiểu Việt Nam), bản đọc (số viết thành chữ) và trang nguồn của số liệu.",
    "",
  ];
  bulletin.sentences.forEach((s, index) => {
    lines.push(`${index + 1}. ${s.text}`, `   Đọc: ${s.spoken}`, `   Nguồn: ${link(s.source.path)}`, "");
  });
  return `\uFEFF${lines.join("\r\n")}`;
}
