import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, expectTypeOf, it } from "vitest";
import {
  catalogue,
  fillTemplate,
  problem,
  CommandError,
  commandMessages,
  type ProblemCode,
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
