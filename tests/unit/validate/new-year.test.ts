// `npm run new-year`: a year folder started from a units list validates except for what is left to
// enter (the scores, the survey forms and, for a new issuer, the "[cần điền]" of dataset.json), each
// said once and plainly; an existing year is never overwritten.
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadYear } from "../../../pipeline/validate/folder.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules/.bin/node");
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "new-year-"));
});
afterAll(() => rm(folder, { recursive: true, force: true }));

const newYear = (...args: string[]) =>
  spawnSync(node, ["pipeline/cli.ts", "new-year", ...args], { cwd: root, encoding: "utf8" });

/** The problems of a folder as "file code" (field for dataset.json), in order. */
async function problems(path: string): Promise<string[]> {
  const loaded = await loadYear(path);
  return loaded.problems.map((p) => `${p.file} ${p.code}${p.column === null ? "" : ` ${p.column}`}`);
}

describe("npm run new-year", () => {
  it("a district's next year takes the year before's criteria, issuer and quotas: only the scores and forms are left", async () => {
    const out = join(folder, "2024");
    const run = newYear("--year", "2024", "--units", "tests/fixtures/communes-2023.csv", "--out", out);
    expect(run.status).toBe(0);
    for (const file of ["criteria.csv", "questions.csv", "scales.csv", "groups.csv"])
      expect(await readFile(join(out, file), "utf8")).toBe(await readFile(`data/2023/${file}`, "utf8"));
    expect(await readFile(join(out, "communes.csv"), "utf8")).toBe(
      await readFile("data/2023/communes.csv", "utf8"),
    );
    const manifest = JSON.parse(await readFile(join(out, "dataset.json"), "utf8"));
    expect(manifest.title).toBe(
      "Chỉ số cải cách hành chính của UBND các xã, thị trấn huyện Ninh Giang năm 2024",
    );
    expect([manifest.year, manifest.version, manifest.published_on, manifest.releases]).toEqual([
      2024,
      "1.0.0",
      null,
      undefined,
    ]);
    expect(await problems(out)).toEqual([
      "appraisal.csv no_rows",
      "appraisal.csv appraisal_to_fill",
      "survey-officials.csv no_rows",
      "survey-citizens.csv no_rows",
    ]);
  });

  it("a new province issuer without a year before gets the provisional tree and its dataset.json to fill", async () => {
    const units = join(folder, "don-vi.csv");
    await writeFile(
      units,
      "code,name,type,group\n10001,Phường Một,phuong,Huyện cũ A\n10002,Xã Hai,xa,Huyện cũ A\n10003,Đặc khu Ba,dac_khu,Huyện cũ B\n",
    );
    const out = join(folder, "tinh", "2026");
    const run = newYear("--year", "2026", "--units", units, "--out", out, "--issuer", "province");
    expect(run.status).toBe(0);
    const manifest = JSON.parse(await readFile(join(out, "dataset.json"), "utf8"));
    expect(manifest.district).toBeUndefined();
    expect(manifest.issuer).toEqual({ body: "UBND tỉnh [cần điền]", office: "Sở Nội vụ tỉnh [cần điền]" });
    expect(await readFile(join(out, "communes.csv"), "utf8")).toBe(
      "code,name,type,survey_quota,group\n10001,Phường Một,phuong,60,Huyện cũ A\n10002,Xã Hai,xa,60,Huyện cũ A\n10003,Đặc khu Ba,dac_khu,60,Huyện cũ B\n",
    );
    expect(await problems(out)).toEqual([
      "dataset.json to_fill issuer.body",
      "dataset.json to_fill issuer.office",
      "dataset.json to_fill province.name",
      "dataset.json to_fill title",
      "appraisal.csv no_rows",
      "appraisal.csv appraisal_to_fill",
      "survey-officials.csv no_rows",
      "survey-citizens.csv no_rows",
    ]);
  });

  it("never overwrites a year that exists", async () => {
    const out = join(folder, "existing");
    await mkdir(out);
    await writeFile(join(out, "dataset.json"), "{}");
    const run = newYear("--year", "2024", "--units", "tests/fixtures/communes-2023.csv", "--out", out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("không ghi đè");
    expect(await readFile(join(out, "dataset.json"), "utf8")).toBe("{}");
  });
});
