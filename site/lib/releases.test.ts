import { describe, expect, it } from "vitest";
import { correctionsFor, releasesNewestFirst } from "./releases.ts";
import type { Release } from "./releases.ts";

const releases: Release[] = [
  { version: "1.0.0", date: "2024-01-20", kind: "release", reason: "Công bố lần đầu" },
  {
    version: "1.0.1",
    date: "2024-02-02",
    kind: "correction",
    reason: "Sửa tiêu chí 2.1",
    communes: ["11161"],
  },
  { version: "1.0.2", date: "2024-03-01", kind: "correction", reason: "Sửa chính tả tên tiêu chí" },
];

describe("release history", () => {
  it("shows a commune only the corrections that name it", () => {
    expect(correctionsFor({ releases }, "11161").map((r) => r.version)).toEqual(["1.0.1"]);
    expect(correctionsFor({ releases }, "11215")).toEqual([]);
    expect(correctionsFor({}, "11161")).toEqual([]);
  });

  it("lists every year's releases newest first and marks the current one", () => {
    const listed = releasesNewestFirst([
      {
        year: 2022,
        status: "official",
        version: "1.0.0",
        releases: [{ ...releases[0]!, date: "2023-01-15" }],
      },
      { year: 2023, status: "sample", version: "1.0.2", releases },
    ]);
    expect(listed.map((r) => `${r.year} ${r.release.version} ${r.current}`)).toEqual([
      "2023 1.0.2 true",
      "2023 1.0.1 false",
      "2023 1.0.0 false",
      "2022 1.0.0 true",
    ]);
  });
});
