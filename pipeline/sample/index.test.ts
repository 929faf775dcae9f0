// The sample generator, checked on the files it writes: what a data editor, the validator and the
// site would see. The committed data/2023 and data/2022 are checked for believable results.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { from, op } from "arquero";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { median } from "../compute/percentile.ts";
import { inputFiles } from "../model.ts";
import { hundredths } from "../rules/hundredths.ts";
import { datasetManifest } from "../../schemas/dataset.ts";
import { writeSampleYear } from "./index.ts";

/** A parsed CSV row; the contract's columns are always present in the generator's files. */
type Column =
  | "id"
  | "code"
  | "name"
  | "type"
  | "survey_quota"
  | "max_points"
  | "source"
  | "applies_to"
  | "panel"
  | "planned"
  | "scale"
  | "option"
  | "label"
  | "coefficient"
  | "satisfied"
  | "criterion_id"
  | "text"
  | "sipas_element"
  | "commune_code"
  | "self_score"
  | "appraised_score"
  | "note"
  | "form_id"
  | "respondent_id"
  | "group";
type Row = Record<Column, string> & Record<string, string>;

async function readTable(folder: string, file: string): Promise<Row[]> {
  const text = await readFile(join(folder, file), "utf8");
  return Papa.parse<Row>(text, { header: true, skipEmptyLines: true }).data;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string) => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** Hundredths of a point, so sums of maxima compare exactly. */

/**
 * Our own estimate of each commune's index, straight from docs/methodology.md and independent of the
 * pipeline: appraised points, plus for each survey leaf its max × the mean over its questions of the
 * mean coefficient of the valid answers rating the commune; over the applicable maximum. Written
 * as table operations (Arquero) so that it reads like the formula, not like the pipeline's loops.
 */
async function estimatedIndices(folder: string): Promise<Map<string, number>> {
  const [communes, criteria, scales, questions, appraisal, officials, citizens] = await Promise.all(
    [
      "communes.csv",
      "criteria.csv",
      "scales.csv",
      "questions.csv",
      "appraisal.csv",
      "survey-officials.csv",
      "survey-citizens.csv",
    ].map((file) => readTable(folder, file)),
  );
  // Answers that count: an option with a coefficient; blanks and "don't know" find none and drop out.
  const coefficients = from(scales!)
    .filter((d) => d.coefficient !== "")
    .derive({ coefficient: (d) => op.parse_float(d.coefficient) });
  const answers = (forms: Row[], panel: string) =>
    from(forms).fold(
      questions!.filter((q) => q.panel === panel).map((q) => q.id),
      { as: ["question", "option"] },
    );
  const leafMeans = answers(officials!, "officials")
    .concat(answers(citizens!, "citizens"))
    .join(from(questions!).select({ id: "question", criterion_id: "leaf", scale: "scale" }), "question")
    .join(coefficients, [["scale", "option"]])
    .groupby("commune_code", "leaf", "question")
    .rollup({ mean: op.mean("coefficient") })
    .groupby("commune_code", "leaf")
    .rollup({ mean: op.mean("mean") });
  const appraised = from(appraisal!)
    .select({ commune_code: "commune_code", criterion_id: "leaf", appraised_score: "appraised" })
    .derive({ appraised: (d) => op.parse_float(d.appraised) });
  const leaves = from(criteria!)
    .filter((d) => d.source !== "")
    .select({ id: "leaf", max_points: "max", source: "source", applies_to: "applies_to" })
    .derive({ max: (d) => op.parse_float(d.max) });
  const indices = from(communes!)
    .select({ code: "commune_code", type: "type" })
    .cross(leaves)
    .filter((d) => d.applies_to === "all" || d.applies_to === d.type)
    .lookup(appraised, [["commune_code", "leaf"]], "appraised")
    .lookup(leafMeans, [["commune_code", "leaf"]], "mean")
    .derive({ points: (d) => (d.source === "appraisal" ? d.appraised : d.max * d.mean) })
    .groupby("commune_code")
    .rollup({ index: (d) => (100 * op.sum(d.points)) / op.sum(d.max) })
    .rollup({ byCommune: op.map_agg("commune_code", "index") });
  return indices.get("byCommune");
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

let scratch: string;
const folder = (name: string) => join(scratch, name);

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "sample-test-"));
  await writeSampleYear({ seed: 11, outDir: folder("a"), year: 2023, communeCount: 20 });
  await writeSampleYear({ seed: 11, outDir: folder("a-again"), year: 2023, communeCount: 20 });
  await writeSampleYear({ seed: 12, outDir: folder("b"), year: 2023, communeCount: 20 });
  await writeSampleYear({ seed: 3, outDir: folder("synthetic"), year: 2023, communeCount: 45 });
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("reproducibility", () => {
  it("writes byte-identical files for the same seed", async () => {
    expect((await readdir(folder("a"))).sort()).toEqual([...inputFiles].sort());
    for (const file of inputFiles) {
      const first = await readFile(join(folder("a"), file));
      const again = await readFile(join(folder("a-again"), file));
      expect(again.equals(first), file).toBe(true);
    }
  });

  it("draws other scores and answers for another seed, on the same criteria, communes and questions", async () => {
    for (const file of ["appraisal.csv", "survey-officials.csv", "survey-citizens.csv"]) {
      expect(await readFile(join(folder("b"), file), "utf8"), file).not.toBe(
        await readFile(join(folder("a"), file), "utf8"),
      );
    }
    for (const file of ["criteria.csv", "communes.csv", "questions.csv", "scales.csv", "groups.csv"]) {
      expect(await readFile(join(folder("b"), file), "utf8"), file).toBe(
        await readFile(join(folder("a"), file), "utf8"),
      );
    }
  });
});

