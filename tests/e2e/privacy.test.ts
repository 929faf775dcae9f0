// Nothing private in the built site (docs/data-contract.md#privacy): every file the build wrote —
// pages, scripts, JSON, text, feeds, the data folder's CSV and JSON, its workbooks and report unzipped,
// its Parquet read back — is searched for every form id and respondent id of the committed survey
// files of every year. (tests/unit/publish/privacy.test.ts plants an editor's phone-number column
// and canary ids in the pipeline's output; this is the whole site, from the real inputs.)
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { catalogue } from "../../pipeline/messages.ts";
import { E2E_OUT_DIR } from "./harness.ts";
import { publishedText } from "../unit/publish/published-text.ts";

const data = resolve(import.meta.dirname, "../../data");

/**
 * The values of the private id columns of every year's survey files, less the made-up ids the
 * message catalogue's examples use (the guide shows them; the sample data happen to use them too).
 */
function privateIds(): string[] {
  const examples = new Set(
    Object.values(catalogue).flatMap((entry) =>
      "example_params" in entry ? Object.values(entry.example_params).map(String) : [],
    ),
  );
  const ids = new Set<string>();
  for (const year of readdirSync(data).filter((name) => /^\d{4}$/.test(name))) {
    for (const file of ["survey-officials.csv", "survey-citizens.csv"]) {
      const text = readFileSync(join(data, year, file), "utf8").replace(/^\uFEFF/, "");
      const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
      for (const row of rows)
        for (const column of ["form_id", "respondent_id"])
          if (row[column] && !examples.has(row[column])) ids.add(row[column]);
    }
  }
  return [...ids];
}

describe("the built site", () => {
  it("holds no form id or respondent id in any file", async () => {
    const ids = privateIds();
    expect(ids.length).toBeGreaterThan(2000);
    const pattern = new RegExp(ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|"));
    const texts = await publishedText(E2E_OUT_DIR);
    expect(texts.size).toBeGreaterThan(300);
    // The data-entry workbooks and the draft report are among the files searched.
    const names = [...texts.keys()];
    expect(names.some((name) => /du-lieu-nhap-lieu-\d{4}\.xlsx$/.test(name))).toBe(true);
    expect(names.some((name) => name.endsWith(".docx"))).toBe(true);
    const found = [...texts].flatMap(([file, text]) => {
      const match = pattern.exec(text);
      return match === null ? [] : [`${file}: ${match[0]}`];
    });
    expect(found).toEqual([]);
  });
});
