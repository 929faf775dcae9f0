// The bootstrap of docs/methodology.md#uncertainty-the-bootstrap written the plain, slow way, as a
// check of the pipeline's typed-array version (pipeline/compute/bootstrap.ts): forms are objects read
// from the CSV files, each replicate draws them one by one, means are taken by loops over the drawn
// forms, ranks are counted, percentiles interpolated by the formula. Only the random stream is shared
// (pipeline/random.ts: the seeded sfc32 that the method names), and the order it is drawn in, which
// the method fixes: replicate, then commune in code order, then panel in the order the commune's
// survey leaves first ask it, then one draw per form.
//
// Leaf maxima, applicability and observed points come from the SQL reference (sql-reference.ts).
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import Papa from "papaparse";
import { seededRandom } from "../../pipeline/random.ts";
import type { ReferenceRow } from "./sql-reference.ts";

export interface ReferenceInterval {
  commune_code: string;
  index_ci_low: number;
  index_ci_high: number;
  rank_low: number;
  rank_high: number;
}

async function csvRows(folder: string, name: string): Promise<Record<string, string>[]> {
  const text = await readFile(join(folder, name), "utf8");
  return Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

/** Half away from zero to 2 decimals, a tie within 10⁻⁹ hundredths counting as a tie. */
function round2(value: number): number {
  const scaled = Math.abs(value) * 100;
  const whole = Math.floor(scaled + 0.5 + 1e-9);
  return whole === 0 ? 0 : (Math.sign(value) * whole) / 100;
}

/** Type 7 quantile: x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]) with h = (n − 1)p over ascending x. */
function quantile(ascending: number[], p: number): number {
  const h = (ascending.length - 1) * p;
  const below = Math.floor(h);
  if (below + 1 >= ascending.length) return ascending[below]!;
  return ascending[below]! + (h - below) * (ascending[below + 1]! - ascending[below]!);
}

/** Dotted ids in natural order (1.9 before 1.10): the tree's pre-order for leaves. */
function compareIds(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

interface SurveyLeaf {
  maxPoints: number;
  observedPoints: number;
  questions: { id: string; panel: string; scale: string }[];
}

/** The 95% interval of each commune's index and its rank range from `replicates` replicates. */
export async function referenceBootstrap(
  folder: string,
  leaves: readonly ReferenceRow[],
): Promise<ReferenceInterval[]> {
  const manifest = JSON.parse(await readFile(join(folder, "dataset.json"), "utf8")) as {
    year: number;
    bootstrap_seed?: number;
    bootstrap_replicates?: number;
  };
  const replicates = manifest.bootstrap_replicates ?? 1000;
  const random = seededRandom(manifest.bootstrap_seed ?? manifest.year);
  const scales = await csvRows(folder, "scales.csv");
  const questions = await csvRows(folder, "questions.csv");
  const formsOf: Record<string, Record<string, string>[]> = {
    officials: await csvRows(folder, "survey-officials.csv"),
    citizens: await csvRows(folder, "survey-citizens.csv"),
  };
  const coefficients = new Map(
    scales.map((s) => [`${s.scale}/${s.option}`, s.coefficient === "" ? null : Number(s.coefficient)]),
  );
  /** The coefficient of an answer on a scale, or null when the answer is blank or excluded. */
  const coefficient = (scale: string, option: string | undefined): number | null =>
    coefficients.get(`${scale}/${option}`) ?? null;

  const codes = [...new Set(leaves.map((leaf) => String(leaf.commune_code)))].sort();
  const communes = codes.map((code) => {
    const own = leaves.filter((leaf) => leaf.commune_code === code);
    const surveyLeaves: SurveyLeaf[] = own
      .filter((leaf) => leaf.source === "survey")
      .sort((a, b) => compareIds(String(a.leaf_id), String(b.leaf_id)))
      .map((leaf) => ({
        maxPoints: Number(leaf.max_points),
        observedPoints: Number(leaf.points),
        questions: questions
          .filter((q) => q.criterion_id === leaf.leaf_id)
          .map((q) => ({ id: q.id!, panel: q.panel!, scale: q.scale! })),
      }));
    const panels = [...new Set(surveyLeaves.flatMap((leaf) => leaf.questions.map((q) => q.panel)))];
    return {
      code,
      fixedPoints: own.filter((l) => l.source === "appraisal").reduce((sum, l) => sum + Number(l.points), 0),
      maxPoints: own.reduce((sum, l) => sum + Number(l.max_points), 0),
      surveyLeaves,
      panels: panels.map((panel) => ({
        panel,
        forms: formsOf[panel]!.filter((f) => f.commune_code === code),
      })),
    };
  });

  const indices: number[][] = codes.map(() => []);
  const ranks: number[][] = codes.map(() => []);
  for (let r = 0; r < replicates; r++) {
    const replicate = communes.map((commune) => {
      // One draw per form of each panel, with replacement.
      const drawn = new Map<string, Record<string, string>[]>();
      for (const { panel, forms } of commune.panels) {
        const sample: Record<string, string>[] = [];
        for (let i = 0; i < forms.length; i++) sample.push(forms[Math.floor(random() * forms.length)]!);
        drawn.set(panel, sample);
      }
      let points = commune.fixedPoints;
      for (const leaf of commune.surveyLeaves) {
        let meanSum = 0;
        let measured = 0;
        for (const { id, panel, scale } of leaf.questions) {
          let sum = 0;
          let count = 0;
          for (const form of drawn.get(panel)!) {
            const value = coefficient(scale, form[id]);
            if (value !== null) {
              sum += value;
              count++;
            }
          }
          if (count > 0) {
            meanSum += sum / count;
            measured++;
          }
        }
        points += measured > 0 ? (leaf.maxPoints * meanSum) / measured : leaf.observedPoints;
      }
      return (100 * points) / commune.maxPoints;
    });
    const rounded = replicate.map(round2);
    replicate.forEach((index, c) => {
      indices[c]!.push(index);
      // Competition rank: one plus the number of communes with a strictly greater rounded index.
      ranks[c]!.push(1 + rounded.filter((other) => other > rounded[c]!).length);
    });
  }
  return codes.map((code, c) => {
    const ownIndices = [...indices[c]!].sort((a, b) => a - b);
    const ownRanks = [...ranks[c]!].sort((a, b) => a - b);
    return {
      commune_code: code,
      index_ci_low: round2(quantile(ownIndices, 0.025)),
      index_ci_high: round2(quantile(ownIndices, 0.975)),
      rank_low: Math.floor(quantile(ownRanks, 0.025)),
      rank_high: Math.ceil(quantile(ownRanks, 0.975)),
    };
  });
}
