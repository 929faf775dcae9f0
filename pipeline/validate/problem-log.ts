// The order problems are reported in, and the problems of one validation in bounded memory. A 150 MB
// survey file whose every answer is a label instead of an option code gives tens of millions of
// problems: holding them all took 4.5 GB and ended the process before any report. Every problem is
// counted, but of each file and code only the first `keptPerKind` in report order are kept: more
// than a report lists (`listedPerKind`) and than a country has communes, so a problem per commune
// is always kept whole.
import { catalogue, isProblemCode, problem } from "../messages.ts";
import { inputFiles } from "../model.ts";
import type { OmittedProblems, Problem, ProblemSink } from "../problem.ts";

const fileOrder = new Map<string, number>(inputFiles.map((f, i) => [f, i]));

const severityOrder = { error: 0, warning: 1 } as const;

/**
 * Errors before warnings (what must be fixed first), then by file (manifest order), line (whole-file
 * problems first) and column; 0 for a tie.
 */
function compareProblems(a: Problem, b: Problem): number {
  const rank = (p: Problem) => fileOrder.get(p.file) ?? inputFiles.length;
  return (
    severityOrder[a.severity] - severityOrder[b.severity] ||
    rank(a) - rank(b) ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? "").localeCompare(b.column ?? "")
  );
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

/** Blank cells of one column listed one by one; more are said in one problem (blank_cells). */
export const blankCellsListed = 3;
/** Rows a blank_cells problem names before "…". */
const blankRowsNamed = 5;

/** A required cell left blank: an unfinished sheet has hundreds, which say one thing. */
function isBlankCell(p: Problem): boolean {
  return (
    p.value === "" &&
    p.line !== null &&
    p.column !== null &&
    p.severity === "error" &&
    isProblemCode(p.code) &&
    catalogue[p.code].layer === "cell"
  );
}

export class ProblemLog implements ProblemSink {
  private readonly kinds = new Map<string, { found: Found[]; total: number }>();
  /** Blank cells by file and column: the first few problems, the rows and how many. */
  private readonly blanks = new Map<string, { first: Problem[]; lines: number[]; count: number }>();
  private seq = 0;

  push(problem: Problem): void {
    if (isBlankCell(problem)) {
      const key = `${problem.file}\u0000${problem.column}`;
      let blank = this.blanks.get(key);
      if (blank === undefined) this.blanks.set(key, (blank = { first: [], lines: [], count: 0 }));
      blank.count++;
      if (blank.first.length < blankCellsListed) blank.first.push(problem);
      if (blank.lines.length <= blankRowsNamed) blank.lines.push(problem.line as number);
      return;
    }
    this.keep(problem);
  }

  private keep(problem: Problem): void {
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
    for (const blank of this.blanks.values()) if (blank.first.some(predicate)) return true;
    return false;
  }

  /** The problems kept, in report order, and how many more of each kind there were. */
  result(): { problems: Problem[]; omitted: OmittedProblems[] } {
    for (const { first, lines, count } of this.blanks.values()) {
      if (count <= blankCellsListed) {
        for (const p of first) this.keep(p);
        continue;
      }
      const { file, column } = first[0] as Problem;
      const rows = lines.slice(0, blankRowsNamed).join(", ") + (count > blankRowsNamed ? ", …" : "");
      const params = { count: count.toLocaleString("vi-VN"), count_en: count.toLocaleString("en-US"), rows };
      this.keep(problem("blank_cells", { file, line: lines[0] as number, column }, params));
    }
    this.blanks.clear();
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

/**
 * The problems of one file checked away from its turn (in a worker, or ahead of the files before
 * it), in the order found, to be pushed into the year's ProblemLog at the file's turn: the log then
 * holds what it would have, in the same order. Past `limit` problems it keeps none more and is
 * `full`: the file is then checked again at its turn, so that memory stays bounded.
 */
export class ProblemRecord implements ProblemSink {
  readonly found: Problem[] = [];
  full = false;
  private readonly limit: number;

  constructor(limit = keptPerKind) {
    this.limit = limit;
  }

  push(problem: Problem): void {
    if (this.found.length < this.limit) this.found.push(problem);
    else this.full = true;
  }

  some(predicate: (problem: Problem) => boolean): boolean {
    return this.found.some(predicate);
  }
}
