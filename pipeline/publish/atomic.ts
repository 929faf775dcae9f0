// Nothing half-published (docs/quality.md): outputs are written into a temporary sibling folder and
// only renamed into place once every file is written. A failure at any point leaves the previous
// output exactly as it was and removes the temporary folder. A run killed at any moment leaves at
// worst its temporary folders, and the next run starts by putting those right (see
// recoverInterruptedSwap), so the output is always the previous one or the new one, never a mix.
import { chmod, mkdir, mkdtemp, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CommandError } from "../messages.ts";

/** The entries of a folder, or null when it does not exist. */
async function folderEntries(path: string): Promise<string[] | null> {
  try {
    return await readdir(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

export interface ReplaceOptions {
  /**
   * Whether an existing, non-empty target may be replaced. It is removed wholesale, so a mistyped
   * `--out .` must not be able to delete a repository: return true only for a previous output.
   */
  isPreviousOutput: (target: string) => Promise<boolean>;
}

/** `.data-new-`, `.data-old-`: the names of a target's temporary siblings. */
function temporaryPrefix(path: string, kind: "new" | "old"): string {
  return `.${basename(path)}-${kind}-`;
}

/**
 * Puts right what a killed run left beside `path`. A `-new-` folder may be half written: removed.
 * An `-old-` folder is a complete previous output moved aside just before the new one was renamed
 * in: if the kill came between the two renames, `path` is missing and the old output goes back;
 * otherwise it is removed.
 */
export async function recoverInterruptedSwap(path: string): Promise<void> {
  const siblings = (await folderEntries(dirname(path))) ?? [];
  const olds: string[] = [];
  for (const name of siblings) {
    if (name.startsWith(temporaryPrefix(path, "new"))) {
      await rm(join(dirname(path), name), { recursive: true, force: true });
    } else if (name.startsWith(temporaryPrefix(path, "old"))) olds.push(join(dirname(path), name));
  }
  if ((await folderEntries(path)) === null) {
    const restored = olds.pop();
    if (restored !== undefined) await rename(restored, path);
  }
  for (const old of olds) await rm(old, { recursive: true, force: true });
}

/**
 * Published folders are read by the web server and by anyone who downloads them: folders 0755 and
 * files 0644, whatever mkdtemp (0700) or the umask gave them.
 */
export async function publishModes(folder: string): Promise<void> {
  await chmod(folder, 0o755);
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (entry.isDirectory()) await chmod(path, 0o755);
    else if (entry.isFile()) await chmod(path, 0o644);
  }
}

/**
 * Runs `write` on a fresh temporary folder beside `target`, then swaps it in: the old folder is
 * moved aside, the new one renamed in, the old one removed. Siblings share a file system, so each
 * rename is atomic.
 */
export async function replaceFolderAtomically(
  target: string,
  write: (folder: string) => Promise<void>,
  options: ReplaceOptions,
): Promise<void> {
  const path = resolve(target);
  await mkdir(dirname(path), { recursive: true });
  await recoverInterruptedSwap(path);
  const entries = await folderEntries(path);
  if (entries !== null && entries.length > 0 && !(await options.isPreviousOutput(path))) {
    throw new CommandError("output_not_previous", { path });
  }
  const temporary = await mkdtemp(join(dirname(path), temporaryPrefix(path, "new")));
  const aside = join(dirname(path), `${temporaryPrefix(path, "old")}${basename(temporary).slice(-6)}`);
  let movedAside = false;
  try {
    await write(temporary);
    await publishModes(temporary);
    if (entries !== null) {
      await rename(path, aside);
      movedAside = true;
    }
    await rename(temporary, path);
  } catch (error) {
    if (movedAside) await rename(aside, path);
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
  // The new output is in place: the work is done. An old folder that cannot be removed (no right
  // to delete in it) is only reported; the next run removes it.
  if (movedAside) {
    try {
      await rm(aside, { recursive: true, force: true });
    } catch (error) {
      console.error(
        `Chưa xóa được thư mục cũ ${aside} (sẽ xóa ở lần chạy sau) / ` +
          `could not remove the old folder yet (the next run will): ${(error as Error).message}`,
      );
    }
  }
}

/** Whether a folder exists and holds the file, for `isPreviousOutput` checks. */
export async function holdsFile(folder: string, file: string): Promise<boolean> {
  try {
    return (await stat(join(folder, file))).isFile();
  } catch {
    return false;
  }
}
