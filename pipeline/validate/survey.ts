// The two survey files (điều tra xã hội học): answers within their question's scale, forms tied to
// known communes and groups, respondents within the plan, and every survey leaf answerable for every
// commune — without a valid answer its points, hence the index, cannot be computed.
import type { Commune } from "../../schemas/communes.ts";
import type { Group, Panel } from "../../schemas/groups.ts";
import type { Question } from "../../schemas/questions.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import { problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import type { CommuneIndex } from "./appraisal.ts";
import { unknownCommune } from "./appraisal.ts";
import { appliesTo, leafSource, type CriteriaTree } from "./criteria.ts";
import type { SurveyTable } from "./survey-columns.ts";

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

/** Foreign key to communes.csv, shared by both survey files. */
export function checkFormCommunes(
  file: string,
  table: SurveyTable,
  communes: CommuneIndex,
  problems: Problem[],
): void {
  const codes = table.fixed.commune_code ?? [];
  for (let r = 0; r < table.rows; r++) {
    const code = codes[r] as string;
    if (unknownCommune(communes, code)) {
      const line = table.line[r] as number;
      problems.push(problem("unknown_commune", { file, line, column: "commune_code", value: code }));
    }
  }
}

/** The values of one fixed column of a survey table (blank cells when the column is absent). */
function fixedColumn(table: SurveyTable, column: string): readonly string[] {
  return table.fixed[column] ?? new Array<string>(table.rows).fill("");
}

/** Groups, one rating per respondent and commune, and respondents per group against the plan. */
export function checkOfficials(
  table: SurveyTable,
  groups: readonly Group[] | null,
  problems: Problem[],
): void {
  const file = surveyFile.officials;
  const officialsGroups =
    groups === null ? null : new Map(groups.filter((g) => g.panel === "officials").map((g) => [g.code, g]));
  /** Per respondent: the group and line first seen, and the first line rating each commune. */
  const seen = new Map<string, { group: string; line: number; rated: Map<string, number> }>();
  const respondents = new Map<string, Set<string>>();
  const respondentCells = fixedColumn(table, "respondent_id");
  const groupCells = fixedColumn(table, "group");
  const communes = fixedColumn(table, "commune_code");
  for (let r = 0; r < table.rows; r++) {
    const respondent = respondentCells[r] as string;
    const group = groupCells[r] as string;
    const commune = communes[r] as string;
    const line = table.line[r] as number;
    if (officialsGroups !== null && /^[a-z][a-z0-9_]*$/.test(group) && !officialsGroups.has(group)) {
      problems.push(
        problem("unknown_group", { file, line, column: "group", value: group }, { panel: "officials" }),
      );
    }
    if (respondent === "") continue;
    let known = seen.get(respondent);
    if (known === undefined) seen.set(respondent, (known = { group, line, rated: new Map() }));
    else if (known.group !== group && group !== "") {
      const at = { file, line, column: "respondent_id", value: respondent };
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
      if (first === undefined) known.rated.set(commune, line);
      else {
        const at = { file, line, column: "respondent_id", value: respondent };
        problems.push(problem("duplicate_rating", at, { commune, first_line: first }));
      }
    }
    if (table.valid[r] === 1) respondents.set(group, (respondents.get(group) ?? new Set()).add(respondent));
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

export function panelForms(table: SurveyTable, lookup: ScaleLookup): PanelForms {
  // Per question column, which answer codes count (their option has a coefficient).
  const counted = table.questionColumns.map((id) => {
    const options = [...(lookup.get(id)?.values() ?? [])];
    return Uint8Array.from([0, ...options.map((o) => (o.coefficient === null ? 0 : 1))]);
  });
  const columns = table.questionColumns.length;
  const codes = fixedColumn(table, "commune_code");
  const communeIndex = new Map<string, number>();
  const forms: number[] = [];
  const flags: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    if (table.valid[r] !== 1) continue;
    const code = codes[r] as string;
    let c = communeIndex.get(code);
    if (c === undefined) {
      communeIndex.set(code, (c = forms.length));
      forms.push(0);
      for (let q = 0; q < columns; q++) flags.push(0);
    }
    forms[c]!++;
    for (let q = 0; q < columns; q++) {
      if (counted[q]![table.answers[q]![r]!] === 1) flags[c * columns + q] = 1;
    }
  }
  const count = new Map<string, number>();
  const answered = new Map<string, Set<string>>();
  for (const [code, c] of communeIndex) {
    count.set(code, forms[c]!);
    const questions = table.questionColumns.filter((_, q) => flags[c * columns + q] === 1);
    if (questions.length > 0) answered.set(code, new Set(questions));
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
