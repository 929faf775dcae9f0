import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { freezeRelease, publishReleaseArchive, releaseFiles } from "./releases.ts";

// A year as it stands after `npm run build`: the committed inputs in data/2023/ and the published
// tables in public/2023/, whose manifest records the inputs' sha256.
let root: string;
let dataFolder: string;
let yearFolder: string;

const inputManifest = (version: string) => ({
  year: 2023,
  title: "Chỉ số CCHC 2023",
  status: "sample",
  version,
  published_on: null,
  province: { code: "30", name: "Tỉnh Hải Dương" },
  district: { code: "299", name: "Huyện Ninh Giang" },
  legal_basis: [],
  bands: [{ code: "A", label: "Nhóm A", min_pct: 0 }],
  notes: "",
});

async function publish(version: string, resultsCsv: string): Promise<void> {
  const manifestText = JSON.stringify(inputManifest(version));
  await writeFile(join(dataFolder, "dataset.json"), manifestText);
  await writeFile(join(dataFolder, "appraisal.csv"), resultsCsv);
  await rm(yearFolder, { recursive: true, force: true });
  await mkdir(yearFolder, { recursive: true });
  for (const file of releaseFiles.filter((name) => name.endsWith(".csv"))) {
    await writeFile(join(yearFolder, file), file === "results.csv" ? resultsCsv : `${file}\n`);
  }
  const sha = (text: string) => createHash("sha256").update(text).digest("hex");
  await writeFile(
    join(yearFolder, "dataset.json"),
    JSON.stringify({
      version,
      build_time: `build of ${version}`,
      inputs: [
        { file: "dataset.json", sha256: sha(manifestText) },
        { file: "appraisal.csv", sha256: sha(resultsCsv) },
      ],
    }),
  );
}

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "releases-"));
  dataFolder = join(root, "data", "2023");
  yearFolder = join(root, "public", "2023");
  await mkdir(dataFolder, { recursive: true });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("cutting a release and serving earlier ones", () => {
  it("keeps v1.0.0 downloadable after a correction publishes v1.0.1", async () => {
    await publish("1.0.0", "commune_code,index_pct\n11161,78.9\n");
    expect(await freezeRelease({ dataFolder, yearFolder })).toMatchObject({
      version: "1.0.0",
      written: true,
    });
    expect((await readdir(join(dataFolder, "releases", "v1.0.0"))).sort()).toEqual([...releaseFiles].sort());

    // The correction: new figures, new version.
    await publish("1.0.1", "commune_code,index_pct\n11161,80.1\n");
    expect(await publishReleaseArchive({ dataFolder, yearFolder })).toEqual(["v1.0.0", "v1.0.1"]);
    expect(await readFile(join(yearFolder, "v1.0.0", "results.csv"), "utf8")).toContain("11161,78.9");
    expect(await readFile(join(yearFolder, "v1.0.1", "results.csv"), "utf8")).toContain("11161,80.1");
    expect(await readFile(join(yearFolder, "v1.0.0", "dataset.json"), "utf8")).toContain("build of 1.0.0");
  });

  it("serves the current version even before any release was frozen", async () => {
    await publish("1.0.0", "a\n1\n");
    expect(await publishReleaseArchive({ dataFolder, yearFolder })).toEqual(["v1.0.0"]);
    expect(await readFile(join(yearFolder, "v1.0.0", "results.csv"), "utf8")).toBe("a\n1\n");
  });

  it("fails the build when frozen figures changed without a new version", async () => {
    await publish("1.0.0", "a\n1\n");
    await freezeRelease({ dataFolder, yearFolder });
    await publish("1.0.0", "a\n2\n");
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_changed_without_version",
      params: { version: "1.0.0", tables: "results.csv" },
      message: expect.stringMatching(/tăng "version"/),
    });
  });

  it("refuses to freeze tables that were not built from the committed inputs", async () => {
    await publish("1.0.0", "a\n1\n");
    await writeFile(join(dataFolder, "appraisal.csv"), "a\n3\n"); // edited after the build
    await expect(freezeRelease({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_input_changed",
      message: expect.stringMatching(/appraisal\.csv đã thay đổi/),
    });
    await writeFile(join(dataFolder, "dataset.json"), JSON.stringify(inputManifest("1.0.1")));
    await expect(freezeRelease({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_not_built",
      params: { published: "1.0.0", version: "1.0.1" },
      message: expect.stringMatching(/npm run build/),
    });
    expect(await readdir(dataFolder)).not.toContain("releases");
  });

  it("never rewrites a frozen release, and freezing twice is harmless", async () => {
    await publish("1.0.0", "a\n1\n");
    await freezeRelease({ dataFolder, yearFolder });
    expect(await freezeRelease({ dataFolder, yearFolder })).toMatchObject({ written: false });
    await publish("1.0.0", "a\n2\n");
    await expect(freezeRelease({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_rewrite_refused",
      message: expect.stringMatching(/không được sửa/),
    });
    expect(await readFile(join(dataFolder, "releases", "v1.0.0", "results.csv"), "utf8")).toBe("a\n1\n");
  });
});
