import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { importSpecifiers, importViolations, readImportGraph } from "../support/import-graph.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the import graph", () => {
  it("finds static, re-export, side-effect and dynamic imports", () => {
    const source = [
      'import { a } from "./a.ts";',
      'import type { B } from "../b.ts";',
      "export { c } from './c.ts';",
      'import "./d.css";',
      'const e = await import("../../e.ts");',
      'import {\n  f,\n  g,\n} from "zod";',
    ].join("\n");
    expect(importSpecifiers(source)).toEqual(["./a.ts", "../b.ts", "./c.ts", "./d.css", "../../e.ts", "zod"]);
  });

  it("catches imports against the flow in a planted graph", () => {
    const graph = new Map([
      ["pipeline/compute/index.ts", ["pipeline/rules/format.ts", "site/lib/format.ts"]],
      ["pipeline/compute/index.test.ts", ["tests/support/server.ts"]],
      ["schemas/published.ts", ["tools/bench/report.ts"]],
      ["site/lib/data.ts", ["pipeline/rules/formula.ts", "tests/support/server.ts"]],
      ["site/pages/index.astro", ["tools/bench/site.ts"]],
      ["site/scripts/compare-queries.test.ts", ["tests/support/duckdb-native.ts"]],
      ["tools/bench/site.ts", ["tests/support/server.ts", "pipeline/rules/format.ts"]],
      ["tests/e2e/site.test.ts", ["site/lib/slug.ts", "tools/bench/report.ts"]],
    ]);
    expect(importViolations(graph)).toEqual([
      { file: "pipeline/compute/index.ts", imports: "site/lib/format.ts" },
      { file: "pipeline/compute/index.test.ts", imports: "tests/support/server.ts" },
      { file: "schemas/published.ts", imports: "tools/bench/report.ts" },
      { file: "site/lib/data.ts", imports: "tests/support/server.ts" },
      { file: "site/pages/index.astro", imports: "tools/bench/site.ts" },
    ]);
  });

  it("runs one way in this repository: schemas → pipeline → site, tests and tools outside", () => {
    const graph = readImportGraph(root);
    // The walk must have seen the code it guards, .astro pages included.
    expect(graph.get("pipeline/publish/xlsx.ts")).toContain("pipeline/rules/table-titles.ts");
    expect(graph.get("site/pages/index.astro")?.length).toBeGreaterThan(0);
    expect(importViolations(graph)).toEqual([]);
  });
});
