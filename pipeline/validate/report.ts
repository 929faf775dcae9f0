// The validation report as people and machines read it: a Vietnamese (or English) text table for the
// terminal, JSON for tools, and a Markdown table for the GitHub Actions job summary.
// It must scale to any input: a file of 200,000 repeated rows gives 200,000 problems of one kind,
// so each (file, code) lists its first `listedPerKind` and one line for the rest, and nothing here
// spreads or recurses over the problems. It must not leak either: the Markdown report goes to a
// job summary anyone may read, so values of private or unknown columns are never shown.
import { identifyingColumns, inputPublication, type DeclaredInput } from "../../schemas/publication.ts";
import { contractPlace } from "../../schemas/workbook.ts";
import { moreOfTheSameKind, quoted } from "../messages.ts";
import type { OmittedProblems, Problem } from "../problem.ts";
import { inputColumns } from "./index.ts";

export interface ReportOptions {
  format: "text" | "json" | "markdown";
  lang: "vi" | "en";
}

/** Problems listed per file and code; the rest are counted on one line. */
export const listedPerKind = 50;

const words = {
  vi: {
    // A workbook's problems are at its sheets, a folder's at its files (as /kiem-tra/ heads them).
    headers: ["Mức", "Tệp / trang tính", "Dòng", "Cột", "Giá trị", "Mã", "Nội dung"],
    error: "lỗi",
    warning: "cảnh báo",
    hidden: "(ẩn)",
    none: "Không có lỗi hay cảnh báo nào.",
    summary: (errors: number, warnings: number) =>
      `${errors.toLocaleString("vi-VN")} lỗi, ${warnings.toLocaleString("vi-VN")} cảnh báo`,
  },
  en: {
    headers: ["Severity", "File / sheet", "Line", "Column", "Value", "Code", "Message"],
    error: "error",
    warning: "warning",
    hidden: "(hidden)",
    none: "No errors or warnings.",
    summary: (errors: number, warnings: number) =>
      `${errors.toLocaleString("en-US")} error${errors === 1 ? "" : "s"}, ` +
      `${warnings.toLocaleString("en-US")} warning${warnings === 1 ? "" : "s"}`,
  },
} as const;

const declaredInputs = Object.keys(inputPublication) as DeclaredInput[];
/** What Excel may run as a formula, and what a phone number or a signed value starts with. */
const triggerStart = /^\s*[+=@\-\t\r]/;

/**
 * Whether a problem's value may be shown: not when its column identifies a person or a form
 * (schemas/publication.ts) or is not part of the data contract (anything may be in it: the canary
 * is a phone number), nor when it starts like a formula or a phone number. A file or column is
 * known by its contract name or, read from a workbook, by its sheet and Vietnamese header
 * (schemas/workbook.ts). A header problem whose value is the column's own name names only the column.
 */
function isDisclosable(p: Problem): boolean {
  if (p.value === null || p.value === "" || p.value === p.column) return true;
  if (triggerStart.test(p.value)) return false;
  if (p.column === null) return true;
  const place = contractPlace(declaredInputs, p.file, p.column);
  if (place === null) return true;
  const file = place.file as DeclaredInput;
  if (identifyingColumns[file]?.includes(place.column)) return false;
  const spec: { required: readonly string[]; optional?: readonly string[] } | undefined =
    inputColumns[file as keyof typeof inputColumns];
  // A survey file's further columns are questions, whose values are option codes.
  if (spec === undefined || inputPublication[file] === "private") return true;
  return spec.required.includes(place.column) || (spec.optional ?? []).includes(place.column);
}

