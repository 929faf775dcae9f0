import { z } from "zod";
import { freeText, isoDate, optionalFreeText, optionalText, text } from "./cells.ts";

/** The steps of the district's plan (Kế hoạch triển khai xác định Chỉ số CCHC cấp xã), numbered 1–7. */
export const planStepCount = 7;

/**
 * A date as Excel in Vietnamese settings saves it (31/12/2023, also 1/2/2024) or as year-month-day
 * (2023-12-31), written `YYYY-MM-DD`; null for anything else. Whether the day is in the calendar
 * (no 30/02) and in a sane year is the shared date rule's (`isoDate`), as for every date of the data.
 */
export function isoFromPlanDate(value: string): string | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (local === null) return null;
  const [, day, month, year] = local as unknown as [string, string, string, string];
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

const date = z
  .string()
  .refine((value) => isoFromPlanDate(value) !== null, { error: "plan_date_format", abort: true })
  .transform((value) => isoFromPlanDate(value) as string)
  .pipe(isoDate);
const requiredDate = text.pipe(date);
const optionalDate = optionalText.pipe(date.nullable());

/** `plan.csv`: the steps of the year's plan, who carries each out, its deadline and when it was done. */
export const planRow = z.object({
  step: z
    .string()
    .regex(new RegExp(`^[1-${planStepCount}]$`), { error: "plan_step_unknown" })
    .transform(Number)
    .describe(`Số thứ tự bước trong kế hoạch, từ 1 đến ${planStepCount}; mỗi bước một dòng`),
  title: freeText("line").describe("Tên bước, chép đúng như trong kế hoạch"),
  lead: freeText("line").describe("Cơ quan chủ trì (hoặc cơ quan thực hiện)"),
  partners: optionalFreeText("line").describe(
    "Các cơ quan phối hợp, chép đúng như trong kế hoạch; để trống nếu không có",
  ),
  planned_start: optionalDate.describe(
    "Ngày bắt đầu theo kế hoạch (31/12/2023 hoặc 2023-12-31); để trống nếu kế hoạch chỉ ghi hạn chót",
  ),
  planned_end: requiredDate.describe(
    "Hạn hoàn thành theo kế hoạch (ngày cuối của tháng nếu kế hoạch ghi theo tháng)",
  ),
  done_on: optionalDate.describe("Ngày thực tế hoàn thành; để trống nếu chưa xong"),
  note: optionalFreeText("paragraph").describe("Ghi chú (được công bố)"),
});
export type PlanStep = z.output<typeof planRow>;
