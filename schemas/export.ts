// JSON Schema of every input file row and published table, exported from the Zod schemas for
// editors and other tools: `node schemas/export.ts` writes schemas/json/, `--check` exits 1 when the
// committed files differ from what the Zod schemas give (a test runs the same comparison).
import { readFile, writeFile, mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { appraisalRow } from "./appraisal.ts";
import { communeRow } from "./communes.ts";
import { criterionRow } from "./criteria.ts";
import { datasetManifest } from "./dataset.ts";
import { groupRow } from "./groups.ts";
import { planRow } from "./plan.ts";
import { publishedManifest } from "./published-manifest.ts";
import { publishedTables } from "./published.ts";
import { questionRow } from "./questions.ts";
import { scaleOptionRow } from "./scales.ts";
import { citizensFormColumns, officialsFormColumns } from "./survey.ts";

export const jsonFolder = fileURLToPath(new URL("./json/", import.meta.url));

/** Input files are described as the editor writes them (`io: "input"`): every CSV cell is text. */
const inputSchemas: Record<string, z.ZodType> = {
  dataset: datasetManifest,
  communes: communeRow,
  criteria: criterionRow,
  groups: groupRow,
  scales: scaleOptionRow,
  questions: questionRow,
  appraisal: appraisalRow,
  "survey-officials": officialsFormColumns,
  "survey-citizens": citizensFormColumns,
  plan: planRow,
};

/** File name → JSON text, in a stable order. */
export function exportedSchemas(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [name, schema] of Object.entries(inputSchemas)) {
    files.set(`${name}.schema.json`, `${JSON.stringify(z.toJSONSchema(schema, { io: "input" }), null, 2)}\n`);
  }
  for (const [name, schema] of Object.entries(publishedTables)) {
    files.set(`published-${name}.schema.json`, `${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`);
  }
  files.set(
    "published-dataset.schema.json",
    `${JSON.stringify(z.toJSONSchema(publishedManifest, { io: "output" }), null, 2)}\n`,
  );
  return files;
}

/** Names of committed files that are missing or differ from the export. */
export async function staleSchemas(): Promise<string[]> {
  const stale: string[] = [];
  for (const [name, text] of exportedSchemas()) {
    const committed = await readFile(`${jsonFolder}${name}`, "utf8").catch(() => null);
    if (committed !== text) stale.push(name);
  }
  return stale;
}

async function main(args: string[]): Promise<number> {
  if (args.includes("--check")) {
    const stale = await staleSchemas();
    if (stale.length === 0) return 0;
    console.error(`JSON Schema cũ, chạy lại / stale, run: node schemas/export.ts\n  ${stale.join("\n  ")}`);
    return 1;
  }
  await mkdir(jsonFolder, { recursive: true });
  for (const [name, text] of exportedSchemas()) await writeFile(`${jsonFolder}${name}`, text);
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
