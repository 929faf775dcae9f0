// The check of /kiem-tra/, off the page's thread: the pipeline's validator (the same code as
// `npm run validate`) on the files the page hands over, so a large workbook never freezes the tab.
// It tells the page which input it is checking, then sends the problems as the editor reads them.
import { z } from "zod";
import type { OmittedProblems, Problem } from "../../../pipeline/problem.ts";
import { isWorkbookName } from "../../../pipeline/read/file-kind.ts";
import { namedBySheet, validateFileSet, type FileSet } from "../../../pipeline/validate/file-set.ts";
import { validationSteps } from "../../../pipeline/validate/index.ts";
import { wordsOf } from "../../../schemas/workbook.ts";

// Zod compiles parsers with new Function when it may; the site's CSP forbids that.
z.config({ jitless: true });

/** What the page sends: the files picked or dropped. */
export interface CheckRequest {
  files: File[];
}

/** What the worker tells the page: where it is, then the result or why there is none. */
export type CheckMessage =
  | { kind: "progress"; done: number; total: number; step: string }
  | { kind: "done"; problems: Problem[]; omitted: OmittedProblems[] }
  | { kind: "failed"; message: string };

const post = (message: CheckMessage) => postMessage(message);

addEventListener("message", (event: MessageEvent<CheckRequest>) => {
  void check(event.data.files).catch((error: unknown) =>
    post({ kind: "failed", message: error instanceof Error ? error.message : String(error) }),
  );
});

async function check(files: File[]): Promise<void> {
  const total = validationSteps + 1;
  post({ kind: "progress", done: 0, total, step: "Đang đọc tệp" });
  const set: FileSet = new Map();
  for (const file of files) set.set(file.name, new Uint8Array(await file.arrayBuffer()));
  const workbook = [...set.keys()].some(isWorkbookName);
  /** The input being checked, as the editor knows it: its sheet in a workbook, else its file. */
  const named = (file: string) =>
    file === "*"
      ? "Đang đối chiếu giữa các " + (workbook ? "trang tính" : "tệp")
      : workbook
        ? `Đang kiểm tra trang tính ${wordsOf(file)?.title ?? file}`
        : `Đang kiểm tra tệp ${file}`;
  if (workbook) post({ kind: "progress", done: 0, total, step: "Đang mở tệp Excel" });
  const loaded = validateFileSet(set, {
    digest: () => "",
    progress: ({ file, done }) => post({ kind: "progress", done: done + 1, total, step: named(file) }),
  });
  // Params only served to say the problems again in the workbook's words; they need not travel.
  const problems = namedBySheet(loaded).map(({ params: _params, ...p }) => p);
  post({ kind: "done", problems, omitted: loaded.omitted });
}
