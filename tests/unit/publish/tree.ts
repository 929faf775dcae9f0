// A folder as one comparable value: every file's relative path and sha256, sorted. Two trees are
// equal only when they hold the same files with the same bytes (no file more, none less).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

export function treeHash(root: string): string {
  const lines: string[] = [];
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    lines.push(`${relative(root, path)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`);
  }
  return lines.sort().join("\n");
}
