// Whether the build serves a release's tables at their stable address: the current version and
// every release frozen in data/<year>/releases/ are copied there by pipeline/publish/releases.ts;
// an older release that was never frozen is not, and must not be linked.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { publishedDataDir } from "./data.ts";

export function releaseServed(year: number, version: string, dir = publishedDataDir()): boolean {
  return existsSync(join(dir, String(year), `v${version}`, "results.csv"));
}
