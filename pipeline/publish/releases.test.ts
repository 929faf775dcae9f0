import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import type { CommandError } from "../messages.ts";
import { checkReleaseHistory, freezeRelease, publishReleaseArchive } from "./releases.ts";

// A year as it stands after `npm run build`: the committed inputs in data/2023/ and the published
// tables in public/2023/, whose manifest records the sha256 of the inputs and of every output.
let root: string;
let dataFolder: string;
let yearFolder: string;

const tables = ["results.csv", "domains.csv", "scores.csv"];
const sha = (text: string) => createHash("sha256").update(text).digest("hex");
/** The inputs the year is read as now: what `release` hands freezeRelease. */
let inputs: { file: string; sha256: string }[];

async function publish(version: string, resultsCsv: string): Promise<void> {
  inputs = [
    { file: "dataset.json", sha256: sha(`manifest ${version}`) },
    { file: "appraisal.csv", sha256: sha(resultsCsv) },
  ];
  await rm(yearFolder, { recursive: true, force: true });
  await mkdir(yearFolder, { recursive: true });
  const outputs = [];
  for (const file of tables) {
    const text = file === "results.csv" ? resultsCsv : `${file}\n`;
    await writeFile(join(yearFolder, file), text);
    outputs.push({ file, sha256: sha(text) });
    // A Parquet table is published, never frozen.
    const parquet = file.replace(".csv", ".parquet");
    await writeFile(join(yearFolder, parquet), "PAR1");
    outputs.push({ file: parquet, sha256: sha("PAR1") });
  }
  await writeFile(join(yearFolder, "DOC-TRUOC-minh-hoa.txt"), "minh họa");
  outputs.push({ file: "DOC-TRUOC-minh-hoa.txt", sha256: sha("minh họa") });
  await writeFile(
    join(yearFolder, "dataset.json"),
    JSON.stringify({ version, build_time: `build of ${version}`, inputs, outputs }),
  );
}

const freeze = (version: string) =>
  freezeRelease({ dataFolder, yearFolder, version, inputs, source: (file) => join(dataFolder, file) });
const frozenFile = (file: string) => join(dataFolder, "releases", "v1.0.0", file);

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
    expect(await freeze("1.0.0")).toMatchObject({ version: "1.0.0", written: true });
    expect((await readdir(join(dataFolder, "releases", "v1.0.0"))).sort()).toEqual([
      "DOC-TRUOC-minh-hoa.txt",
      "dataset.json",
      "domains.csv",
      "results.csv",
      "scores.csv",
    ]);

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
    await freeze("1.0.0");
    await publish("1.0.0", "a\n2\n");
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_changed_without_version",
      params: { version: "1.0.0", tables: "results.csv" },
      message: expect.stringMatching(/tăng "version"/),
    });
  });

  it("refuses to freeze tables that were not built from the committed inputs", async () => {
    await publish("1.0.0", "a\n1\n");
    inputs = [inputs[0]!, { file: "appraisal.csv", sha256: sha("a\n3\n") }]; // edited after the build
    await expect(freeze("1.0.0")).rejects.toMatchObject({
      code: "release_input_changed",
      message: expect.stringMatching(/appraisal\.csv đã thay đổi/),
    });
    await expect(freeze("1.0.1")).rejects.toMatchObject({
      code: "release_not_built",
      params: { published: "1.0.0", version: "1.0.1" },
      message: expect.stringMatching(/npm run build/),
    });
    expect(await readdir(dataFolder)).not.toContain("releases");
  });

  it("never rewrites a frozen release, and freezing twice is harmless", async () => {
    await publish("1.0.0", "a\n1\n");
    await freeze("1.0.0");
    expect(await freeze("1.0.0")).toMatchObject({ written: false });
    await publish("1.0.0", "a\n2\n");
    await expect(freeze("1.0.0")).rejects.toMatchObject({
      code: "release_rewrite_refused",
      message: expect.stringMatching(/không được sửa/),
    });
    expect(await readFile(frozenFile("results.csv"), "utf8")).toBe("a\n1\n");
  });
});

