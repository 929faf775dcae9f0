// The rules of plan.csv across its rows: every step of the plan listed once, and dates in order.
// Dates are `YYYY-MM-DD` once parsed, so they compare as text.
import { planStepCount, type PlanStep } from "../../schemas/plan.ts";
import { problem } from "../messages.ts";
import type { ProblemSink } from "../problem.ts";
import { duplicateKeys } from "./keys.ts";
import type { ParsedRow } from "./rows.ts";

const file = "plan.csv";

export function checkPlan(rows: readonly ParsedRow<PlanStep>[], problems: ProblemSink): void {
  duplicateKeys(file, rows, ["step"], problems);
  for (const { line, raw, value } of rows) {
    if (value === null || value.planned_start === null) continue;
    if (value.planned_end < value.planned_start) {
      problems.push(
        problem(
          "plan_end_before_start",
          { file, line, column: "planned_end", value: raw.planned_end ?? "" },
          { start: raw.planned_start ?? "" },
        ),
      );
    }
    if (value.done_on !== null && value.done_on < value.planned_start) {
      problems.push(
        problem(
          "plan_done_before_start",
          { file, line, column: "done_on", value: raw.done_on ?? "" },
          { start: raw.planned_start ?? "" },
        ),
      );
    }
  }
  // A step whose number cell is invalid is reported there; only numbers nobody wrote are missing.
  const written = new Set(rows.map((row) => row.raw.step));
  const missing = Array.from({ length: planStepCount }, (_, i) => String(i + 1)).filter(
    (s) => !written.has(s),
  );
  if (missing.length > 0) {
    problems.push(
      problem("plan_step_missing", { file, line: null, column: "step" }, { steps: missing.join(", ") }),
    );
  }
}
