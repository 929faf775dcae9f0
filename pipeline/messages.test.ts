import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import { sheetWords } from "../schemas/workbook.ts";
import {
  catalogue,
  fillTemplate,
  inWords,
  problem,
  CommandError,
  commandMessages,
  workbookWords,
  type ProblemCode,
  type ProblemDefinition,
  type ProblemParams,
} from "./messages.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

function sources(folder: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))
    .map((f) => readFileSync(join(root, folder, f), "utf8"));
}

/** Codes passed to `problem("…")` in the pipeline and used as `error: "…"` in the Zod schemas. */
function emittedCodes(): Set<string> {
  const schemas = sources("schemas").join("\n");
  const text = [...sources("pipeline"), schemas].join("\n");
  const codes = new Set<string>();
  for (const m of text.matchAll(/problem\(\s*"(\w+)"/g)) codes.add(m[1] as string);
  for (const m of schemas.matchAll(/error: "(\w+)"/g)) codes.add(m[1] as string);
  return codes;
}

describe("the problem catalogue", () => {
  it("knows every code the pipeline and the schemas emit", () => {
    const unknown = [...emittedCodes()].filter((code) => !(code in catalogue));
    expect(unknown).toEqual([]);
  });

  it("has no code that nothing emits", () => {
    // dataset.json field problems come from cellProblem/issueProblem through `problem(issue.message)`
    // when the Zod message is a code, so every code must still appear literally somewhere.
    const emitted = emittedCodes();
    const unreachable = Object.keys(catalogue).filter((code) => !emitted.has(code));
    expect(unreachable).toEqual([]);
  });

  it.each(Object.keys(catalogue) as ProblemCode[])("%s reads as full sentences in both languages", (code) => {
    const entry = catalogue[code];
    const params = {
      file: "appraisal.csv",
      column: "self_score",
      value: entry.example,
      ...entry.example_params,
    };
    for (const template of [entry.message_vi, entry.message_en, entry.fix_vi, entry.fix_en]) {
      expect(fillTemplate(template, params)).not.toMatch(/\{\w+\}/);
    }
    const built = problem(
      code,
      { file: "appraisal.csv", line: 3, column: "self_score", value: entry.example },
      entry.example_params,
    );
    expect(built).toMatchObject({ code, severity: entry.severity, line: 3 });
    expect(built.message_vi).toMatch(/Cách sửa: \S/);
    expect(built.message_en).toMatch(/Fix: \S/);
  });
});

describe("typed params", () => {
  it("gives each code's example the params its templates name (checked by the compiler)", () => {
    type Misfits = {
      [C in ProblemCode]: (typeof catalogue)[C]["example_params"] extends ProblemParams<C> ? never : C;
    }[ProblemCode];
    expectTypeOf<Misfits>().toEqualTypeOf<never>();
  });

  const at = { file: "appraisal.csv", line: 3, column: "self_score", value: "7,125" };

  it("fills each code's own params; the compiler refuses a missing or misspelt one", () => {
    expect(problem("too_many_decimals", at, { places: 2 }).message_en).toBe(
      'The number "7,125" has too many decimals (at most 2). ' +
        "Fix: Round the stored value (ROUND function), not just its display format, then save again.",
    );
    // @ts-expect-error `places` is required by the templates of too_many_decimals
    const missing = problem("too_many_decimals", at);
    // An unfilled placeholder stays visible rather than vanishing.
    expect(missing.message_en).toContain("(at most {places})");
    // @ts-expect-error `place` is not a placeholder of too_many_decimals
    expect(problem("too_many_decimals", at, { place: 2 }).message_vi).toContain("{places}");
  });
});

describe("what stops a command", () => {
  it("carries its code and params, says it in Vietnamese or English, and both in its message", () => {
    const error = new CommandError("release_not_built", {
      folder: "site/public/data/2023",
      published: "1.0.0",
      version: "1.0.1",
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe("release_not_built");
    expect(error.messageIn("vi")).toBe(
      'site/public/data/2023 là phiên bản 1.0.0, dữ liệu là 1.0.1: chạy "npm run build" trước.',
    );
    expect(error.messageIn("en")).toBe(
      'site/public/data/2023 holds release 1.0.0, the data are 1.0.1: run "npm run build" first.',
    );
    expect(error.message).toBe(`${error.messageIn("vi")} / ${error.messageIn("en")}`);
  });

  it("has every message in both languages with the same placeholders", () => {
    for (const [code, { message_vi, message_en }] of Object.entries(commandMessages)) {
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(new Set(names(message_en)), code).toEqual(new Set(names(message_vi)));
    }
  });
});

describe("in a workbook's words", () => {
  // Every input as the template names it: the sheet titles and headers of schemas/workbook.ts.
  const words = workbookWords(
    Object.fromEntries(
      Object.entries(sheetWords).map(([name, w]) => [
        `${name}${name === "dataset" ? ".json" : ".csv"}`,
        { sheet: w.title, columns: w.columns },
      ]),
    ),
  );

  /** Codes only a folder of files on disk can give (its CSV text, its JSON, the files themselves). */
  const filesOnly = new Set([
    "file_missing",
    "file_unreadable",
    "file_not_regular",
    "file_link_outside",
    "binary_file",
    "encoding_not_utf8",
    "unclosed_quote",
    "invalid_json",
    "duplicate_json_key",
    // A ".xlsx" that is really CSV text: the message says so, to tell the editor what was picked.
    "not_xlsx_text",
  ]);
  const contractColumns = ["commune_code", "criterion_id", "self_score", "appraised_score", "max_points"]
    .concat(["survey_quota", "applies_to", "respondent_id", "form_id", "sipas_element"])
    .concat(["planned_start", "planned_end", "done_on"]);

  it.each((Object.keys(catalogue) as ProblemCode[]).filter((code) => !filesOnly.has(code)))(
    "%s names sheets and headers, never a CSV file or a contract column, in both languages",
    (code) => {
      const entry: ProblemDefinition = catalogue[code];
      // The header examples are the communes file's; the others fit the appraisal file's.
      const file =
        code === "header_not_found" || code === "missing_column" ? "communes.csv" : "appraisal.csv";
      const at = { file, line: 3, column: "self_score", value: entry.example };
      const said = inWords(problem(code, at, entry.example_params as never), words);
      for (const text of [said.message_vi, said.message_en]) {
        expect(text).not.toMatch(/[\w-]+\.csv\b|\bCSV\b|\{[@#=]/);
        for (const name of contractColumns) expect(text).not.toMatch(new RegExp(`\\b${name}\\b`));
      }
      expect(said).toMatchObject({
        file: file === "communes.csv" ? "Danh sách xã" : "Điểm thẩm định",
        line: 3,
      });
    },
  );

  it("shows decimals with a comma and codes by their labels, where the files keep them as written", () => {
    const at = { file: "appraisal.csv", line: 5, column: "appraised_score", value: "2.25" };
    const above = problem("score_above_max", at, { max: 1.5, criterion: "1.2.2" });
    expect(above.message_en).toMatch(/^Score 2\.25 is above criterion 1\.2\.2's maximum of 1\.5\./);
    expect(inWords(above, words)).toMatchObject({ value: "2,25", column: "Điểm thẩm định" });
    expect(inWords(above, words).message_vi).toMatch(
      /^Điểm 2,25 lớn hơn điểm tối đa 1,5 của tiêu chí 1\.2\.2\./,
    );
    const type = problem("commune_type", { file: "communes.csv", line: 4, column: "type", value: "xã" });
    expect(type.message_vi).toMatch(/chỉ nhận xa, phuong, thi_tran hoặc dac_khu\./);
    expect(inWords(type, words).message_vi).toMatch(/chỉ nhận Xã, Phường, Thị trấn hoặc Đặc khu\./);
    const key = problem(
      "duplicate_key",
      { file: "appraisal.csv", line: 9, value: "11155" },
      { key: "commune_code + criterion_id", first_line: 4 },
    );
    expect(inWords(key, words).message_vi).toMatch(
      /^Trùng khóa Mã xã \+ Mã tiêu chí: giá trị này đã có ở dòng 4\./,
    );
    // The officials' sheet holds group codes; the groups sheet names them, and a workbook's messages too.
    const below = problem(
      "respondents_below_planned",
      { file: "survey-officials.csv", line: null, column: "group", value: "hdnd" },
      { found: 28, expected: 30, group_name: "Đại biểu HĐND huyện (hdnd)" },
    );
    expect(below.message_vi).toMatch(/^Nhóm hdnd có 28 người trả lời, ít hơn số dự kiến 30\./);
    expect(inWords(below, words).message_vi).toMatch(
      /^Nhóm Đại biểu HĐND huyện \(hdnd\) có 28 người trả lời, ít hơn số dự kiến 30\./,
    );
  });
});
