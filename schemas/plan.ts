import { z } from "zod";
import { optionalText, text } from "./cells.ts";

/** The steps of the district's plan (Kế hoạch triển khai xác định Chỉ số CCHC cấp xã), numbered 1–7. */
export const planStepCount = 7;

/**
 * A calendar date as Excel in Vietnamese settings saves it (31/12/2023, also 1/2/2024) or as
 * year-month-day (2023-12-31); it becomes `YYYY-MM-DD`. A date that is not in the calendar
 * (30/02/2024) is refused: the planned month and "late or on time" are read from it.
 */
export function parseDate(value: string): string | "format" | "calendar" {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const local = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : null;
  if (parts === null) return "format";
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return "calendar";
  }
  return date.toISOString().slice(0, 10);
}

/** A date cell; `parseDate` is run once per check, which costs nothing on a seven-row file. */
const date = z
  .string()
  .refine((value) => parseDate(value) !== "format", { error: "plan_date_format" })
  .refine((value) => parseDate(value) !== "calendar", { error: "date_not_in_calendar" })
  .transform((value) => parseDate(value));
const requiredDate = text.pipe(date);
const optionalDate = optionalText.pipe(date.nullable());

/** `plan.csv`: the steps of the year's plan, who carries each out, its deadline and when it was done. */
export const planRow = z.object({
  step: z
    .string()
    .regex(new RegExp(`^[1-${planStepCount}]$`), { error: "plan_step_unknown" })
    .transform(Number)
    .describe(`Số thứ tự bước trong kế hoạch, từ 1 đến ${planStepCount}; mỗi bước một dòng`),
  title: text.describe("Tên bước, chép đúng như trong kế hoạch"),
  lead: text.describe("Cơ quan chủ trì (hoặc cơ quan thực hiện)"),
  partners: optionalText.describe(
    "Các cơ quan phối hợp, chép đúng như trong kế hoạch; để trống nếu không có",
  ),
  planned_start: optionalDate.describe(
    "Ngày bắt đầu theo kế hoạch (31/12/2023 hoặc 2023-12-31); để trống nếu kế hoạch chỉ ghi hạn chót",
  ),
  planned_end: requiredDate.describe(
    "Hạn hoàn thành theo kế hoạch (ngày cuối của tháng nếu kế hoạch ghi theo tháng)",
  ),
  done_on: optionalDate.describe("Ngày thực tế hoàn thành; để trống nếu chưa xong"),
  note: optionalText.describe("Ghi chú (được công bố)"),
});
export type PlanStep = z.output<typeof planRow>;
