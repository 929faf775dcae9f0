// Reading a year from disk, for the commands (Node only): the files of `data/<year>/` or its
// workbook, hashed with node:crypto. Everything after reading — the checks, the report — is in
// validate/index.ts and validate/file-set.ts, which the browser's /kiem-tra/ page runs too.
import { constants, type Stats } from "node:fs";
import { lstat, open, readdir, readFile, realpath, stat, type FileHandle } from "node:fs/promises";
import { basename, dirname, join, sep } from "node:path";
import { problem } from "../messages.ts";
import { inputFiles, type InputFileName } from "../model.ts";
import type { Problem } from "../problem.ts";
import { isSpreadsheetName } from "../read/file-kind.ts";
import { validateFileSet, type FileSet } from "./file-set.ts";
import {
  maxInputBytes,
  sizeParams,
  surveyFileNames,
  validateYear,
  type LoadedYear,
  type SurveyFileName,
} from "./index.ts";
import { sha256 } from "./digest.ts";
import { withPredecessorCheck } from "./predecessors.ts";
import { sortProblems } from "./problem-log.ts";
import { startSurveyWorkers, surveyWorkersFrom } from "./survey-workers.ts";

/** The year of a `data/<year>` folder, when its name is one. */
export function folderYear(folder: string): number | undefined {
  const name = basename(folder.replace(/[\\/]+$/, ""));
  return /^\d{4}$/.test(name) ? Number(name) : undefined;
}

/** What a file that is not a regular file is, in both languages, for the editor. */
function kindOf(info: Stats): { kind_vi: string; kind_en: string } {
  if (info.isDirectory()) return { kind_vi: "một thư mục", kind_en: "a folder" };
  if (info.isFIFO()) return { kind_vi: "một ống dẫn (FIFO)", kind_en: "a pipe (FIFO)" };
  if (info.isCharacterDevice() || info.isBlockDevice())
    return { kind_vi: "một thiết bị", kind_en: "a device" };
  if (info.isSocket()) return { kind_vi: "một socket", kind_en: "a socket" };
  return { kind_vi: "không phải tệp thường", kind_en: "not a regular file" };
}

/**
 * One input file's bytes, or the problem why it is not read. Only a regular file inside the data
 * folder is read: a link leading out of it (to /etc/passwd, say) is refused before it is opened, so
 * nothing of it can be echoed, and a pipe is opened without waiting for a writer and refused on
 * its type, so a FIFO cannot hang the validation.
 */
async function readInput(
  folder: string,
  file: InputFileName,
  shared = false,
): Promise<Uint8Array | Problem | "missing"> {
  const at = { file, line: null };
  let path = join(folder, file);
  try {
    if ((await lstat(path)).isSymbolicLink()) {
      const [target, inside] = await Promise.all([realpath(path), realpath(folder)]);
      if (!target.startsWith(inside + sep)) return problem("file_link_outside", at);
      path = target;
    }
    const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    try {
      const info = await handle.stat();
      if (!info.isFile()) return problem("file_not_regular", at, kindOf(info));
      if (info.size > maxInputBytes) return problem("file_too_large", at, sizeParams(info.size));
      return shared ? await readShared(handle, info.size) : await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return "missing"; // reported as file_missing by the validation
    return problem("file_unreadable", at, { detail: code ?? String(error) });
  }
}

/**
 * A file's bytes on shared memory, for a survey worker: posted to it, they are shared, where a
 * structured clone of a 30 MB file cost some 0.2 s of CPU on each side (issue 26). As readFile,
 * whatever the file holds when it is read; `size` is what it held when it was opened.
 */
export async function readShared(handle: FileHandle, size: number): Promise<Uint8Array> {
  let bytes = new Uint8Array(new SharedArrayBuffer(size));
  let filled = 0;
  for (;;) {
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled);
      if (bytesRead === 0) return bytes.subarray(0, filled);
      filled += bytesRead;
    }
    // Full: more bytes mean the file grew since it was opened; read on, as readFile does.
    const more = new Uint8Array(64 * 1024);
    const { bytesRead } = await handle.read(more, 0, more.length, filled);
    if (bytesRead === 0) return bytes;
    const larger = new Uint8Array(new SharedArrayBuffer(2 * bytes.length + bytesRead));
    larger.set(bytes);
    larger.set(more.subarray(0, bytesRead), filled);
    bytes = larger;
    filled += bytesRead;
  }
}

