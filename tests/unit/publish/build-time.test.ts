import { execFileSync, spawnSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveBuildTime } from "../../../pipeline/publish/build-time.ts";
import { fixtureFolder } from "../validate/fixture.ts";

describe("build time", () => {
  it("comes from SOURCE_DATE_EPOCH when set", () => {
    // 1704067200 s = 19723 days × 86400 s: 2024-01-01T00:00:00Z.
    expect(resolveBuildTime({ SOURCE_DATE_EPOCH: "1704067200" }, tmpdir()).toISOString()).toBe(
      "2024-01-01T00:00:00.000Z",
    );
  });

  it("rejects an epoch that is not whole seconds", () => {
    expect(() => resolveBuildTime({ SOURCE_DATE_EPOCH: "2024-01-01" }, tmpdir())).toThrow(
      /SOURCE_DATE_EPOCH/,
    );
  });

  it("refuses to fall back to the clock outside a git repository", () => {
    expect(() => resolveBuildTime({}, tmpdir())).toThrow(/SOURCE_DATE_EPOCH/);
  });
});

describe("build time of data kept outside the project", () => {
  const root = fileURLToPath(new URL("../../../", import.meta.url));
  const node = join(root, "node_modules/.bin/node");
  const projectTime = execFileSync("git", ["log", "-1", "--format=%ct"], {
    cwd: root,
    encoding: "utf8",
  }).trim();
  // No SOURCE_DATE_EPOCH: the commit must be found, and it must be the project's.
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== "SOURCE_DATE_EPOCH"));
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "cchc-build-time-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  async function computedBuildTime(data: string): Promise<string> {
    const out = join(scratch, `out-${Math.random().toString(36).slice(2)}`);
    const run = spawnSync(
      node,
      ["pipeline/cli.ts", "compute", "--data", data, "--out", out, "--no-bootstrap"],
      {
        cwd: root,
        env,
        encoding: "utf8",
      },
    );
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    return (JSON.parse(await readFile(join(out, "dataset.json"), "utf8")) as { build_time: string })
      .build_time;
  }

  it("a data folder in no repository takes the project's commit time", async () => {
    const data = join(scratch, "loose", "2023");
    await cp(fixtureFolder, data, { recursive: true });
    expect(await computedBuildTime(data)).toBe(new Date(Number(projectTime) * 1000).toISOString());
  });

  it("a data folder inside another repository never takes that repository's time", async () => {
    const repository = join(scratch, "other");
    const data = join(repository, "2023");
    await cp(fixtureFolder, data, { recursive: true });
    const git = (...args: string[]) =>
      execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], {
        cwd: repository,
        env: { ...env, GIT_COMMITTER_DATE: "2001-01-01T00:00:00Z", GIT_AUTHOR_DATE: "2001-01-01T00:00:00Z" },
      });
    git("init", "-q");
    git("add", ".");
    git("commit", "-qm", "other");
    expect(await computedBuildTime(data)).toBe(new Date(Number(projectTime) * 1000).toISOString());
  });
});
