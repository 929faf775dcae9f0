// One build at a time: two builds share site/public/data and Astro's caches, and one would publish
// the other's half-written files. The lock is a file holding the builder's process id, created
// atomically (written under a private name, then hard-linked to the lock's name, which fails if the
// lock exists), so it is never seen empty. A build killed outright leaves it behind; its process is
// gone, so the next build takes it over — under a second, short-lived lock of the same kind, so
// that of two builds starting together only one clears the stale lock (the other then finds the
// first one's lock, alive, and stops).
import { link, readFile, rm, writeFile } from "node:fs/promises";

export class BuildLocked extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(
      `Một lần dựng trang khác đang chạy (tiến trình ${pid}); đợi nó xong rồi chạy lại. / ` +
        `Another build is running (process ${pid}); wait for it to finish, then run again.`,
    );
    this.name = "BuildLocked";
    this.pid = pid;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Links `own` to `path`: true if taken, false if `path` exists. */
async function linked(own: string, path: string): Promise<boolean> {
  try {
    await link(own, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
}

/** The process id in a lock file, or null if it is gone meanwhile. */
async function holderOf(path: string): Promise<number | null> {
  try {
    return Number(await readFile(path, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Takes the lock at `path` or throws BuildLocked; the returned function releases it. */
export async function acquireBuildLock(path: string): Promise<() => Promise<void>> {
  const own = `${path}.${process.pid}`;
  const takeover = `${path}.takeover`;
  await writeFile(own, String(process.pid));
  try {
    for (;;) {
      if (await linked(own, path)) return () => rm(path, { force: true });
      const holder = await holderOf(path);
      if (holder === null) continue; // released meanwhile: try again
      if (isRunning(holder)) throw new BuildLocked(holder);
      if (!(await linked(own, takeover))) {
        const other = await holderOf(takeover);
        if (other !== null && isRunning(other)) throw new BuildLocked(other);
        await rm(takeover, { force: true }); // left by a build killed while taking over
        continue;
      }
      try {
        if ((await holderOf(path)) === holder) await rm(path, { force: true });
        if (await linked(own, path)) return () => rm(path, { force: true });
      } finally {
        await rm(takeover, { force: true });
      }
    }
  } finally {
    await rm(own, { force: true });
  }
}
