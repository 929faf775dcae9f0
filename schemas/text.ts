// What a text of the data may hold: the one rule (docs/data-contract.md#text-fields). Every free
// text reaches a page, an SVG chart, the Atom feed, the .docx report or a file name, and XML 1.0
// cannot carry a control character (other than tab and line breaks), half of a UTF-16 surrogate
// pair or a noncharacter (U+FFFE …): one of them made the chart's PNG, or the feed, fail. Such a
// text is refused, never cleaned silently, with the character named; so is a text longer than its
// field's limit, set well above any real Vietnamese name or text. Line breaks (and tabs) are
// allowed only in notes and reasons, which are paragraphs; a name or a title is one line.
// Invisible format characters (bidirectional controls, zero-width spaces) are carried by every
// format: they are warnings (pipeline/validate/invisible.ts).
import type { z } from "zod";

/** The kinds of text and their limits, in characters (Unicode code points, as JSON Schema counts). */
export const textKinds = {
  /** Names of units and places, labels of options and bands, short references: one line. */
  name: { max: 100, lineBreaks: false },
  /** Titles, criteria, questions, bodies, addresses: one line. */
  line: { max: 500, lineBreaks: false },
  /** Notes and reasons: paragraphs, where tab and line breaks are allowed. */
  paragraph: { max: 4000, lineBreaks: true },
} as const satisfies Record<string, { max: number; lineBreaks: boolean }>;
export type TextKind = keyof typeof textKinds;

const unfitInLine = /[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;
const unfitInParagraph = /(?![\t\n\r])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}]/u;

/** `U+000B` */
function codePointName(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** A count written the Vietnamese and the English way (3.000 / 3,000), for the two messages. */
function written<N extends string>(name: N, n: number): Record<`${N}_vi` | `${N}_en`, string> {
  return { [`${name}_vi`]: n.toLocaleString("vi-VN"), [`${name}_en`]: n.toLocaleString("en-US") } as Record<
    `${N}_vi` | `${N}_en`,
    string
  >;
}

/** What the character is, in the editor's words. */
function characterKind(char: string): { kind_vi: string; kind_en: string } {
  if (char === "\t") return { kind_vi: "dấu tab", kind_en: "a tab" };
  if (char === "\n" || char === "\r") return { kind_vi: "dấu xuống dòng", kind_en: "a line break" };
  if (/\p{Cs}/u.test(char))
    return {
      kind_vi: "nửa cặp mã thay thế (ký tự hỏng)",
      kind_en: "half of a surrogate pair (a broken character)",
    };
  if (/\p{Cc}/u.test(char)) return { kind_vi: "ký tự điều khiển", kind_en: "a control character" };
  return { kind_vi: "mã không phải ký tự", kind_en: "a noncharacter code point" };
}

/** Why a text cannot be published as a text of this kind: the problem code and its params; null when it can. */
export function unfitText(
  value: string,
  kind: TextKind,
):
  | {
      error: "text_character";
      params: Record<"char" | "position_vi" | "position_en" | "kind_vi" | "kind_en", string>;
    }
  | { error: "text_too_long"; params: Record<"length_vi" | "length_en" | "max_vi" | "max_en", string> }
  | null {
  const { max, lineBreaks } = textKinds[kind];
  const found = (lineBreaks ? unfitInParagraph : unfitInLine).exec(value);
  if (found !== null) {
    const char = found[0];
    // The position as the editor counts characters, from 1 (an emoji is one).
    const position = [...value.slice(0, found.index)].length + 1;
    return {
      error: "text_character",
      params: { char: codePointName(char), ...written("position", position), ...characterKind(char) },
    };
  }
  // Most texts are far shorter than their limit counted in UTF-16 units, which are at least as many.
  if (value.length > max) {
    const length = [...value].length;
    if (length > max)
      return { error: "text_too_long", params: { ...written("length", length), ...written("max", max) } };
  }
  return null;
}

/** A string schema checked by the text rule; its limit is also written into the JSON Schema. */
export function fitText<S extends z.ZodString>(schema: S, kind: TextKind): S {
  return schema
    .superRefine((value, ctx) => {
      const unfit = unfitText(value, kind);
      if (unfit !== null)
        ctx.addIssue({ code: "custom", message: unfit.error, params: unfit.params, input: value });
    })
    .meta({ maxLength: textKinds[kind].max });
}
