// The order problems are reported in, and the problems of one validation in bounded memory. A 150 MB
// survey file whose every answer is a label instead of an option code gives tens of millions of
// problems: holding them all took 4.5 GB and ended the process before any report. Every problem is
// counted, but of each file and code only the first `keptPerKind` in report order are kept: more
// than a report lists (`listedPerKind`) and than a country has communes, so a problem per commune
// is always kept whole.
import { inputFiles } from "../model.ts";
import type { OmittedProblems, Problem, ProblemSink } from "../problem.ts";

const fileOrder = new Map<string, number>(inputFiles.map((f, i) => [f, i]));

/** By file (manifest order), then line (whole-file problems first), then column; 0 for a tie. */
function compareProblems(a: Problem, b: Problem): number {
  const rank = (p: Problem) => fileOrder.get(p.file) ?? inputFiles.length;
  return rank(a) - rank(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? "").localeCompare(b.column ?? "");
}

/** In report order; problems that tie keep the order they were found in. */
export function sortProblems(problems: Problem[]): Problem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => compareProblems(a.p, b.p) || a.i - b.i)
    .map(({ p }) => p);
}

export const keptPerKind = 20_000;

/** A problem with its place in the order of finding, which breaks ties as sortProblems does. */
interface Found {
  problem: Problem;
  seq: number;
}

const inOrder = (a: Found, b: Found) => compareProblems(a.problem, b.problem) || a.seq - b.seq;

export class ProblemLog implements ProblemSink {
  private readonly kinds = new Map<string, { found: Found[]; total: number }>();
  private seq = 0;

  push(problem: Problem): void {
    const key = `${problem.file}\u0000${problem.code}`;
    let kind = this.kinds.get(key);
    if (kind === undefined) this.kinds.set(key, (kind = { found: [], total: 0 }));
    kind.total++;
    kind.found.push({ problem, seq: this.seq++ });
    // Cut back to the first in report order once twice as many are held: a cut sorts at most
    // 2 × keptPerKind problems.
    if (kind.found.length === 2 * keptPerKind) kind.found = kind.found.sort(inOrder).slice(0, keptPerKind);
  }

  some(predicate: (problem: Problem) => boolean): boolean {
    for (const kind of this.kinds.values()) if (kind.found.some((f) => predicate(f.problem))) return true;
    return false;
  }

  /** The problems kept, in report order, and how many more of each kind there were. */
  result(): { problems: Problem[]; omitted: OmittedProblems[] } {
    const kept: Found[] = [];
    const omitted: OmittedProblems[] = [];
    for (const kind of this.kinds.values()) {
      const first = kind.found.sort(inOrder).slice(0, keptPerKind);
      for (const found of first) kept.push(found);
      const { file, code, severity } = first[0]!.problem;
      if (kind.total > first.length) omitted.push({ file, code, severity, count: kind.total - first.length });
    }
    return { problems: kept.sort(inOrder).map((f) => f.problem), omitted };
  }
}