describe("a frozen release is verified against its own manifest at every build", () => {
  /** v1.0.0 frozen, then corrected as v1.0.1: the build serves v1.0.0 from the frozen copy. */
  async function corrected(): Promise<void> {
    await publish("1.0.0", "a\n1\n");
    await freeze("1.0.0");
    await publish("1.0.1", "a\n2\n");
  }

  it("refuses a frozen table edited after freezing, naming it and the way back (git)", async () => {
    await corrected();
    await writeFile(frozenFile("results.csv"), "a\n9\n");
    const refused = publishReleaseArchive({ dataFolder, yearFolder });
    await expect(refused).rejects.toMatchObject({ code: "release_file_changed" });
    const error = await refused.then(
      () => null,
      (e: unknown) => e as CommandError,
    );
    if (error === null) throw new Error("not refused");
    expect(error.messageIn("vi")).toBe(
      `Tệp ${frozenFile("results.csv")} của phiên bản đã phát hành 1.0.0 đã bị sửa (mã sha256 không khớp ` +
        "với dataset.json của phiên bản). Không tăng phiên bản để né lỗi này: lấy lại các tệp đã lưu từ " +
        `git (git checkout -- ${join(dataFolder, "releases", "v1.0.0")}) rồi chạy lại.`,
    );
    expect(error.messageIn("en")).toContain("restore the frozen files from git");
    expect(error.messageIn("en")).not.toMatch(/bump the version (for|when)/);
  });

  it("says restore, not bump, when the frozen copy of the current version was edited", async () => {
    await publish("1.0.0", "a\n1\n");
    await freeze("1.0.0");
    await writeFile(frozenFile("domains.csv"), "edited\n");
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_file_changed",
      params: { file: frozenFile("domains.csv"), version: "1.0.0" },
    });
  });

  it("refuses a frozen release with a missing file, before copying anything", async () => {
    await corrected();
    await rm(frozenFile("scores.csv"));
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_file_missing",
      params: { file: frozenFile("scores.csv") },
      message: expect.stringMatching(/^Thiếu tệp .*scores\.csv .*git checkout/),
    });
    expect(await readdir(yearFolder)).not.toContain("v1.0.0");
  });

  it("refuses a damaged frozen manifest instead of publishing it", async () => {
    await corrected();
    await writeFile(frozenFile("dataset.json"), '{"version": "1.0.0", "outputs": [');
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_manifest_damaged",
      params: { file: frozenFile("dataset.json") },
    });
    await writeFile(frozenFile("dataset.json"), JSON.stringify({ version: "1.0.0", inputs: [] }));
    await expect(publishReleaseArchive({ dataFolder, yearFolder })).rejects.toMatchObject({
      code: "release_manifest_damaged",
    });
  });
});

describe("the release history of dataset.json", () => {
  const file = "data/2023/dataset.json";
  const release = (version: string, date: string) => ({
    version,
    date,
    kind: "release" as const,
    reason: "Công bố",
  });
  const correction = (version: string, date: string, communes: string[]) => ({
    version,
    date,
    kind: "correction" as const,
    reason: "Sửa điểm thẩm định",
    communes,
  });
  const check =
    (version: string, releases: NonNullable<DatasetManifest["releases"]>, frozen: string[] = []) =>
    () =>
      checkReleaseHistory({
        file,
        manifest: { version, releases },
        communeCodes: ["11161", "11164"],
        frozen,
      });

  it("accepts a release and its correction", () => {
    expect(
      check(
        "1.0.1",
        [release("1.0.0", "2024-03-15"), correction("1.0.1", "2024-04-02", ["11164"])],
        ["1.0.0"],
      ),
    ).not.toThrow();
  });

  it("refuses a version bump without a releases entry", () => {
    expect(check("1.0.1", [release("1.0.0", "2024-03-15")], ["1.0.0"])).toThrow(
      expect.objectContaining({
        code: "release_entry_missing",
        message: expect.stringContaining(
          `${file}: phiên bản 1.0.1 chưa có mục trong "releases". Thêm một mục có "version": "1.0.1"`,
        ),
      }),
    );
  });

  it("refuses two entries for the current version", () => {
    expect(check("1.0.0", [release("1.0.0", "2024-03-15"), release("1.0.0", "2024-03-16")])).toThrow(
      expect.objectContaining({
        code: "release_entry_repeated",
        params: expect.objectContaining({ count: 2 }),
      }),
    );
  });

  it("refuses a version lower than a frozen release", () => {
    expect(check("1.0.0", [release("1.0.0", "2024-03-15")], ["1.0.0", "1.0.1"])).toThrow(
      expect.objectContaining({
        code: "release_version_lowered",
        message: expect.stringContaining("phiên bản 1.0.0 thấp hơn phiên bản 1.0.1 đã phát hành"),
      }),
    );
  });

  it("refuses an entry for a version other than the current one (ahead of it)", () => {
    expect(check("1.0.1", [release("1.0.0", "2024-03-15"), correction("1.0.2", "2024-04-02", [])])).toThrow(
      expect.objectContaining({
        code: "release_entry_ahead",
        params: expect.objectContaining({ entry: "1.0.2" }),
      }),
    );
  });

  it("refuses entries out of version order", () => {
    expect(
      check("1.0.10", [
        release("1.0.9", "2024-03-15"),
        release("1.0.2", "2024-03-20"),
        release("1.0.10", "2024-04-01"),
      ]),
    ).toThrow(expect.objectContaining({ code: "release_entries_out_of_order" }));
  });

  it("refuses a correction naming an unknown commune", () => {
    expect(
      check("1.0.1", [release("1.0.0", "2024-03-15"), correction("1.0.1", "2024-04-02", ["11164", "99999"])]),
    ).toThrow(
      expect.objectContaining({
        code: "release_correction_unknown_commune",
        message: expect.stringContaining("nêu xã mã 99999, không có trong communes.csv"),
      }),
    );
  });

  it("refuses a correction dated before the release it corrects", () => {
    expect(
      check("1.0.1", [release("1.0.0", "2024-03-15"), correction("1.0.1", "2024-03-01", ["11161"])]),
    ).toThrow(
      expect.objectContaining({
        code: "release_correction_too_early",
        message: expect.stringContaining("ghi ngày 2024-03-01, trước ngày 2024-03-15 của phiên bản 1.0.0"),
      }),
    );
  });
});
