import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { rowsToCsv } from "./csv-download.ts";

describe("rowsToCsv", () => {
  it("starts with a BOM, uses CRLF and keeps Vietnamese text", () => {
    const csv = rowsToCsv(
      [{ commune_name: "Xã Hồng Dụ", option: "5", count: 12 }],
      ["commune_name", "option", "count"],
    );
    expect(csv).toBe("\uFEFFcommune_name,option,count\r\nXã Hồng Dụ,5,12\r\n");
  });

  it("neutralises formula triggers in text only, and quotes what needs quoting", () => {
    const rows = [
      { label: '=HYPERLINK("http://x")', change: -1.25 },
      { label: "+84 912", change: 0 },
      { label: "@SUM(A1)", change: 2 },
      { label: "Rất hài lòng, tốt", change: null },
    ];
    const csv = rowsToCsv(rows, ["label", "change"]);
    const parsed = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(parsed).toEqual([
      ["label", "change"],
      ['\'=HYPERLINK("http://x")', "-1.25"],
      ["'+84 912", "0"],
      ["'@SUM(A1)", "2"],
      ["Rất hài lòng, tốt", ""],
    ]);
  });
});
