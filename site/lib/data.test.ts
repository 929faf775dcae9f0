import { mkdtempSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { communeRawRows, latestYear, loadTable, previousYear, publishedYears } from "./data.ts";
import { communeCsv } from "./commune-csv.ts";

// A hand-made published year: 3 communes, 2 domains (tests/fixtures/published/2023/).
const fixture = new URL("../../tests/fixtures/published/", import.meta.url).pathname;

describe("published data loader", () => {
  it("finds the published years and loads the latest", () => {
    expect(publishedYears(fixture)).toEqual([2023]);
    const data = latestYear(fixture);
    expect(data.year).toBe(2023);
    expect(data.manifest.status).toBe("sample");
    expect(data.results.map((row) => row.commune_code)).toEqual(["11215", "11155", "11161"]);
  });

  it("types numbers as numbers and keeps codes as text", () => {
    const hongDu = latestYear(fixture).results[0];
    expect(hongDu?.index_pct).toBe(91.23);
    expect(hongDu?.rank).toBe(1);
    expect(hongDu?.commune_code).toBe("11215");
  });

  it("reads an empty optional cell as null (no previous year for Ứng Hòe)", () => {
    const ungHoe = latestYear(fixture).results.find((row) => row.commune_code === "11161");
    expect(ungHoe?.index_change).toBeNull();
    expect(ungHoe?.rank_change).toBeNull();
  });

  it("shows a note as written, without the apostrophe the CSV adds against Excel formulas", () => {
    const note = loadTable(2023, "scores", fixture).find(
      (row) => row.commune_code === "11155" && row.criterion_id === "1.1.1",
    )?.note;
    expect(note).toBe("- Báo cáo nộp muộn");
  });

  it("has no previous year when only one year is published", () => {
    expect(previousYear(2023, fixture)).toBeNull();
  });

  it("stops with the file, line and column of a bad cell", () => {
    const dir = mkdtempSync(join(tmpdir(), "published-"));
    mkdirSync(join(dir, "2023"));
    copyFileSync(join(fixture, "2023", "dataset.json"), join(dir, "2023", "dataset.json"));
    const header =
      "commune_code,commune_name,commune_type,index_pct,rank,band,points,max_points,appraisal_points,survey_points,self_points,self_gap,lowered_leaves,satisfaction_pct,index_ci_low,index_ci_high,rank_low,rank_high,n_citizens,n_officials,index_change,rank_change,unit_group,predecessors,formed_on";
    const good = "11215,Xã Hồng Dụ,xa,91.23,1,A,91.23,100,46.5,44.73,49,2.5,3,86.4,89.1,92.8,1,2,60,46,,,,,";
    const bad =
      "11155,Thị trấn Ninh Giang,thi_tran,tám,2,B,85.67,100,43,42.67,45,2,2,80.1,83.2,88,1,3,55,48,,,,,";
    writeFileSync(join(dir, "2023", "results.csv"), `\uFEFF${header}\n${good}\n${bad}\n`);
    expect(() => loadTable(2023, "results", dir)).toThrow(/results\.csv dòng 3, cột index_pct/);
  });
});

describe("per-commune downloads", () => {
  it("keeps only that commune's rows, cell for cell as published, with a BOM for Excel", () => {
    const csv = communeCsv(2023, "scores", "11155", fixture);
    expect(csv.startsWith("\uFEFFcommune_code,criterion_id,")).toBe(true);
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(1 + 8); // header + the 8 criteria of the fixture tree
    expect(lines.slice(1).every((line) => line.startsWith("11155,"))).toBe(true);
    // The neutralising apostrophe stays in the download: it protects Excel users.
    expect(csv).toContain("'- Báo cáo nộp muộn");
  });

  it("gives each commune its rows of a table in file order, and a commune with none no rows", () => {
    const domainIds = (code: string) =>
      communeRawRows(2023, "domains", code, fixture).rows.map((cells) => `${cells[0]}/${cells[2]}`);
    // domains.csv holds 11215, 11155 and 11161, each with domains 1 then 2.
    expect(domainIds("11155")).toEqual(["11155/1", "11155/2"]);
    expect(domainIds("11161")).toEqual(["11161/1", "11161/2"]);
    expect(domainIds("99999")).toEqual([]);
    expect(communeRawRows(2023, "domains", "11155", fixture).fields.slice(0, 3)).toEqual([
      "commune_code",
      "commune_name",
      "domain_id",
    ]);
  });
});
