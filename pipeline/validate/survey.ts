// The two survey files (điều tra xã hội học): answers within their question's scale, forms tied to
// known communes and groups, respondents within the plan, and every survey leaf answerable for every
// commune — without a valid answer its points, hence the index, cannot be computed.
import type { Commune } from "../../schemas/communes.ts";
import type { Group, Panel } from "../../schemas/groups.ts";
import type { Question } from "../../schemas/questions.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import type { Answers } from "../../schemas/survey.ts";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import type { CsvTable } from "../read/csv.ts";
import type { CommuneIndex } from "./appraisal.ts";
import { unknownCommune } from "./appraisal.ts";
import { appliesTo, leafSource, type CriteriaTree } from "./criteria.ts";
import type { ParsedRow } from "./rows.ts";

export const surveyFile = { officials: "survey-officials.csv", citizens: "survey-citizens.csv" } as const;

/** The options of each question's scale; null when the scale is unknown (reported on questions.csv). */
export type ScaleLookup = Map<string, Map<string, ScaleOption> | null>;

export function scaleLookup(questions: readonly Question[], scales: readonly ScaleOption[]): ScaleLookup {
  const byScale = new Map<string, Map<string, ScaleOption>>();
  for (const option of scales) {
    const options = byScale.get(option.scale) ?? new Map<string, ScaleOption>();
    options.set(option.option, option);
    byScale.set(option.scale, options);
  }
  return new Map(questions.map((q) => [q.id, byScale.get(q.scale) ?? null]));
}

/** Each row's answers (blanks absent); an option outside the question's scale is reported and dropped. */
export function readAnswers(
  file: string,
  table: CsvTable,
  lookup: ScaleLookup | null,
  problems: Problem[],
): Answers[] {
  const columns = table.questionColumns.map((id) => ({
    id,
    at: table.index.get(id) as number,
    options: lookup?.get(id) ?? null,
  }));
  return table.rows.map((row) => {
    const answers: Answers = {};
    for (const { id, at, options } of columns) {
      const option = row.cells[at] as string;
      if (option === "") continue;
      if (options !== null && !options.has(option)) {
        const allowed = [...options.keys()].join(", ");
        const scale = options.values().next().value?.scale ?? "";
        problems.push(
          problem(
            "unknown_option",
            { file, line: row.line, column: id, value: option },
            { scale, options: allowed },
          ),
        );
        continue;
      }
      answers[id] = option;
    }
    return answers;
  });
}

/** Foreign key to communes.csv, shared by both survey files. */
export function checkFormCommunes(
  file: string,
  rows: readonly ParsedRow<unknown>[],
  communes: CommuneIndex,
  problems: Problem[],
): void {
  for (const row of rows) {
    const code = row.raw.commune_code ?? "";
    if (unknownCommune(communes, code)) {
      problems.push(
        problem("unknown_commune", { file, line: row.line, column: "commune_code", value: code }),
      );
    }
  }
}

interface OfficialsFixed {
  respondent_id: string;
  group: string;
  commune_code: string;
}

/** Groups, one rating per respondent and commune, and respondents per group against the plan. */
export function checkOfficials(
  rows: readonly ParsedRow<OfficialsFixed>[],
  groups: readonly Group[] | null,
  problems: Problem[],
): void {
  const file = surveyFile.officials;
  const officialsGroups =
    groups === null ? null : new Map(groups.filter((g) => g.panel === "officials").map((g) => [g.code, g]));
  /** Per respondent: the group and line first seen, and the first line rating each commune. */
  const seen = new Map<string, { group: string; line: number; rated: Map<string, number> }>();
  const respondents = new Map<string, Set<string>>();
  for (const row of rows) {
    const { respondent_id: respondent = "", group = "", commune_code: commune = "" } = row.raw;
    if (officialsGroups !== null && /^[a-z][a-z0-9_]*$/.test(group) && !officialsGroups.has(group)) {
      problems.push(
        problem(
          "unknown_group",
          { file, line: row.line, column: "group", value: group },
          { panel: "officials" },
        ),
      );
    }
    if (respondent === "") continue;
    let known = seen.get(respondent);
    if (known === undefined) seen.set(respondent, (known = { group, line: row.line, rated: new Map() }));
    else if (known.group !== group && group !== "") {
      const at = { file, line: row.line, column: "respondent_id", value: respondent };
      problems.push(
        problem("respondent_group_changed", at, {
          expected: known.group,
          found: group,
          first_line: known.line,
        }),
      );
    }
    if (commune !== "") {
      const first = known.rated.get(commune);
      if (first === undefined) known.rated.set(commune, row.line);
      else {
        const at = { file, line: row.line, column: "respondent_id", value: respondent };
        problems.push(problem("duplicate_rating", at, { commune, first_line: first }));
      }
    }
    if (row.value !== null) respondents.set(group, (respondents.get(group) ?? new Set()).add(respondent));
  }
  for (const group of officialsGroups?.values() ?? []) {
    const found = respondents.get(group.code)?.size ?? 0;
    const at = { file, line: null, column: "group", value: group.code };
    if (found > group.planned)
      problems.push(problem("respondents_above_planned", at, { found, expected: group.planned }));
    if (found < group.planned)
      problems.push(problem("respondents_below_planned", at, { found, expected: group.planned }));
  }
}

