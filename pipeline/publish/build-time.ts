// The build time stamped into published files comes from the commit, never from the clock, so the
// same commit builds byte-identical outputs (docs/quality.md): SOURCE_DATE_EPOCH when set (CI sets it
// from the commit, see reproducible-builds.org/specs/source-date-epoch), else the commit time of this
// project's own HEAD. Never the data folder's: data kept elsewhere may sit in an unrelated repository
// (whose time says nothing about this build) or in none. Callers resolve it before any work, so a
// missing build time fails at once rather than after minutes of computing.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { CommandError } from "../messages.ts";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));

export function resolveBuildTime(env: NodeJS.ProcessEnv, cwd: string = projectRoot): Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) {
      throw new CommandError("build_time_invalid", { value: epoch });
    }
    return new Date(Number(epoch) * 1000);
  }
  let commitTime: string;
  try {
    commitTime = execFileSync("git", ["log", "-1", "--format=%ct"], {
      cwd,
      encoding: "utf8",
      // git's own "fatal: not a git repository" would come before the sentence that says what to do.
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    commitTime = "";
  }
  if (!/^\d+$/.test(commitTime)) {
    throw new CommandError("build_time_missing", {});
  }
  return new Date(Number(commitTime) * 1000);
}
