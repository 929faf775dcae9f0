// Nothing half-published (QUALITY.md): outputs are written into a temporary sibling folder and
// only renamed into place once every file is written. A failure at any point leaves the previous
// output exactly as it was and removes the temporary folder.
import { mkdir, mkdtemp, readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

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
  const entries = await folderEntries(path);
  if (entries !== null && entries.length > 0 && !(await options.isPreviousOutput(path))) {
    throw new Error(
      `${path}: không phải thư mục kết quả cũ, không ghi đè / not a previous output folder, not replaced`,
    );
  }
  await mkdir(dirname(path), { recursive: true });
  const prefix = join(dirname(path), `.${basename(path)}-`);
  const temporary = await mkdtemp(`${prefix}new-`);
  const aside = `${prefix}old-${basename(temporary).slice(-6)}`;
  let movedAside = false;
  try {
    await write(temporary);
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
  if (movedAside) await rm(aside, { recursive: true, force: true });
}
