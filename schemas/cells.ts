// Cell-level building blocks shared by the input schemas. Each schema describes one CSV row as the
// reader hands it over (trimmed, NFC text cells) and what it becomes once parsed. Every check carries
// a problem code from pipeline/messages.ts as its error, so validation can report it in both languages.
import { z } from "zod";
import { fitText, type TextKind } from "./text.ts";

/** A required text cell. */
export const text = z.string().min(1, { error: "required" });

/** A cell that may be blank; blank becomes null. */
export const optionalText = z.string().transform((s) => (s === "" ? null : s));

/** A required free text that is published, held to its kind's characters and length (schemas/text.ts). */
export function freeText(kind: TextKind) {
  return fitText(z.string().min(1, { error: "required" }), kind);
}

/** A published free text that may be blank (null). */
export function optionalFreeText(kind: TextKind) {
  return fitText(z.string(), kind).transform((s) => (s === "" ? null : s));
}

/** The pattern of a 5-digit GSO commune code. */
export const communeCodePattern = /^\d{5}$/;

/** A 5-digit GSO commune code, kept as text so leading zeros survive. */
export const communeCode = z.string().regex(communeCodePattern, { error: "commune_code_format" });

/** A criterion id: a dotted path of positive integers (`1`, `1.2`, `1.2.3`). */
export const criterionId = z.string().regex(/^[1-9]\d*(\.[1-9]\d*)*$/, { error: "criterion_id_format" });

/** The pattern of a machine code: lower-case ASCII, digits and underscores. */
export const slugCodePattern = /^[a-z][a-z0-9_]*$/;

/** A machine code: lower-case ASCII, digits and underscores. */
export const slugCode = z.string().regex(slugCodePattern, { error: "code_format" });

const maxPoints = 1000;

/**
 * A decimal number with at most `places` decimals, written with `.` or `,` (Excel in Vietnamese
 * locale writes decimal commas). Thousands separators are not accepted: scores never reach 1,000.
 */
export function decimal(places: number) {
  return (
    z
      .string()
      .regex(/^-?\d+([.,]\d+)?$/, { error: "not_a_number" })
      .regex(new RegExp(`^-?\\d+([.,]\\d{1,${places}})?$`), { error: "too_many_decimals" })
      .transform((s) => Number(s.replace(",", ".")))
      // Points and scores are at most 100 in a whole index; a thousand is already a typing slip.
      .refine((n) => Math.abs(n) <= maxPoints, range(0, maxPoints))
  );
}

/** A non-negative whole number. */
export const count = z
  .string()
  .regex(/^\d+$/, { error: "not_a_whole_number" })
  .transform((s) => Number(s));

/**
 * The bound of a number as a refinement's options: the problem code, with the range written the
 * Vietnamese and the English way for its message (100–100.000 / 100–100,000).
 */
export function range(min: number, max: number) {
  const written = (locale: string) => `${min.toLocaleString(locale)}–${max.toLocaleString(locale)}`;
  return {
    error: "number_out_of_range",
    params: { range_vi: written("vi-VN"), range_en: written("en-US") },
  } as const;
}

/** A whole JSON number from `min` to `max`; the bounds are also written into the JSON Schema. */
export function boundedInteger(min: number, max: number) {
  return z
    .number()
    .int()
    .refine((n) => n >= min && n <= max, range(min, max))
    .meta({ minimum: min, maximum: max });
}

/** A whole number from 0 to `max`: 400 nines must not become an Infinity that reaches a page. */
export function boundedCount(max: number) {
  return count.refine((n) => n <= max, range(0, max));
}

/** Years a date of this data may fall in: the index began in 2000s; nothing is dated past 2100. */
export const dateYears = { min: 2000, max: 2100 } as const;

/** Whether `yyyy-mm-dd` names a day of the calendar (no 30 February, no month 13). */
function isCalendarDate(text: string): boolean {
  const [year, month, day] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A calendar date written `yyyy-mm-dd`, in a sane year. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "date_format", abort: true })
  .refine(isCalendarDate, { error: "date_invalid", abort: true })
  .refine((text) => Number(text.slice(0, 4)) >= dateYears.min && Number(text.slice(0, 4)) <= dateYears.max, {
    error: "date_out_of_range",
    params: { min: dateYears.min, max: dateYears.max },
  });

/** `true` / `false`, or blank (null). */
export const optionalBoolean = z
  .enum(["true", "false", ""], { error: "not_a_boolean" })
  .transform((s) => (s === "" ? null : s === "true"));
