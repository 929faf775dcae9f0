// The committed years' results checked against something the pipeline did not write: the index of
// docs/methodology.md computed again by native DuckDB in SQL straight from the CSV inputs
// (tools/bench/duckdb-index.ts, a separate implementation in another language and engine). Every
// commune's index, rank, points, maximum, appraisal part and survey part must be the same
// published number on both sides.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { comparedFields, compareEstimates, estimatesOf } from "../../../tools/bench/agreement.ts";
import { duckdbIndex, type IndexEstimate } from "../../../tools/bench/duckdb-index.ts";

const repo = resolve(import.meta.dirname, "../../..");
const noDisagreement = Object.fromEntries(comparedFields.map((field) => [field, 0]));

async function pipelineEstimates(folder: string): Promise<IndexEstimate[]> {
  const loaded = await loadYear(folder);
  if (loaded.data === null) throw new Error(`${folder} must validate`);
  // The point estimates do not depend on the bootstrap or on the previous year.
  return estimatesOf(computeYear(loaded.data, { previous: null, bootstrap: false }).tables.results);
}

/** The published results.csv of 2023 as committed beside the golden test (the bytes users download). */
async function publishedEstimates2023(): Promise<IndexEstimate[]> {
  const text = await readFile(join(repo, "tests/golden/expected/2023/results.csv"), "utf8");
  const { data } = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  });
  return data.map((row) => ({
    commune_code: row.commune_code!,
    ...Object.fromEntries(comparedFields.map((field) => [field, Number(row[field])])),
  })) as IndexEstimate[];
}

describe.each(["2022", "2023"])("data/%s: the pipeline against the SQL computation", (year) => {
  it("gives every one of the 20 communes the same published figures", async () => {
    const folder = join(repo, "data", year);
    const agreement = compareEstimates(await pipelineEstimates(folder), await duckdbIndex(folder), 100);
    expect(agreement.communes).toBe(20);
    expect(agreement.missing).toEqual([]);
    expect(agreement.counts).toEqual(noDisagreement);
    expect(agreement.examples).toEqual([]);
  });
});

describe("the published 2023 results against the SQL computation", () => {
  it("holds the figures DuckDB computes from data/2023, commune by commune", async () => {
    const published = await publishedEstimates2023();
    const agreement = compareEstimates(published, await duckdbIndex(join(repo, "data", "2023")), 100);
    expect(published).toHaveLength(20);
    expect(agreement.missing).toEqual([]);
    expect(agreement.examples).toEqual([]);
  });
});
