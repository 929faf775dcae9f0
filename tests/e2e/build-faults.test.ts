// Issue 14, "faults": `npm run build` killed (SIGKILL to its whole process group) while it writes
// the data, when Astro starts writing and late in Astro's work leaves the output exactly as it was;
// a second build while one runs is stopped by the lock; a complete build afterwards publishes
// exactly the new site, without the temporary folders a killed build left behind.
// The previous site is the global setup's build with one page changed and one file more, so a mix
// of old and new files cannot pass for either.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { appendFile, cp, mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { treeHash } from "../unit/publish/tree.ts";
import { siteBuildArgs, siteBuildEnv } from "./build.ts";
import { E2E_OUT_DIR } from "./paths.ts";

const out = `${E2E_OUT_DIR}-fault`;
const temporaryPrefix = `.${out}-new-`;
let previous: string;
let next: string;

beforeAll(async () => {
  next = treeHash(E2E_OUT_DIR);
  await rm(out, { recursive: true, force: true });
  await cp(E2E_OUT_DIR, out, { recursive: true });
  await appendFile(join(out, "index.html"), "<!-- previous build -->");
  await writeFile(join(out, "previous-only.txt"), "previous");
  previous = treeHash(out);
});
afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

/** Files under a folder the build is writing; a folder it removes meanwhile counts as none yet. */
function filesUnder(folder: string): number {
  try {
    return readdirSync(folder, { recursive: true }).length;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw error;
  }
}

/** The build's temporary output folder, when Astro has started writing into it. */
function astroFolder(): string | null {
  const name = readdirSync(".").find((entry) => entry.startsWith(temporaryPrefix));
  return name === undefined ? null : name;
}

/** Starts a build in its own process group; `kill` ends the whole group (Astro included). */
function startBuild() {
  const child = spawn(process.execPath, siteBuildArgs, {
    env: siteBuildEnv(out),
    detached: true,
    stdio: "ignore",
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let running = true;
  void exited.then(() => (running = false));
  return {
    pid: child.pid as number,
    exited,
    isRunning: () => running,
    kill: () => process.kill(-(child.pid as number), "SIGKILL"),
  };
}

async function killWhen(moment: () => boolean): Promise<void> {
  const build = startBuild();
  try {
    while (build.isRunning() && !moment()) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(build.isRunning(), "the build was still running at the moment").toBe(true);
  } finally {
    // Never leave a build running behind a failed test: it would hold the lock for the next one.
    if (build.isRunning()) build.kill();
    await build.exited;
  }
}

// Each test below runs most of a whole site build, Astro included: as long as the global setup's
// build may take on a busy machine, not a page test's two minutes.
const wholeBuild = { timeout: 600_000 };

describe("a build killed at any moment leaves the previous site", wholeBuild, () => {
  it("while it writes the data", async () => {
    await killWhen(() => readdirSync("site/public").some((name) => name.startsWith(".data-new-")));
    expect(treeHash(out)).toBe(previous);
  });

  it("when Astro has started writing", async () => {
    await killWhen(() => {
      const folder = astroFolder();
      return folder !== null && filesUnder(folder) > 0;
    });
    expect(treeHash(out)).toBe(previous);
  });

  it("late in Astro's work", async () => {
    await killWhen(() => {
      const folder = astroFolder();
      return folder !== null && existsSync(join(folder, "index.html")) && filesUnder(folder) > 150;
    });
    expect(treeHash(out)).toBe(previous);
  });
});

describe("the next build", wholeBuild, () => {
  it("is alone: a second build at the same time stops with a clear message", async () => {
    // A killed build's temporary data folder must be removed, never published.
    await mkdir("site/public/.data-new-stale", { recursive: true });
    await writeFile("site/public/.data-new-stale/leak.txt", "stale");
    const build = startBuild();
    // The killed builds left their lock: wait until this build has taken it over.
    const holds = () => {
      try {
        return (JSON.parse(readFileSync(".build.lock", "utf8")) as { pid: number }).pid === build.pid;
      } catch {
        return false; // not there yet, or the killed build's
      }
    };
    while (build.isRunning() && !holds()) await new Promise((r) => setTimeout(r, 20));
    const second = spawnSync(process.execPath, siteBuildArgs, { env: siteBuildEnv(out), encoding: "utf8" });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`Một lần dựng trang khác đang chạy (tiến trình ${build.pid}`);
    expect(second.stderr).toContain("rm .build.lock");
    expect(await build.exited).toBe(0);
  });

  it("publishes exactly the new site, without the temporary folders", () => {
    expect(treeHash(out)).toBe(next);
    expect(existsSync("site/public/.data-new-stale")).toBe(false);
    expect(readdirSync(".").filter((name) => name.startsWith(`.${out}-`))).toEqual([]);
  });

  it("publishes folders 0755 and files 0644", () => {
    const modes = new Set(
      readdirSync(out, { recursive: true, withFileTypes: true }).map((entry) => {
        const mode = statSync(join(entry.parentPath, entry.name)).mode & 0o777;
        return `${entry.isDirectory() ? "folder" : "file"} ${mode.toString(8)}`;
      }),
    );
    expect([...modes].sort()).toEqual(["file 644", "folder 755"]);
    expect((statSync(out).mode & 0o777).toString(8)).toBe("755");
  });
});
