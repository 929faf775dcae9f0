import { parquetWriteBuffer } from "hyparquet-writer";
import { describe, expect, it } from "vitest";
import { parquetToArrow } from "./parquet.ts";

// A file written the way pipeline/publish/parquet.ts writes them: STRING, DOUBLE, INT32, nulls.
const bytes = parquetWriteBuffer({
  columnData: [
    { name: "commune_code", data: ["01155", "11215"], type: "STRING", nullable: false },
    { name: "commune_name", data: ["Thị trấn Ninh Giang", "Xã Hồng Dụ"], type: "STRING", nullable: false },
    { name: "index_pct", data: [85.67, 91.23], type: "DOUBLE", nullable: false },
    { name: "rank", data: [2, 1], type: "INT32", nullable: false },
    { name: "index_change", data: [null, null], type: "DOUBLE", nullable: true },
  ],
});

describe("parquetToArrow", () => {
  it("keeps every column with the type the Parquet schema gives it", async () => {
    const table = await parquetToArrow(bytes);
    expect(table.schema.fields.map((field) => `${field.name}:${String(field.type)}`)).toEqual([
      "commune_code:Utf8",
      "commune_name:Utf8",
      "index_pct:Float64",
      "rank:Int32",
      // All null, yet still a number column: DuckDB must not see a NULL-typed column.
      "index_change:Float64",
    ]);
  });

  it("keeps codes as text with their leading zeros, and Vietnamese text intact", async () => {
    const rows = (await parquetToArrow(bytes)).toArray().map((row) => row.toJSON());
    expect(rows).toEqual([
      {
        commune_code: "01155",
        commune_name: "Thị trấn Ninh Giang",
        index_pct: 85.67,
        rank: 2,
        index_change: null,
      },
      { commune_code: "11215", commune_name: "Xã Hồng Dụ", index_pct: 91.23, rank: 1, index_change: null },
    ]);
  });
});
