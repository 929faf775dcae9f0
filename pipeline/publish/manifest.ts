// The published `dataset.json` (docs/data-contract.md#published-tables): what the data are, how they were computed, and the
// sha256 of every input and output file, so that any figure can be traced to the bytes behind it.
import { createHash } from "node:crypto";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import type { FileRecord, PublishedManifest, PublishedWarning } from "../../schemas/published-manifest.ts";
import type { YearResults } from "../model.ts";
import type { Problem } from "../problem.ts";

export function fileRecord(file: string, bytes: Uint8Array, rows: number | null): FileRecord {
  return { file, sha256: createHash("sha256").update(bytes).digest("hex"), bytes: bytes.byteLength, rows };
}

export function publishedWarnings(problems: Problem[]): PublishedWarning[] {
  return problems
    .filter((problem) => problem.severity === "warning")
    .map(({ file, line, column, code, message_vi }) => ({ file, line, column, code, message_vi }));
}

export interface ManifestSources {
  manifest: DatasetManifest;
  results: YearResults;
  inputs: FileRecord[];
  outputs: FileRecord[];
  problems: Problem[];
  buildTime: Date;
}

/** The published manifest; fields are copied one by one so that nothing unlisted slips through. */
export function publishedManifest(sources: ManifestSources): PublishedManifest {
  const { manifest, results } = sources;
  return {
    year: manifest.year,
    title: manifest.title,
    status: manifest.status,
    version: manifest.version,
    published_on: manifest.published_on,
    province: manifest.province,
    ...(manifest.district === undefined ? {} : { district: manifest.district }),
    ...(manifest.issuer === undefined ? {} : { issuer: manifest.issuer }),
    legal_basis: manifest.legal_basis,
    bands: manifest.bands,
    notes: manifest.notes,
    ...(manifest.contact === undefined ? {} : { contact: manifest.contact }),
    releases: manifest.releases ?? [],
    build_time: sources.buildTime.toISOString(),
    inputs: sources.inputs.map(({ file, sha256, bytes, rows }) => ({ file, sha256, bytes, rows })),
    outputs: sources.outputs,
    parameters: results.parameters,
    district_summary: results.district,
    ...(results.unitGroups === null ? {} : { group_summary: results.unitGroups }),
    survey_design: results.surveyDesign,
    survey_quotas: results.surveyQuotas,
    survey_totals: results.surveyTotals,
    plan: results.plan,
    warnings: publishedWarnings(sources.problems),
  };
}

/** The manifest as written: 2-space JSON, UTF-8 without BOM, final newline. */
export function manifestJson(manifest: PublishedManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
