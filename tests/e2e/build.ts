// `npm run build` (the site command: data, then Astro, published atomically), under the e2e base
// path, into a given folder: used by the global setup and by the reproducible-build test, so both
// build the same way.
import { spawnSync } from "node:child_process";
import { BASE_PATH, SITE_URL } from "./paths.ts";

/**
 * Vitest copies Vite's import.meta.env (BASE_URL, MODE, DEV, PROD, SSR) into process.env of its
 * workers; a build spawned with them would take BASE_URL "/" over the configured base path.
 */
const viteVariables = new Set(["BASE_URL", "MODE", "DEV", "PROD", "SSR"]);

/** The environment of a build under the e2e base path into `outDir`. */
export function siteBuildEnv(outDir: string): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !viteVariables.has(key)),
  );
  // SITE_URL as the publish workflow sets it (a reserved example domain here), so that the tests
  // see the absolute Open Graph and feed links that sharing services need. Nothing fetches it.
  return {
    ...inherited,
    SITE_BASE: BASE_PATH,
    SITE_URL,
    SITE_OUT_DIR: outDir,
    ASTRO_TELEMETRY_DISABLED: "1",
  };
}

/** `npm run build`'s command, with this process's Node: the pinned one. */
export const siteBuildArgs = ["pipeline/cli.ts", "site"];

export function buildSite(outDir: string): void {
  const result = spawnSync(process.execPath, siteBuildArgs, { env: siteBuildEnv(outDir), stdio: "inherit" });
  if (result.status !== 0)
    throw new Error(`${siteBuildArgs.join(" ")} failed with exit code ${result.status}`);
}
