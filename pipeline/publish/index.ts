// Publishing one year: results → CSV, Parquet, the XLSX workbook and the manifest (docs/data-contract.md#published-tables).
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import type { YearResults } from "../model.ts";
import type { Problem } from "../problem.ts";
import { replaceFolderAtomically } from "./atomic.ts";
import { publishedTableNames, rowCount } from "./columns.ts";
import { tableCsv } from "./csv.ts";
import type { FileRecord, PublishedManifest } from "../../schemas/published-manifest.ts";
import { entryWorkbooks, type PublicSources } from "./entry-workbooks.ts";
import { fileRecord, manifestJson, publishedManifest } from "./manifest.ts";
import { tableParquet } from "./parquet.ts";
import { reportDocx, reportFile, reportMaxUnits } from "./report/index.ts";
import { sampleNotice, sampleReadme, sampleReadmeFile } from "./sample-notice.ts";
import { unitKindsPhrase } from "../rules/issuer.ts";
import { tablesXlsx } from "./xlsx.ts";

export type { FileRecord, PublishedManifest, PublishedWarning } from "../../schemas/published-manifest.ts";
export { resolveBuildTime } from "./build-time.ts";

/** Everything one year's publication is made from. */
export interface YearPublication {
  /** The year's input `dataset.json`, as validated. */
  manifest: DatasetManifest;
  /** The input files as read (sha256, bytes, rows), in the order of `inputFiles`. */
  inputs: FileRecord[];
  /** Validation problems; only warnings can be present, and only they are published. */
  problems: Problem[];
  results: YearResults;
  /** Stamped into the manifest and the workbook; from the commit, never the clock. */
  buildTime: Date;
  /** The public inputs as validated, for the data-entry workbooks (null: none are published). */
  sources: PublicSources | null;
}

export const manifestFile = "dataset.json";

export function workbookFile(year: number): string {
  return `chi-so-cchc-${year}.xlsx`;
}

/** Writes the year's files into an existing empty folder; returns the manifest written. */
export async function writeYearFiles(
  folder: string,
  publication: YearPublication,
): Promise<PublishedManifest> {
  const { tables } = publication.results;
  const outputs: FileRecord[] = [];
  const write = async (file: string, bytes: Uint8Array, rows: number | null) => {
    await writeFile(join(folder, file), bytes);
    outputs.push(fileRecord(file, bytes, rows));
  };
  for (const table of publishedTableNames) {
    const data = tables[table];
    await write(`${table}.csv`, tableCsv(table, data), rowCount(data));
    await write(`${table}.parquet`, tableParquet(table, data), rowCount(data));
  }
  const sample = publication.manifest.status === "sample";
  const workbook = await tablesXlsx(tables, {
    title: publication.manifest.title,
    buildTime: publication.buildTime,
    notice: sample ? sampleNotice : null,
  });
  await write(workbookFile(publication.results.year), workbook, null);
  // The draft report is a district's (or a province's) report upward, its appendices a table per
  // unit: past a province's size it would be a book nobody sends, and at national scale it alone
  // took 13 s and 2.4 GB of the publish. So larger datasets publish no draft report.
  if (rowCount(tables.results) <= reportMaxUnits) {
    const report = await reportDocx(publication);
    await write(reportFile(publication.results.year), report, null);
  }
  // The data-entry workbooks of /du-lieu/, from the same reading of data/<year>/ as the tables.
  if (publication.sources !== null)
    for (const [file, bytes] of await entryWorkbooks(
      publication.results.year,
      publication.sources,
      publication.buildTime,
    ))
      await write(file, bytes, null);
  // CSV and Parquet have no place for a notice inside: a README beside them, named so it sorts
  // first and says "minh-hoa" in any file list.
  if (sample)
    await write(
      sampleReadmeFile,
      new TextEncoder().encode(
        sampleReadme(publication.manifest, unitKindsPhrase(tables.results.map((row) => row.commune_type))),
      ),
      null,
    );
  const manifest = publishedManifest({ ...publication, outputs });
  await writeFile(join(folder, manifestFile), manifestJson(manifest));
  return manifest;
}

/** Whether a folder holds a previous year output: a published manifest (inputs have no `outputs`). */
export async function isYearOutput(folder: string): Promise<boolean> {
  try {
    const manifest: unknown = JSON.parse(await readFile(join(folder, manifestFile), "utf8"));
    return (
      typeof manifest === "object" && manifest !== null && "outputs" in manifest && "build_time" in manifest
    );
  } catch {
    return false;
  }
}

/** Publishes one year into `folder`, atomically replacing a previous output there. */
export async function publishYear(folder: string, publication: YearPublication): Promise<PublishedManifest> {
  let manifest: PublishedManifest | undefined;
  await replaceFolderAtomically(
    folder,
    async (temporary) => {
      manifest = await writeYearFiles(temporary, publication);
    },
    { isPreviousOutput: isYearOutput },
  );
  return manifest as PublishedManifest;
}
