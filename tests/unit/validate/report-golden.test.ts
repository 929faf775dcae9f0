// The validation report of years with an error of every kind in the files read at national scale
// (report-scenarios.ts) is exactly what it was before the fast paths of issue 26: every problem's
// code, file, line, column, value and both messages, the problems omitted, the inputs' rows.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { goldenFolder, scenarioReport, scenarios } from "./report-scenarios.ts";

describe("the validation report on injected errors", () => {
  it.each(scenarios.map((s) => [s.name, s] as const))("%s: as the golden report", (name, scenario) => {
    const expected: unknown = JSON.parse(readFileSync(`${goldenFolder}/${name}.json`, "utf8"));
    // Through JSON, as the golden file was written: a problem's absent params stay absent.
    expect(JSON.parse(JSON.stringify(scenarioReport(scenario)))).toEqual(expected);
  });
});
