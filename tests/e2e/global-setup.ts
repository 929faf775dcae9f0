// Builds the site ONCE under the base path GitHub project pages use, into dist-e2e/ (dist/ stays
// the deployable build), serves it, and hands its URL to the tests through Vitest's provide/inject.
// E2E_REUSE_BUILD=1 skips the build when dist-e2e/ exists (for quick reruns while writing tests).
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { buildSite } from "./build.ts";
import { BASE_PATH, E2E_OUT_DIR } from "./paths.ts";
import { startStaticServer } from "../support/server.ts";

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(process.env.E2E_REUSE_BUILD === "1" && existsSync(E2E_OUT_DIR))) {
    buildSite(E2E_OUT_DIR);
  }
  const server = await startStaticServer(E2E_OUT_DIR, BASE_PATH);
  project.provide("siteUrl", server.url);
  return () => server.close();
}

declare module "vitest" {
  export interface ProvidedContext {
    siteUrl: string;
  }
}
