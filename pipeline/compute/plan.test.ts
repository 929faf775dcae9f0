import { describe, expect, it } from "vitest";
import type { PlanStep } from "../../schemas/plan.ts";
import { plannedPeriod, publishedPlan, surveyTotals } from "./plan.ts";

const step = (planned_start: string | null, planned_end: string, done_on: string | null): PlanStep => ({
  step: 1,
  title: "Tổng hợp, xây dựng báo cáo",
  lead: "Phòng Nội vụ",
  partners: null,
  planned_start,
  planned_end,
  done_on,
  note: null,
});

describe("the plan as published", () => {
  it("says the planned time as the plan does", () => {
    expect(plannedPeriod("2023-12-01", "2023-12-31")).toBe("Tháng 12/2023");
    expect(plannedPeriod("2024-01-01", "2024-02-29")).toBe("Tháng 01–02/2024");
    expect(plannedPeriod("2023-12-01", "2024-01-31")).toBe("Tháng 12/2023–01/2024");
    expect(plannedPeriod(null, "2024-01-10")).toBe("Chậm nhất ngày 10/01/2024");
    // 2024-02-28 is not the end of February 2024 (a leap year), so the dates are given.
    expect(plannedPeriod("2024-02-01", "2024-02-28")).toBe("Từ 01/02/2024 đến 28/02/2024");
  });

  it("on time on the deadline itself, late by whole days after it, not done without a date", () => {
    const published = publishedPlan([
      step(null, "2024-01-10", "2024-01-10"),
      step(null, "2024-01-10", "2024-01-12"),
      step("2024-02-01", "2024-02-29", "2024-03-01"),
      step("2024-03-01", "2024-03-31", null),
    ]);
    expect(published?.map((s) => [s.status, s.days_late])).toEqual([
      ["on_time", null],
      ["late", 2],
      ["late", 1],
      ["not_done", null],
    ]);
    expect(publishedPlan(null)).toBeNull();
  });

  it("sums the survey's planned and achieved people; one quota per unit only when all agree", () => {
    const design = [
      { group: "hdnd", name: "Đại biểu HĐND huyện", panel: "officials" as const, planned: 30, achieved: 29 },
      { group: "nguoi_dan", name: "Người dân", panel: "citizens" as const, planned: 120, achieved: 118 },
    ];
    const quota = (commune_code: string, survey_quota: number) => ({
      commune_code,
      survey_quota,
      citizens_forms: 59,
    });
    expect(surveyTotals(design, [quota("00001", 60), quota("00002", 60)])).toEqual({
      planned: 150,
      achieved: 147,
      quota_per_commune: 60,
    });
    expect(surveyTotals(design, [quota("00001", 60), quota("00002", 50)]).quota_per_commune).toBeNull();
  });
});
