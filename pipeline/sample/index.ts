// The seeded sample generator (docs/methodology.md#the-sample-data): writes a complete year folder of the input contract
// (docs/data-contract.md#input-files). Same options ⇒ byte-identical files. Survey files are built district by district
// and streamed to disk, so the national scale (~10,600 communes) runs in bounded memory.
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { seededRandom } from "../random.ts";
import type { Random } from "../random.ts";
import { appraisalHeader, appraisalLeaves, appraisalRows } from "./appraisal.ts";
import { citizensFormRows, citizensHeader, formsCollected } from "./citizens-survey.ts";
import { districtProfiles } from "./commune-profile.ts";
import { maxHundredths, numberedCriteria } from "./criteria-tree.ts";
import { centredNoise, derivedSeed } from "./draws.ts";
import { sampleManifest, type SampleIssuer } from "./manifest.ts";
import { provinceUnits } from "./province-units.ts";
import { codeListSeparator, type CommuneType } from "../../schemas/communes.ts";
import { districtOfficials, officialsFormRows, officialsHeader } from "./officials-survey.ts";
import { planHeader, planRows } from "./plan.ts";
import { ninhGiangCommunes } from "./reference-communes.ts";
import type { SampleCommune } from "./reference-communes.ts";
import { citizensQuota, sampleGroups, sampleQuestions, sampleScales } from "./survey-design.ts";
import { CsvFile, writeCsv } from "./csv-file.ts";
import { districtsOf, syntheticCommunes } from "./synthetic-communes.ts";

export interface SampleOptions {
  seed: number;
  /** The year folder to write (created if missing; files in it are overwritten). */
  outDir: string;
  year: number;
  /** 20 = the real units of Ninh Giang; any other count = synthetic units in districts of 20. */
  communeCount: number;
  /**
   * "province": a province-issued year with no district (pipeline/sample/province-units.ts): wards,
   * communes and special zones in groups (former districts), a few merged from three units.
   */
  issuer?: SampleIssuer;
  /** With issuer "province": the year before the arrangement, each merged unit as its former units. */
  beforeArrangement?: boolean;
}

export interface SampleSummary {
  communes: number;
  districts: number;
  appraisalRows: number;
  officialsForms: number;
  citizensForms: number;
}

/** The units of the sample: Ninh Giang's own 20, `count` synthetic ones, or a province's. */
function sampleCommunes(count: number, random: Random, options: SampleOptions): readonly SampleCommune[] {
  if (options.issuer === "province") return provinceUnits(count, random, options.beforeArrangement);
  return count === ninhGiangCommunes.length ? ninhGiangCommunes : syntheticCommunes(count, random);
}

/** A province has no thị trấn: its urban criteria apply to wards (phường) instead. */
function appliesToOf(issuer: SampleIssuer | undefined) {
  return (type: CommuneType | undefined) => (issuer === "province" && type === "thi_tran" ? "phuong" : type);
}

/** communes.csv: the optional columns only when a unit has them (a province-issued sample). */
function communeColumns(communes: readonly SampleCommune[]): { header: string[]; rows: string[][] } {
  const header = ["code", "name", "type", "survey_quota"];
  const rows = communes.map((commune) => [commune.code, commune.name, commune.type, String(citizensQuota)]);
  if (!communes.some((commune) => commune.group !== undefined)) return { header, rows };
  return {
    header: [...header, "group", "predecessors", "formed_on"],
    rows: communes.map((commune, i) => [
      ...rows[i]!,
      commune.group ?? "",
      (commune.predecessors ?? []).join(codeListSeparator),
      commune.formedOn ?? "",
    ]),
  };
}

const hundredthsText = (hundredths: number) => String(hundredths / 100);

function criteriaRows(appliesTo: (type: CommuneType | undefined) => CommuneType | undefined): string[][] {
  return numberedCriteria().map(({ id, node }) => [
    id,
    node.name,
    hundredthsText(maxHundredths(node)),
    node.kind === "inner" ? "" : node.kind,
    node.kind === "appraisal" ? (appliesTo(node.appliesTo) ?? "all") : "all",
  ]);
}

/** Numbers forms `PCB-00001`, `PND-00001`, … wide enough for `upperBound` forms. */
function formIdSequence(prefix: string, upperBound: number): () => string {
  const width = Math.max(5, String(upperBound).length);
  let n = 0;
  return () => `${prefix}-${String(++n).padStart(width, "0")}`;
}