/** The problem as reported: an undisclosable value is removed, also from the sentences quoting it. */
export function redacted(p: Problem): Problem {
  if (isDisclosable(p)) return p;
  // The value as a whole word only: a form id "1" must not turn "dòng 12" into "dòng …2".
  // A long value is quoted by its start, which goes too.
  const value = p.value as string;
  const escaped = [quoted(value), value].map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("|");
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped})(?![\\p{L}\\p{N}])`, "gu");
  return {
    ...p,
    value: null,
    message_vi: p.message_vi.replace(pattern, "…"),
    message_en: p.message_en.replace(pattern, "…"),
  };
}

type Entry = { problem: Problem; hidden: boolean } | { omitted: OmittedProblems };

const kindOf = (p: { file: string; code: string }) => `${p.file}\u0000${p.code}`;

/**
 * The problems in order, each (file, code) cut to its first `listedPerKind`, with one count standing
 * for the rest right after the last one listed: those kept beyond it and those the validation only
 * counted (`omitted`). What every report lists, on the command line and on /kiem-tra/.
 */
export function listedProblems(
  problems: readonly Problem[],
  omitted: readonly OmittedProblems[],
): (Problem | OmittedProblems)[] {
  const uncounted = new Map(omitted.map((o) => [kindOf(o), o.count]));
  const listed: (Problem | OmittedProblems)[] = [];
  const seen = new Map<string, { listed: number; rest: OmittedProblems | null }>();
  for (const p of problems) {
    const key = kindOf(p);
    let kind = seen.get(key);
    if (kind === undefined) seen.set(key, (kind = { listed: 0, rest: null }));
    if (kind.listed < listedPerKind) {
      kind.listed++;
      listed.push(p);
    } else if (kind.rest === null) {
      const count = 1 + (uncounted.get(key) ?? 0);
      kind.rest = { file: p.file, code: p.code, severity: p.severity, count };
      listed.push(kind.rest);
    } else kind.rest.count++;
  }
  return listed;
}

/** Whether a listed entry stands for the problems of its kind left out. */
export const isOmitted = (entry: Problem | OmittedProblems): entry is OmittedProblems => "count" in entry;

/** The listed problems, values that may not be shown removed. */
function capped(problems: readonly Problem[], omitted: readonly OmittedProblems[]): Entry[] {
  return listedProblems(problems, omitted).map((entry) =>
    isOmitted(entry) ? { omitted: entry } : { problem: redacted(entry), hidden: !isDisclosable(entry) },
  );
}

/** A value short enough for one table cell, with invisible characters made visible. */
function shortValue(value: string | null): string {
  if (value === null) return "";
  const visible = value
    .replace(/\t/g, "\\t")
    .replace(/\r/g, "\\r")
    .replace(/\n/g, "\\n")
    // Bidirectional and zero-width characters would reorder or hide the rest of the line.
    .replace(
      /[\p{Cc}\p{Cf}]/gu,
      (c) => `<U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, "0")}>`,
    );
  return visible.length > 40 ? `${visible.slice(0, 39)}…` : visible;
}

function cells(entry: Entry, lang: "vi" | "en"): string[] {
  if ("omitted" in entry) {
    const { file, code, severity, count } = entry.omitted;
    return [words[lang][severity], file, "", "", "", code, moreOfTheSameKind(count, severity, lang)];
  }
  const { problem: p, hidden } = entry;
  return [
    words[lang][p.severity],
    p.file,
    p.line === null ? "" : String(p.line),
    p.column ?? "",
    hidden ? words[lang].hidden : shortValue(p.value),
    p.code,
    lang === "vi" ? p.message_vi : p.message_en,
  ];
}

/** "2 lỗi, 3 cảnh báo", counting those only counted (`omitted`) too. */
export function summaryLine(
  problems: readonly Problem[],
  lang: "vi" | "en",
  omitted: readonly OmittedProblems[] = [],
): string {
  let errors = 0;
  let warnings = 0;
  for (const p of problems)
    if (p.severity === "error") errors++;
    else warnings++;
  for (const o of omitted)
    if (o.severity === "error") errors += o.count;
    else warnings += o.count;
  return words[lang].summary(errors, warnings);
}

function* textTable(
  problems: readonly Problem[],
  lang: "vi" | "en",
  omitted: readonly OmittedProblems[],
): Generator<string> {
  if (problems.length === 0) {
    yield `${words[lang].none}\n${summaryLine(problems, lang)}\n`;
    return;
  }
  const rows = [
    words[lang].headers as readonly string[],
    ...capped(problems, omitted).map((e) => cells(e, lang)),
  ];
  // Every column but the message is padded; the message runs to the end of the line.
  const widths = rows[0]!.map(() => 0);
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, [...cell].length);
    });
  }
  for (const r of rows) {
    const line = r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length)))
      .join("  ");
    yield `${line}\n`;
  }
  yield `${summaryLine(problems, lang, omitted)}\n`;
}

function markdownCell(cell: string): string {
  return cell
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\s+/g, " ");
}

function* markdownTable(
  problems: readonly Problem[],
  lang: "vi" | "en",
  omitted: readonly OmittedProblems[],
): Generator<string> {
  const summary = `**${summaryLine(problems, lang, omitted)}**`;
  if (problems.length === 0) {
    yield `${summary}\n\n${words[lang].none}\n`;
    return;
  }
  const header = words[lang].headers;
  yield `${summary}\n\n| ${header.join(" | ")} |\n| ${header.map(() => "---").join(" | ")} |\n`;
  for (const entry of capped(problems, omitted))
    yield `| ${cells(entry, lang).map(markdownCell).join(" | ")} |\n`;
}

/** `{"problems":[…],"omitted":[…]}`, one problem at a time: never the whole report in one string. */
function* jsonReport(problems: readonly Problem[], counted: readonly OmittedProblems[]): Generator<string> {
  const omitted: OmittedProblems[] = [];
  let first = true;
  yield '{"problems":[';
  for (const entry of capped(problems, counted)) {
    if ("omitted" in entry) {
      omitted.push(entry.omitted);
      continue;
    }
    const p = entry.problem;
    const fields = {
      file: p.file,
      line: p.line,
      column: p.column,
      value: p.value,
      code: p.code,
      severity: p.severity,
      message_vi: p.message_vi,
      message_en: p.message_en,
    };
    yield `${first ? "" : ","}${JSON.stringify(fields)}`;
    first = false;
  }
  const more = omitted.map((o) => ({
    ...o,
    message_vi: moreOfTheSameKind(o.count, o.severity, "vi"),
    message_en: moreOfTheSameKind(o.count, o.severity, "en"),
  }));
  yield `],"omitted":${JSON.stringify(more)}}\n`;
}

/**
 * The report in pieces, to be written one after the other. `omitted`: the problems of each kind the
 * validation only counted (LoadedYear.omitted), added to the kind's "and N more" line.
 */
export function reportChunks(
  problems: readonly Problem[],
  options: ReportOptions,
  omitted: readonly OmittedProblems[] = [],
): Iterable<string> {
  switch (options.format) {
    case "json":
      return jsonReport(problems, omitted);
    case "markdown":
      return markdownTable(problems, options.lang, omitted);
    case "text":
      return textTable(problems, options.lang, omitted);
  }
}

export function formatProblems(
  problems: readonly Problem[],
  options: ReportOptions,
  omitted: readonly OmittedProblems[] = [],
): string {
  let text = "";
  for (const chunk of reportChunks(problems, options, omitted)) text += chunk;
  return text;
}

/** Writes the chunks to a stream, waiting whenever its buffer is full. */
export async function writeChunks(stream: NodeJS.WritableStream, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  }
}
