// The two survey files (điều tra xã hội học): answers within their question's scale, forms tied to
// known communes and groups, respondents within the plan, and every survey leaf answerable for every
// commune — without a valid answer its points, hence the index, cannot be computed.
import type { Commune } from "../../schemas/communes.ts";
import type { Group, Panel } from "../../schemas/groups.ts";
import type { Question } from "../../schemas/questions.ts";
import type { ScaleOption } from "../../schemas/scales.ts";
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import type { CommuneIndex } from "./appraisal.ts";
import { unknownCommune } from "./appraisal.ts";
import { appliesTo, leafSource, type CriteriaTree } from "./criteria.ts";
import { hashCodes, HashSlots } from "./keys.ts";
import type { CodedColumn, SurveyTable } from "./survey-columns.ts";

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

/** Foreign key to communes.csv, shared by both survey files; each distinct code is looked up once. */
export function checkFormCommunes(
  file: string,
  table: SurveyTable,
  communes: CommuneIndex,
  problems: ProblemSink,
): void {
  const { values, codes } = fixedColumn(table, "commune_code");
  const unknown = values.map((code) => unknownCommune(communes, code));
  for (let r = 0; r < table.rows; r++) {
    if (!unknown[codes[r]!]) continue;
    const at = { file, line: table.line[r]!, column: "commune_code", value: values[codes[r]!]! };
    problems.push(problem("unknown_commune", at));
  }
}

/** One fixed column of a survey table (every cell blank when the file lacks it). */
function fixedColumn(table: SurveyTable, column: string): CodedColumn {
  return table.fixed[column] ?? { values: [""], codes: new Uint32Array(table.rows) };
}

/**
 * Groups, one rating per respondent and commune, and respondents per group against the plan. Works
 * on the columns' codes: the same cell, the same code.
 */
export function checkOfficials(
  table: SurveyTable,
  groups: readonly Group[] | null,
  problems: ProblemSink,
): void {
  const file = surveyFile.officials;
  const officialsGroups =
    groups === null ? null : new Map(groups.filter((g) => g.panel === "officials").map((g) => [g.code, g]));
  const respondents = fixedColumn(table, "respondent_id");
  const groupCells = fixedColumn(table, "group");
  const communes = fixedColumn(table, "commune_code");
  /** A group as the groups sheet names it ("Hội đồng nhân dân (hdnd)"), for a workbook's messages. */
  const groupName = (code: string) => {
    const name = officialsGroups?.get(code)?.name;
    return name === undefined ? code : `${name} (${code})`;
  };
  const unknownGroup = groupCells.values.map(
    (group) => officialsGroups !== null && /^[a-z][a-z0-9_]*$/.test(group) && !officialsGroups.has(group),
  );
  /** Per respondent: the group and line first seen (-1: not yet seen). */
  const firstGroup = new Int32Array(respondents.values.length).fill(-1);
  const firstLine = new Uint32Array(respondents.values.length);
  /** Rows by respondent × commune (the first rating of each), and valid rows by group × respondent. */
  const ratings = new HashSlots();
  const members = new HashSlots();
  ratings.reserve(table.rows);
  members.reserve(table.rows);
  /** Respondents of valid forms per group. */
  const perGroup = new Uint32Array(groupCells.values.length);
  for (let r = 0; r < table.rows; r++) {
    const respondent = respondents.codes[r]!;
    const group = groupCells.codes[r]!;
    const commune = communes.codes[r]!;
    const line = table.line[r]!;
    if (unknownGroup[group]) {
      const at = { file, line, column: "group", value: groupCells.values[group]! };
      problems.push(problem("unknown_group", at, { panel: "officials" }));
    }
    const respondentId = respondents.values[respondent]!;
    if (respondentId === "") continue;
    if (firstGroup[respondent] === -1) {
      firstGroup[respondent] = group;
      firstLine[respondent] = line;
    } else if (firstGroup[respondent] !== group && groupCells.values[group] !== "") {
      const at = { file, line, column: "respondent_id", value: respondentId };
      const expected = groupCells.values[firstGroup[respondent]!]!;
      const found = groupCells.values[group]!;
      problems.push(
        problem("respondent_group_changed", at, {
          expected,
          found,
          expected_name: groupName(expected),
          found_name: groupName(found),
          first_line: firstLine[respondent]!,
        }),
      );
    }
    if (communes.values[commune] !== "") {
      const first = firstWithPair(ratings, respondents.codes, communes.codes, r);
      if (first !== -1) {
        const at = { file, line, column: "respondent_id", value: respondentId };
        const params = { commune: communes.values[commune]!, first_line: table.line[first]! };
        problems.push(problem("duplicate_rating", at, params));
      }
    }
    if (table.valid[r] === 1 && firstWithPair(members, groupCells.codes, respondents.codes, r) === -1)
      perGroup[group]!++;
  }
  const groupCode = new Map(groupCells.values.map((group, code) => [group, code]));
  for (const group of officialsGroups?.values() ?? []) {
    const code = groupCode.get(group.code);
    const found = code === undefined ? 0 : perGroup[code]!;
    const at = { file, line: null, column: "group", value: group.code };
    const params = { found, expected: group.planned, group_name: groupName(group.code) };
    if (found > group.planned) problems.push(problem("respondents_above_planned", at, params));
    if (found < group.planned) problems.push(problem("respondents_below_planned", at, params));
  }
}