export async function writeSampleYear(options: SampleOptions): Promise<SampleSummary> {
  const { seed, outDir, year, communeCount } = options;
  // One independent stream per part, so that changing how one file is drawn leaves the others as they were.
  const master = seededRandom(seed);
  const namesRandom = seededRandom(derivedSeed(master));
  const profilesRandom = seededRandom(derivedSeed(master));
  const appraisalRandom = seededRandom(derivedSeed(master));
  const officialsRandom = seededRandom(derivedSeed(master));
  const citizensRandom = seededRandom(derivedSeed(master));

  const communes = sampleCommunes(communeCount, namesRandom, options);
  const appliesTo = appliesToOf(options.issuer);
  const districts = districtsOf(communes);
  const questions = sampleQuestions();
  const officialsQuestions = questions.filter((question) => question.panel === "officials");
  const citizensQuestions = questions.filter((question) => question.panel === "citizens");
  // How easy each question is to answer favourably, fixed for the whole run.
  const officialsEase = officialsQuestions.map(() => centredNoise(officialsRandom, 0.08));
  const citizensEase = citizensQuestions.map(() => centredNoise(citizensRandom, 0.08));
  const leaves = appraisalLeaves().map((scored) => ({
    ...scored,
    leaf: { ...scored.leaf, appliesTo: appliesTo(scored.leaf.appliesTo) },
  }));

  await mkdir(outDir, { recursive: true });
  const manifest = sampleManifest({ year, seed, communeCount: communes.length, issuer: options.issuer });
  await writeFile(join(outDir, "dataset.json"), JSON.stringify(manifest, null, 2) + "\n");
  const communesFile = communeColumns(communes);
  await writeCsv(join(outDir, "communes.csv"), communesFile.header, communesFile.rows);
  await writeCsv(
    join(outDir, "criteria.csv"),
    ["id", "name", "max_points", "source", "applies_to"],
    criteriaRows(appliesTo),
  );
  await writeCsv(
    join(outDir, "groups.csv"),
    ["code", "name", "panel", "planned"],
    sampleGroups.map((group) => [
      group.code,
      group.name,
      group.panel,
      String(group.plannedPer * (group.panel === "officials" ? districts.length : communes.length)),
    ]),
  );
  await writeCsv(
    join(outDir, "scales.csv"),
    ["scale", "option", "label", "coefficient", "satisfied"],
    sampleScales.flatMap((scale) =>
      scale.options.map((option) => [
        scale.code,
        option.option,
        option.label,
        option.coefficient === null ? "" : String(option.coefficient),
        option.satisfied === null ? "" : String(option.satisfied),
      ]),
    ),
  );
  await writeCsv(
    join(outDir, "questions.csv"),
    ["id", "panel", "criterion_id", "scale", "text", "sipas_element"],
    questions.map((question) => [
      question.id,
      question.panel,
      question.criterionId ?? "",
      question.scale.code,
      question.text,
      question.sipasElement === null ? "" : String(question.sipasElement),
    ]),
  );

  const plan = planRows(year);
  if (plan.length > 0) await writeCsv(join(outDir, "plan.csv"), planHeader, plan);

  const officialsPerDistrict = sampleGroups
    .filter((group) => group.panel === "officials")
    .reduce((sum, group) => sum + group.plannedPer, 0);
  const respondentIdWidth = Math.max(4, String(officialsPerDistrict * districts.length).length);
  const nextOfficialsFormId = formIdSequence("PCB", officialsPerDistrict * communes.length);
  const nextCitizensFormId = formIdSequence("PND", citizensQuota * communes.length);

  const appraisalFile = await CsvFile.create(join(outDir, "appraisal.csv"), appraisalHeader);
  const officialsFile = await CsvFile.create(
    join(outDir, "survey-officials.csv"),
    officialsHeader(officialsQuestions),
  );
  const citizensFile = await CsvFile.create(
    join(outDir, "survey-citizens.csv"),
    citizensHeader(citizensQuestions),
  );
  for (const [d, district] of districts.entries()) {
    const profiles = districtProfiles(district, year, profilesRandom);
    await appraisalFile.append(
      district.flatMap((commune, c) => appraisalRows(commune, profiles[c]!, leaves, year, appraisalRandom)),
    );
    const officials = districtOfficials(d, respondentIdWidth, officialsRandom);
    await officialsFile.append(
      officialsFormRows(
        officials,
        district,
        profiles,
        officialsQuestions,
        officialsEase,
        nextOfficialsFormId,
        officialsRandom,
      ),
    );
    const collected = formsCollected(district, citizensRandom);
    await citizensFile.append(
      district.flatMap((commune, c) =>
        citizensFormRows(
          commune,
          profiles[c]!,
          collected[c]!,
          citizensQuestions,
          citizensEase,
          nextCitizensFormId,
          citizensRandom,
        ),
      ),
    );
  }
  return {
    communes: communes.length,
    districts: districts.length,
    appraisalRows: await appraisalFile.close(),
    officialsForms: await officialsFile.close(),
    citizensForms: await citizensFile.close(),
  };
}
