// Builds the site ONCE under the base path GitHub project pages use, into dist-e2e/ (dist/ stays
// the deployable build), serves it, and hands its URL to the tests through Vitest's provide/inject.
// E2E_REUSE_BUILD=1 skips the build when dist-e2e/ exists (for quick reruns while writing tests).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { BASE_PATH, E2E_OUT_DIR } from "./paths.ts";
import { startStaticServer } from "./server.ts";

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(" ")} failed with exit code ${result.status}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (!(process.env.E2E_REUSE_BUILD === "1" && existsSync(E2E_OUT_DIR))) {
    const env = {
      ...process.env,
      SITE_BASE: BASE_PATH,
      SITE_OUT_DIR: E2E_OUT_DIR,
      ASTRO_TELEMETRY_DISABLED: "1",
    };
    // The same two steps as `npm run build`, with this process's Node (the pinned one).
    run(process.execPath, ["pipeline/cli.ts", "build"], env);
    run(process.execPath, ["node_modules/astro/bin/astro.mjs", "build"], env);
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
