// The index of docs/methodology.md computed by native DuckDB in SQL over the same CSV files the pipeline
// reads: the benchmark's yardstick (issue 8). Point estimates only — no bootstrap, bands or
// satisfaction. DuckDB computes in doubles, so a commune whose exact index lies on a rounding tie
// (x.xx5) may round 0.01 apart from the pipeline's exact rationals; the benchmark reports such cases.
//
// Only the files the sample generator writes are in scope (UTF-8, `,`, `.` decimals): this is a
// yardstick for speed, not a second validator.
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/** One commune's point estimates, rounded half away from zero to 2 decimals like the published ones. */
export interface IndexEstimate {
  commune_code: string;
  index_pct: number;
  rank: number;
  points: number;
  max_points: number;
  appraisal_points: number;
  survey_points: number;
}

// Question ids become column names in SQL; the contract's pattern (schemas/questions.ts) makes
// them safe identifiers, and anything else is refused rather than quoted into a query.
const questionIdPattern = /^[A-Z]{2}\d{2,3}$/;

// Every read states its dialect and column types: codes stay VARCHAR so leading zeros survive.
export const csv = (path: string, types: string) =>
  `read_csv(${path}, header = true, delim = ',', quote = '"', escape = '"', types = {${types}})`;
const surveyCsv = (path: string) =>
  `read_csv(${path}, header = true, delim = ',', quote = '"', escape = '"', all_varchar = true)`;

/** The unpivoted answers of one panel's survey file: one row per non-blank answer cell. */
export function answersOf(panel: "officials" | "citizens", path: string, questionIds: string[]): string {
  const columns = questionIds.map((id) => `"${id}"`).join(", ");
  // UNPIVOT drops NULL cells, i.e. blank answers (read_csv reads an empty cell as NULL).
  return `SELECT commune_code, question_id, option, '${panel}' AS panel
    FROM (UNPIVOT (SELECT commune_code, ${columns} FROM ${surveyCsv(path)})
          ON ${columns} INTO NAME question_id VALUE option)`;
}