/**
 * Reads and validates `data/<year>/`, its predecessor codes against the year before
 * (validate/predecessors.ts). A file above the size limit is refused before it is read. Survey files
 * of more than `workersFrom` bytes together are checked in worker threads.
 */
export async function loadYear(folder: string, workersFrom = surveyWorkersFrom): Promise<LoadedYear> {
  return withPredecessorCheck(await loadYearAlone(folder, workersFrom), (previous) =>
    loadYearAlone(previous, workersFrom),
  );
}

/** Reads and validates `data/<year>/` on its own. */
async function loadYearAlone(folder: string, workersFrom: number): Promise<LoadedYear> {
  const workbooks = await workbooksIn(folder);
  if (workbooks.length > 0) return loadWorkbooks(folder, workbooks);
  // The survey workers load the validator while the files are read.
  const workers = startSurveyWorkers(await surveySizes(folder), workersFrom);
  const files = new Map<InputFileName, Uint8Array>();
  const unavailable = new Set<InputFileName>();
  const early: Problem[] = [];
  for (const file of inputFiles) {
    const read = await readInput(folder, file, workers !== undefined && isSurveyFile(file));
    if (read === "missing") continue;
    if (read instanceof Uint8Array) files.set(file, read);
    else {
      unavailable.add(file);
      early.push(read);
    }
  }
  const surveys = workers?.send(files);
  const result = validateYear(files, folderYear(folder), unavailable, new Map(), sha256, undefined, surveys);
  const problems = early.length === 0 ? result.problems : sortProblems([...early, ...result.problems]);
  return { folder, ...result, data: early.length === 0 ? result.data : null, problems };
}

const isSurveyFile = (file: InputFileName): file is SurveyFileName =>
  (surveyFileNames as readonly string[]).includes(file);

/** The sizes of the survey files the folder lists (regular files only: others are refused when read). */
async function surveySizes(folder: string): Promise<Map<SurveyFileName, number>> {
  const sizes = new Map<SurveyFileName, number>();
  for (const file of surveyFileNames) {
    const info = await stat(join(folder, file)).catch(() => null);
    if (info?.isFile()) sizes.set(file, info.size);
  }
  return sizes;
}

/**
 * The workbooks `--data` names: the path itself when it is a file (an .xlsx, or an .xls, .ods, PDF…
 * that validateFileSet answers for), else the spreadsheets in the folder.
 */
export async function workbooksIn(path: string): Promise<string[]> {
  try {
    if (!(await stat(path)).isDirectory()) return [path];
    return (await readdir(path))
      .filter(isSpreadsheetName)
      .sort()
      .map((name) => join(path, name));
  } catch {
    return [];
  }
}

/**
 * Reads the workbooks (with dataset.json beside them, if there is one) and validates them: one is a
 * year, several are refused (several_workbooks). Each is refused from its size before it is read.
 */
export async function loadWorkbooks(folder: string, paths: readonly string[]): Promise<LoadedYear> {
  const named = paths.length === 1 && paths[0] === folder;
  const directory = named ? dirname(folder) : folder;
  const files: FileSet = new Map();
  const early: Problem[] = [];
  for (const path of paths) {
    const file = basename(path);
    try {
      const info = await stat(path);
      if (info.size > maxInputBytes)
        early.push(problem("file_too_large", { file, line: null }, sizeParams(info.size)));
      else files.set(file, await readFile(path));
    } catch (error) {
      const detail = (error as { code?: string }).code ?? String(error);
      early.push(problem("file_unreadable", { file, line: null }, { detail }));
    }
  }
  if (early.length > 0) return { folder, data: null, problems: early, omitted: [], inputs: [] };
  if (!named) {
    const dataset = await readFile(join(directory, "dataset.json")).catch(() => null);
    if (dataset) files.set("dataset.json", dataset);
  }
  const year = folderYear(directory);
  return { folder, ...validateFileSet(files, { folderYear: year, digest: sha256 }) };
}
