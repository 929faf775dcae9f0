import { describe, expect, it } from "vitest";
import { publishedTables } from "../../schemas/published.ts";
import type { PublishedTableName } from "../../schemas/published.ts";
import { tableDictionary } from "./dictionary.ts";

describe("data dictionary", () => {
  it("explains every column of every published table in Vietnamese", () => {
    for (const table of Object.keys(publishedTables) as PublishedTableName[]) {
      for (const column of tableDictionary(table))
        expect(column.description, `${table}.${column.name}`).not.toBe("");
    }
  });

  it("tells whole numbers, decimals, codes and blanks apart", () => {
    const results = new Map(tableDictionary("results").map((column) => [column.name, column.type]));
    expect(results.get("rank")).toBe("Số nguyên");
    expect(results.get("index_pct")).toBe("Số");
    expect(results.get("commune_code")).toBe("Chữ");
    expect(results.get("commune_type")).toBe("Một trong: xa, phuong, thi_tran, dac_khu");
    expect(results.get("index_change")).toBe("Số (có thể trống)");
  });
});
