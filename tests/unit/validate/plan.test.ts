// plan.csv: one mutation of the valid fixture's plan per problem code, and the file's absence.
import { describe, expect, it } from "vitest";
import { isoFromPlanDate } from "../../../schemas/plan.ts";
import { edited, errors, validate, withFiles, type YearFiles } from "./fixture.ts";

function codes(files: YearFiles): [string, number | null, string | null, string | null][] {
  return errors(validate(files).problems).map((p) => [p.code, p.line, p.column, p.value]);
}

/** The fixture's plan with one line (1 = header) replaced by `edit` of its cells. */
function editLine(line: number, edit: (cells: string[]) => string[]): YearFiles {
  return edited("plan.csv", (text) => {
    const lines = text.split("\n");
    // The test rows' cells have no quoted commas in the columns edited here (step, dates).
    const row = lines[line - 1] as string;
    const head = row.match(/^(\d+),("[^"]*"|[^,]*),("[^"]*"|[^,]*),("[^"]*"|[^,]*),/) as RegExpMatchArray;
    const rest = row.slice(head[0].length).split(",");
    const cells = [head[1], head[2], head[3], head[4], rest[0], rest[1], rest[2], rest.slice(3).join(",")];
    lines[line - 1] = edit(cells as string[]).join(",");
    return lines.join("\n");
  });
}

describe("plan.csv", () => {
  it("the valid fixture holds the seven steps, in order, with parsed dates", () => {
    const { data, problems } = validate(withFiles({}));
    expect(errors(problems)).toEqual([]);
    expect(data?.plan?.map((s) => s.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(data?.plan?.[1]).toMatchObject({
      planned_start: null,
      planned_end: "2024-01-10",
      done_on: "2024-01-12",
    });
  });

  it("is optional: a year without it validates, with no plan", () => {
    const { data, problems } = validate(withFiles({ "plan.csv": undefined }));
    expect(errors(problems)).toEqual([]);
    expect(data?.plan).toBeNull();
  });

  it("a step number outside 1–7", () => {
    expect(codes(editLine(8, (c) => ["8", ...c.slice(1)]))).toEqual([
      // A whole-file problem comes before the lines'.
      ["plan_step_missing", null, "step", null],
      ["plan_step_unknown", 8, "step", "8"],
    ]);
  });

  it("a step listed twice, and so another missing", () => {
    const result = validate(editLine(8, (c) => ["6", ...c.slice(1)]));
    expect(errors(result.problems).map((p) => [p.code, p.line, p.column])).toEqual([
      ["plan_step_missing", null, "step"],
      ["duplicate_key", 8, "step"],
    ]);
    expect(result.problems[0]?.message_vi).toContain("Thiếu bước 7 của kế hoạch");
  });

  it("a date written as a month, and a date not in the calendar", () => {
    expect(
      codes(editLine(5, (c) => [...c.slice(0, 4), "Tháng 01/2024", "30/02/2024", ...c.slice(6)])),
    ).toEqual([
      // Problems of a line are listed by column name.
      ["date_invalid", 5, "planned_end", "30/02/2024"],
      ["plan_date_format", 5, "planned_start", "Tháng 01/2024"],
    ]);
  });

  it("a required cell left blank", () => {
    expect(codes(editLine(4, (c) => [c[0]!, c[1]!, "", c[3]!, c[4]!, "", ...c.slice(6)]))).toEqual([
      ["required", 4, "lead", ""],
      ["required", 4, "planned_end", ""],
    ]);
  });

  it("a deadline before the start, and a step done before it started", () => {
    expect(
      codes(editLine(4, (c) => [...c.slice(0, 4), "2023-12-01", "30/11/2023", "2023-11-05", c[7]!])),
    ).toEqual([
      ["plan_done_before_start", 4, "done_on", "2023-11-05"],
      ["plan_end_before_start", 4, "planned_end", "30/11/2023"],
    ]);
  });

  it("dates in Excel's Vietnamese day/month/year or year-month-day, nothing else", () => {
    expect(isoFromPlanDate("1/2/2024")).toBe("2024-02-01");
    expect(isoFromPlanDate("29/02/2024")).toBe("2024-02-29");
    expect(isoFromPlanDate("2023-12-31")).toBe("2023-12-31");
    expect(isoFromPlanDate("31.12.2023")).toBeNull();
    expect(isoFromPlanDate("Tháng 12/2023")).toBeNull();
  });

  it("a day/month/year date is checked against the calendar and the years of the data", () => {
    expect(
      codes(editLine(5, (c) => [...c.slice(0, 4), "29/02/2023", "12/31/2023", "01/01/1999", ...c.slice(7)])),
    ).toEqual([
      // Listed by column name, as every line's problems are.
      ["date_out_of_range", 5, "done_on", "01/01/1999"],
      ["date_invalid", 5, "planned_end", "12/31/2023"],
      ["date_invalid", 5, "planned_start", "29/02/2023"],
    ]);
  });
});
