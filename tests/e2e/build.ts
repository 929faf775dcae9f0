// `npm run build` (the site command: data, then Astro, published atomically), under the e2e base
// path, into a given folder: used by the global setup and by the reproducible-build test, so both
// build the same way.
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
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

/**
 * The site command's two steps (pipeline/commands/site.ts) on a data folder of its own: the data
 * of `data` (a folder of year folders) into `<folder>/published`, then Astro into `<folder>/site`.
 * Tests that build other data than data/ use it; the first failing step's run is returned.
 */
export function buildOtherData(data: string, folder: string): SpawnSyncReturns<string> {
  const published = join(folder, "published");
  const env = { ...siteBuildEnv(join(folder, "site")), PUBLISHED_DATA_DIR: published };
  const run = spawnSync(process.execPath, ["pipeline/cli.ts", "build", "--data", data, "--out", published], {
    env,
    encoding: "utf8",
  });
  if (run.status !== 0) return run;
  return spawnSync(
    process.execPath,
    ["node_modules/astro/bin/astro.mjs", "build", "--outDir", join(folder, "site")],
    { env, encoding: "utf8" },
  );
}
