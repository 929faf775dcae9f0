// One build at a time: two builds share site/public/data and Astro's caches, and one would publish
// the other's half-written files. The lock is a file naming its builder — process id, the process's
// start (so that a reused process id is not taken for the build), host, and when it began — created
// atomically (written under a private name, then hard-linked to the lock's name, which fails if the
// lock exists), so it is never seen half written. A build killed outright leaves it behind; its
// process is gone (or the id now belongs to another process), so the next build takes it over with a
// notice — under a second, short-lived lock of the same kind, so that of two builds starting
// together only one clears the stale lock (the other then finds the first one's lock, alive, and
// stops). A lock that is empty or unreadable (written by hand, or by an older build) is stale too.
// A lock from another host cannot be checked: it is named, with the command to clear it.
import { readFileSync } from "node:fs";
import { link, readFile, rm, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { CommandError } from "../messages.ts";

/** Who holds a lock, as its file says. */
export interface LockHolder {
  pid: number;
  /** The process's start as the system counts it (boot id and clock ticks), null where unknown. */
  start: string | null;
  host: string;
  /** When the build took the lock, for the reader (ISO 8601). */
  since: string;
}

/**
 * A process's start: the boot's id and the start time in clock ticks since boot (Linux /proc), so
 * that a process id reused after the build died, or after a reboot, is told apart. Null elsewhere.
 */
export function processStart(pid: number): string | null {
  try {
    const bootId = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (in parentheses, which may hold spaces): state is field 3,
    // starttime field 22.
    const ticks = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return ticks === undefined ? null : `${bootId}:${ticks}`;
  } catch {
    return null;
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

/** The holder a lock file's text names, or null when it names none (empty, unreadable, old format). */
export function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    if (typeof value !== "object" || value === null) return null;
    const { pid, start, host, since } = value;
    if (typeof pid !== "number" || !Number.isInteger(pid) || pid <= 0) return null;
    if (typeof host !== "string" || typeof since !== "string") return null;
    if (start !== null && typeof start !== "string") return null;
    return { pid, start, host, since };
  } catch {
    return null;
  }
}

/** Whether the build a lock names may still run: always so for another host, which cannot be asked. */
function mayBeRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (!isRunning(holder.pid)) return false;
  const start = processStart(holder.pid);
  return holder.start === null || start === null || start === holder.start;
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

/** A lock file's text, or null if it is gone meanwhile. */
async function lockText(path: string): Promise<string | null> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

function locked(path: string, holder: LockHolder): CommandError<"lock_held"> {
  return new CommandError("lock_held", {
    pid: holder.pid,
    host: holder.host,
    since: holder.since,
    lock: path,
  });
}

export interface BuildLock {
  release: () => Promise<void>;
  /** The notice to print when a stale lock was taken over, else null. */
  takenOver: CommandError<"lock_taken_over"> | null;
}

/**
 * Takes the lock at `path`, taking over a stale one; throws a CommandError "lock_held" naming the
 * live holder (and how to clear the lock if the reader is sure it is not).
 */
export async function acquireBuildLock(path: string, now: Date = new Date()): Promise<BuildLock> {
  const own = `${path}.${process.pid}`;
  const takeover = `${path}.takeover`;
  const self: LockHolder = {
    pid: process.pid,
    start: processStart(process.pid),
    host: hostname(),
    since: now.toISOString(),
  };
  await writeFile(own, JSON.stringify(self));
  const release = () => rm(path, { force: true });
  let takenOver: CommandError<"lock_taken_over"> | null = null;
  try {
    for (;;) {
      if (await linked(own, path)) return { release, takenOver };
      const text = await lockText(path);
      if (text === null) continue; // released meanwhile: try again
      const holder = parseHolder(text);
      if (holder !== null && mayBeRunning(holder)) throw locked(path, holder);
      if (!(await linked(own, takeover))) {
        const other = parseHolder((await lockText(takeover)) ?? "");
        if (other !== null && mayBeRunning(other)) throw locked(path, other);
        await rm(takeover, { force: true }); // left by a build killed while taking over
        continue;
      }
      try {
        if ((await lockText(path)) === text) await rm(path, { force: true });
        if (await linked(own, path)) {
          const named =
            holder === null
              ? `"${text.trim().slice(0, 40)}"`
              : `${holder.pid} @ ${holder.host}, ${holder.since}`;
          takenOver = new CommandError("lock_taken_over", { lock: path, holder: named });
          return { release, takenOver };
        }
      } finally {
        await rm(takeover, { force: true });
      }
    }
  } finally {
    await rm(own, { force: true });
  }
}
