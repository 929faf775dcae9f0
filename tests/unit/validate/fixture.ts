// The small valid year of tests/fixtures/validate/2023 (3 communes of both types, a 10-row criteria
// tree, 9 forms per panel) and helpers to break one file at a time.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inputFiles, type InputFileName } from "../../../pipeline/model.ts";
import type { Problem } from "../../../pipeline/problem.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { validateFiles } from "../../../pipeline/validate/index.ts";

export const fixtureFolder = fileURLToPath(new URL("../../fixtures/validate/2023", import.meta.url));

export type YearFiles = Partial<Record<InputFileName, Uint8Array>>;

export function validTexts(): Record<InputFileName, string> {
  return Object.fromEntries(
    inputFiles.map((file) => [file, readFileSync(`${fixtureFolder}/${file}`, "utf8")]),
  ) as Record<InputFileName, string>;
}

export function toBytes(texts: Partial<Record<InputFileName, string>>): YearFiles {
  return Object.fromEntries(
    Object.entries(texts).map(([file, text]) => [file, new TextEncoder().encode(text)]),
  );
}

/** The valid year with some files replaced (by text or by bytes). */
export function withFiles(
  replacements: Partial<Record<InputFileName, string | Uint8Array | undefined>>,
): YearFiles {
  const files = toBytes(validTexts());
  for (const [file, content] of Object.entries(replacements) as [
    InputFileName,
    string | Uint8Array | undefined,
  ][]) {
    if (content === undefined) delete files[file];
    else files[file] = typeof content === "string" ? new TextEncoder().encode(content) : content;
  }
  return files;
}

/** The valid year with one file's text edited. */
export function edited(file: InputFileName, edit: (text: string) => string): YearFiles {
  return withFiles({ [file]: edit(validTexts()[file]) });
}

export function validate(files: YearFiles): ReturnType<typeof validateFiles> {
  return validateFiles(files, 2023, sha256);
}

export function errors(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === "error");
}

/** The problems of one code, for precise assertions. */
export function withCode(problems: Problem[], code: string): Problem[] {
  return problems.filter((p) => p.code === code);
}
