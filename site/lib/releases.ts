// The release history of the data (manifest `releases`): what the feed, /du-lieu/ and the commune
// pages say about versions and corrections (đính chính), and where each version stays downloadable.
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { compareDottedIds } from "../../pipeline/rules/dotted-ids.ts";

export type Release = NonNullable<DatasetManifest["releases"]>[number];

/** One release of one year, as listed across years (feed, history). */
export interface YearRelease {
  year: number;
  status: DatasetManifest["status"];
  /** Whether this is the version the site currently shows for its year. */
  current: boolean;
  release: Release;
}

export const releaseKindLabel: Record<Release["kind"], string> = {
  release: "Phát hành",
  correction: "Đính chính",
};

/** Every release of every year, newest first (by date, then year, then version). */
export function releasesNewestFirst(
  manifests: readonly Pick<DatasetManifest, "year" | "status" | "version" | "releases">[],
): YearRelease[] {
  return manifests
    .flatMap((manifest) =>
      (manifest.releases ?? []).map((release) => ({
        year: manifest.year,
        status: manifest.status,
        current: release.version === manifest.version,
        release,
      })),
    )
    .sort(
      (a, b) =>
        b.release.date.localeCompare(a.release.date) ||
        b.year - a.year ||
        compareDottedIds(b.release.version, a.release.version),
    );
}

/** The corrections that name a commune, oldest first: shown on its page as "Đính chính ngày …". */
export function correctionsFor(manifest: Pick<DatasetManifest, "releases">, communeCode: string): Release[] {
  return (manifest.releases ?? []).filter(
    (release) => release.kind === "correction" && (release.communes ?? []).includes(communeCode),
  );
}

/** The anchor of a release in the history on /du-lieu/: `phien-ban-2023-1.0.1`. */
export function releaseAnchor(year: number, version: string): string {
  return `phien-ban-${year}-${version}`;
}

/** The stable address of one table of one release, from the site root: `/data/2023/v1.0.0/results.csv`. */
export function releaseTablePath(year: number, version: string, file = "results.csv"): string {
  return `/data/${year}/v${version}/${file}`;
}

/**
 * The date of the data a page or the bulletin shows: the release of the current version, else the
 * manifest's `published_on`, else the day of the build (ISO `yyyy-mm-dd`).
 */
export function versionDate(
  manifest: Pick<DatasetManifest, "version" | "releases" | "published_on"> & { build_time: string },
): string {
  const release = (manifest.releases ?? []).find((r) => r.version === manifest.version);
  return release?.date ?? manifest.published_on ?? manifest.build_time.slice(0, 10);
}
