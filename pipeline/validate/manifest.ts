// dataset.json, the year's manifest: JSON shape through its Zod schema, then the rules the schema
// cannot express (bands ordered so the first band whose min_pct is reached is the right one).
import type { z } from "zod";
import { datasetManifest, type DatasetManifest } from "../../schemas/dataset.ts";
import { isProblemCode, problem } from "../messages.ts";
import type { Problem } from "../problem.ts";
import { decodeText } from "../read/decode.ts";
import { invisibleProblem, jsonStrings } from "./invisible.ts";
import { refinementParams } from "./rows.ts";

const file = "dataset.json";

/** A Vietnamese and English reason for a field Zod rejected with its own (English) message. */
function fieldDetail(issue: z.core.$ZodIssue): { detail_vi: string; detail_en: string } {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? { detail_vi: "thiếu trường bắt buộc", detail_en: "required field is missing" }
        : {
            detail_vi: `sai kiểu, cần ${issue.expected}`,
            detail_en: `wrong type, expected ${issue.expected}`,
          };
    case "invalid_value": {
      const values = issue.values.map(String).join(", ");
      return { detail_vi: `phải là một trong: ${values}`, detail_en: `must be one of: ${values}` };
    }
    case "too_small":
      return {
        detail_vi: `nhỏ hơn mức tối thiểu ${String(issue.minimum)}`,
        detail_en: `below the minimum of ${String(issue.minimum)}`,
      };
    case "too_big":
      return {
        detail_vi: `lớn hơn mức tối đa ${String(issue.maximum)}`,
        detail_en: `above the maximum of ${String(issue.maximum)}`,
      };
    default:
      return { detail_vi: `không đúng định dạng (${issue.message})`, detail_en: issue.message };
  }
}

function issueProblem(issue: z.core.$ZodIssue): Problem {
  const column = issue.path.map(String).join(".") || "(gốc)";
  // A text field is quoted as the editor typed it; other values as JSON (`null`, `[]`, `1e6`).
  const input = typeof issue.input === "string" ? issue.input : JSON.stringify(issue.input);
  const value = issue.input === undefined ? null : input.slice(0, 200);
  const at = { file, line: null, column, value };
  if (isProblemCode(issue.message)) return problem(issue.message, at, refinementParams(issue));
  return problem("dataset_field", at, fieldDetail(issue));
}

function bandProblems(manifest: DatasetManifest): Problem[] {
  const problems: Problem[] = [];
  manifest.bands.forEach((band, i) => {
    const previous = manifest.bands[i - 1];
    if (previous !== undefined && band.min_pct >= previous.min_pct) {
      problems.push(
        problem("bands_order", { file, line: null, column: `bands.${i}.min_pct`, value: band.code }),
      );
    }
  });
  const last = manifest.bands.at(-1);
  if (last !== undefined && last.min_pct !== 0) {
    const at = { file, line: null, column: `bands.${manifest.bands.length - 1}.min_pct`, value: last.code };
    problems.push(problem("bands_last_not_zero", at));
  }
  return problems;
}

type Frame = { keys: Set<string>; key: string; expectKey: boolean } | { index: number };

/**
 * The dotted paths of keys that appear twice in one object (`status`, `bands.1.code`), found by one
 * pass over text JSON.parse has accepted: only strings, brackets and commas matter.
 */
export function duplicateJsonKeys(text: string): string[] {
  const repeated: string[] = [];
  const frames: Frame[] = [];
  const path = () => frames.map((f) => ("keys" in f ? f.key : String(f.index)));
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    const top = frames.at(-1);
    if (char === '"') {
      let end = i + 1;
      while (text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      if (top !== undefined && "keys" in top && top.expectKey) {
        const key = JSON.parse(text.slice(i, end + 1)) as string;
        top.key = key;
        if (top.keys.has(key)) repeated.push(path().join("."));
        top.keys.add(key);
        top.expectKey = false;
      }
      i = end;
    } else if (char === "{") frames.push({ keys: new Set(), key: "", expectKey: true });
    else if (char === "[") frames.push({ index: 0 });
    else if (char === "}" || char === "]") frames.pop();
    else if (char === "," && top !== undefined) {
      if ("keys" in top) top.expectKey = true;
      else top.index++;
    }
  }
  return repeated;
}

export function validateManifest(
  bytes: Uint8Array,
  folderYear: number | undefined,
): { manifest: DatasetManifest | null; problems: Problem[] } {
  const decoded = decodeText(file, bytes);
  if (decoded.text === null) return { manifest: null, problems: [decoded.problem] };
  if (decoded.text.trim() === "")
    return { manifest: null, problems: [problem("empty_file", { file, line: null })] };
  let json: unknown;
  try {
    json = JSON.parse(decoded.text.normalize("NFC"));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { manifest: null, problems: [problem("invalid_json", { file, line: null }, { detail })] };
  }
  // JSON.parse keeps the last of two equal keys: the editor must choose, not the parser.
  const repeated = duplicateJsonKeys(decoded.text).map((column) =>
    problem("duplicate_json_key", { file, line: null, column }),
  );
  const invisible = [...jsonStrings(json)].flatMap(([column, value]) => {
    const found = invisibleProblem(file, null, column, value);
    return found === null ? [] : [found];
  });
  const result = datasetManifest.safeParse(json, { reportInput: true });
  if (!result.success)
    return {
      manifest: null,
      problems: [...repeated, ...invisible, ...result.error.issues.map(issueProblem)],
    };
  const problems = [...repeated, ...invisible, ...bandProblems(result.data)];
  if (folderYear !== undefined && result.data.year !== folderYear) {
    const at = { file, line: null, column: "year", value: String(result.data.year) };
    problems.push(problem("year_mismatch", at, { expected: folderYear }));
  }
  return { manifest: result.data, problems };
}
