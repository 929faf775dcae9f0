// Every figure of the published tables results (but the bootstrap's columns), domains, scores,
// satisfaction and survey, and the manifest's district satisfaction per element and citizens' forms, computed a second way: in SQL by native DuckDB, straight from a year
// folder's CSV files and dataset.json, following docs/methodology.md — none of the pipeline's code
// is used (its parser, tree, exact arithmetic, rounding, ranks and bands are all written again here).
// The bootstrap's columns are checked by tests/support/reference-bootstrap.ts.
//
// DuckDB computes in doubles. Figures are rounded to 2 decimals half away from zero with a tolerance
// of 10⁻⁹ hundredths for binary error at ties (the rule docs/methodology.md states for doubles), so
// an exact value x.xx5 computed as x.xx4999… still rounds up, as the pipeline's exact rationals do.
//
// Only the dialect the sample generator writes is read (UTF-8, `,` delimiter, `.` decimals): this
// checks the computation, not the reader.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { answersOf, csv, yearFiles, yearQuestions } from "./duckdb-index.ts";

/** The SIPAS elements of the national method (Bộ Nội vụ), as published in `satisfaction`. */
const sipasElementNames = [
  "Tiếp cận dịch vụ hành chính công",
  "Thủ tục hành chính",
  "Công chức trực tiếp giải quyết công việc",
  "Kết quả giải quyết thủ tục hành chính",
  "Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
];

const Z_95 = 1.959963984540054;

export type ReferenceRow = Record<string, string | number | null>;

export interface ReferenceTables {
  results: ReferenceRow[];
  domains: ReferenceRow[];
  scores: ReferenceRow[];
  satisfaction: ReferenceRow[];
  survey: ReferenceRow[];
  /** Each commune's applicable leaves with their unrounded points (for reference-bootstrap.ts). */
  leaves: ReferenceRow[];
  /** The manifest's district satisfaction per SIPAS element (`district_summary.satisfaction_elements`). */
  districtElements: ReferenceRow[];
  /** The manifest's `district_summary.citizens_forms`. */
  citizensForms: number;
  /** The manifest's `group_summary` (groups in Vietnamese order); null when communes.csv names no group. */
  groupSummary: ReferenceRow[] | null;
}

/** The published columns the reference computes, per table (results' bootstrap columns are not here). */
export const referenceColumns = {
  results: [
    "commune_code",
    "commune_name",
    "commune_type",
    "index_pct",
    "rank",
    "band",
    "points",
    "max_points",
    "appraisal_points",
    "survey_points",
    "self_points",
    "self_gap",
    "lowered_leaves",
    "satisfaction_pct",
    "n_citizens",
    "n_officials",
    "index_change",
    "rank_change",
  ],
  domains: [
    "commune_code",
    "commune_name",
    "domain_id",
    "domain_name",
    "points",
    "max_points",
    "pct",
    "domain_rank",
    "district_avg_pct",
    "district_avg_points",
    "district_avg_gap",
    "pct_change",
  ],
  scores: [
    "commune_code",
    "criterion_id",
    "parent_id",
    "level",
    "criterion_name",
    "source",
    "points",
    "max_points",
    "pct",
    "points_lost",
    "district_points_lost",
    "self_score",
    "appraised_score",
    "note",
  ],
  satisfaction: [
    "commune_code",
    "element",
    "element_name",
    "valid_answers",
    "satisfied_answers",
    "satisfied_pct",
    "ci_low",
    "ci_high",
  ],
  survey: [
    "commune_code",
    "panel",
    "question_id",
    "question_text",
    "criterion_id",
    "sipas_element",
    "forms",
    "valid_answers",
    "excluded_answers",
    "no_answer",
    "mean_coefficient",
    "satisfied_pct",
    "satisfied_ci_low",
    "satisfied_ci_high",
  ],
} as const satisfies Record<ComparedTable, readonly string[]>;

export type ComparedTable = Exclude<
  keyof ReferenceTables,
  "leaves" | "districtElements" | "citizensForms" | "groupSummary"
>;

