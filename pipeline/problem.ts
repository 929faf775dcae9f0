// A validation problem: an error value with a code, never a thrown string (docs/quality.md).
export type Severity = "error" | "warning";

export interface Problem {
  /** The file's name, e.g. `appraisal.csv`. */
  file: string;
  /** 1-based line as the editor sees it in a text editor or Excel; the header is line 1; null for a whole-file problem. */
  line: number | null;
  /** The column's name, or null. */
  column: string | null;
  /** The offending value as found, or null. */
  value: string | null;
  code: string;
  severity: Severity;
  message_vi: string;
  message_en: string;
  /** What filled the message's templates (pipeline/messages.ts), to say it again in a workbook's words. */
  params?: Readonly<Record<string, string | number>>;
}

/** Where checks put what they find: an array, or validation's bounded log (validate/problem-log.ts). */
export interface ProblemSink {
  push(problem: Problem): void;
  some(predicate: (problem: Problem) => boolean): boolean;
}

/** Problems of one file and code beyond those kept: counted, not held. */
export interface OmittedProblems {
  file: string;
  code: string;
  severity: Severity;
  count: number;
}
