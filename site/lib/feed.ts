// /feed.xml: an Atom 1.0 feed (RFC 4287) of every data release and correction of every year, so
// that the radio station and journalists learn when a figure they quoted has changed.
//
// Ids are tag: URIs (RFC 4151) built from the year and version only, never from the site's
// address, so they stay the same when the site moves or its base path changes. The authority is
// the domain of the district People's Committee, the publisher of the index; the date is the
// release's own date (the day the id was minted).
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { issuerWords } from "../../pipeline/rules/issuer.ts";
import { formatDateVi } from "../../pipeline/rules/dates.ts";
import { releaseAnchor, releaseKindLabel, releaseTablePath, releasesNewestFirst } from "./releases.ts";
import type { YearRelease } from "./releases.ts";

export const feedTagAuthority = "ninhgiang.haiduong.gov.vn";
const feedId = `tag:${feedTagAuthority},2024:chi-so-cchc/phat-hanh-du-lieu`;

export interface FeedInput {
  /** The published manifests of every year (any order). */
  manifests: readonly (Pick<
    DatasetManifest,
    "year" | "status" | "version" | "releases" | "province" | "district" | "issuer" | "contact"
  > & {
    build_time: string;
  })[];
  /** Commune code → name, to name the units a correction concerns. */
  communeNames: ReadonlyMap<string, string>;
  /**
   * A site path ("/du-lieu/") as written in the feed: absolute when Astro's `site` is configured,
   * else the path under the base, which a feed reader resolves against the feed's own address.
   */
  link: (path: string) => string;
  /** Whether the build serves the tables of a release at /data/<year>/v<version>/ (else no link). */
  archived: (year: number, version: string) => boolean;
}

function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => `&${{ "&": "amp", "<": "lt", ">": "gt", '"': "quot", "'": "apos" }[c]};`,
  );
}

/** A release date is a calendar date in Vietnam: midnight there, as an RFC 3339 date-time. */
function releaseDateTime(date: string): string {
  return `${date}T00:00:00+07:00`;
}

export function entryId({ year, release }: Pick<YearRelease, "year" | "release">): string {
  return `tag:${feedTagAuthority},${release.date}:chi-so-cchc/${year}/v${release.version}`;
}

function entryTitle({ year, status, release }: YearRelease): string {
  const sample = status === "sample" ? "[Dữ liệu minh họa] " : "";
  return `${sample}${releaseKindLabel[release.kind]} dữ liệu năm ${year}, phiên bản ${release.version}`;
}

function entryContent({ release }: YearRelease, communeNames: ReadonlyMap<string, string>): string {
  const communes = (release.communes ?? []).map((code) => communeNames.get(code) ?? code);
  const concerned = communes.length > 0 ? ` Đơn vị liên quan: ${communes.join(", ")}.` : "";
  const reason = release.reason.replace(/\.\s*$/, "");
  return `${releaseKindLabel[release.kind]} ngày ${formatDateVi(release.date)}: ${reason}.${concerned}`;
}

function entryXml(entry: YearRelease, input: FeedInput): string {
  const { year, release } = entry;
  const updated = releaseDateTime(release.date);
  return [
    "  <entry>",
    `    <id>${escapeXml(entryId(entry))}</id>`,
    `    <title>${escapeXml(entryTitle(entry))}</title>`,
    `    <updated>${updated}</updated>`,
    `    <published>${updated}</published>`,
    `    <category term="${release.kind}" label="${escapeXml(releaseKindLabel[release.kind])}"/>`,
    `    <link rel="alternate" type="text/html" href="${escapeXml(input.link(`/du-lieu/#${releaseAnchor(year, release.version)}`))}"/>`,
    ...(input.archived(year, release.version)
      ? [
          `    <link rel="related" type="text/csv" title="Bảng kết quả phiên bản ${escapeXml(release.version)}" ` +
            `href="${escapeXml(input.link(releaseTablePath(year, release.version)))}"/>`,
        ]
      : []),
    `    <content type="text">${escapeXml(entryContent(entry, input.communeNames))}</content>`,
    "  </entry>",
  ].join("\n");
}

/** The whole feed document, entries newest first. */
export function atomFeed(input: FeedInput): string {
  const entries = releasesNewestFirst(input.manifests);
  const newest = [...input.manifests].sort((a, b) => b.year - a.year)[0];
  if (!newest) throw new Error("no published year for the feed");
  // Atom requires `updated`: the latest release, or the newest build when nothing was released yet.
  const [latest] = entries;
  const updated = latest ? releaseDateTime(latest.release.date) : newest.build_time;
  const words = issuerWords(newest);
  const publisher = words.bodyInFull;
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">',
    `  <id>${feedId}</id>`,
    `  <title>${escapeXml(`Chỉ số CCHC cấp xã ${words.area}: phát hành và đính chính dữ liệu`)}</title>`,
    "  <subtitle>Mỗi lần số liệu được công bố hoặc đính chính, một mục mới xuất hiện ở đây.</subtitle>",
    `  <updated>${updated}</updated>`,
    `  <author><name>${escapeXml(publisher)}</name></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(input.link("/feed.xml"))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(input.link("/du-lieu/"))}"/>`,
    ...entries.map((entry) => entryXml(entry, input)),
    "</feed>",
    "",
  ].join("\n");
}
