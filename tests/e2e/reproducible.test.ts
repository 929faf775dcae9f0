// docs/quality.md: the same commit builds a byte-identical site. The global setup built the site once
// into dist-e2e/; here the same build runs again into another folder, and every file of
// the two builds is compared byte for byte (pages, charts, PNGs, CSV, Parquet, XLSX, manifest).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "./build.ts";
import { E2E_OUT_DIR } from "./paths.ts";

const secondBuild = `${E2E_OUT_DIR}-again`;

function fileHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    hashes.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
  }
  return hashes;
}

afterAll(() => rmSync(secondBuild, { recursive: true, force: true }));

describe("reproducible build", () => {
  it("builds byte-identical files from the same commit", () => {
    buildSite(secondBuild);
    const first = fileHashes(E2E_OUT_DIR);
    const second = fileHashes(secondBuild);
    expect(first.size).toBeGreaterThan(50);
    expect([...second.keys()].sort()).toEqual([...first.keys()].sort());
    const differing = [...first].filter(([file, hash]) => second.get(file) !== hash).map(([file]) => file);
    expect(differing).toEqual([]);
  });
});