/** The first row before r with row r's codes in both columns, or -1 after adding r to `slots`. */
function firstWithPair(slots: HashSlots, a: Uint32Array, b: Uint32Array, r: number): number {
  let first = slots.find(hashCodes(a[r]!, b[r]!));
  while (first !== -1 && (a[first] !== a[r] || b[first] !== b[r])) first = slots.next();
  if (first === -1) slots.add(r);
  return first;
}

export interface PanelForms {
  /** Valid forms per commune code. */
  count: Map<string, number>;
  /**
   * Whether the commune's valid forms hold a counted answer (an option with a coefficient) to the
   * question: read from a flag per commune and question, not a set of questions per commune (ten
   * thousand of them at national scale).
   */
  answered: (commune: string, question: string) => boolean;
}

export function panelForms(table: SurveyTable, lookup: ScaleLookup): PanelForms {
  // Per question column, which answer codes count (their option has a coefficient).
  const counted = table.questionColumns.map((id) => {
    const options = [...(lookup.get(id)?.values() ?? [])];
    return Uint8Array.from([0, ...options.map((o) => (o.coefficient === null ? 0 : 1))]);
  });
  const columns = table.questionColumns.length;
  const { values, codes } = fixedColumn(table, "commune_code");
  /** Communes by their code in the column, numbered in order of their first valid form (-1: none). */
  const communeIndex = new Int32Array(values.length).fill(-1);
  const order: number[] = [];
  const forms: number[] = [];
  /** Per commune (numbered as in `order`) and question column: 1 once it has a counted answer. */
  const flags = new Uint8Array(values.length * columns);
  /** Per commune, its questions without a counted answer yet. */
  const unanswered: number[] = [];
  for (let r = 0; r < table.rows; r++) {
    if (table.valid[r] !== 1) continue;
    let c = communeIndex[codes[r]!]!;
    if (c === -1) {
      communeIndex[codes[r]!] = c = order.length;
      order.push(codes[r]!);
      forms.push(0);
      unanswered.push(columns);
    }
    forms[c]!++;
    // Once every question of a commune has a counted answer, its further forms only add to the
    // count: the first few forms of a commune usually answer all, and a million forms' answers
    // need not all be read.
    if (unanswered[c] === 0) continue;
    for (let q = 0; q < columns; q++) {
      if (flags[c * columns + q] === 0 && counted[q]![table.answers[q]![r]!] === 1) {
        flags[c * columns + q] = 1;
        unanswered[c]!--;
      }
    }
  }
  const count = new Map<string, number>();
  const numbers = new Map<string, number>();
  order.forEach((code, c) => {
    count.set(values[code]!, forms[c]!);
    numbers.set(values[code]!, c);
  });
  const questionAt = new Map(table.questionColumns.map((id, q) => [id, q]));
  const answered = (commune: string, question: string) => {
    const c = numbers.get(commune);
    const q = questionAt.get(question);
    return c !== undefined && q !== undefined && flags[c * columns + q] === 1;
  };
  return { count, answered };
}

/** Citizens' forms against each commune's quota. */
export function checkQuotas(communes: readonly Commune[], citizens: PanelForms, problems: ProblemSink): void {
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
  problems: ProblemSink,
): void {
  const questionsOf = new Map<string, Question[]>();
  for (const q of questions) {
    if (q.criterion_id !== null)
      questionsOf.set(q.criterion_id, [...(questionsOf.get(q.criterion_id) ?? []), q]);
  }
  // The survey leaves with a question column present, and their questions: the same for every commune.
  const leaves = [...tree.byId].flatMap(([id, criterion]) => {
    const leafQuestions = questionsOf.get(id) ?? [];
    const first = leafQuestions[0];
    if (leafSource(tree, id) !== "survey" || first === undefined) return [];
    if (!leafQuestions.some((q) => columns.has(q.id))) return [];
    return [{ id, criterion, leafQuestions, panel: first.panel }];
  });
  for (const commune of communes) {
    let officialsMissing = false;
    for (const { id, criterion, leafQuestions, panel } of leaves) {
      if (!appliesTo(criterion, commune.type)) continue;
      const params = { commune: commune.code, name: commune.name, criterion: id };
      const at = { file: surveyFile[panel], line: null, column: "commune_code", value: commune.code };
      // No form at all is one problem per commune (quota or no_officials_forms), not one per leaf.
      if ((forms[panel].count.get(commune.code) ?? 0) === 0) {
        if (panel === "officials" && !officialsMissing)
          problems.push(problem("no_officials_forms", at, params));
        officialsMissing ||= panel === "officials";
        continue;
      }
      const answered = leafQuestions.some((q) => forms[q.panel].answered(commune.code, q.id));
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
