import { describe, expect, it } from "vitest";
import { catalogue } from "../../pipeline/messages.ts";
import { inputFiles } from "../../pipeline/model.ts";
import { guideFiles, guideSections } from "./guide.ts";

describe("the data editors' guide", () => {
  const problems = guideSections().flatMap((section) => section.problems);

  it("explains every code the validator can emit, once each", () => {
    const codes = problems.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect([...codes].sort()).toEqual(Object.keys(catalogue).sort());
  });

  it("shows every message and fix as a finished Vietnamese sentence, with no placeholder left", () => {
    for (const p of problems) {
      expect(p.message, p.code).not.toMatch(/\{[@#=]?[\w.:-]+\}/);
      expect(p.fix, p.code).not.toMatch(/\{[@#=]?[\w.:-]+\}/);
      expect(p.fix.length, p.code).toBeGreaterThan(10);
    }
    const encoding = problems.find((p) => p.code === "encoding_not_utf8")!;
    expect(encoding.fix).toContain("CSV UTF-8");
  });

  it("lists every CSV input file, each column with a description", () => {
    expect(guideFiles.map((f) => f.file)).toEqual(inputFiles.filter((f) => f.endsWith(".csv")));
    for (const file of guideFiles) {
      for (const column of file.columns)
        expect(column.description, `${file.file} ${column.name}`).not.toBe("");
    }
    const appraisal = guideFiles.find((f) => f.file === "appraisal.csv")!;
    expect(appraisal.columns.map((c) => c.name)).toEqual([
      "commune_code",
      "criterion_id",
      "self_score",
      "appraised_score",
      "note",
    ]);
  });
});
