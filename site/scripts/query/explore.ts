// The SQL of /kham-pha/. Filter values are always bound parameters; an absent filter leaves its
// fixed condition out of the statement (the conditions themselves are written here, not taken
// from the user). Officials' answers are read only from the published counts (survey_options).
import type { PublishedData, QueryParam } from "./engine.ts";
import type { ExploreCatalogue, Panel } from "../state/explore.ts";

/** The tables /kham-pha/ loads. */
export const exploreTables = ["results", "survey", "survey_options", "responses"] as const;

/** Fixed SQL conditions joined with AND, with their values in placeholder order. */
function conditions(parts: [sql: string, value: QueryParam | undefined | null][]): {
  where: string;
  params: QueryParam[];
} {
  const used = parts.filter(([, value]) => value !== undefined && value !== null);
  return { where: used.map(([sql]) => sql).join(" AND "), params: used.map(([, value]) => value ?? null) };
}

/** Questions (by panel and id) with their answer options, and the communes that can be chosen. */
export async function exploreCatalogue(
  data: PublishedData,
): Promise<ExploreCatalogue & { communes: { code: string; name: string }[] }> {
  const [questions, options, communes] = await Promise.all([
    data.query<{ panel: Panel; question_id: string; question_text: string }>(
      `SELECT DISTINCT panel, question_id, question_text FROM survey ORDER BY panel = 'officials', question_id`,
    ),
    data.query<{ question_id: string; option: string; option_label: string }>(
      `SELECT DISTINCT question_id, option, option_label FROM survey_options ORDER BY question_id, option`,
    ),
    data.query<{ code: string; name: string }>(
      `SELECT commune_code AS code, commune_name AS name FROM results`,
    ),
  ]);
  return {
    questions: questions.map((question) => ({
      id: question.question_id,
      panel: question.panel,
      text: question.question_text,
      options: options
        .filter((option) => option.question_id === question.question_id)
        .map((option) => ({ option: option.option, label: option.option_label })),
    })),
    communeCodes: new Set(communes.map((commune) => commune.code)),
    communes,
  };
}

export interface AnswerCount {
  option: string;
  option_label: string;
  count: number;
}

/** How many answers each option of a question received (one commune or the whole district). */
export function answerDistribution(
  data: PublishedData,
  filter: { panel: Panel; question: string; commune: string | null },
): Promise<AnswerCount[]> {
  const { where, params } = conditions([
    ["panel = ?", filter.panel],
    ["question_id = ?", filter.question],
    ["commune_code = ?", filter.commune],
  ]);
  return data.query<AnswerCount>(
    `SELECT option, any_value(option_label) AS option_label, CAST(sum(count) AS INTEGER) AS count
       FROM survey_options
      WHERE ${where}
      GROUP BY option
      ORDER BY option`,
    params,
  );
}

export interface FormTotals {
  forms: number;
  no_answer: number;
}

/** Forms that rated the commune(s) and how many left the question blank. */
export async function formTotals(
  data: PublishedData,
  filter: { panel: Panel; question: string; commune: string | null },
): Promise<FormTotals> {
  const { where, params } = conditions([
    ["panel = ?", filter.panel],
    ["question_id = ?", filter.question],
    ["commune_code = ?", filter.commune],
  ]);
  const [totals] = await data.query<FormTotals>(
    `SELECT CAST(coalesce(sum(forms), 0) AS INTEGER) AS forms, CAST(coalesce(sum(no_answer), 0) AS INTEGER) AS no_answer
       FROM survey WHERE ${where}`,
    params,
  );
  return totals ?? { forms: 0, no_answer: 0 };
}

export interface CrossCount {
  row_option: string;
  column_option: string;
  count: number;
}

/**
 * Citizens' answers to `question` (rows) against `crossQuestion` (columns): the same form is the
 * same commune and response number. Optionally one commune, and only the forms that answered
 * `answer` to `question`.
 */
export function crossTabulation(
  data: PublishedData,
  filter: { question: string; crossQuestion: string; commune: string | null; answer: string | null },
): Promise<CrossCount[]> {
  const { where, params } = conditions([
    ["a.question_id = ?", filter.question],
    ["b.question_id = ?", filter.crossQuestion],
    ["a.commune_code = ?", filter.commune],
    ["a.option = ?", filter.answer],
  ]);
  return data.query<CrossCount>(
    `SELECT a.option AS row_option, b.option AS column_option, CAST(count(*) AS INTEGER) AS count
       FROM responses a
       JOIN responses b ON a.commune_code = b.commune_code AND a.response_no = b.response_no
      WHERE ${where}
      GROUP BY a.option, b.option
      ORDER BY a.option, b.option`,
    params,
  );
}

/** One downloadable row: a citizen's answer, or an option's count for officials. */
export interface FilteredRow {
  commune_code: string;
  commune_name: string;
  response_no?: number;
  question_id: string;
  option: string;
  option_label: string;
  count?: number;
}

export const citizenRowColumns = [
  "commune_code",
  "commune_name",
  "response_no",
  "question_id",
  "option",
  "option_label",
] as const satisfies readonly (keyof FilteredRow)[];
export const officialsRowColumns = [
  "commune_code",
  "commune_name",
  "question_id",
  "option",
  "option_label",
  "count",
] as const satisfies readonly (keyof FilteredRow)[];

/** The rows behind the current view, as a user downloads them. */
export function filteredRows(
  data: PublishedData,
  filter: { panel: Panel; question: string; commune: string | null; answer: string | null },
): Promise<FilteredRow[]> {
  if (filter.panel === "citizens") {
    const { where, params } = conditions([
      ["r.question_id = ?", filter.question],
      ["r.commune_code = ?", filter.commune],
      ["r.option = ?", filter.answer],
    ]);
    return data.query<FilteredRow>(
      `SELECT r.commune_code, c.commune_name, r.response_no, r.question_id, r.option, o.option_label
         FROM responses r
         JOIN results c ON c.commune_code = r.commune_code
         LEFT JOIN (SELECT DISTINCT question_id, option, option_label FROM survey_options) o
           ON o.question_id = r.question_id AND o.option = r.option
        WHERE ${where}
        ORDER BY r.commune_code, r.response_no`,
      params,
    );
  }
  const { where, params } = conditions([
    ["s.panel = ?", "officials"],
    ["s.question_id = ?", filter.question],
    ["s.commune_code = ?", filter.commune],
    ["s.option = ?", filter.answer],
  ]);
  return data.query<FilteredRow>(
    `SELECT s.commune_code, c.commune_name, s.question_id, s.option, s.option_label, CAST(s.count AS INTEGER) AS count
       FROM survey_options s
       JOIN results c ON c.commune_code = s.commune_code
      WHERE ${where}
      ORDER BY s.commune_code, s.option`,
    params,
  );
}