/** The key columns that identify a row of each table. */
export const referenceKeys: Record<ComparedTable, readonly string[]> = {
  results: ["commune_code"],
  domains: ["commune_code", "domain_id"],
  scores: ["commune_code", "criterion_id"],
  satisfaction: ["commune_code", "element"],
  survey: ["commune_code", "question_id"],
};

interface Manifest {
  bands: { code: string; min_pct: number }[];
}

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The statements that lay a year's inputs and figures out as tables named `<prefix>_…`. */
function yearStatements(
  prefix: string,
  manifest: Manifest,
  questions: { id: string; panel: string }[],
): string[] {
  const t = (name: string) => `${prefix}_${name}`;
  const ids = (panel: string) => questions.filter((q) => q.panel === panel).map((q) => q.id);
  const bands = manifest.bands.map((band, position) => `(${quote(band.code)}, ${band.min_pct}, ${position})`);
  const answerParts = [
    ids("officials").length > 0 ? answersOf("officials", "$officials", ids("officials")) : null,
    ids("citizens").length > 0 ? answersOf("citizens", "$citizens", ids("citizens")) : null,
  ].filter((part) => part !== null);
  return [
    `CREATE TEMP TABLE ${t("communes")} AS SELECT code, name, type FROM ${csv("$communes", "'code': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'survey_quota': 'INTEGER'")}`,
    `CREATE TEMP TABLE ${t("bands")} AS SELECT * FROM (VALUES ${bands.join(", ")}) AS b(code, min_pct, position)`,
    // The tree: a node's parent is its id without the last segment; level 1 is a domain.
    `CREATE TEMP TABLE ${t("nodes")} AS
      SELECT id, name, max_points, source, coalesce(applies_to, 'all') AS applies_to,
        nullif(regexp_extract(id, '^(.*)\\.[^.]*$', 1), '') AS parent_id,
        length(id) - length(replace(id, '.', '')) + 1 AS level
      FROM ${csv("$criteria", "'id': 'VARCHAR', 'name': 'VARCHAR', 'max_points': 'DOUBLE', 'source': 'VARCHAR', 'applies_to': 'VARCHAR'")}`,
    // A leaf applies to a type when it and every node above it apply ('all' or the type).
    `CREATE TEMP TABLE ${t("applicable_leaves")} AS
      SELECT ty.type, l.id AS leaf_id, l.max_points, l.source
      FROM (SELECT DISTINCT type FROM ${t("communes")}) ty
      JOIN ${t("nodes")} l ON l.applies_to IN ('all', ty.type)
      WHERE NOT EXISTS (SELECT 1 FROM ${t("nodes")} c WHERE c.parent_id = l.id)
        AND NOT EXISTS (SELECT 1 FROM ${t("nodes")} a
                        WHERE starts_with(l.id, a.id || '.') AND a.applies_to NOT IN ('all', ty.type))`,
    // Each applicable leaf under each node above it (itself included): a node applies when it has one.
    `CREATE TEMP TABLE ${t("leaf_nodes")} AS
      SELECT al.type, al.leaf_id, al.source, al.max_points, n.id AS node_id
      FROM ${t("applicable_leaves")} al JOIN ${t("nodes")} n ON n.id = al.leaf_id OR starts_with(al.leaf_id, n.id || '.')`,
    `CREATE TEMP TABLE ${t("scales")} AS
      SELECT scale, option, label, coefficient, satisfied = 'true' AS satisfied, satisfied IS NOT NULL AS marked
      FROM ${csv("$scales", "'scale': 'VARCHAR', 'option': 'VARCHAR', 'label': 'VARCHAR', 'coefficient': 'DOUBLE', 'satisfied': 'VARCHAR'")}`,
    `CREATE TEMP TABLE ${t("questions")} AS
      SELECT id, panel, criterion_id, scale, text, sipas_element
      FROM ${csv("$questions", "'id': 'VARCHAR', 'panel': 'VARCHAR', 'criterion_id': 'VARCHAR', 'scale': 'VARCHAR', 'text': 'VARCHAR', 'sipas_element': 'INTEGER'")}`,
    `CREATE TEMP TABLE ${t("appraisal")} AS
      SELECT commune_code, criterion_id, self_score, appraised_score, note
      FROM ${csv("$appraisal", "'commune_code': 'VARCHAR', 'criterion_id': 'VARCHAR', 'self_score': 'DOUBLE', 'appraised_score': 'DOUBLE', 'note': 'VARCHAR'")}`,
    `CREATE TEMP TABLE ${t("forms")} AS
      SELECT commune_code, 'officials' AS panel FROM ${csv("$officials", "'commune_code': 'VARCHAR'")}
      UNION ALL SELECT commune_code, 'citizens' FROM ${csv("$citizens", "'commune_code': 'VARCHAR'")}`,
    // One row per non-blank answer, with its option's coefficient (NULL: excluded) and satisfied flag.
    `CREATE TEMP TABLE ${t("answers")} AS
      SELECT a.commune_code, a.panel, a.question_id, s.coefficient, s.satisfied
      FROM (${answerParts.join(" UNION ALL ")}) a
      JOIN ${t("questions")} q ON q.id = a.question_id AND q.panel = a.panel
      JOIN ${t("scales")} s ON s.scale = q.scale AND s.option = a.option`,
    // Commune × question: forms, valid / excluded / blank answers, m(c, q), satisfied answers.
    `CREATE TEMP TABLE ${t("tallies")} AS
      SELECT c.code AS commune_code, q.id AS question_id, q.panel, q.criterion_id, q.sipas_element, q.scale, q.text,
        (SELECT count(*) FROM ${t("forms")} f WHERE f.commune_code = c.code AND f.panel = q.panel) AS forms,
        count(a.question_id) FILTER (WHERE a.coefficient IS NOT NULL) AS valid,
        count(a.question_id) FILTER (WHERE a.coefficient IS NULL) AS excluded,
        avg(a.coefficient) AS mean_coefficient,
        count(a.question_id) FILTER (WHERE a.coefficient IS NOT NULL AND a.satisfied) AS satisfied
      FROM ${t("communes")} c CROSS JOIN ${t("questions")} q
      LEFT JOIN ${t("answers")} a ON a.commune_code = c.code AND a.question_id = q.id
      GROUP BY ALL`,
    // Leaf points: the appraised score, or max × the mean over the leaf's questions of m(c, q),
    // questions without a valid answer left out.
    `CREATE TEMP TABLE ${t("leaf_points")} AS
      SELECT c.code AS commune_code, al.leaf_id, al.source, al.max_points,
        CASE al.source
          WHEN 'appraisal' THEN (SELECT ap.appraised_score FROM ${t("appraisal")} ap
                                 WHERE ap.commune_code = c.code AND ap.criterion_id = al.leaf_id)
          ELSE al.max_points * (SELECT avg(tq.mean_coefficient) FROM ${t("tallies")} tq
                                WHERE tq.commune_code = c.code AND tq.criterion_id = al.leaf_id AND tq.valid > 0)
        END AS points
      FROM ${t("communes")} c JOIN ${t("applicable_leaves")} al ON al.type = c.type`,
    // Every applicable node of every commune: sums over the applicable leaves below it.
    `CREATE TEMP TABLE ${t("node_points")} AS
      SELECT c.code AS commune_code, ln.node_id, sum(lp.points) AS points, sum(ln.max_points) AS max_points,
        CASE WHEN count(DISTINCT ln.source) = 1 THEN any_value(ln.source) ELSE 'mixed' END AS source
      FROM ${t("communes")} c JOIN ${t("leaf_nodes")} ln ON ln.type = c.type
      JOIN ${t("leaf_points")} lp ON lp.commune_code = c.code AND lp.leaf_id = ln.leaf_id
      GROUP BY ALL`,
    `CREATE TEMP TABLE ${t("scores")} AS
      SELECT np.commune_code, n.id AS criterion_id, n.parent_id, n.level, n.name AS criterion_name, np.source,
        round2(np.points) AS points, round2(np.max_points) AS max_points,
        round2(100 * np.points / np.max_points) AS pct,
        CASE WHEN np.source = 'appraisal' AND NOT EXISTS (SELECT 1 FROM ${t("nodes")} ch WHERE ch.parent_id = n.id)
             THEN ap.self_score END AS self_score,
        CASE WHEN np.source = 'appraisal' AND NOT EXISTS (SELECT 1 FROM ${t("nodes")} ch WHERE ch.parent_id = n.id)
             THEN ap.appraised_score END AS appraised_score,
        ap.note,
        100 * np.points / np.max_points AS exact_pct
      FROM ${t("node_points")} np JOIN ${t("nodes")} n ON n.id = np.node_id
      LEFT JOIN ${t("appraisal")} ap ON ap.commune_code = np.commune_code AND ap.criterion_id = n.id`,
    // A domain's rank among the units it applies to (competition rank of the published %), the
    // district average (mean of the exact %), that average on the unit's own maximum, the gap to it.
    `CREATE TEMP TABLE ${t("domains")} AS
      WITH d AS (
        SELECT s.commune_code, c.name AS commune_name, s.criterion_id AS domain_id, s.criterion_name AS domain_name,
          s.points, s.max_points, s.pct,
          CAST(rank() OVER (PARTITION BY s.criterion_id ORDER BY s.pct DESC) AS INTEGER) AS domain_rank,
          round2(avg(s.exact_pct) OVER (PARTITION BY s.criterion_id)) AS district_avg_pct
        FROM ${t("scores")} s JOIN ${t("communes")} c ON c.code = s.commune_code
        WHERE s.level = 1
      )
      SELECT *, round2(district_avg_pct * max_points / 100) AS district_avg_points,
        round2(pct - district_avg_pct) AS district_avg_gap
      FROM d`,
    // SIPAS: per element, the satisfied share of the valid citizens' answers over its questions.
    `CREATE TEMP TABLE ${t("satisfaction")} AS
      SELECT commune_code, sipas_element AS element, sum(valid) AS valid_answers, sum(satisfied) AS satisfied_answers
      FROM ${t("tallies")} WHERE panel = 'citizens' AND sipas_element IS NOT NULL
      GROUP BY ALL HAVING sum(valid) > 0`,
    `CREATE TEMP TABLE ${t("results")} AS
      WITH parts AS (
        SELECT c.code AS commune_code, c.name AS commune_name, c.type AS commune_type,
          sum(lp.points) AS points, sum(lp.max_points) AS max_points,
          coalesce(sum(lp.points) FILTER (WHERE lp.source = 'appraisal'), 0) AS appraisal_points,
          coalesce(sum(lp.points) FILTER (WHERE lp.source = 'survey'), 0) AS survey_points,
          coalesce(sum(ap.self_score) FILTER (WHERE lp.source = 'appraisal'), 0) AS self_points,
          count(*) FILTER (WHERE lp.source = 'appraisal' AND ap.appraised_score < ap.self_score) AS lowered_leaves
        FROM ${t("communes")} c JOIN ${t("leaf_points")} lp ON lp.commune_code = c.code
        LEFT JOIN ${t("appraisal")} ap ON ap.commune_code = c.code AND ap.criterion_id = lp.leaf_id
        GROUP BY ALL
      ),
      published AS (
        SELECT p.*, round2(100 * p.points / p.max_points) AS index_pct,
          (SELECT 100 * avg(sa.satisfied_answers / sa.valid_answers) FROM ${t("satisfaction")} sa
           WHERE sa.commune_code = p.commune_code) AS satisfaction
        FROM parts p
      )
      SELECT commune_code, commune_name, commune_type, index_pct,
        CAST(rank() OVER (ORDER BY index_pct DESC) AS INTEGER) AS rank,
        (SELECT arg_min(b.code, b.position) FROM ${t("bands")} b WHERE b.min_pct <= index_pct) AS band,
        round2(points) AS points, round2(max_points) AS max_points,
        round2(appraisal_points) AS appraisal_points, round2(survey_points) AS survey_points,
        round2(self_points) AS self_points, round2(self_points - appraisal_points) AS self_gap,
        CAST(lowered_leaves AS INTEGER) AS lowered_leaves, round2(satisfaction) AS satisfaction_pct,
        (SELECT CAST(count(*) AS INTEGER) FROM ${t("forms")} f WHERE f.commune_code = p.commune_code AND f.panel = 'citizens') AS n_citizens,
        (SELECT CAST(count(*) AS INTEGER) FROM ${t("forms")} f WHERE f.commune_code = p.commune_code AND f.panel = 'officials') AS n_officials
      FROM published p`,
  ];
}

