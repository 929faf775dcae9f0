// `npm run build` = `node pipeline/cli.ts site [--out-dir dist] [--data data] [--lang vi|en]`: the
// data for every year (the build command) then the Astro site and, beside it, the share images and
// the communes' workbooks (site/lib/side-files.ts), published all at once. Astro writes
// into a fresh temporary folder beside the output, which replaces it only when the build is
// complete: a failure or a kill at any moment leaves the previous site exactly as it was, and what a
// killed build left is put right first, before validation, so the site is never left missing. A
// lock keeps a second build from running at the same time. The output folder is --out-dir, else
// SITE_OUT_DIR (the end-to-end tests), else dist. --data is the folder of year folders the data
// build reads (the benchmark builds generated provinces this way).
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { acquireBuildLock, type BuildLock } from "../publish/build-lock.ts";
import { holdsFile, recoverInterruptedSwap, replaceFolderAtomically } from "../publish/atomic.ts";
import { assertPublicFolder } from "../publish/public-files.ts";
import { printFailure, reportOptions } from "../console.ts";
import { run as buildData } from "./build.ts";

/** Left in site/public by a data build that was killed: Astro would copy them into the site. */
const dataTemporaries = /^\.data-(new|old)-/;

/**
 * A Node script of the project run to its end with the same Node as this process (the pinned one),
 * in this process group, so that a kill of the build's group also stops it.
 */
function runNode(args: string[], what: string): Promise<void> {
  const child = spawn(process.execPath, args, { stdio: "inherit" });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${what}: ${signal ?? `exit code ${code}`}`)),
    );
  });
}

/**
 * The Astro site into `outDir` and, at the same time in a process of its own, the share images and
 * the communes' workbooks into a temporary folder copied into the site when both are done
 * (site/lib/side-files.ts: they need nothing Astro makes, and Astro leaves a core mostly idle).
 * Astro empties its output folder when it starts, so they cannot be written into it.
 */
async function siteBuild(outDir: string): Promise<void> {
  const side = await mkdtemp(join(tmpdir(), "side-files-"));
  try {
    const done = await Promise.allSettled([
      runNode(["node_modules/astro/bin/astro.mjs", "build", "--outDir", outDir], "astro build"),
      runNode(["site/lib/side-files.ts", side], "side-files"),
    ]);
    for (const result of done) if (result.status === "rejected") throw result.reason;
    await cp(side, outDir, { recursive: true });
  } finally {
    await rm(side, { recursive: true, force: true });
  }
}

export async function run(args: string[]): Promise<number> {
  let outDir: string;
  let lang: "vi" | "en";
  let data: string;
  try {
    const { values } = parseArgs({
      args,
      options: {
        "out-dir": { type: "string" },
        data: { type: "string", default: "data" },
        lang: { type: "string" },
      },
      strict: true,
    });
    outDir = values["out-dir"] ?? process.env.SITE_OUT_DIR ?? "dist";
    data = values.data;
    ({ lang } = reportOptions({ lang: values.lang }));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nCách dùng / usage: node pipeline/cli.ts site [--out-dir dist] [--data data] [--lang vi|en]`,
    );
    return 2;
  }
  let lock: BuildLock;
  try {
    lock = await acquireBuildLock(".build.lock");
  } catch (error) {
    await printFailure(error, lang);
    return 1;
  }
  if (lock.takenOver !== null) console.error(lock.takenOver.messageIn(lang));
  try {
    // What a killed build left beside the site is put right before anything can fail: the site is
    // never left missing. The data build does the same for site/public/data.
    await recoverInterruptedSwap(outDir);
    const code = await buildData(["--lang", lang, "--data", data]);
    if (code !== 0) return code;
    await replaceFolderAtomically(
      outDir,
      async (temporary) => {
        await siteBuild(temporary);
        for (const name of await readdir(temporary)) {
          if (dataTemporaries.test(name)) await rm(join(temporary, name), { recursive: true, force: true });
        }
        // The pages' own downloads (a commune's tables) pass the same gate as the data; the data
        // Astro copied from site/public passed it in the data build above and is not read again.
        await assertPublicFolder(temporary, "site/public");
      },
      // A site Astro built, whole or (from a build before this one was atomic) in part.
      {
        isPreviousOutput: async (folder) =>
          (await holdsFile(folder, "index.html")) ||
          (await holdsFile(folder, "404.html")) ||
          existsSync(join(folder, "_astro")),
      },
    );
    return 0;
  } catch (error) {
    await printFailure(error, lang, outDir);
    return 1;
  } finally {
    await lock.release();
  }
}
