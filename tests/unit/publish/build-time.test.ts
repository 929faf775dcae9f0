import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { resolveBuildTime } from "../../../pipeline/publish/build-time.ts";

describe("build time", () => {
  it("comes from SOURCE_DATE_EPOCH when set", () => {
    // 1704067200 s = 19723 days × 86400 s: 2024-01-01T00:00:00Z.
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: "1704067200" }, tmpdir()).toISOString()).toBe(
      "2024-01-01T00:00:00.000Z",
    );
  });

  it("rejects an epoch that is not whole seconds", () => {
    expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: "2024-01-01" }, tmpdir())).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });

  it("refuses to fall back to the clock outside a git repository", () => {
    expect(() => resolveBuildTime({}, tmpdir())).toThrow(/SOURCE_DATE_EPOCH/);
  });
});
