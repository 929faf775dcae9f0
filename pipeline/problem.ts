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
}
