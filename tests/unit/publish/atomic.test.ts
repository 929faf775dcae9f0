// Issue 14, "faults": an output folder is always the previous output or the new one, never a mix
// and never missing once the next run has started; published modes are 0755/0644; one build at a time.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { recoverInterruptedSwap, replaceFolderAtomically } from "../../../pipeline/publish/atomic.ts";
import { hostname } from "node:os";
import { acquireBuildLock, processStart } from "../../../pipeline/publish/build-lock.ts";
import type { CommandError } from "../../../pipeline/messages.ts";
import { fixtureFolder } from "../validate/fixture.ts";
import { treeHash } from "./tree.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules/.bin/node");

let parent: string;
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), "cchc-atomic-"));
});
afterEach(async () => {
  await rm(parent, { recursive: true, force: true });
});

async function folderWith(path: string, files: Record<string, string>): Promise<void> {
  await mkdir(path, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(path, name), text);
}

const always = { isPreviousOutput: async () => true };

describe("a swap killed halfway is put right by the next run", () => {
  it("killed between the two renames: the output is missing; the previous one comes back", async () => {
    const out = join(parent, "out");
    await folderWith(join(parent, ".out-old-abc123"), { "a.csv": "previous" });
    await folderWith(join(parent, ".out-new-def456"), { "a.csv": "new", "b.csv": "new" });
    await recoverInterruptedSwap(out);
    expect(await readdir(parent)).toEqual(["out"]);
    expect(await readFile(join(out, "a.csv"), "utf8")).toBe("previous");
  });

  it("killed while writing or after the swap: stale folders go, the output stays", async () => {
    const out = join(parent, "out");
    await folderWith(out, { "a.csv": "current" });
    await folderWith(join(parent, ".out-old-abc123"), { "a.csv": "older" });
    await folderWith(join(parent, ".out-new-def456"), { "a.csv": "half" });
    await replaceFolderAtomically(out, (folder) => writeFile(join(folder, "a.csv"), "next"), always);
    expect(await readdir(parent)).toEqual(["out"]);
    expect(await readFile(join(out, "a.csv"), "utf8")).toBe("next");
  });

  it("publishes folders 0755 and files 0644 whatever mkdtemp and the writer gave them", async () => {
    const out = join(parent, "out");
    await replaceFolderAtomically(
      out,
      async (folder) => {
        await mkdir(join(folder, "v1.0.0"), { mode: 0o700 });
        await writeFile(join(folder, "v1.0.0", "a.csv"), "x", { mode: 0o600 });
      },
      always,
    );
    expect((await stat(out)).mode & 0o777).toBe(0o755);
    expect((await stat(join(out, "v1.0.0"))).mode & 0o777).toBe(0o755);
    expect((await stat(join(out, "v1.0.0", "a.csv"))).mode & 0o777).toBe(0o644);
  });
});

