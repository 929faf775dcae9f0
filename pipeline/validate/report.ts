// The validation report as people and machines read it: a Vietnamese (or English) text table for the
// terminal, JSON for tools, and a Markdown table for the GitHub Actions job summary.
import type { Problem } from "../problem.ts";

export interface ReportOptions {
  format: "text" | "json" | "markdown";
  lang: "vi" | "en";
}

const words = {
  vi: {
    headers: ["Mức", "Tệp", "Dòng", "Cột", "Giá trị", "Mã", "Nội dung"],
    error: "lỗi",
    warning: "cảnh báo",
    none: "Không có lỗi hay cảnh báo nào.",
    summary: (errors: number, warnings: number) => `${errors} lỗi, ${warnings} cảnh báo`,
  },
  en: {
    headers: ["Severity", "File", "Line", "Column", "Value", "Code", "Message"],
    error: "error",
    warning: "warning",
    none: "No errors or warnings.",
    summary: (errors: number, warnings: number) =>
      `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  },
} as const;

/** A value short enough for one table cell, with invisible characters made visible. */
function shortValue(value: string | null): string {
  if (value === null) return "";
  const visible = value.replace(/\t/g, "\\t").replace(/\r/g, "\\r").replace(/\n/g, "\\n");
  return visible.length > 40 ? `${visible.slice(0, 39)}…` : visible;
}

function cells(p: Problem, lang: "vi" | "en"): string[] {
  return [
    words[lang][p.severity],
    p.file,
    p.line === null ? "" : String(p.line),
    p.column ?? "",
    shortValue(p.value),
    p.code,
    lang === "vi" ? p.message_vi : p.message_en,
  ];
}

/** "2 lỗi, 3 cảnh báo" */
export function summaryLine(problems: readonly Problem[], lang: "vi" | "en"): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return words[lang].summary(errors, problems.length - errors);
}

function textTable(problems: readonly Problem[], lang: "vi" | "en"): string {
  if (problems.length === 0) return `${words[lang].none}\n${summaryLine(problems, lang)}\n`;
  const rows = [words[lang].headers as readonly string[], ...problems.map((p) => cells(p, lang))];
  // Every column but the message is padded; the message runs to the end of the line.
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => [...(r[i] ?? "")].length)));
  const lines = rows.map((r) =>
    r
      .map((cell, i) => (i === r.length - 1 ? cell : cell + " ".repeat((widths[i] ?? 0) - [...cell].length)))
      .join("  "),
  );
  return `${lines.join("\n")}\n${summaryLine(problems, lang)}\n`;
}

function markdownCell(cell: string): string {
  return cell
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/\s+/g, " ");
}

function markdownTable(problems: readonly Problem[], lang: "vi" | "en"): string {
  const summary = `**${summaryLine(problems, lang)}**`;
  if (problems.length === 0) return `${summary}\n\n${words[lang].none}\n`;
  const header = words[lang].headers;
  const lines = [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...problems.map((p) => `| ${cells(p, lang).map(markdownCell).join(" | ")} |`),
  ];
  return `${summary}\n\n${lines.join("\n")}\n`;
}

export function formatProblems(problems: Problem[], options: ReportOptions): string {
  switch (options.format) {
    case "json":
      return `${JSON.stringify({
        problems: problems.map((p) => ({
          file: p.file,
          line: p.line,
          column: p.column,
          value: p.value,
          code: p.code,
          severity: p.severity,
          message_vi: p.message_vi,
          message_en: p.message_en,
        })),
      })}\n`;
    case "markdown":
      return markdownTable(problems, options.lang);
    case "text":
      return textTable(problems, options.lang);
  }
}
