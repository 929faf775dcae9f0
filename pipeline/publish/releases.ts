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
//
// A frozen release is verified at every build, never trusted: each of its files must match the
// sha256 its own manifest recorded, and the year's release history (dataset.json `releases`) must
// hold together (checkReleaseHistory). Each refusal is a CommandError of pipeline/messages.ts.
import { createHash } from "node:crypto";
import { copyFile, mkdir, readdir, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { CommandError } from "../messages.ts";
import { compareDottedIds } from "../rules/dotted-ids.ts";
import { sampleReadmeFile } from "./sample-notice.ts";

/** `1.0.0` → `v1.0.0`, the folder name in data/<year>/releases/ and in the site's /data/<year>/. */
export function releaseFolderName(version: string): string {
  return `v${version}`;
}

/** The committed archive of one year: data/<year>/releases/. */
export function releasesFolder(dataFolder: string): string {
  return join(dataFolder, "releases");
}

const hashedFile = z.object({ file: z.string(), sha256: z.string() });

/** What a release's manifest must hold, whatever the schema of its time: kept loose on purpose. */
const releaseManifestFields = z.object({
  version: z.string(),
  inputs: z.array(hashedFile),
  outputs: z.array(hashedFile),
});
type ReleaseManifest = z.output<typeof releaseManifestFields>;

function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** A file's bytes, or null when it does not exist. */
async function bytesOrNull(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** The files a release keeps of its published outputs: the CSV tables and the sample notice. */
function keptOutputs(manifest: ReleaseManifest): { file: string; sha256: string }[] {
  return manifest.outputs.filter(({ file }) => file.endsWith(".csv") || file === sampleReadmeFile);
}

async function frozenVersions(dataFolder: string): Promise<string[]> {
  try {
    const entries = await readdir(releasesFolder(dataFolder), { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && /^v\d+\.\d+\.\d+$/.test(entry.name))
      .map((entry) => entry.name.slice(1))
      .sort(compareDottedIds);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

/**
 * A frozen release as its manifest describes it, every kept file checked against the sha256 the
 * manifest recorded: a missing, edited or unreadable file stops the build, naming the file and how
 * to restore it (from git; never by bumping the version, which would publish the edited copy).
 */
async function verifiedRelease(folder: string, version: string): Promise<ReleaseManifest> {
  const at = (file: string) => ({ file: join(folder, file), version, folder });
  const manifestBytes = await bytesOrNull(join(folder, "dataset.json"));
  if (manifestBytes === null) throw new CommandError("release_file_missing", at("dataset.json"));
  let manifest: ReleaseManifest;
  try {
    manifest = releaseManifestFields.parse(JSON.parse(manifestBytes.toString("utf8")));
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : "manifest fields missing";
    throw new CommandError("release_manifest_damaged", { ...at("dataset.json"), detail });
  }
  if (manifest.version !== version) {
    throw new CommandError("release_manifest_damaged", {
      ...at("dataset.json"),
      detail: `version ${manifest.version}`,
    });
  }
  for (const { file, sha256: recorded } of keptOutputs(manifest)) {
    const bytes = await bytesOrNull(join(folder, file));
    if (bytes === null) throw new CommandError("release_file_missing", at(file));
    if (sha256(bytes) !== recorded) throw new CommandError("release_file_changed", at(file));
  }
  return manifest;
}

/** The tables (not the manifest, whose build time changes with every commit) that differ. */
function differingTables(frozen: ReleaseManifest, published: ReleaseManifest): string[] {
  const now = new Map(published.outputs.map(({ file, sha256: hash }) => [file, hash]));
  const tables = (manifest: ReleaseManifest) =>
    keptOutputs(manifest).filter(({ file }) => file.endsWith(".csv"));
  const names = new Set([...tables(frozen), ...tables(published)].map(({ file }) => file));
  const before = new Map(frozen.outputs.map(({ file, sha256: hash }) => [file, hash]));
  return [...names].filter((file) => before.get(file) !== now.get(file)).sort();
}

async function copyRelease(from: string, to: string, manifest: ReleaseManifest): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const { file } of keptOutputs(manifest)) await copyFile(join(from, file), join(to, file));
  await copyFile(join(from, "dataset.json"), join(to, "dataset.json"));
}

/** A published year's own manifest (<out>/<year>/dataset.json), its kept files checked. */
async function publishedRelease(yearFolder: string): Promise<ReleaseManifest> {
  const manifest = releaseManifestFields.parse(
    JSON.parse(await readFile(join(yearFolder, "dataset.json"), "utf8")),
  );
  for (const { file, sha256: recorded } of keptOutputs(manifest)) {
    const bytes = await bytesOrNull(join(yearFolder, file));
    if (bytes === null || sha256(bytes) !== recorded) {
      throw new CommandError("release_published_incomplete", { file: join(yearFolder, file) });
    }
  }
  return manifest;
}

/**
 * The year's release history must hold together before anything is computed: versions only go
 * up (above every frozen release, entries in ascending order), the current version has exactly one
 * `releases` entry and none is ahead of it, and a correction names known communes and is dated no
 * earlier than the release it corrects (the entry before it). `file` names dataset.json in messages.
 */
export function checkReleaseHistory(options: {
  file: string;
  manifest: Pick<DatasetManifest, "version" | "releases">;
  communeCodes: readonly string[];
  frozen: readonly string[];
}): void {
  const { file, manifest, communeCodes, frozen } = options;
  const { version } = manifest;
  const entries = manifest.releases ?? [];
  const newestFrozen = frozen.at(-1);
  if (newestFrozen !== undefined && compareDottedIds(newestFrozen, version) > 0) {
    throw new CommandError("release_version_lowered", { file, version, earlier: newestFrozen });
  }
  const ahead = entries.find((entry) => compareDottedIds(entry.version, version) > 0);
  if (ahead !== undefined)
    throw new CommandError("release_entry_ahead", { file, version, entry: ahead.version });
  const current = entries.filter((entry) => entry.version === version).length;
  if (current === 0) throw new CommandError("release_entry_missing", { file, version });
  if (current > 1) throw new CommandError("release_entry_repeated", { file, version, count: current });
  const known = new Set(communeCodes);
  entries.forEach((entry, index) => {
    const before = entries[index - 1];
    if (before !== undefined && compareDottedIds(before.version, entry.version) >= 0) {
      throw new CommandError("release_entries_out_of_order", {
        file,
        version: entry.version,
        earlier: before.version,
      });
    }
    if (entry.kind !== "correction") return;
    const unknown = (entry.communes ?? []).find((code) => !known.has(code));
    if (unknown !== undefined) {
      throw new CommandError("release_correction_unknown_commune", {
        file,
        version: entry.version,
        commune: unknown,
      });
    }
    if (before !== undefined && entry.date < before.date) {
      throw new CommandError("release_correction_too_early", {
        file,
        version: entry.version,
        date: entry.date,
        earlier: before.version,
        earlier_date: before.date,
      });
    }
  });
}

/** checkReleaseHistory for a year folder: its dataset.json and its frozen releases. */
export async function checkYearReleases(
  dataFolder: string,
  manifest: Pick<DatasetManifest, "version" | "releases">,
  communeCodes: readonly string[],
): Promise<void> {
  checkReleaseHistory({
    file: join(dataFolder, "dataset.json"),
    manifest,
    communeCodes,
    frozen: await frozenVersions(dataFolder),
  });
}

/**
 * For the build: after a year is published into `yearFolder` (<out>/<year>/), serve every frozen
 * release of data/<year>/releases/ and the current version under `yearFolder/v<version>/`. Each
 * frozen release is first verified against its own manifest. Refuses (throws) when the frozen copy
 * of the CURRENT version, intact, differs from what was just published: the data changed without a
 * new version, and a cited release would silently change.
 * Returns the folder names served (`v1.0.0`, …), oldest first.
 */
export async function publishReleaseArchive(options: {
  dataFolder: string;
  yearFolder: string;
}): Promise<string[]> {
  const { dataFolder, yearFolder } = options;
  const published = await publishedRelease(yearFolder);
  const { version } = published;
  const frozen = await frozenVersions(dataFolder);
  for (const frozenVersion of frozen) {
    const archived = join(releasesFolder(dataFolder), releaseFolderName(frozenVersion));
    const manifest = await verifiedRelease(archived, frozenVersion);
    if (frozenVersion === version) {
      const differing = differingTables(manifest, published);
      if (differing.length > 0) {
        throw new CommandError("release_changed_without_version", {
          folder: archived,
          version,
          tables: differing.join(", "),
        });
      }
      continue;
    }
    await copyRelease(archived, join(yearFolder, releaseFolderName(frozenVersion)), manifest);
  }
  await copyRelease(yearFolder, join(yearFolder, releaseFolderName(version)), published);
  return [...new Set([...frozen, version])].sort(compareDottedIds).map(releaseFolderName);
}

export interface FrozenRelease {
  version: string;
  folder: string;
  /** False when the same release was already frozen with the same tables. */
  written: boolean;
}

/**
 * Cutting a release: freezes the published tables of the current version (`yearFolder`, e.g.
 * site/public/data/2023, written by `npm run build`) into data/<year>/releases/. Refuses unless
 * they were published from exactly the committed inputs (`inputs`: the year as read now, CSV files
 * or workbook; same version, every input's sha256 as recorded in the published manifest), and never
 * rewrites a frozen release. `source` names an input in messages (the CSV file, or the workbook).
 */
export async function freezeRelease(options: {
  dataFolder: string;
  yearFolder: string;
  version: string;
  inputs: readonly { file: string; sha256: string }[];
  source: (file: string) => string;
}): Promise<FrozenRelease> {
  const { dataFolder, yearFolder, version, inputs, source } = options;
  const published = await publishedRelease(yearFolder);
  if (published.version !== version) {
    throw new CommandError("release_not_built", {
      folder: yearFolder,
      published: published.version,
      version,
    });
  }
  const now = new Map(inputs.map(({ file, sha256: hash }) => [file, hash]));
  const then = new Map(published.inputs.map(({ file, sha256: hash }) => [file, hash]));
  for (const file of new Set([...now.keys(), ...then.keys()])) {
    if (now.get(file) !== then.get(file))
      throw new CommandError("release_input_changed", { file: source(file) });
  }
  const folder = join(releasesFolder(dataFolder), releaseFolderName(version));
  if ((await frozenVersions(dataFolder)).includes(version)) {
    const differing = differingTables(await verifiedRelease(folder, version), published);
    if (differing.length > 0) {
      throw new CommandError("release_rewrite_refused", { folder, tables: differing.join(", ") });
    }
    return { version, folder, written: false };
  }
  // Written beside and renamed into place, so an interrupted run leaves no half release.
  const temporary = `${folder}.tmp`;
  await rm(temporary, { recursive: true, force: true });
  try {
    await copyRelease(yearFolder, temporary, published);
    await rename(temporary, folder);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  return { version, folder, written: true };
}