describe("file format", () => {
  it("writes UTF-8 without BOM, LF line ends and NFC text, every row as wide as its header", async () => {
    for (const file of inputFiles.filter((f) => f.endsWith(".csv"))) {
      const bytes = await readFile(join(folder("a"), file));
      expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])), file).toBe(false);
      const text = bytes.toString("utf8");
      expect(text.includes("\r"), file).toBe(false);
      expect(text.endsWith("\n"), file).toBe(true);
      expect(text.normalize("NFC") === text, file).toBe(true);
      const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
      expect(parsed.errors, file).toEqual([]);
      const width = parsed.data[0]!.length;
      expect(
        parsed.data.every((row) => row.length === width),
        file,
      ).toBe(true);
    }
  });

  it("writes a manifest the dataset schema accepts, marked as sample data", async () => {
    const manifest = datasetManifest.parse(
      JSON.parse(await readFile(join(folder("a"), "dataset.json"), "utf8")),
    );
    expect(manifest).toMatchObject({ year: 2023, status: "sample", version: "1.0.0", published_on: null });
    expect(manifest.bands.map((band) => [band.code, band.min_pct])).toEqual([
      ["A", 90],
      ["B", 80],
      ["C", 0],
    ]);
    expect(manifest.legal_basis.map((law) => law.ref)).toEqual(["3395/QĐ-UBND", "183/KH-UBND", "876/QĐ-BNV"]);
  });
});

describe("the provisional criteria tree", () => {
  it("has the domain maxima and appraisal/survey splits of docs/methodology.md#the-sample-data, and children summing to parents", async () => {
    const criteria = await readTable(folder("a"), "criteria.csv");
    const byId = new Map(criteria.map((c) => [c.id, c]));
    const childrenOf = (id: string) => criteria.filter((c) => c.id.slice(0, c.id.lastIndexOf(".")) === id);
    for (const c of criteria) {
      expect(/^\d+(\.\d{1,2})?$/.test(c.max_points), c.id).toBe(true);
      if (c.id.includes(".")) expect(byId.has(c.id.slice(0, c.id.lastIndexOf("."))), c.id).toBe(true);
      const children = childrenOf(c.id);
      if (children.length > 0) {
        expect(c.source, c.id).toBe("");
        expect(
          children.reduce((sum, child) => sum + hundredths(Number(child.max_points)), 0),
          c.id,
        ).toBe(hundredths(Number(c.max_points)));
      } else {
        expect(["appraisal", "survey"]).toContain(c.source);
      }
    }
    const leaves = criteria.filter((c) => c.source !== "");
    const domainSplit = (domain: string, source: string) =>
      leaves
        .filter((l) => l.id.split(".")[0] === domain && l.source === source)
        .reduce((sum, l) => sum + hundredths(Number(l.max_points)), 0) / 100;
    // id: [max, appraisal, survey] from the table of docs/methodology.md#the-sample-data; total 100 = 64 + 36.
    const table: Record<string, [number, number, number]> = {
      "1": [12, 9, 3],
      "2": [8, 6, 2],
      "3": [17, 13, 4],
      "4": [7, 5, 2],
      "5": [12, 9, 3],
      "6": [8, 6, 2],
      "7": [12, 10, 2],
      "8": [24, 6, 18],
    };
    const domains = criteria.filter((c) => !c.id.includes("."));
    expect(domains.map((d) => d.id)).toEqual(Object.keys(table));
    for (const domain of domains) {
      const [max, appraisal, survey] = table[domain.id]!;
      expect([
        Number(domain.max_points),
        domainSplit(domain.id, "appraisal"),
        domainSplit(domain.id, "survey"),
      ]).toEqual([max, appraisal, survey]);
      expect(childrenOf(domain.id).length).toBeGreaterThanOrEqual(3);
      expect(childrenOf(domain.id).length).toBeLessThanOrEqual(6);
    }
    expect(leaves.length).toBeGreaterThanOrEqual(40);
    expect(leaves.length).toBeLessThanOrEqual(60);
  });

  it("has appraisal leaves only for xã and only for thị trấn, so the two types' maxima differ", async () => {
    const criteria = await readTable(folder("a"), "criteria.csv");
    const leaves = criteria.filter((c) => c.source !== "");
    const onlyFor = (type: string) => leaves.filter((l) => l.applies_to === type);
    expect(onlyFor("xa").every((l) => l.source === "appraisal") && onlyFor("xa").length > 0).toBe(true);
    expect(onlyFor("thi_tran").every((l) => l.source === "appraisal") && onlyFor("thi_tran").length > 0).toBe(
      true,
    );
    const maxFor = (type: string) =>
      leaves
        .filter((l) => l.applies_to === "all" || l.applies_to === type)
        .reduce((sum, l) => sum + hundredths(Number(l.max_points)), 0);
    expect(maxFor("xa")).not.toBe(maxFor("thi_tran"));
  });
});

