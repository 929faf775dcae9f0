// Who issues the figures and every word said of it, once for every output: the pages, the header,
// the bulletin, the feed, the share images and the report name "UBND huyện Ninh Giang" / "UBND tỉnh
// Hưng Yên", "Phòng Nội vụ" / "Sở Nội vụ", "trung bình huyện" / "trung bình tỉnh" and "20 xã, thị
// trấn" / "168 xã, phường, đặc khu" from here (docs/architecture.md#where-each-rule-lives).
//
// The issuing area is the district when dataset.json names one (the index of a district's communes,
// until 30 June 2025), else the province (from 1 July 2025 districts are gone and each province's
// Sở Nội vụ publishes the index of all its communes, wards and special zones). dataset.json's
// optional `issuer` names the body and the office as they sign; without it they are the UBND and the
// Home Affairs office of the area.
import { communeTypes } from "../../schemas/commune-types.ts";
import type { CommuneType } from "../../schemas/communes.ts";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { unitTypeLabel } from "./display.ts";
import { formatInt } from "./format.ts";

export type IssuerLevel = "district" | "province";

/** The issuer's words, as a sentence says them. */
export interface IssuerWords {
  level: IssuerLevel;
  /** The area's own name: "Ninh Giang", "Hưng Yên" (the site's name, the share images' title). */
  areaName: string;
  /** The kind of area: "huyện", "tỉnh" (or "thị xã", "thành phố", as its name says). */
  areaKind: string;
  /** The area inside a sentence: "huyện Ninh Giang", "tỉnh Hưng Yên". */
  area: string;
  /** The area with its province: "huyện Ninh Giang, tỉnh Hải Dương", "tỉnh Hưng Yên". */
  areaInProvince: string;
  /** The body that issues the figures: "UBND huyện Ninh Giang", "UBND tỉnh Hưng Yên". */
  body: string;
  /** The body with its province: "UBND huyện Ninh Giang, tỉnh Hải Dương", "UBND tỉnh Hưng Yên". */
  bodyInProvince: string;
  /** The body in full, for the feed's publisher: "Ủy ban nhân dân huyện Ninh Giang". */
  bodyInFull: string;
  /** The office that prepares the data: "Phòng Nội vụ huyện Ninh Giang", "Sở Nội vụ tỉnh Hưng Yên". */
  office: string;
  /** The office without its area, after the body: "Phòng Nội vụ", "Sở Nội vụ". */
  officeShort: string;
  /** The plain mean of the area's units: "trung bình huyện", "trung bình tỉnh". */
  averageLabel: string;
}

type IssuerManifest = Pick<DatasetManifest, "province" | "district" | "issuer" | "contact">;

/** The administrative prefixes a district's or province's name starts with, longest first. */
const areaKinds = ["Thành phố", "Thị xã", "Huyện", "Quận", "Tỉnh"];

/** "Huyện Ninh Giang" inside a sentence: "huyện Ninh Giang". */
export function inSentence(name: string): string {
  return name.charAt(0).toLocaleLowerCase("vi") + name.slice(1);
}

/** The issuing level of a year: the district's when it names one, else the province's. */
export function issuerLevel(manifest: Pick<DatasetManifest, "district">): IssuerLevel {
  return manifest.district === undefined ? "province" : "district";
}

/** Every word said of the issuer of a year's figures. */
export function issuerWords(manifest: IssuerManifest): IssuerWords {
  const level = issuerLevel(manifest);
  const name = manifest.district?.name ?? manifest.province.name;
  const prefix = areaKinds.find((kind) => name.startsWith(`${kind} `));
  const areaKind = prefix === undefined ? (level === "district" ? "huyện" : "tỉnh") : inSentence(prefix);
  const areaName = prefix === undefined ? name : name.slice(prefix.length + 1);
  const area = `${areaKind} ${areaName}`;
  const body = manifest.issuer?.body ?? `UBND ${area}`;
  const officeShort = level === "district" ? "Phòng Nội vụ" : "Sở Nội vụ";
  return {
    level,
    areaName,
    areaKind,
    area,
    areaInProvince: level === "district" ? `${area}, ${inSentence(manifest.province.name)}` : area,
    body,
    bodyInProvince: level === "district" ? `${body}, ${inSentence(manifest.province.name)}` : body,
    bodyInFull: manifest.issuer?.body.replace(/^UBND /u, "Ủy ban nhân dân ") ?? `Ủy ban nhân dân ${area}`,
    office: manifest.issuer?.office ?? manifest.contact?.office ?? `${officeShort} ${area}`,
    officeShort,
    averageLabel: `trung bình ${areaKind}`,
  };
}

/** The kinds of unit present, as a sentence lists them: "xã, thị trấn", "xã, phường, đặc khu", "xã". */
export function unitKindsPhrase(types: Iterable<CommuneType>): string {
  const present = new Set(types);
  return communeTypes
    .filter((type) => present.has(type))
    .map((type) => unitTypeLabel[type])
    .join(", ");
}

/**
 * The kinds of unit a short label names ("Xếp hạng các xã", "Xếp hạng các xã, phường"): the common
 * kinds present, xã and phường; the few thị trấn of a district and đặc khu of a province are counted
 * among them, as readers say it. All the kinds present when neither is.
 */
export function unitKindsShort(types: Iterable<CommuneType>): string {
  const present = [...types];
  const common = present.filter((type) => type === "xa" || type === "phuong");
  return unitKindsPhrase(common.length > 0 ? common : present);
}

/** The units with their count: "20 xã, thị trấn", "168 xã, phường, đặc khu". */
export function unitsPhrase(
  units: readonly { type: CommuneType }[] | readonly { commune_type: CommuneType }[],
): string {
  const types = units.map((unit) => ("type" in unit ? unit.type : unit.commune_type));
  return `${formatInt(types.length)} ${unitKindsPhrase(types)}`;
}

/** The kinds present joined as a sentence pairs them: "xã và thị trấn", "xã, phường và đặc khu". */
export function unitKindsAnd(types: Iterable<CommuneType>): string {
  const kinds = unitKindsPhrase(types).split(", ");
  return kinds.length < 2 ? kinds.join("") : `${kinds.slice(0, -1).join(", ")} và ${kinds.at(-1)!}`;
}
