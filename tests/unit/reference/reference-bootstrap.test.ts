// The pipeline's bootstrap (typed arrays, one pass per replicate) against the plain reference
// (tests/support/reference-bootstrap.ts): the same intervals and rank ranges, to the published digit,
// on the tiny hand-made year, on a generated year of another shape and on the committed 2023 data
// as published (tests/golden/expected).
import { readFile, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { writeOtherShapeYears } from "../../support/other-shape-year.ts";
import { referenceBootstrap, type ReferenceInterval } from "../../support/reference-bootstrap.ts";
import { referenceTables } from "../../support/sql-reference.ts";
import { writeTinyYear } from "../../support/tiny-year.ts";

const repo = resolve(import.meta.dirname, "../../..");

async function pipelineIntervals(folder: string): Promise<ReferenceInterval[]> {
  const loaded = await loadYear(folder);
  if (loaded.data === null) throw new Error(`${folder} must validate`);
  return computeYear(loaded.data, { previous: null, bootstrap: true })
    .tables.results.map((r) => ({
      commune_code: r.commune_code,
      index_ci_low: r.index_ci_low,
      index_ci_high: r.index_ci_high,
      rank_low: r.rank_low,
      rank_high: r.rank_high,
    }))
    .sort((a, b) => (a.commune_code < b.commune_code ? -1 : 1));
}

async function reference(folder: string): Promise<ReferenceInterval[]> {
  return referenceBootstrap(folder, (await referenceTables(folder, null)).leaves);
}

describe("the bootstrap against the plain reference", () => {
  const folders: string[] = [];
  let tiny = "";
  let other = "";
  beforeAll(async () => {
    tiny = await writeTinyYear();
    const root = await writeOtherShapeYears();
    other = join(root, "2025");
    folders.push(tiny, root);
  });
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("the tiny year: the same interval and rank range for each of its 3 communes", async () => {
    const expected = await reference(tiny);
    expect(expected).toHaveLength(3);
    // Not a degenerate interval: the survey varies from replicate to replicate.
    expect(expected.some((r) => r.index_ci_low < r.index_ci_high)).toBe(true);
    expect(await pipelineIntervals(tiny)).toEqual(expected);
  });

  it("a generated year of another shape: the same for each of its 7 units", async () => {
    const expected = await reference(other);
    expect(expected).toHaveLength(7);
    expect(expected.some((r) => r.rank_low < r.rank_high)).toBe(true);
    expect(await pipelineIntervals(other)).toEqual(expected);
  });

  it("data/2023: the intervals and rank ranges published in results.csv", async () => {
    const text = await readFile(join(repo, "tests/golden/expected/2023/results.csv"), "utf8");
    const published = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    })
      .data.map((r) => ({
        commune_code: r.commune_code!,
        index_ci_low: Number(r.index_ci_low),
        index_ci_high: Number(r.index_ci_high),
        rank_low: Number(r.rank_low),
        rank_high: Number(r.rank_high),
      }))
      .sort((a, b) => (a.commune_code < b.commune_code ? -1 : 1));
    expect(published).toHaveLength(20);
    expect(await reference(join(repo, "data/2023"))).toEqual(published);
  });
});