export interface PanelForms {
  /** Valid forms per commune code. */
  count: Map<string, number>;
  /** Questions with at least one counted answer (an option with a coefficient), per commune code. */
  answered: Map<string, Set<string>>;
}

export function panelForms(
  forms: readonly { commune_code: string; answers: Answers }[],
  lookup: ScaleLookup,
): PanelForms {
  // Per question, the options that count (have a coefficient): one Set lookup per answer.
  const counted = new Map<string, Set<string>>();
  for (const [question, options] of lookup) {
    counted.set(
      question,
      new Set([...(options?.values() ?? [])].filter((o) => o.coefficient !== null).map((o) => o.option)),
    );
  }
  const count = new Map<string, number>();
  const answered = new Map<string, Set<string>>();
  for (const form of forms) {
    const commune = form.commune_code;
    count.set(commune, (count.get(commune) ?? 0) + 1);
    let questions = answered.get(commune);
    for (const question in form.answers) {
      if (questions?.has(question) || !counted.get(question)?.has(form.answers[question] as string)) continue;
      if (questions === undefined) answered.set(commune, (questions = new Set()));
      questions.add(question);
    }
  }
  return { count, answered };
}

/** Citizens' forms against each commune's quota. */
export function checkQuotas(communes: readonly Commune[], citizens: PanelForms, problems: Problem[]): void {
  const file = surveyFile.citizens;
  for (const commune of communes) {
    const found = citizens.count.get(commune.code) ?? 0;
    const params = { commune: commune.code, name: commune.name, found, expected: commune.survey_quota };
    const at = { file, line: null, column: "commune_code", value: commune.code };
    if (found === 0) problems.push(problem("no_citizen_forms", at, params));
    else if (found < commune.survey_quota) problems.push(problem("forms_below_quota", at, params));
  }
}

/** Every applicable survey leaf of every commune has a counted answer to one of its questions. */
export function checkAnswerable(
  communes: readonly Commune[],
  tree: CriteriaTree,
  questions: readonly Question[],
  forms: Record<Panel, PanelForms>,
  /** Question columns present in the survey files: a missing column is reported once, on its header. */
  columns: ReadonlySet<string>,
  problems: Problem[],
): void {
  const questionsOf = new Map<string, Question[]>();
  for (const q of questions) {
    if (q.criterion_id !== null)
      questionsOf.set(q.criterion_id, [...(questionsOf.get(q.criterion_id) ?? []), q]);
  }
  for (const commune of communes) {
    let officialsMissing = false;
    for (const [id, criterion] of tree.byId) {
      if (leafSource(tree, id) !== "survey" || !appliesTo(criterion, commune.type)) continue;
      const leafQuestions = questionsOf.get(id) ?? [];
      const first = leafQuestions[0];
      if (first === undefined || !leafQuestions.some((q) => columns.has(q.id))) continue;
      const panel = forms[first.panel];
      const params = { commune: commune.code, name: commune.name, criterion: id };
      const at = { file: surveyFile[first.panel], line: null, column: "commune_code", value: commune.code };
      // No form at all is one problem per commune (quota or no_officials_forms), not one per leaf.
      if ((panel.count.get(commune.code) ?? 0) === 0) {
        if (first.panel === "officials" && !officialsMissing)
          problems.push(problem("no_officials_forms", at, params));
        officialsMissing ||= first.panel === "officials";
        continue;
      }
      const answered = leafQuestions.some((q) => forms[q.panel].answered.get(commune.code)?.has(q.id));
      if (!answered) {
        problems.push(
          problem("leaf_unanswerable", at, {
            ...params,
            questions: leafQuestions.map((q) => q.id).join(", "),
          }),
        );
      }
    }
  }
}
