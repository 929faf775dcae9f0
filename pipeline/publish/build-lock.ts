// One build at a time: two builds share site/public/data and Astro's caches, and one would publish
// the other's half-written files. The lock is a file holding the builder's process id, created
// atomically (written under a private name, then hard-linked to the lock's name, which fails if the
// lock exists), so it is never seen empty. A build killed outright leaves it behind; its process is
// gone, so the next build takes it over.
import { link, readFile, rm, writeFile } from "node:fs/promises";

export class BuildLocked extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(
      `Một lần dựng trang khác đang chạy (tiến trình ${pid}); đợi nó xong rồi chạy lại. / ` +
        `Another build is running (process ${pid}); wait for it to finish, then run again.`,
    );
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

/** Takes the lock at `path` or throws BuildLocked; the returned function releases it. */
export async function acquireBuildLock(path: string): Promise<() => Promise<void>> {
  const own = `${path}.${process.pid}`;
  await writeFile(own, String(process.pid));
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(own, path);
        return () => rm(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      }
      const holder = Number(await readFile(path, "utf8").catch(() => ""));
      if (attempt > 0 || (Number.isInteger(holder) && holder > 0 && isRunning(holder))) {
        throw new BuildLocked(holder);
      }
      await rm(path, { force: true }); // left by a build that was killed
    }
  } finally {
    await rm(own, { force: true });
  }
}
