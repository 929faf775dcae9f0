// The survey files checked in worker threads while the appraisal is checked ahead of its turn
// (validate/survey-workers.ts, issue 26) give the report the year's check gives on one thread: the
// golden reports of report-scenarios.ts, and, for files with more problems than a worker sends or
// an early check holds (they are checked again), the report of validateFiles.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { validateFiles } from "../../../pipeline/validate/index.ts";
import { dataTexts, goldenFolder, scenarios, type Texts } from "./report-scenarios.ts";

const folders: string[] = [];
afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

/** The texts written as a year's folder. */
async function yearFolder(texts: Partial<Texts>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "cchc-workers-"));
  folders.push(root);
  const folder = join(root, "2023");
  await mkdir(folder);
  for (const [file, text] of Object.entries(texts)) await writeFile(join(folder, file), text);
  return folder;
}

/** A report as the golden files hold it, through JSON. */
function report(result: { data: unknown; problems: unknown; omitted: unknown; inputs: unknown }): unknown {
  const { data, problems, omitted, inputs } = result;
  return JSON.parse(JSON.stringify({ valid: data !== null, problems, omitted, inputs }));
}

/** The report of the year's check on one thread. */
async function oneThread(texts: Texts): Promise<unknown> {
  const bytes = Object.fromEntries(
    Object.entries(texts).map(([file, text]) => [file, new TextEncoder().encode(text)]),
  );
  return report(validateFiles(bytes, 2023, sha256));
}

/** The lines below the header `times` over, each edited. */
function repeatedBody(text: string, times: number, edit: (line: string) => string): string {
  const [header, ...body] = text.split("\n").filter((line) => line !== "");
  const lines = [header];
  for (let t = 0; t < times; t++) for (const line of body) lines.push(edit(line));
  return lines.join("\n") + "\n";
}

describe("survey files checked in workers", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s: as the golden report", async (name, scenario) => {
    const expected: unknown = JSON.parse(readFileSync(`${goldenFolder}/${name}.json`, "utf8"));
    // 0: workers whatever the files' size.
    expect(report(await loadYear(await yearFolder(scenario.texts()), 0))).toEqual(expected);
  });

  it("files with too many problems to send are checked again, with the same report", async () => {
    const t = dataTexts();
    const texts: Texts = {
      ...t,
      // 2 × 1,189 forms of 15 answers, every one not an option: 35,670 problems in a worker
      "survey-citizens.csv": repeatedBody(t["survey-citizens.csv"], 2, (line) =>
        line
          .split(",")
          .map((cell, i) => (i < 2 ? cell : "X"))
          .join(","),
      ),
      // 25 × 840 scores that are not numbers: 21,000 problems in the appraisal's early check
      "appraisal.csv": repeatedBody(t["appraisal.csv"], 25, (line) =>
        line
          .split(",")
          .map((cell, i) => (i === 2 ? "abc" : cell))
          .join(","),
      ),
    };
    expect(report(await loadYear(await yearFolder(texts), 0))).toEqual(await oneThread(texts));
  });

  it("an appraisal whose cross-file checks find too many problems to hold has them found again", async () => {
    const t = dataTexts();
    // 26 × 840 rows, each key repeated: 21,000 duplicate keys found while the workers run
    const texts: Texts = { ...t, "appraisal.csv": repeatedBody(t["appraisal.csv"], 26, (line) => line) };
    expect(report(await loadYear(await yearFolder(texts), 0))).toEqual(await oneThread(texts));
  });
});
