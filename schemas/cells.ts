// Cell-level building blocks shared by the input schemas. Each schema describes one CSV row as the
// reader hands it over (trimmed, NFC text cells) and what it becomes once parsed. Every check carries
// a problem code from pipeline/messages.ts as its error, so validation can report it in both languages.
import { z } from "zod";

/** A required text cell. */
export const text = z.string().min(1, { error: "required" });

/** A cell that may be blank; blank becomes null. */
export const optionalText = z.string().transform((s) => (s === "" ? null : s));

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

/**
 * A decimal number with at most `places` decimals, written with `.` or `,` (Excel in Vietnamese
 * locale writes decimal commas). Thousands separators are not accepted: scores never reach 1,000.
 */
export function decimal(places: number) {
  return z
    .string()
    .regex(/^-?\d+([.,]\d+)?$/, { error: "not_a_number" })
    .regex(new RegExp(`^-?\\d+([.,]\\d{1,${places}})?$`), { error: "too_many_decimals" })
    .transform((s) => Number(s.replace(",", ".")));
}

/** A non-negative whole number. */
export const count = z
  .string()
  .regex(/^\d+$/, { error: "not_a_whole_number" })
  .transform((s) => Number(s));

/** `true` / `false`, or blank (null). */
export const optionalBoolean = z
  .enum(["true", "false", ""], { error: "not_a_boolean" })
  .transform((s) => (s === "" ? null : s === "true"));