describe("questionnaires and scales", () => {
  it("asks 1–3 questions per survey leaf, officials for domains 1–7 and citizens for domain 8", async () => {
    const [criteria, questions, scales] = await Promise.all(
      ["criteria.csv", "questions.csv", "scales.csv"].map((file) => readTable(folder("a"), file)),
    );
    const scaleCodes = new Set(scales!.map((s) => s.scale));
    expect(questions!.every((q) => scaleCodes.has(q.scale))).toBe(true);
    for (const leaf of criteria!.filter((c) => c.source === "survey")) {
      const asked = questions!.filter((q) => q.criterion_id === leaf.id);
      expect(asked.length, leaf.id).toBeGreaterThanOrEqual(1);
      expect(asked.length, leaf.id).toBeLessThanOrEqual(3);
      const panel = leaf.id.startsWith("8.") ? "citizens" : "officials";
      expect(
        asked.every((q) => q.panel === panel && q.id.startsWith(panel === "officials" ? "CB" : "ND")),
        leaf.id,
      ).toBe(true);
    }
    expect(questions!.some((q) => q.criterion_id === "")).toBe(true);
    expect(new Set(questions!.map((q) => q.sipas_element).filter((e) => e !== ""))).toEqual(
      new Set(["1", "2", "3", "4", "5"]),
    );
  });

  it("scores officials A/B/C/D as 1/0.6/0.2/0 with E excluded, and counts 4 and 5 as satisfied", async () => {
    const scales = await readTable(folder("a"), "scales.csv");
    const options = (scale: string) =>
      scales.filter((s) => s.scale === scale).map((s) => [s.option, s.coefficient, s.satisfied]);
    expect(options("danh_gia")).toEqual([
      ["A", "1", ""],
      ["B", "0.6", ""],
      ["C", "0.2", ""],
      ["D", "0", ""],
      ["E", "", ""],
    ]);
    expect(options("hai_long")).toEqual([
      ["1", "0", "false"],
      ["2", "0.25", "false"],
      ["3", "0.5", "false"],
      ["4", "0.75", "true"],
      ["5", "1", "true"],
      ["KB", "", ""],
    ]);
  });
});

describe("appraisal", () => {
  it("has exactly one row per commune and applicable appraisal leaf, scores within [0, max], self ≥ appraised", async () => {
    const [communes, criteria, appraisal] = await Promise.all(
      ["communes.csv", "criteria.csv", "appraisal.csv"].map((file) => readTable(folder("a"), file)),
    );
    const expected = communes!.flatMap((commune) =>
      criteria!
        .filter((c) => c.source === "appraisal" && (c.applies_to === "all" || c.applies_to === commune.type))
        .map((leaf) => `${commune.code}|${leaf.id}`),
    );
    expect(appraisal!.map((a) => `${a.commune_code}|${a.criterion_id}`).sort()).toEqual(expected.sort());
    const maxOf = new Map(criteria!.map((c) => [c.id, hundredths(Number(c.max_points))]));
    for (const row of appraisal!) {
      const self = hundredths(Number(row.self_score));
      const appraised = hundredths(Number(row.appraised_score));
      expect(/^\d+(\.\d{1,2})?$/.test(row.self_score) && /^\d+(\.\d{1,2})?$/.test(row.appraised_score)).toBe(
        true,
      );
      expect(appraised >= 0 && appraised <= self && self <= maxOf.get(row.criterion_id)!).toBe(true);
      // A note explains every lowered score, and only lowered scores.
      expect(row.note !== "", `${row.commune_code} ${row.criterion_id}`).toBe(self > appraised);
    }
    const lowered = appraisal!.filter((row) => row.note !== "").length;
    expect(lowered).toBeGreaterThan(20);
    expect(lowered).toBeLessThan(appraisal!.length / 2);
  });
});

