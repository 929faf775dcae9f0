import { describe, expect, it } from "vitest";
import { exportedSchemas, staleSchemas } from "./export.ts";

describe("exported JSON Schema", () => {
  it("the committed schemas/json files match the Zod schemas (run `node schemas/export.ts` if not)", async () => {
    expect(await staleSchemas()).toEqual([]);
  });

  it("describes input cells as the text an editor types, with codes kept as text", () => {
    const communes = JSON.parse(exportedSchemas().get("communes.schema.json") ?? "{}");
    expect(communes.properties.code).toMatchObject({ type: "string", pattern: "^\\d{5}$" });
    expect(communes.properties.survey_quota.type).toBe("string");
    expect(communes.required).toEqual(["code", "name", "type", "survey_quota"]);
  });
});
