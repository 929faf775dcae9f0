import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nativePublishedData } from "../duckdb-native.ts";
import { domainAcrossCommunes } from "./domain.ts";

const setup = `
  CREATE TABLE domains AS SELECT * FROM (VALUES
    ('B', 'Xã Bình', '1', 'Một', 9.0, 12.0, 75.0, 80.0), ('A', 'Xã An', '1', 'Một', 9.0, 12.0, 75.0, 80.0),
    ('C', 'Xã Châu', '1', 'Một', 10.8, 12.0, 90.0, 80.0), ('A', 'Xã An', '2', 'Hai', 4.0, 8.0, 50.0, 60.0)
  ) t(commune_code, commune_name, domain_id, domain_name, points, max_points, pct, district_avg_pct);
`;

let data: Awaited<ReturnType<typeof nativePublishedData>>;
beforeAll(async () => {
  data = await nativePublishedData(setup);
});
afterAll(() => data.close());

describe("domainAcrossCommunes", () => {
  it("gives every commune on the one domain, best first, equal scores by code", async () => {
    // Domain 1: C 90% first; A and B tie at 75%, A before B by code. Domain 2 stays out.
    const rows = await domainAcrossCommunes(data, "1");
    expect(rows.map((row) => [row.commune_code, row.pct])).toEqual([
      ["C", 90],
      ["A", 75],
      ["B", 75],
    ]);
  });
});
