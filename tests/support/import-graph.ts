// The project's import graph, read from the source text, and the one-way rule it must keep:
// schemas → pipeline → site, with tests/ and tools/ outside the product. Specifiers are found
// with a pattern, not a parser: `import … from "x"`, `export … from "x"`, `import "x"` and
// `import("x")`, in .ts, .mjs and .astro files (frontmatter and <script> alike).
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative, sep } from "node:path";

const specifierPattern = /\b(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

/** The specifiers a source text imports or re-exports from. */
export function importSpecifiers(source: string): string[] {
  return [...source.matchAll(specifierPattern)].map((match) => match[1] as string);
}

/** file → the project files it imports, both as paths from the repository root with `/`. */
export type ImportGraph = Map<string, string[]>;

const sourceFile = /\.(ts|mjs|astro)$/;
const skipped = new Set(["node_modules", "dist", ".astro", ".git", "public"]);

function sourceFiles(root: string, folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const path = folder === "" ? entry.name : `${folder}/${entry.name}`;
    if (entry.isDirectory())
      return skipped.has(entry.name) || entry.name.startsWith("dist") ? [] : sourceFiles(root, path);
    return sourceFile.test(entry.name) ? [path] : [];
  });
}

/** The graph of every source file under `root`; package imports (no leading `.`) are left out. */
export function readImportGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root, "")) {
    const targets = importSpecifiers(readFileSync(join(root, file), "utf8"))
      .filter((specifier) => specifier.startsWith("."))
      .map((specifier) =>
        relative(root, normalize(join(root, dirname(file), specifier)))
          .split(sep)
          .join("/"),
      );
    graph.set(file, targets);
  }
  return graph;
}

const topFolder = (path: string) => path.split("/")[0] ?? "";
const isTest = (path: string) => /\.test\.ts$/.test(path);

/**
 * Which folders a file may not import from. pipeline/ and schemas/ (their tests included) never
 * reach site/, tests/ or tools/. Site code never reaches tests/ or tools/; a site test may use the
 * helpers in tests/support/ (native DuckDB for the pages' SQL).
 */
function forbiddenFor(file: string): string[] {
  const top = topFolder(file);
  if (top === "pipeline" || top === "schemas") return ["site", "tests", "tools"];
  if (top === "site") return isTest(file) ? ["tools"] : ["tests", "tools"];
  return [];
}

export interface ImportViolation {
  file: string;
  imports: string;
}

/** Every import against the one-way flow. */
export function importViolations(graph: ImportGraph): ImportViolation[] {
  const violations: ImportViolation[] = [];
  for (const [file, targets] of graph) {
    const forbidden = forbiddenFor(file);
    for (const target of targets)
      if (forbidden.includes(topFolder(target))) violations.push({ file, imports: target });
  }
  return violations;
}