describe("the build lock", () => {
  const since = new Date("2024-03-15T02:00:00Z");
  /** What acquiring the lock threw, as the command prints it. */
  async function refusal(lock: string): Promise<CommandError> {
    return acquireBuildLock(lock, since).then(
      () => {
        throw new Error("the lock was taken");
      },
      (error: unknown) => error as CommandError,
    );
  }

  it("stops a second build, naming the holder and the command to clear the lock, and frees on release", async () => {
    const lock = join(parent, ".build.lock");
    const first = await acquireBuildLock(lock, since);
    expect(first.takenOver).toBeNull();
    const second = await refusal(lock);
    expect(second.code).toBe("lock_held");
    expect(second.messageIn("vi")).toBe(
      `Một lần dựng trang khác đang chạy (tiến trình ${process.pid} trên máy ${hostname()}, từ ` +
        "2024-03-15T02:00:00.000Z); đợi nó xong rồi chạy lại. Nếu chắc chắn không còn lần dựng nào chạy, " +
        `xóa khóa bằng lệnh: rm ${lock}`,
    );
    expect(second.messageIn("en")).toContain(`Another build is running (process ${process.pid}`);
    await first.release();
    const again = await acquireBuildLock(lock, since);
    await again.release();
    expect(await readdir(parent)).toEqual([]);
  });

  it("records the process id, the process's start and the host", async () => {
    const lock = join(parent, ".build.lock");
    const held = await acquireBuildLock(lock, since);
    expect(JSON.parse(await readFile(lock, "utf8"))).toEqual({
      pid: process.pid,
      start: processStart(process.pid),
      host: hostname(),
      since: "2024-03-15T02:00:00.000Z",
    });
    expect(processStart(process.pid)).toMatch(/^[0-9a-f-]{36}:\d+$/);
    await held.release();
  });

  it("takes over the lock of a build that was killed", async () => {
    const gone = spawnSync(node, ["-e", "0"]).pid as number;
    const lock = join(parent, ".build.lock");
    await writeFile(lock, JSON.stringify({ pid: gone, start: null, host: hostname(), since: "x" }));
    const held = await acquireBuildLock(lock, since);
    expect(JSON.parse(await readFile(lock, "utf8"))).toMatchObject({ pid: process.pid });
    expect(held.takenOver?.code).toBe("lock_taken_over");
    await held.release();
  });

  it("takes over a lock whose process id now belongs to another process (1)", async () => {
    const lock = join(parent, ".build.lock");
    await writeFile(lock, JSON.stringify({ pid: 1, start: "boot:1", host: hostname(), since: "x" }));
    const held = await acquireBuildLock(lock, since);
    expect(held.takenOver?.messageIn("vi")).toBe(
      `Khóa ${lock} còn lại từ một lần dựng đã dừng (1 @ ${hostname()}, x); lần dựng này tiếp quản khóa.`,
    );
    await held.release();
  });

  it.each([
    ["empty", ""],
    ["holding only a process id, as older builds wrote it", "1"],
    ["unreadable", "{pid"],
  ])("takes over a lock that is %s, with a notice", async (_, text) => {
    const lock = join(parent, ".build.lock");
    await writeFile(lock, text);
    const held = await acquireBuildLock(lock, since);
    expect(held.takenOver?.messageIn("en")).toBe(
      `The lock ${lock} was left by a build that stopped ("${text}"); this build takes it over.`,
    );
    await held.release();
    expect(await readdir(parent)).toEqual([]);
  });

  it("leaves a lock of another host, which it cannot check, and names it", async () => {
    const lock = join(parent, ".build.lock");
    await writeFile(lock, JSON.stringify({ pid: 1, start: null, host: "may-chu-khac", since: "hôm qua" }));
    const refused = await refusal(lock);
    expect(refused.messageIn("en")).toBe(
      "Another build is running (process 1 on may-chu-khac, since hôm qua); wait for it to finish, then " +
        `run again. If you are sure no build is running, remove the lock: rm ${lock}`,
    );
  });

  it("of builds starting together on a killed build's lock, exactly one runs", async () => {
    const lock = join(parent, ".build.lock");
    await writeFile(lock, String(spawnSync(node, ["-e", "0"]).pid));
    const module = join(root, "pipeline/publish/build-lock.ts");
    // The one that runs holds the lock until every other has tried (its standard input closes then),
    // however slowly a loaded machine starts them.
    const script =
      `const { acquireBuildLock } = await import(${JSON.stringify(module)});` +
      `try { const held = await acquireBuildLock(${JSON.stringify(lock)}); console.log("ran");` +
      `process.stdin.resume(); await new Promise((r) => process.stdin.on("end", r)); await held.release(); }` +
      ` catch (e) { console.log(e.code); }`;
    const children = Array.from({ length: 4 }, () => spawn(node, ["--input-type=module", "-e", script]));
    const exited = children.map((child) => new Promise((resolve) => child.on("exit", resolve)));
    const said = children.map(
      (child) =>
        new Promise<string>((resolve) => {
          let output = "";
          child.stdout.on("data", (chunk: Buffer) => {
            output += chunk.toString();
            if (output.includes("\n")) resolve(output.trim());
          });
        }),
    );
    const outputs = await Promise.all(said);
    for (const child of children) child.stdin.end();
    await Promise.all(exited);
    expect(outputs.sort()).toEqual(["lock_held", "lock_held", "lock_held", "ran"]);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("compute killed at any moment", () => {
  // Two different publications of the fixture year: the previous one and the new one.
  let previousData: string;
  let newData: string;
  beforeEach(async () => {
    previousData = join(parent, "previous", "2023");
    newData = join(parent, "new", "2023");
    await cp(fixtureFolder, previousData, { recursive: true });
    await cp(fixtureFolder, newData, { recursive: true });
    const appraisal = join(newData, "appraisal.csv");
    await writeFile(
      appraisal,
      (await readFile(appraisal, "utf8")).replace(/,(\d+),(\d+)(,|\r?\n)/, ",$1,0$3"),
    );
  });

  const env = { ...process.env, SOURCE_DATE_EPOCH: "1704067200" };
  const compute = (data: string, out: string) =>
    spawnSync(node, ["pipeline/cli.ts", "compute", "--data", data, "--out", out, "--no-bootstrap"], {
      cwd: root,
      env,
      encoding: "utf8",
    });

  /** Starts compute in its own process group and kills the whole group when `moment` first holds. */
  async function killedWhen(out: string, moment: (siblings: string[]) => boolean): Promise<void> {
    const child = spawn(
      node,
      ["pipeline/cli.ts", "compute", "--data", newData, "--out", out, "--no-bootstrap"],
      {
        cwd: root,
        env,
        detached: true,
        stdio: "ignore",
      },
    );
    const exited = new Promise((resolve) => child.on("exit", resolve));
    let done = false;
    void exited.then(() => (done = true));
    while (!done && !moment(await readdir(parent))) await new Promise((resolve) => setTimeout(resolve, 2));
    if (!done) process.kill(-(child.pid as number), "SIGKILL");
    await exited;
  }

  it("leaves the previous output or the new one, never a mix, and the next run completes", async () => {
    const out = join(parent, "out");
    expect(compute(newData, out).status).toBe(0);
    const next = treeHash(out);
    await rm(out, { recursive: true });
    expect(compute(previousData, out).status).toBe(0);
    const previous = treeHash(out);
    expect(previous).not.toBe(next);

    const startedWith = async () => (await stat(out)).ino;
    const swapped = (ino: number) => () => {
      try {
        return statSync(out).ino !== ino;
      } catch {
        return false;
      }
    };
    const hasSibling = (prefix: string) => (s: string[]) => s.some((n) => n.startsWith(prefix));
    // The moment, and what the output must then be: the previous, the new, or either (a race).
    const moments: [string, () => Promise<(s: string[]) => boolean>, string[]][] = [
      ["at once", async () => () => true, [previous]],
      ["when the new folder appears", async () => hasSibling(".out-new-"), [previous]],
      ["once the old folder is moved aside", async () => hasSibling(".out-old-"), [previous, next]],
      ["once the new output is renamed in", async () => swapped(await startedWith()), [next]],
    ];
    for (const [label, momentOf, expected] of moments) {
      await killedWhen(out, await momentOf());
      // What the next run does first; the output is then whole again.
      await recoverInterruptedSwap(out);
      expect(expected, label).toContain(treeHash(out));
      expect(await readdir(parent), label).toEqual(["new", "out", "previous"]);
      // Back to the previous output for the next moment.
      if (treeHash(out) === next) {
        await rm(out, { recursive: true });
        expect(compute(previousData, out).status).toBe(0);
      }
    }
    expect(compute(newData, out).status).toBe(0);
    expect(treeHash(out)).toBe(next);
    expect(existsSync(join(parent, "out"))).toBe(true);
  });
});
