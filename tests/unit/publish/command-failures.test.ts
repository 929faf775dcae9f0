// Issues 21, 22 and 24: what stops the build, `release` or `template` is said as a sentence with the
// cause, the path and what to do — in Vietnamese, or English with --lang en — never a stack trace;
// the site is never left missing; a stale lock never blocks a build; a workbook year is frozen like
// a CSV year. The commands run as the editor runs them, in a scratch folder.
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { explainFailure } from "../../../pipeline/console.ts";
import { fixtureFolder } from "../validate/fixture.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules/.bin/node");
const env = { ...process.env, SOURCE_DATE_EPOCH: "1704067200" };

let scratch: string;
beforeEach(async () => {
  scratch = await mkdtemp(join(tmpdir(), "cchc-failures-"));
});
afterEach(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** `node pipeline/cli.ts <args>` run from `cwd` (the scratch folder unless given). */
function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const run = spawnSync(node, [join(root, "pipeline/cli.ts"), ...args], {
    cwd: options.cwd ?? scratch,
    env: options.env ?? env,
    encoding: "utf8",
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const noStackTrace = /^\s+at |node:internal|\.ts:\d+/m;

/** The fixture year as data/2023/ of the scratch folder, with its first release entry. */
async function fixtureYear(): Promise<string> {
  const folder = join(scratch, "data", "2023");
  await cp(fixtureFolder, folder, { recursive: true });
  const manifestPath = join(folder, "dataset.json");
  const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as Record<string, unknown>;
  manifest.releases = [{ version: manifest.version, date: "2024-03-15", kind: "release", reason: "Công bố" }];
  await writeFile(manifestPath, JSON.stringify(manifest, null, 2));
  return folder;
}

describe("the site is never left missing", () => {
  it("puts back the previous site a swap left aside, even when validation then stops the build", async () => {
    const year = await fixtureYear();
    await writeFile(join(year, "communes.csv"), "code,name\n");
    await mkdir(join(scratch, ".dist-old-abc123"));
    await writeFile(join(scratch, ".dist-old-abc123", "index.html"), "<p>trang trước</p>");
    const run = cli(["site"]);
    expect(run.status).toBe(1);
    expect(await readFile(join(scratch, "dist", "index.html"), "utf8")).toBe("<p>trang trước</p>");
    expect((await readdir(scratch)).filter((name) => name.startsWith(".dist"))).toEqual([]);
  });
});

describe("a stale build lock does not block the build", () => {
  it.each([
    ["a live unrelated process id", "1"],
    ["nothing", ""],
  ])("a lock holding %s is taken over with a notice", async (_, text) => {
    await writeFile(join(scratch, ".build.lock"), text);
    const run = cli(["site", "--lang", "en"]); // no data/ here: the build then stops on that
    expect(run.stderr).toContain(
      `The lock .build.lock was left by a build that stopped ("${text}"); this build takes it over.`,
    );
    expect(run.stderr).not.toContain("Another build is running");
    expect(await readdir(scratch)).not.toContain(".build.lock");
  });
});

describe("failures say what to do, without a stack trace", () => {
  it("a missing data folder", () => {
    const run = cli(["build", "--data", "khong-co"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "Lỗi: Không tìm thấy khong-co. Kiểm tra đường dẫn (--data, --out, --published) rồi chạy lại.\n",
    );
  });

  it("a full disk (the template written to /dev/full), in English with --lang en", () => {
    const run = cli([
      "template",
      "--year",
      "2023",
      "--data",
      fixtureFolder,
      "--out",
      "/dev/full",
      "--lang",
      "en",
    ]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      "Error: The disk is full (writing /dev/full). Free some space (unneeded files, temporary folders), " +
        "then run again; the previous output is unchanged.\n",
    );
  });

  it("no git and no SOURCE_DATE_EPOCH: the template says how to give it a build time", () => {
    const noGit = Object.fromEntries(Object.entries(env).filter(([key]) => key !== "SOURCE_DATE_EPOCH"));
    const out = join(scratch, "mau.xlsx");
    const run = cli(["template", "--year", "2023", "--data", fixtureFolder, "--out", out], {
      env: { ...noGit, GIT_DIR: join(scratch, "khong-phai-kho-git") },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^Lỗi: Không xác định được thời điểm dựng: .*SOURCE_DATE_EPOCH=<số giây>\.\n$/,
    );
    expect(run.stderr).not.toMatch(noStackTrace);
  });

  it("a file missing from a frozen release stops the build, naming it and how to restore it", async () => {
    const year = await fixtureYear();
    const out = join(scratch, "public");
    expect(cli(["build", "--data", "data", "--out", out]).status).toBe(0);
    expect(cli(["release", "--year", "2023", "--published", out]).status).toBe(0);
    const frozen = join("data", "2023", "releases", "v1.0.0");
    await rm(join(year, "releases", "v1.0.0", "scores.csv"));
    const run = cli(["build", "--data", "data", "--out", out, "--lang", "en"]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Error: The file ${join(frozen, "scores.csv")} of the frozen release 1.0.0 is missing. A release is ` +
        `never changed: restore the frozen files from git (git checkout -- ${frozen}), then run again.\n`,
    );
    expect(run.stderr).not.toMatch(noStackTrace);
  });

  const failure = (code: string, syscall: string, path: string) =>
    Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });

  it.each([
    ["ENOSPC", "write", "disk_full", "Ổ đĩa đã đầy khi ghi /srv/dist/index.html."],
    ["EROFS", "mkdtemp", "read_only", "/srv/.dist-new-x nằm trên ổ chỉ đọc, không ghi được."],
    ["EACCES", "open", "permission_denied", "Không có quyền truy cập /srv/dist/index.html."],
  ])("%s becomes %s, with the path", async (code, syscall, expected, sentence) => {
    const path = syscall === "mkdtemp" ? "/srv/.dist-new-x" : "/srv/dist/index.html";
    const explained = await explainFailure(failure(code, syscall, path));
    expect(explained?.code).toBe(expected);
    expect(explained?.messageIn("vi")).toContain(sentence);
  });

  it("a folder that cannot be made on a read-only file system says read-only, not 'no such file'", async () => {
    // Node's recursive mkdir reports ENOENT there; the nearest existing folder tells why.
    const readOnly = async () => {
      throw Object.assign(new Error("EROFS"), { code: "EROFS" });
    };
    const target = join(scratch, "site", "public", "data");
    const explained = await explainFailure(failure("ENOENT", "mkdir", target), { canWrite: readOnly });
    expect(explained?.messageIn("en")).toBe(
      `${scratch} is on a read-only file system and cannot be written. Run the command in a writable ` +
        "folder, or choose another output folder (--out, --out-dir).",
    );
  });
});

describe("release --year freezes a workbook year like a CSV year", () => {
  it("a year committed as one workbook beside dataset.json", async () => {
    const year = await fixtureYear();
    const workbook = join(scratch, "so-lieu.xlsx");
    expect(cli(["template", "--year", "2023", "--data", year, "--filled", "--out", workbook]).status).toBe(0);
    for (const file of await readdir(year)) if (file !== "dataset.json") await rm(join(year, file));
    await cp(workbook, join(year, "so-lieu.xlsx"));
    const out = join(scratch, "public");
    expect(cli(["build", "--data", "data", "--out", out]).status).toBe(0);
    const run = cli(["release", "--year", "2023", "--published", out]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect((await readdir(join(year, "releases", "v1.0.0"))).sort()).toContain("results.csv");
  });
});