/** Wilson score interval bounds of a share, in %, rounded; exactly 0 (100) at a share of 0 (1). */
const wilson = (satisfied: string, valid: string) => {
  const share = `(${satisfied}::DOUBLE / ${valid})`;
  const z2 = `${Z_95 * Z_95}`;
  const denominator = `(1 + ${z2} / ${valid})`;
  const centre = `((${share} + ${z2} / (2 * ${valid})) / ${denominator})`;
  const half = `((${Z_95} / ${denominator}) * sqrt(${share} * (1 - ${share}) / ${valid} + ${z2} / (4 * ${valid} * ${valid})))`;
  return {
    low: `CASE WHEN ${satisfied} = 0 THEN 0 ELSE round2(100 * greatest(0, ${centre} - ${half})) END`,
    high: `CASE WHEN ${satisfied} = ${valid} THEN 100 ELSE round2(100 * least(1, ${centre} + ${half})) END`,
  };
};

async function rows(connection: DuckDBConnection, sql: string): Promise<ReferenceRow[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader
    .getRowObjectsJS()
    .map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, typeof value === "bigint" ? Number(value) : value]),
      ),
    ) as ReferenceRow[];
}

async function layOutYear(connection: DuckDBConnection, folder: string, prefix: string): Promise<void> {
  const manifest = JSON.parse(await readFile(join(folder, "dataset.json"), "utf8")) as Manifest;
  const questions = await yearQuestions(connection, folder);
  const parameters = yearFiles(folder);
  for (const statement of yearStatements(prefix, manifest, questions)) {
    const used = Object.fromEntries(
      Object.entries(parameters).filter(([name]) => statement.includes(`$${name}`)),
    );
    await connection.run(statement, used);
  }
}