describe("officials' survey", () => {
  it("has 48 people by group 30/3/3/12, each rating a commune at most once and skipping one now and then", async () => {
    const forms = await readTable(folder("a"), "survey-officials.csv");
    const people = new Map(forms.map((f) => [f.respondent_id, f.group]));
    expect(people.size).toBe(48);
    expect(Object.fromEntries(countBy([...people.values()], (group) => group))).toEqual({
      hdnd: 30,
      ubnd: 3,
      mttq: 3,
      phong: 12,
    });
    expect([...people.keys()].every((id) => /^CB-\d{4}$/.test(id))).toBe(true);
    expect(new Set(forms.map((f) => `${f.respondent_id}|${f.commune_code}`)).size).toBe(forms.length);
    expect(new Set(forms.map((f) => f.form_id)).size).toBe(forms.length);
    // 48 × 20 = 960 possible forms; skipping is occasional.
    expect(forms.length).toBeLessThan(960);
    expect(forms.length).toBeGreaterThan(900);
    const answers = forms.flatMap((f) => Object.entries(f).filter(([column]) => column.startsWith("CB")));
    expect(answers.some(([, option]) => option === "E")).toBe(true);
    expect(answers.some(([, option]) => option === "")).toBe(true);
  });
});

describe("citizens' survey", () => {
  it("has 60 forms per commune except one or two communes a few forms short", async () => {
    const [communes, forms] = await Promise.all(
      ["communes.csv", "survey-citizens.csv"].map((file) => readTable(folder("a"), file)),
    );
    const perCommune = countBy(forms!, (f) => f.commune_code);
    const counts = communes!.map((c) => perCommune.get(c.code) ?? 0);
    const short = counts.filter((n) => n < 60);
    expect(short.length).toBeGreaterThanOrEqual(1);
    expect(short.length).toBeLessThanOrEqual(2);
    expect(short.every((n) => n >= 54)).toBe(true);
    expect(counts.every((n) => n <= 60)).toBe(true);
    expect(new Set(forms!.map((f) => f.form_id)).size).toBe(forms!.length);
    const answers = forms!.flatMap((f) => Object.entries(f).filter(([column]) => column.startsWith("ND")));
    expect(answers.some(([, option]) => option === "KB")).toBe(true);
    expect(answers.some(([, option]) => option === "")).toBe(true);
  });
});

describe("synthetic units (--communes other than 20)", () => {
  it("makes 5-digit codes with leading zeros, one thị trấn per district of 20, and plans that scale", async () => {
    const [communes, groups, officials, citizens] = await Promise.all(
      ["communes.csv", "groups.csv", "survey-officials.csv", "survey-citizens.csv"].map((file) =>
        readTable(folder("synthetic"), file),
      ),
    );
    expect(communes!.length).toBe(45);
    expect(communes![0]!.code).toBe("00003");
    expect(communes!.every((c) => /^\d{5}$/.test(c.code))).toBe(true);
    expect(new Set(communes!.map((c) => c.code)).size).toBe(45);
    // 45 units = districts of 20, 20 and 5, each headed by its thị trấn.
    expect(communes!.flatMap((c, i) => (c.type === "thi_tran" ? [i] : []))).toEqual([0, 20, 40]);
    for (const district of [communes!.slice(0, 20), communes!.slice(20, 40)]) {
      expect(new Set(district.map((c) => c.name)).size).toBe(20);
    }
    expect(groups!.map((g) => [g.code, g.planned])).toEqual([
      ["hdnd", "90"],
      ["ubnd", "9"],
      ["mttq", "9"],
      ["phong", "36"],
      ["nguoi_dan", "2700"],
    ]);
    // Each official rates only the communes of their own district.
    const districtOf = new Map(communes!.map((c, i) => [c.code, Math.floor(i / 20)]));
    const districtsRated = new Map<string, Set<number>>();
    for (const form of officials!) {
      const rated = districtsRated.get(form.respondent_id) ?? new Set<number>();
      rated.add(districtOf.get(form.commune_code)!);
      districtsRated.set(form.respondent_id, rated);
    }
    expect(districtsRated.size).toBe(3 * 48);
    expect([...districtsRated.values()].every((set) => set.size === 1)).toBe(true);
    expect(countBy(citizens!, (f) => f.commune_code).size).toBe(45);
  });
});

