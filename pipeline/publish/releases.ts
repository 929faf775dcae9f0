// Earlier releases stay downloadable at stable URLs: `/data/<year>/v<version>/<table>.csv`.
//
// When a release is superseded (a correction bumps `version` in data/<year>/dataset.json), its
// published tables can no longer be recomputed from the inputs, so they are frozen BEFORE the data
// change: `node pipeline/cli.ts release --year <year>` copies the published CSVs and manifest of the
// current version into the committed folder data/<year>/releases/v<version>/. Every build then
// serves each frozen release and the current version under <out>/<year>/v<version>/.
//
// CSV and manifest only: they are the citable record (the manifest holds every file's sha256);
// Parquet and XLSX are conveniences derived from the same rows and would only weigh down the
// repository.
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { sampleReadmeFile } from "./sample-notice.ts";
import { join } from "node:path";
import { z } from "zod";
import { datasetManifest } from "../../schemas/dataset.ts";
import { ReleaseError } from "../messages.ts";
import { compareDottedIds } from "../rules/dotted-ids.ts";
import { publishedTableNames } from "./columns.ts";

/** The files of a release that are kept: every published table as CSV, and the manifest. */
export const releaseFiles: readonly string[] = [
  ...publishedTableNames.map((table) => `${table}.csv`),
  "dataset.json",
];

/** `1.0.0` → `v1.0.0`, the folder name in data/<year>/releases/ and in the site's /data/<year>/. */
export function releaseFolderName(version: string): string {
  return `v${version}`;
}

/** The committed archive of one year: data/<year>/releases/. */
export function releasesFolder(dataFolder: string): string {
  return join(dataFolder, "releases");
}

const publishedManifestFields = z.object({
  version: z.string(),
  inputs: z.array(z.object({ file: z.string(), sha256: z.string() })),
});

async function readJson(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

async function sameBytes(a: string, b: string): Promise<boolean> {
  const [left, right] = await Promise.all([readFile(a), readFile(b)]);
  return left.equals(right);
}

async function frozenVersions(dataFolder: string): Promise<string[]> {
  try {
    const entries = await readdir(releasesFolder(dataFolder), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && /^v\d+\.\d+\.\d+$/.test(entry.name))
      .map((entry) => entry.name.slice(1));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/** The tables (not the manifest, whose build time changes with every commit) of two release folders. */
async function differingTables(a: string, b: string): Promise<string[]> {
  const differing: string[] = [];
  for (const file of releaseFiles.filter((name) => name.endsWith(".csv"))) {
    if (!(await sameBytes(join(a, file), join(b, file)))) differing.push(file);
  }
  return differing;
}

async function copyRelease(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const file of releaseFiles) await copyFile(join(from, file), join(to, file));
  // A sample release keeps its notice beside its tables.
  const notice = join(from, sampleReadmeFile);
  if (existsSync(notice)) await copyFile(notice, join(to, sampleReadmeFile));
}

/**
 * For the build: after a year is published into `yearFolder` (<out>/<year>/), serve every frozen
 * release of data/<year>/releases/ and the current version under `yearFolder/v<version>/`.
 * Refuses (throws) when the frozen copy of the CURRENT version differs from what was just
 * published: the data changed without a new version, and a cited release would silently change.
 * Returns the folder names served (`v1.0.0`, …), oldest first.
 */
export async function publishReleaseArchive(options: {
  dataFolder: string;
  yearFolder: string;
}): Promise<string[]> {
  const { dataFolder, yearFolder } = options;
  const { version } = publishedManifestFields.parse(await readJson(join(yearFolder, "dataset.json")));
  const frozen = await frozenVersions(dataFolder);
  for (const frozenVersion of frozen) {
    const archived = join(releasesFolder(dataFolder), releaseFolderName(frozenVersion));
    if (frozenVersion === version) {
      const differing = await differingTables(archived, yearFolder);
      if (differing.length > 0) {
        throw new ReleaseError("release_changed_without_version", {
          folder: archived,
          version,
          tables: differing.join(", "),
        });
      }
      continue;
    }
    await copyRelease(archived, join(yearFolder, releaseFolderName(frozenVersion)));
  }
  await copyRelease(yearFolder, join(yearFolder, releaseFolderName(version)));
  return [...new Set([...frozen, version])].sort(compareDottedIds).map(releaseFolderName);
}

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface FrozenRelease {
  version: string;
  folder: string;
  /** False when the same release was already frozen with the same tables. */
  written: boolean;
}

/**
 * Cutting a release: freezes the published tables of the current version (`yearFolder`, e.g.
 * site/public/data/2023, written by `node pipeline/cli.ts build`) into data/<year>/releases/.
 * Refuses unless they were published from exactly the committed inputs (same version, every input's
 * sha256 as recorded in the published manifest), and never rewrites a frozen release.
 */
export async function freezeRelease(options: {
  dataFolder: string;
  yearFolder: string;
}): Promise<FrozenRelease> {
  const { dataFolder, yearFolder } = options;
  const input = datasetManifest.parse(await readJson(join(dataFolder, "dataset.json")));
  const published = publishedManifestFields.parse(await readJson(join(yearFolder, "dataset.json")));
  if (published.version !== input.version) {
    throw new ReleaseError("release_not_built", {
      folder: yearFolder,
      published: published.version,
      version: input.version,
    });
  }
  for (const { file, sha256: recorded } of published.inputs) {
    const current = sha256(await readFile(join(dataFolder, file)));
    if (current !== recorded) {
      throw new ReleaseError("release_input_changed", { file: join(dataFolder, file) });
    }
  }
  const folder = join(releasesFolder(dataFolder), releaseFolderName(input.version));
  if ((await frozenVersions(dataFolder)).includes(input.version)) {
    const differing = await differingTables(folder, yearFolder);
    if (differing.length > 0) {
      throw new ReleaseError("release_rewrite_refused", { folder, tables: differing.join(", ") });
    }
    return { version: input.version, folder, written: false };
  }
  // Written beside and renamed into place, so an interrupted run leaves no half release.
  const temporary = `${folder}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  try {
    await copyRelease(yearFolder, temporary);
    await rename(temporary, folder);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return { version: input.version, folder, written: true };
}