/**
 * Each group's units and average index: the plain mean of the units' unrounded index (100 × points /
 * maximum, every applicable leaf summed), rounded once; units with a blank group in none. Null when
 * communes.csv has no `group` column or no unit has a group.
 */
async function groupSummary(connection: DuckDBConnection, folder: string): Promise<ReferenceRow[] | null> {
  const file = join(folder, "communes.csv");
  const header = (await readFile(file, "utf8")).split(/\r?\n/u, 1)[0]!.replace(/^\uFEFF/u, "");
  if (!header.split(",").includes("group")) return null;
  const found = await rows(
    connection,
    `SELECT g."group" AS "group", CAST(count(*) AS INTEGER) AS communes,
       round2(avg(100 * u.points / u.max_points)) AS index_pct
     FROM read_csv(${quote(file)}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true) g
     JOIN (SELECT commune_code, sum(points) AS points, sum(max_points) AS max_points
           FROM cur_leaf_points GROUP BY commune_code) u ON u.commune_code = g.code
     WHERE coalesce(g."group", '') <> ''
     GROUP BY g."group"`,
  );
  const collator = new Intl.Collator("vi");
  return found.length === 0 ? null : found.sort((a, b) => collator.compare(String(a.group), String(b.group)));
}

/**
 * The reference tables of the year in `folder`; with `previousFolder`, the year-over-year changes
 * against that year's reference figures (communes by code, domains by id).
 */