describe("index estimate used for calibration", () => {
  it("matches a small case worked out by hand", async () => {
    const hand = folder("hand");
    await mkdir(hand, { recursive: true });
    const files: Record<string, string> = {
      "communes.csv": "code,name,type,survey_quota\n00001,Xã Thử,xa,2\n",
      "criteria.csv":
        "id,name,max_points,source,applies_to\n1,L1,10,,all\n1.1,Thẩm định,4,appraisal,all\n1.2,Cán bộ,3,survey,all\n" +
        "1.3,Người dân,2,survey,all\n1.4,Chỉ thị trấn,1,appraisal,thi_tran\n",
      "scales.csv": "scale,option,label,coefficient,satisfied\nd,A,Tốt,1,\nd,B,Khá,0.6,\nd,E,Không,,\n",
      "questions.csv":
        "id,panel,criterion_id,scale,text,sipas_element\nCB01,officials,1.2,d,q,\nCB02,officials,1.2,d,q,\nND01,citizens,1.3,d,q,\n",
      "appraisal.csv": "commune_code,criterion_id,self_score,appraised_score,note\n00001,1.1,4,3.5,n\n",
      "survey-officials.csv":
        "form_id,respondent_id,group,commune_code,CB01,CB02\nf1,r1,hdnd,00001,A,E\nf2,r2,hdnd,00001,B,B\n",
      "survey-citizens.csv": "form_id,commune_code,ND01\np1,00001,A\np2,00001,\n",
    };
    await Promise.all(Object.entries(files).map(([file, text]) => writeFile(join(hand, file), text)));
    // Appraisal 3.5. Officials: CB01 mean (1 + 0.6)/2 = 0.8, CB02 mean 0.6 (E excluded) → 3 × 0.7 = 2.1.
    // Citizens: ND01 mean 1 (blank excluded) → 2 × 1 = 2. The thị trấn leaf does not apply: max 9.
    // Index = 100 × (3.5 + 2.1 + 2) / 9 = 760 / 9 ≈ 84.444.
    expect((await estimatedIndices(hand)).get("00001")).toBeCloseTo(760 / 9, 9);
  });
});

describe("committed sample data", () => {
  it("is what `npm run sample` writes, byte for byte: 2023 with the district plan, 2022 without one", async () => {
    for (const year of [2022, 2023]) {
      const out = folder(`committed-${year}`);
      await writeSampleYear({ seed: year, outDir: out, year, communeCount: 20 });
      const written = (await readdir(out)).sort();
      expect(written).toEqual(
        (await readdir(join("data", String(year)))).filter((f) => f !== "releases").sort(),
      );
      for (const file of written) {
        const committed = await readFile(join("data", String(year), file));
        expect((await readFile(join(out, file))).equals(committed), `${year}/${file}`).toBe(true);
      }
      expect(written.includes("plan.csv")).toBe(year === 2023);
    }
  });

  it("gives believable 2023 results: median 82–90%, at least two communes ≥ 90% and two < 80%", async () => {
    const indices = [...(await estimatedIndices("data/2023")).values()];
    expect(indices.length).toBe(20);
    expect(indices.filter((x) => x >= 90).length).toBeGreaterThanOrEqual(2);
    expect(indices.filter((x) => x < 80).length).toBeGreaterThanOrEqual(2);
    expect(median(indices)).toBeGreaterThanOrEqual(82);
    expect(median(indices)).toBeLessThanOrEqual(90);
  });

  it("has 2022 on the same units and criteria, with a slightly lower average index", async () => {
    for (const file of ["communes.csv", "criteria.csv", "questions.csv", "scales.csv", "groups.csv"]) {
      expect(await readFile(join("data/2022", file), "utf8"), file).toBe(
        await readFile(join("data/2023", file), "utf8"),
      );
    }
    const before = mean([...(await estimatedIndices("data/2022")).values()]);
    const after = mean([...(await estimatedIndices("data/2023")).values()]);
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThan(4);
  });
});