/** The whole of docs/methodology.md's point estimates, as one query over the year's CSV files. */
export function indexQuery(questions: { officials: string[]; citizens: string[] }): string {
  for (const id of [...questions.officials, ...questions.citizens]) {
    if (!questionIdPattern.test(id)) throw new Error(`question id not usable as a column: ${id}`);
  }
  if (questions.officials.length === 0 || questions.citizens.length === 0) {
    throw new Error("both survey panels need at least one question");
  }
  return `
WITH
communes AS (
  SELECT code, type FROM ${csv("$communes", "'code': 'VARCHAR', 'name': 'VARCHAR', 'type': 'VARCHAR', 'survey_quota': 'INTEGER'")}
),
criteria AS (
  SELECT id, max_points, source, coalesce(applies_to, 'all') AS applies_to
  FROM ${csv("$criteria", "'id': 'VARCHAR', 'name': 'VARCHAR', 'max_points': 'DOUBLE', 'source': 'VARCHAR', 'applies_to': 'VARCHAR'")}
),
-- applicable leaves: a leaf has a source; it applies to 'all' or to the commune's type
applicable AS (
  SELECT c.code AS commune_code, l.id AS leaf_id, l.max_points, l.source
  FROM communes c JOIN criteria l ON l.source IS NOT NULL AND l.applies_to IN ('all', c.type)
),
appraisal AS (
  SELECT commune_code, criterion_id, appraised_score
  FROM ${csv("$appraisal", "'commune_code': 'VARCHAR', 'criterion_id': 'VARCHAR', 'self_score': 'DOUBLE', 'appraised_score': 'DOUBLE', 'note': 'VARCHAR'")}
),
scales AS (
  SELECT scale, option, coefficient
  FROM ${csv("$scales", "'scale': 'VARCHAR', 'option': 'VARCHAR', 'label': 'VARCHAR', 'coefficient': 'DOUBLE', 'satisfied': 'VARCHAR'")}
),
questions AS (
  SELECT id, panel, criterion_id, scale
  FROM ${csv("$questions", "'id': 'VARCHAR', 'panel': 'VARCHAR', 'criterion_id': 'VARCHAR', 'scale': 'VARCHAR', 'text': 'VARCHAR', 'sipas_element': 'VARCHAR'")}
),
answers AS (
  ${answersOf("officials", "$officials", questions.officials)}
  UNION ALL
  ${answersOf("citizens", "$citizens", questions.citizens)}
),
-- m(c,q): mean coefficient of the valid answers (options with a coefficient) rating commune c
question_means AS (
  SELECT a.commune_code, q.criterion_id, q.id, avg(s.coefficient) AS mean_coefficient
  FROM answers a
  JOIN questions q ON q.id = a.question_id AND q.panel = a.panel
  JOIN scales s ON s.scale = q.scale AND s.option = a.option
  WHERE s.coefficient IS NOT NULL AND q.criterion_id IS NOT NULL
  GROUP BY a.commune_code, q.criterion_id, q.id
),
-- survey leaf points = max_points × mean over its questions of m(c,q)
leaf_points AS (
  SELECT ap.commune_code, ap.source, ap.max_points * avg(m.mean_coefficient) AS points
  FROM applicable ap
  JOIN question_means m ON m.commune_code = ap.commune_code AND m.criterion_id = ap.leaf_id
  WHERE ap.source = 'survey'
  GROUP BY ap.commune_code, ap.leaf_id, ap.source, ap.max_points
  UNION ALL
  SELECT ap.commune_code, ap.source, a.appraised_score
  FROM applicable ap
  JOIN appraisal a ON a.commune_code = ap.commune_code AND a.criterion_id = ap.leaf_id
  WHERE ap.source = 'appraisal'
),
-- the root's maximum is the sum of the applicable leaves' maxima (inner nodes sum their children)
maxima AS (
  SELECT commune_code, sum(max_points) AS max_points FROM applicable GROUP BY commune_code
),
totals AS (
  SELECT x.commune_code, x.max_points,
    coalesce(sum(p.points) FILTER (WHERE p.source = 'appraisal'), 0) AS appraisal_points,
    coalesce(sum(p.points) FILTER (WHERE p.source = 'survey'), 0) AS survey_points
  FROM maxima x LEFT JOIN leaf_points p ON p.commune_code = x.commune_code
  GROUP BY x.commune_code, x.max_points
),
-- round() on DOUBLE rounds half away from zero; each figure is rounded from its own full value
published AS (
  SELECT commune_code,
    round(100 * (appraisal_points + survey_points) / max_points, 2) AS index_pct,
    round(appraisal_points + survey_points, 2) AS points,
    round(max_points, 2) AS max_points,
    round(appraisal_points, 2) AS appraisal_points,
    round(survey_points, 2) AS survey_points
  FROM totals
)
-- competition rank by the published index: equal values share the best rank (1, 2, 2, 4)
SELECT commune_code, index_pct, CAST(rank() OVER (ORDER BY index_pct DESC) AS INTEGER) AS rank,
  points, max_points, appraisal_points, survey_points
FROM published
ORDER BY rank, commune_code`;
}

/** A year folder's input files, by the name each query binds them to (`$communes`, …). */
export function yearFiles(folder: string): Record<string, string> {
  const file = (name: string) => join(folder, name);
  return {
    communes: file("communes.csv"),
    criteria: file("criteria.csv"),
    appraisal: file("appraisal.csv"),
    scales: file("scales.csv"),
    questions: file("questions.csv"),
    officials: file("survey-officials.csv"),
    citizens: file("survey-citizens.csv"),
  };
}

/** The questions of a year folder: each one's id (a column of its panel's survey file) and panel. */
export async function yearQuestions(
  connection: DuckDBConnection,
  folder: string,
): Promise<{ id: string; panel: string }[]> {
  const reader = await connection.runAndReadAll(
    `SELECT id, panel FROM read_csv($path, header = true, delim = ',', quote = '"', all_varchar = true)`,
    { path: join(folder, "questions.csv") },
  );
  return reader.getRowObjectsJS() as { id: string; panel: string }[];
}

/** Runs indexQuery over the year folder's CSV files with a fresh in-memory DuckDB. */
export async function duckdbIndex(folder: string): Promise<IndexEstimate[]> {
  const instance = await DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    const questionRows = await yearQuestions(connection, folder);
    const idsOf = (panel: string) => questionRows.filter((q) => q.panel === panel).map((q) => q.id);
    const reader = await connection.runAndReadAll(
      indexQuery({ officials: idsOf("officials"), citizens: idsOf("citizens") }),
      yearFiles(folder),
    );
    return reader.getRowObjectsJS() as unknown as IndexEstimate[];
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
