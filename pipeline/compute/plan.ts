// The year's plan as published: each step's planned time in the words the plan uses, and whether it
// was done by its deadline. Dates are `YYYY-MM-DD`, so they compare and subtract as UTC days.
import type { PlanStep } from "../../schemas/plan.ts";
import type {
  PublishedPlanStep,
  SurveyDesignRow,
  SurveyQuota,
  SurveyTotals,
} from "../../schemas/published-manifest.ts";

const dayMs = 86_400_000;
const utc = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const yearOf = (iso: string) => iso.slice(0, 4);
const monthOf = (iso: string) => iso.slice(5, 7);
const dayOf = (iso: string) => iso.slice(8, 10);
const dmy = (iso: string) => `${dayOf(iso)}/${monthOf(iso)}/${yearOf(iso)}`;
const isMonthStart = (iso: string) => dayOf(iso) === "01";
const isMonthEnd = (iso: string) => new Date(utc(iso) + dayMs).getUTCDate() === 1;

/** "Tháng 12/2023", "Tháng 01–02/2024", "Tháng 12/2023–01/2024", "Chậm nhất ngày 10/01/2024", "Từ … đến …". */
export function plannedPeriod(start: string | null, end: string): string {
  if (start === null) return `Chậm nhất ngày ${dmy(end)}`;
  if (!isMonthStart(start) || !isMonthEnd(end)) return `Từ ${dmy(start)} đến ${dmy(end)}`;
  const [startMonth, endMonth] = [`${monthOf(start)}/${yearOf(start)}`, `${monthOf(end)}/${yearOf(end)}`];
  if (startMonth === endMonth) return `Tháng ${endMonth}`;
  if (yearOf(start) === yearOf(end)) return `Tháng ${monthOf(start)}–${endMonth}`;
  return `Tháng ${startMonth}–${endMonth}`;
}

export function publishedPlan(plan: readonly PlanStep[] | null): PublishedPlanStep[] | null {
  if (plan === null) return null;
  return plan.map((step) => {
    const late =
      step.done_on === null ? null : Math.round((utc(step.done_on) - utc(step.planned_end)) / dayMs);
    return {
      step: step.step,
      title: step.title,
      lead: step.lead,
      partners: step.partners,
      planned_start: step.planned_start,
      planned_end: step.planned_end,
      planned_period: plannedPeriod(step.planned_start, step.planned_end),
      done_on: step.done_on,
      status: late === null ? "not_done" : late > 0 ? "late" : "on_time",
      days_late: late !== null && late > 0 ? late : null,
      note: step.note,
    };
  });
}

export function surveyTotals(
  design: readonly SurveyDesignRow[],
  quotas: readonly SurveyQuota[],
): SurveyTotals {
  const quota = quotas[0]?.survey_quota ?? null;
  return {
    planned: design.reduce((sum, group) => sum + group.planned, 0),
    achieved: design.reduce((sum, group) => sum + group.achieved, 0),
    quota_per_commune: quotas.every((q) => q.survey_quota === quota) ? quota : null,
  };
}
