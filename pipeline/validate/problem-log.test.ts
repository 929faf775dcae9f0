import { describe, expect, it } from "vitest";
import type { Problem } from "../problem.ts";
import { keptPerKind, ProblemLog, sortProblems } from "./problem-log.ts";
import { formatProblems, isOmitted, listedProblems, summaryLine } from "./report.ts";

const at = (
  file: string,
  line: number | null,
  code = "unknown_option",
  severity: Problem["severity"] = "error",
) =>
  ({
    file,
    line,
    column: "ND01",
    value: "X",
    code,
    severity,
    message_vi: `dòng ${line}`,
    message_en: `line ${line}`,
  }) satisfies Problem;

describe("the bounded problem log", () => {
  it("keeps the first of each kind in report order and counts the rest", () => {
    const log = new ProblemLog();
    // Lines pushed from the bottom up: the kept ones are the lowest lines, not the first pushed.
    const total = 2 * keptPerKind + 10;
    for (let line = total + 1; line >= 2; line--) log.push(at("survey-citizens.csv", line));
    log.push(at("appraisal.csv", 7, "not_a_number"));
    const { problems, omitted } = log.result();
    expect(problems).toHaveLength(keptPerKind + 1);
    // appraisal.csv comes before the survey files in the manifest's order.
    expect(problems[0]).toMatchObject({ file: "appraisal.csv", line: 7 });
    expect(problems[1]).toMatchObject({ file: "survey-citizens.csv", line: 2 });
    expect(problems.at(-1)).toMatchObject({ line: keptPerKind + 1 });
    expect(omitted).toEqual([
      { file: "survey-citizens.csv", code: "unknown_option", severity: "error", count: total - keptPerKind },
    ]);
  });

  it("orders ties across kinds as they were found, like sortProblems", () => {
    const log = new ProblemLog();
    const found = [
      at("appraisal.csv", 3, "formula_trigger"),
      at("appraisal.csv", 3, "not_a_number"),
      at("appraisal.csv", 3, "formula_trigger"),
    ];
    for (const p of found) log.push(p);
    expect(log.result().problems).toEqual(sortProblems(found));
    expect(log.result().problems.map((p) => p.code)).toEqual([
      "formula_trigger",
      "not_a_number",
      "formula_trigger",
    ]);
  });

  it("answers whether any problem matches, among those kept", () => {
    const log = new ProblemLog();
    log.push(at("plan.csv", 4, "date_invalid", "warning"));
    expect(log.some((p) => p.severity === "warning")).toBe(true);
    expect(log.some((p) => p.severity === "error")).toBe(false);
  });

  it("reports the counted problems in the summary and in the kind's last line", () => {
    const kept = Array.from({ length: 60 }, (_, i) => at("survey-citizens.csv", i + 2));
    const omitted = [
      { file: "survey-citizens.csv", code: "unknown_option", severity: "error" as const, count: 1000 },
    ];
    // 60 kept + 1,000 counted; 50 listed, so "và 1.010 lỗi cùng loại".
    expect(summaryLine(kept, "vi", omitted)).toBe("1.060 lỗi, 0 cảnh báo");
    const text = formatProblems(kept, { format: "text", lang: "vi" }, omitted);
    expect(text).toContain("và 1.010 lỗi cùng loại");
    const json = JSON.parse(formatProblems(kept, { format: "json", lang: "en" }, omitted)) as {
      problems: unknown[];
      omitted: { count: number }[];
    };
    expect(json.problems).toHaveLength(50);
    expect(json.omitted.map((o) => o.count)).toEqual([1010]);
    // The same list on /kiem-tra/: 50 problems, then the count of the rest.
    const listed = listedProblems(kept, omitted);
    expect(listed).toHaveLength(51);
    expect(listed.filter(isOmitted)).toEqual([{ ...omitted[0], count: 1010 }]);
  });
});

describe("blank cells and the order of severities", () => {
  const blank = (line: number, column = "self_score") =>
    ({
      file: "appraisal.csv",
      line,
      column,
      value: "",
      code: "not_a_number",
      severity: "error",
      message_vi: `dòng ${line}`,
      message_en: `line ${line}`,
    }) satisfies Problem;

  it("says a column left blank on many rows once, with how many and the first rows", () => {
    const log = new ProblemLog();
    for (let line = 2; line <= 841; line++) log.push(blank(line));
    const { problems, omitted } = log.result();
    expect(omitted).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: "blank_cells",
      file: "appraisal.csv",
      line: 2,
      column: "self_score",
    });
    expect(problems[0]?.message_vi).toMatch(
      /^Cột self_score còn trống ở 840 dòng \(dòng 2, 3, 4, 5, 6, …\)\./,
    );
    expect(problems[0]?.message_en).toMatch(/^Column self_score is still blank on 840 rows/);
  });

  it("lists a few blank cells one by one, as any other problem", () => {
    const log = new ProblemLog();
    for (const line of [9, 4, 7]) log.push(blank(line));
    log.push(blank(5, "appraised_score"));
    expect(log.result().problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["not_a_number", 4, "self_score"],
      ["not_a_number", 5, "appraised_score"],
      ["not_a_number", 7, "self_score"],
      ["not_a_number", 9, "self_score"],
    ]);
  });

  it("lists errors before warnings, whatever their files and lines", () => {
    const sorted = sortProblems([
      at("communes.csv", 2, "invisible_in_text", "warning"),
      at("survey-citizens.csv", 9),
      at("appraisal.csv", null, "forms_below_quota", "warning"),
      at("appraisal.csv", 3),
    ]);
    expect(sorted.map((p) => [p.severity, p.file, p.line])).toEqual([
      ["error", "appraisal.csv", 3],
      ["error", "survey-citizens.csv", 9],
      ["warning", "communes.csv", 2],
      ["warning", "appraisal.csv", null],
    ]);
  });
});
