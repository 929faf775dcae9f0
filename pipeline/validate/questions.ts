// questions.csv against the criteria tree and scales.csv: every question names an existing scale,
// scores a survey leaf (or nothing), and every survey leaf has a question to be scored by.
import type { Question } from "../../schemas/questions.ts";
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import { leafSource, type CriteriaTree } from "./criteria.ts";
import type { ParsedRow } from "./rows.ts";

const file = "questions.csv";

export function checkQuestions(
  rows: readonly ParsedRow<Question>[],
  tree: CriteriaTree | null,
  scaleNames: ReadonlySet<string> | null,
  problems: ProblemSink,
): void {
  for (const row of rows) {
    const question = row.value;
    if (question === null) continue;
    if (scaleNames !== null && !scaleNames.has(question.scale)) {
      problems.push(
        problem("unknown_scale", { file, line: row.line, column: "scale", value: question.scale }),
      );
    }
    const criterion = question.criterion_id;
    if (tree === null || criterion === null) continue;
    const at = { file, line: row.line, column: "criterion_id", value: criterion };
    if (!tree.ids.has(criterion)) problems.push(problem("unknown_criterion", at));
    else if (tree.byId.has(criterion) && leafSource(tree, criterion) !== "survey") {
      problems.push(problem("question_not_survey_leaf", at));
    }
  }
  if (tree === null) return;
  const scored = new Set(rows.map((r) => r.raw.criterion_id ?? ""));
  for (const [id] of tree.byId) {
    if (leafSource(tree, id) === "survey" && !scored.has(id)) {
      problems.push(
        problem("survey_leaf_without_question", { file, line: null, column: "criterion_id", value: id }),
      );
    }
  }
}
