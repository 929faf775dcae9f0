import { describe, expect, it } from "vitest";
import { publishedTables, type PublishedTableName } from "../../schemas/published.ts";
import { tableTitles } from "./table-titles.ts";

describe("tableTitles", () => {
  it("titles every published table, and only those", () => {
    expect(Object.keys(tableTitles).sort()).toEqual(Object.keys(publishedTables).sort());
    for (const table of Object.keys(publishedTables) as PublishedTableName[])
      expect(tableTitles[table].length, table).toBeGreaterThan(10);
  });
});