export async function referenceTables(
  folder: string,
  previousFolder: string | null,
): Promise<ReferenceTables> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    // Half away from zero, a tie within 10⁻⁹ hundredths counting as a tie (binary error).
    await connection.run(
      `CREATE MACRO round2(x) AS CASE WHEN x IS NULL THEN NULL
         ELSE sign(x) * floor(abs(x) * 100 + 0.5 + 1e-9) / 100 + 0.0 END`,
    );
    await layOutYear(connection, folder, "cur");
    if (previousFolder !== null) await layOutYear(connection, previousFolder, "prev");
    const change = (current: string, before: string) =>
      previousFolder === null ? "NULL" : `round2(${current} - ${before})`;
    const previousJoin = (table: string, on: string) =>
      previousFolder === null ? "" : `LEFT JOIN prev_${table} p ON ${on}`;
    const satisfied = wilson("sa.satisfied_answers", "sa.valid_answers");
    const surveyWilson = wilson("t.satisfied", "t.valid");
    const elementNames = sipasElementNames.map((name, i) => `(${i + 1}, ${quote(name)})`).join(", ");
    return {
      results: await rows(
        connection,
        `SELECT r.*, ${change("r.index_pct", "p.index_pct")} AS index_change,
           ${previousFolder === null ? "NULL" : "p.rank - r.rank"} AS rank_change
         FROM cur_results r ${previousJoin("results", "p.commune_code = r.commune_code")}`,
      ),
      domains: await rows(
        connection,
        `SELECT d.*, ${change("d.pct", "p.pct")} AS pct_change
         FROM cur_domains d ${previousJoin("domains", "p.commune_code = d.commune_code AND p.domain_id = d.domain_id")}`,
      ),
      // Points lost: maximum − points of the published figures; a criterion's total over its units.
      scores: await rows(
        connection,
        `SELECT * EXCLUDE (exact_pct), round2(max_points - points) AS points_lost,
           round2(sum(max_points - points) OVER (PARTITION BY criterion_id)) AS district_points_lost
         FROM cur_scores`,
      ),
      satisfaction: await rows(
        connection,
        `SELECT sa.commune_code, sa.element, e.name AS element_name,
           CAST(sa.valid_answers AS INTEGER) AS valid_answers, CAST(sa.satisfied_answers AS INTEGER) AS satisfied_answers,
           round2(100 * sa.satisfied_answers / sa.valid_answers) AS satisfied_pct,
           ${satisfied.low} AS ci_low, ${satisfied.high} AS ci_high
         FROM cur_satisfaction sa JOIN (VALUES ${elementNames}) AS e(element, name) ON e.element = sa.element`,
      ),
      // A question measures satisfaction when its scale marks its options satisfied or not (true/false).
      survey: await rows(
        connection,
        `SELECT t.commune_code, t.panel, t.question_id, t.text AS question_text, t.criterion_id, t.sipas_element,
           CAST(t.forms AS INTEGER) AS forms, CAST(t.valid AS INTEGER) AS valid_answers,
           CAST(t.excluded AS INTEGER) AS excluded_answers, CAST(t.forms - t.valid - t.excluded AS INTEGER) AS no_answer,
           round2(t.mean_coefficient) AS mean_coefficient,
           CASE WHEN m.measures AND t.valid > 0 THEN round2(100 * t.satisfied / t.valid) END AS satisfied_pct,
           CASE WHEN m.measures AND t.valid > 0 THEN ${surveyWilson.low} END AS satisfied_ci_low,
           CASE WHEN m.measures AND t.valid > 0 THEN ${surveyWilson.high} END AS satisfied_ci_high
         FROM cur_tallies t JOIN (SELECT scale, bool_or(marked) AS measures FROM cur_scales GROUP BY scale) m
           ON m.scale = t.scale`,
      ),
      leaves: await rows(
        connection,
        `SELECT commune_code, leaf_id, source, max_points, points FROM cur_leaf_points`,
      ),
      // The district per element: every valid citizens' answer of the element's questions together.
      districtElements: await rows(
        connection,
        `SELECT t.sipas_element AS element, e.name AS element_name,
           CAST(sum(t.valid) AS INTEGER) AS valid_answers, CAST(sum(t.satisfied) AS INTEGER) AS satisfied_answers,
           round2(100 * sum(t.satisfied) / sum(t.valid)) AS satisfied_pct
         FROM cur_tallies t JOIN (VALUES ${elementNames}) AS e(element, name) ON e.element = t.sipas_element
         WHERE t.panel = 'citizens'
         GROUP BY ALL HAVING sum(t.valid) > 0 ORDER BY element`,
      ),
      citizensForms: Number(
        (await rows(connection, `SELECT count(*) AS forms FROM cur_forms WHERE panel = 'citizens'`))[0]!
          .forms,
      ),
      groupSummary: await groupSummary(connection, folder),
    };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
