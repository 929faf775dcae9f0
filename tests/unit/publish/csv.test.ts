import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { responsesTable } from "../../../pipeline/compute/responses.ts";
import { tableCsv } from "../../../pipeline/publish/csv.ts";
import type { ComputedTables } from "../../../pipeline/model.ts";
import type { PublishedTableName } from "../../../schemas/published.ts";
import { results } from "./fixture.ts";

const bom = "\uFEFF";

/** The CSV as text, BOM kept (a plain TextDecoder would drop it). */
function csvText<K extends PublishedTableName>(table: K, data: ComputedTables[K]): string {
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(tableCsv(table, data));
}

describe("published CSV", () => {
  it("starts with a BOM, uses CRLF and lists the results columns in the order docs/data-contract.md#published-tables fixes", () => {
    const csv = csvText("results", results().tables.results);
    expect(csv.startsWith(bom)).toBe(true);
    const lines = csv.slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "commune_code,commune_name,commune_type,index_pct,rank,band,points,max_points,appraisal_points," +
        "survey_points,self_points,self_gap,lowered_leaves,satisfaction_pct,index_ci_low,index_ci_high," +
        "rank_low,rank_high,n_citizens,n_officials,index_change,rank_change,unit_group,predecessors,formed_on",
    );
    // Two rows, then the final line end: nothing after the last CRLF, and no bare LF anywhere.
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("");
    expect(csv.replaceAll("\r\n", "")).not.toContain("\n");
  });

  it("prints numbers as published, keeps leading zeros, neutralises formulas in text only, nulls empty", () => {
    const lines = csvText("results", results().tables.results).slice(1).split("\r\n");
    // 91.5 stays 91.5 (no padding); -1.25 is a number and keeps its minus; "=Xã…" gets a quote.
    expect(lines[1]).toBe(
      "00007,'=Xã Hồng Dụ,xa,91.5,1,A,91.5,100,60.25,31.25,62,1.75,2,87.13,89.02,93.4,1,2,58,44,-1.25,0,,,",
    );
    // satisfaction_pct, index_change and rank_change are null: empty cells.
    expect(lines[2]).toBe(
      "10960,Thị trấn Ninh Giang,thi_tran,79.99,2,C,77.59,97,50,27.59,50,0,0,,78.1,81.75,1,2,0,40,,,,,",
    );
  });

  it("quotes text with commas and quotes, so Excel and parsers read the note back whole", () => {
    const csv = csvText("scores", results().tables.scores);
    expect(csv).toContain(`,"'+ Chậm 5 ngày, thiếu ""báo cáo quý"""\r\n`);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.data[0]?.note).toBe(`'+ Chậm 5 ngày, thiếu "báo cáo quý"`);
    expect(parsed.data[0]?.self_score).toBe("2");
  });

  it("does not cut a coefficient with more than 2 decimals, and leaves an excluded option's coefficient empty", () => {
    const lines = csvText("survey_options", results().tables.survey_options).slice(1).split("\r\n");
    expect(lines[1]).toBe("00007,citizens,ND01,5,Rất hài lòng,0.125,20");
    expect(lines[2]).toBe("00007,citizens,ND01,9,Không biết,,2");
  });

  it("writes only the contract's columns: ids carried on the rows never reach the file", () => {
    const tables = results().tables;
    const csv = csvText("responses", tables.responses) + csvText("survey", tables.survey);
    expect(csv).not.toContain("CANARY");
    expect(csv).not.toContain("form_id");
    expect(csv.slice(1).split("\r\n")[0]).toBe("commune_code,response_no,question_id,option");
  });

  it("writes the header alone for an empty table", () => {
    expect(csvText("domains", [])).toBe(
      `${bom}commune_code,commune_name,domain_id,domain_name,points,max_points,pct,domain_rank,district_avg_pct,district_avg_points,district_avg_gap,pct_change\r\n`,
    );
  });

  it("refuses a value of the wrong type rather than publishing it", () => {
    const rows = results().tables.results;
    const broken = [{ ...rows[0]!, rank: 1.5 }];
    expect(() => csvText("results", broken)).toThrow(/row 1, column rank/);
    const missing = [{ ...rows[0]!, index_pct: null as unknown as number }];
    expect(() => csvText("results", missing)).toThrow(/column index_pct/);
  });

  it("writes a table of many thousand rows whole and in order", () => {
    // 70,000 answers in two communes, 35,000 forms each with one answer: more rows than one
    // unparsing slice, so the rows on either side of a slice boundary are checked too.
    const rows = 70_000;
    const responses = responsesTable({
      communeCodes: ["00007", "=10960"],
      questionIds: ["ND01"],
      options: [["5", "4"]],
      commune: Uint32Array.from({ length: rows }, (_, i) => (i < 35_000 ? 0 : 1)),
      responseNo: Uint32Array.from({ length: rows }, (_, i) => (i % 35_000) + 1),
      question: new Uint16Array(rows),
      option: Uint16Array.from({ length: rows }, (_, i) => i % 2),
    });
    const lines = csvText("responses", responses).slice(1).split("\r\n");
    // Header, 70,000 rows, then the empty text after the final CRLF.
    expect(lines).toHaveLength(70_002);
    expect(lines[1]).toBe("00007,1,ND01,5");
    expect(lines[35_000]).toBe("00007,35000,ND01,4");
    // Row 35,001 is index 35,000: the second commune (formula-like, so quoted), form 1, option "5".
    expect(lines[35_001]).toBe("'=10960,1,ND01,5");
    // lines[k] is row index k − 1. The last row of the first slice, index 65,535: form
    // 65,535 − 35,000 + 1 = 30,536, option index 65,535 mod 2 = 1 ("4"); then index 65,536.
    expect(lines[65_536]).toBe("'=10960,30536,ND01,4");
    expect(lines[65_537]).toBe("'=10960,30537,ND01,5");
    expect(lines[70_000]).toBe("'=10960,35000,ND01,4");
  });
});
