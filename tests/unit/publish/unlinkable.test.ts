// The attacker of docs/quality.md ("Who gave which answer"): someone holding the published files of the
// committed sample year (made by the project's own generator) and the code tries to tell which input
// form each published citizen's form (commune, response_no) is, by replaying the seeded shuffle that
// numbered the forms before: its seed (bootstrap_seed), every commune's n_citizens and the communes'
// order are all published, and this linked all 1,189 forms of 2023. A claim is right when the published
// form's answers are those of the input form it names (forms with the same answers cannot be told
// apart, so that is the fairest count); a blind guess is right, on average, as often as forms share
// answers. The attack may not do better than that chance by more than its spread allows.
import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
import { computeYear } from "../../../pipeline/compute/index.ts";
import { tableCsv } from "../../../pipeline/publish/csv.ts";
import { randomInt, seededRandom } from "../../../pipeline/random.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { isValid } from "../../../pipeline/years.ts";

const repo = resolve(import.meta.dirname, "../../..");
const year = join(repo, "data", "2023");

/** Each commune's input forms in file order, as their answers (question → option, blanks left out). */
const inputForms = new Map<string, string[]>();
let published: { responses: string; results: string; seed: number };

const csvObjects = (text: string) =>
  Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true })
    .data;
const answersKey = (answers: [string, string][]) => JSON.stringify(answers.sort());

beforeAll(async () => {
  for (const { form_id: _id, commune_code, ...answers } of csvObjects(
    await readFile(join(year, "survey-citizens.csv"), "utf8"),
  )) {
    const given = Object.entries(answers).filter(([, option]) => option !== "");
    inputForms.set(commune_code!, [...(inputForms.get(commune_code!) ?? []), answersKey(given)]);
  }
  const loaded = await loadYear(year);
  if (!isValid(loaded)) throw new Error("data/2023 does not validate");
  const { tables, parameters } = computeYear(loaded.data, { previous: null, bootstrap: false });
  // The two tables as their published CSV files are written, and the seed as dataset.json lists it.
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
  published = {
    responses: text(tableCsv("responses", tables.responses)),
    results: text(tableCsv("results", tables.results)),
    seed: parameters.bootstrap_seed,
  };
}, 60_000);

/** The published forms of each commune by response_no, as answers. */
function publishedForms(): Map<string, Map<number, string>> {
  const pairs = new Map<string, Map<number, [string, string][]>>();
  for (const row of csvObjects(published.responses)) {
    const forms = pairs.get(row.commune_code!) ?? new Map<number, [string, string][]>();
    pairs.set(row.commune_code!, forms);
    const no = Number(row.response_no);
    forms.set(no, [...(forms.get(no) ?? []), [row.question_id!, row.option!]]);
  }
  return new Map(
    [...pairs].map(([commune, forms]) => [
      commune,
      new Map([...forms].map(([no, answers]) => [no, answersKey(answers)])),
    ]),
  );
}

/** Right claims of an attack naming, for each published form, an input form's place in its commune. */
function score(claim: (commune: string, responseNo: number) => number): {
  right: number;
  chance: number;
  forms: number;
} {
  let right = 0;
  let chance = 0;
  let forms = 0;
  for (const [commune, numbered] of publishedForms()) {
    const inputs = inputForms.get(commune) ?? [];
    for (const [no, answers] of numbered) {
      forms++;
      if (inputs[claim(commune, no)] === answers) right++;
      chance += inputs.filter((input) => input === answers).length / inputs.length;
    }
  }
  return { right, chance, forms };
}

/** At most chance plus four standard deviations of a sum of that many rare hits (Poisson). */
const withinChance = ({ right, chance }: { right: number; chance: number }) =>
  right <= chance + 4 * Math.sqrt(chance);

describe("published citizens' answers cannot be linked to their input forms", () => {
  it("defeats replaying the seeded shuffle from the published seed and form counts", () => {
    const { seed } = published;
    const counts = new Map(csvObjects(published.results).map((r) => [r.commune_code!, Number(r.n_citizens)]));
    // Communes in the order responses.csv lists them (the input's), each with its published count.
    const communes = [...new Set(csvObjects(published.responses).map((r) => r.commune_code!))];
    // The shuffle as it was: one stream from the seed, Fisher–Yates of each commune's forms in turn,
    // communes in the published order; response_no i + 1 was the input form at order[i].
    const random = seededRandom(seed ^ 0x52455350);
    const orders = new Map<string, number[]>();
    for (const commune of communes) {
      const n = counts.get(commune)!;
      const order = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = randomInt(random, i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      orders.set(commune, order);
    }
    const result = score((commune, no) => orders.get(commune)![no - 1]!);
    expect(result.forms).toBeGreaterThan(1000);
    expect(withinChance(result), JSON.stringify(result)).toBe(true);
  });
});
