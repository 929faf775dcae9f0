// What a public portal says about itself on every page: who issues the figures, the date they
// were released (the one date readers see; the build time is for the data page only), how to
// reach the office, and the source line under charts and inside their downloads.
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { sampleWarning } from "./bulletin.ts";
import {
  issuerWords,
  unitKindsAnd,
  unitKindsPhrase,
  unitKindsShort,
  unitsPhrase,
  type IssuerWords,
} from "../../pipeline/rules/issuer.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import { formatDateVi } from "../../pipeline/rules/dates.ts";

/** What the issuer's words are made of (pipeline/rules/issuer.ts). */
type IssuerManifest = Pick<DatasetManifest, "province" | "district" | "issuer" | "contact">;
type Manifest = Pick<DatasetManifest, "year" | "version" | "status" | "releases"> & IssuerManifest;

/** The office readers and editors contact: the issuer's office (pipeline/rules/issuer.ts). */
export function contactOffice(manifest: IssuerManifest): string {
  return issuerWords(manifest).office;
}

/** "Phòng Nội vụ huyện Ninh Giang, <address>, điện thoại …, thư điện tử …", as far as given. */
export function contactLine(
  manifest: IssuerManifest,
  parts: { address: boolean } = { address: true },
): string {
  const contact = manifest.contact;
  return [
    contactOffice(manifest),
    parts.address && contact?.address,
    contact?.phone && `điện thoại ${contact.phone}`,
    contact?.email && `thư điện tử ${contact.email}`,
  ]
    .filter(Boolean)
    .join(", ");
}

/** "UBND huyện Ninh Giang", "UBND tỉnh Hưng Yên". */
export function issuer(manifest: IssuerManifest): string {
  return issuerWords(manifest).body;
}

/** The date the current version of the figures was released (ISO), or null before any release. */
export function releaseDate(manifest: Pick<DatasetManifest, "version" | "releases">): string | null {
  return (manifest.releases ?? []).find((release) => release.version === manifest.version)?.date ?? null;
}

/** "phiên bản 1.0.0, công bố ngày 15/03/2024". */
export function versionPhrase(manifest: Pick<DatasetManifest, "version" | "releases">): string {
  const date = releaseDate(manifest);
  return `phiên bản ${manifest.version}${date ? `, công bố ngày ${formatDateVi(date)}` : ""}`;
}

/** The source line of a chart, on the page and in its downloads. */
export function chartSource(manifest: Manifest): string {
  const words = issuerWords(manifest);
  return `Nguồn: ${words.body} (${words.officeShort}), Chỉ số CCHC năm ${manifest.year}; dữ liệu ${versionPhrase(manifest)}.`;
}

/** The sample notice that travels with every file while the data are a sample; null otherwise. */
export function sampleNotice(manifest: Pick<DatasetManifest, "status">): string | null {
  return manifest.status === "sample" ? sampleWarning : null;
}

/**
 * The name a download is saved under: sample files carry "minh-hoa" in the name
 * ("results-minh-hoa.csv"), so the mark survives being forwarded; the published file keeps its
 * name, which other tools and the release archive rely on.
 */
export function downloadName(file: string, manifest: Pick<DatasetManifest, "status">): string {
  if (manifest.status !== "sample" || file.includes("minh-hoa")) return file;
  const dot = file.lastIndexOf(".");
  return dot <= 0 ? `${file}-minh-hoa` : `${file.slice(0, dot)}-minh-hoa${file.slice(dot)}`;
}

/**
 * The line at the foot of every printed page: who issues the figures, how to reach them and where
 * the site lives ("UBND huyện Ninh Giang · Liên hệ: … · https://…/"); `siteAddress` is the site's
 * home address (absolute when the build knows the site's URL).
 */
export function printFooter(manifest: IssuerManifest, siteAddress: string): string {
  return `${issuer(manifest)} · Liên hệ: ${contactLine(manifest)} · ${siteAddress}`;
}

/** `text` as a CSS string literal: quotes, backslashes and line breaks escaped. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, "\\$&").replace(/[\r\n]+/g, " ")}"`;
}

/**
 * What a page says of the issuer and the units of a year (pipeline/rules/issuer.ts): the issuer's
 * words, and "xã, thị trấn" (`kinds`), "xã và thị trấn" (`kindsAnd`), "20 xã, thị trấn" (`units`),
 * "xã" / "xã, phường" for short labels (`kindsShort`).
 */
export function pageWords(
  manifest: IssuerManifest,
  results: readonly { commune_type: CommuneType }[],
): IssuerWords & { kinds: string; kindsAnd: string; kindsShort: string; units: string } {
  const types = results.map((row) => row.commune_type);
  return {
    ...issuerWords(manifest),
    kinds: unitKindsPhrase(types),
    kindsAnd: unitKindsAnd(types),
    kindsShort: unitKindsShort(types),
    units: unitsPhrase(results),
  };
}
