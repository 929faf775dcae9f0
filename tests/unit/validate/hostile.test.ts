// Issue 14, "bad input" and "privacy": the cases a hostile run found, one test each. Every one must
// end in a report (never a stack trace), with its own code, on the right file and line.
import { spawnSync } from "node:child_process";
import { execFileSync } from "node:child_process";
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problem } from "../../../pipeline/messages.ts";
import type { Problem } from "../../../pipeline/problem.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { formatProblems, listedPerKind } from "../../../pipeline/validate/report.ts";
import { edited, fixtureFolder, validTexts, validate, withCode, withFiles } from "./fixture.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules/.bin/node");

function cli(...args: string[]) {
  const run = spawnSync(node, ["pipeline/cli.ts", ...args], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const stackTrace = /\n\s+at /;

let scratch: string;
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "cchc-hostile-"));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

/** A copy of the valid fixture year, to break on disk. */
async function yearCopy(name: string): Promise<string> {
  const folder = join(scratch, name, "2023");
  await cp(fixtureFolder, folder, { recursive: true });
  return folder;
}

const manifestWith = (change: (m: Record<string, unknown>) => void) => {
  const m = JSON.parse(validTexts()["dataset.json"]) as Record<string, unknown>;
  change(m);
  return withFiles({ "dataset.json": JSON.stringify(m) });
};

const found = (problems: Problem[]) => problems.map((p) => [p.code, p.file, p.line, p.column, p.value]);

describe("1. a report scales to any number of problems", () => {
  // 200,000 copies of one citizens' form: every row after the first repeats its form_id.
  const repeats = 200_000;
  let folder: string;
  beforeAll(async () => {
    folder = await yearCopy("repeated");
    const [header, row] = validTexts()["survey-citizens.csv"].split("\n");
    await writeFile(join(folder, "survey-citizens.csv"), `${header}\n${`${row}\n`.repeat(repeats)}`);
  });

  it("text: the first 50 of a kind, then one line for the rest, and the full count", () => {
    const run = cli("validate", "--data", folder);
    expect(run.status).toBe(1);
    expect(run.stderr).not.toMatch(stackTrace);
    const duplicates = run.stdout.split("\n").filter((line) => line.includes("duplicate_key"));
    // 199,999 repeated rows: 50 listed, 199,949 counted on one line (written the Vietnamese way).
    expect(duplicates).toHaveLength(listedPerKind + 1);
    expect(duplicates.at(-1)).toContain("và 199.949 lỗi cùng loại");
    expect(run.stdout).toContain("\n200.001 lỗi, 0 cảnh báo\n");
  });

  it("json: valid JSON with the omitted count, in English too", () => {
    const run = cli("validate", "--data", folder, "--format", "json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as {
      problems: { code: string }[];
      omitted: { code: string; count: number; message_en: string }[];
    };
    expect(report.problems.filter((p) => p.code === "duplicate_key")).toHaveLength(listedPerKind);
    expect(report.omitted).toEqual([
      expect.objectContaining({
        file: "survey-citizens.csv",
        code: "duplicate_key",
        count: 199_949,
        message_en: "and 199,949 more of the same kind",
      }),
    ]);
  });

  it("compute prints the same report instead of dying", () => {
    const run = cli("compute", "--data", folder, "--out", join(scratch, "repeated-out"), "--no-bootstrap");
    expect(run.status).toBe(1);
    expect(run.stdout).toContain("và 199.949 lỗi cùng loại");
    expect(run.stderr).not.toMatch(stackTrace);
  });

  it("formats 300,000 problems without recursing on their count", () => {
    const one = problem(
      "duplicate_key",
      { file: "survey-citizens.csv", line: 3 },
      { key: "form_id", first_line: 2 },
    );
    const many = Array.from({ length: 300_000 }, () => one);
    for (const format of ["text", "markdown", "json"] as const) {
      const report = formatProblems(many, { format, lang: "en" });
      expect(report).toContain("and 299,950 more of the same kind");
    }
  });
});

describe("2. dates are calendar dates of sane years; numbers are bounded", () => {
  it.each([
    ["published_on", "2024-02-30", "date_invalid"],
    ["published_on", "2024-13-45", "date_invalid"],
    ["published_on", "1999-12-31", "date_out_of_range"],
    ["published_on", "2101-01-01", "date_out_of_range"],
  ])("%s %s is %s", (field, value, code) => {
    const problems = validate(manifestWith((m) => (m[field] = value))).problems;
    expect(found(problems)).toEqual([[code, "dataset.json", null, field, value]]);
  });

  it("a legal basis dated 0000-00-00 and a release dated 2024-13-45 are refused", () => {
    const problems = validate(
      manifestWith((m) => {
        m.legal_basis = [{ ref: "3395/QĐ-UBND", date: "0000-00-00", title: "Bộ tiêu chí" }];
        m.releases = [{ version: "1.0.0", date: "2024-13-45", kind: "release", reason: "Công bố" }];
      }),
    ).problems;
    expect(found(problems)).toEqual([
      ["date_invalid", "dataset.json", null, "legal_basis.0.date", "0000-00-00"],
      ["date_invalid", "dataset.json", null, "releases.0.date", "2024-13-45"],
    ]);
  });

  it("29 February of a leap year is a date", () => {
    expect(validate(manifestWith((m) => (m.published_on = "2024-02-29"))).problems).toEqual([]);
  });

  it.each([
    [99, "number_out_of_range"],
    [1_000_000, "number_out_of_range"],
    [1_000_000_000, "number_out_of_range"],
  ])("bootstrap_replicates %d is refused with the range in both languages", (replicates, code) => {
    const [p] = validate(manifestWith((m) => (m.bootstrap_replicates = replicates))).problems;
    expect(p).toMatchObject({ code, column: "bootstrap_replicates", severity: "error" });
    expect(p?.message_vi).toContain("100–100.000");
    expect(p?.message_en).toContain("100–100,000");
  });

  it("100 and 100,000 replicates are accepted; a negative seed is not", () => {
    expect(validate(manifestWith((m) => (m.bootstrap_replicates = 100))).problems).toEqual([]);
    expect(validate(manifestWith((m) => (m.bootstrap_replicates = 100_000))).problems).toEqual([]);
    expect(found(validate(manifestWith((m) => (m.bootstrap_seed = -1))).problems)).toEqual([
      ["number_out_of_range", "dataset.json", null, "bootstrap_seed", "-1"],
    ]);
  });

  it("a survey quota of 400 nines is refused, never read as Infinity", () => {
    const nines = "9".repeat(400);
    const problems = validate(
      edited("communes.csv", (t) => t.replace("01001,Xã An Bình,xa,3", `01001,Xã An Bình,xa,${nines}`)),
    ).problems;
    expect(found(problems)).toEqual([["number_out_of_range", "communes.csv", 2, "survey_quota", nines]]);
    expect(problems[0]?.message_vi).toContain("0–10.000");
    expect(problems[0]?.message_vi).not.toContain("Infinity");
  });

  it("a planned count above the largest survey and a score of a thousand and more are refused", () => {
    const planned = validate(
      edited("groups.csv", (t) => t.replace("citizens,9", "citizens,1000001")),
    ).problems;
    expect(found(planned)).toEqual([["number_out_of_range", "groups.csv", 4, "planned", "1000001"]]);
    const appraisal = validTexts()["appraisal.csv"].split("\n");
    const line = appraisal.findIndex((l) => l.startsWith("01001,1.1,"));
    const cells = (appraisal[line] as string).split(",");
    cells[3] = "1000.5";
    appraisal[line] = cells.join(",");
    const score = validate(withFiles({ "appraisal.csv": appraisal.join("\n") })).problems;
    expect(withCode(score, "number_out_of_range").map((p) => [p.line, p.column])).toEqual([
      [line + 1, "appraised_score"],
    ]);
  });
});

describe("3. page addresses are checked by the validator", () => {
  it("two names giving one address name both units", () => {
    const problems = validate(edited("communes.csv", (t) => t.replace("Xã An Bình", "Xã Hồng Du"))).problems;
    expect(found(problems)).toEqual([["commune_slug_duplicate", "communes.csv", 4, "name", "Xã Hồng Dụ"]]);
    expect(problems[0]?.message_vi).toContain('"Xã Hồng Dụ" và tên "Xã Hồng Du" (dòng 2)');
    expect(problems[0]?.message_vi).toContain("/xa/hong-du/");
  });

  it("a name with no letter has no address", () => {
    const problems = validate(edited("communes.csv", (t) => t.replace("Xã An Bình", "Xã 🏛️"))).problems;
    expect(found(problems)).toEqual([["commune_slug_empty", "communes.csv", 2, "name", "Xã 🏛️"]]);
  });
});

describe("4. only regular files inside the data folder are read", () => {
  it("a link to /etc/passwd is refused and nothing of it is echoed", async () => {
    const folder = await yearCopy("passwd");
    await rm(join(folder, "communes.csv"));
    await symlink("/etc/passwd", join(folder, "communes.csv"));
    const year = await loadYear(folder);
    expect(found(year.problems.filter((p) => p.file === "communes.csv"))).toEqual([
      ["file_link_outside", "communes.csv", null, null, null],
    ]);
    const run = cli("validate", "--data", folder, "--format", "json");
    expect(run.stdout).not.toContain("root:");
    expect(year.data).toBeNull();
  });

  it("a link to /dev/zero is refused as a link leaving the folder, not read", async () => {
    const folder = await yearCopy("zero");
    await rm(join(folder, "groups.csv"));
    await symlink("/dev/zero", join(folder, "groups.csv"));
    const year = await loadYear(folder);
    expect(withCode(year.problems, "file_link_outside").map((p) => p.file)).toEqual(["groups.csv"]);
  });

  it("a link to a file inside the folder is read", async () => {
    const folder = await yearCopy("inner-link");
    await writeFile(join(folder, "communes-real.csv"), await readFile(join(folder, "communes.csv")));
    await rm(join(folder, "communes.csv"));
    await symlink("communes-real.csv", join(folder, "communes.csv"));
    expect((await loadYear(folder)).problems).toEqual([]);
  });

  it("a FIFO is refused as a pipe without waiting for a writer", async () => {
    const folder = await yearCopy("fifo");
    await rm(join(folder, "scales.csv"));
    execFileSync("mkfifo", [join(folder, "scales.csv")]);
    const year = await loadYear(folder);
    const [p] = year.problems.filter((q) => q.file === "scales.csv");
    expect(p).toMatchObject({ code: "file_not_regular", severity: "error" });
    expect(p?.message_en).toContain("scales.csv is a pipe (FIFO)");
  });

  it("two equal keys in dataset.json are an error, not a silent last-one-wins", () => {
    const text = validTexts()["dataset.json"].replace(
      '"status": "sample",',
      '"status": "sample", "status": "official",',
    );
    const problems = validate(withFiles({ "dataset.json": text })).problems;
    expect(found(problems)).toEqual([["duplicate_json_key", "dataset.json", null, "status", null]]);
  });

  it("a repeated key inside a list item is named by its path", () => {
    const text = validTexts()["dataset.json"].replace('"code": "B",', '"code": "B", "code": "B2",');
    expect(found(validate(withFiles({ "dataset.json": text })).problems)).toEqual([
      ["duplicate_json_key", "dataset.json", null, "bands.1.code", null],
    ]);
  });

  it("bidi and zero-width characters: an error in a code, a warning in a name", () => {
    const problems = validate(
      withFiles({
        "communes.csv": validTexts()["communes.csv"].replace("Xã An Bình", "Xã An \u202eBình"),
        "survey-officials.csv": validTexts()["survey-officials.csv"].replace("CB-F001", "CB-F001\u200b"),
      }),
    ).problems;
    // Errors first, then warnings.
    expect(problems.map((p) => [p.code, p.severity, p.file, p.line, p.column])).toEqual([
      ["invisible_in_code", "error", "survey-officials.csv", 2, "form_id"],
      ["invisible_in_text", "warning", "communes.csv", 2, "name"],
    ]);
    expect(problems[1]?.message_en).toContain("U+202E");
    // The report shows where the character is rather than letting it reorder the line.
    expect(formatProblems(problems, { format: "text", lang: "vi" })).toContain("Xã An <U+202E>Bình");
  });

  it("a bidi character in a text of dataset.json is a warning", () => {
    const problems = validate(manifestWith((m) => (m.title = "Chỉ số \u2067CCHC"))).problems;
    expect(found(problems)).toEqual([
      ["invisible_in_text", "dataset.json", null, "title", "Chỉ số \u2067CCHC"],
    ]);
  });
});

describe("6. private values never appear in a report", () => {
  // Written with spaces, as people write it: Excel would read it as a formula.
  const phone = "+84 987 654 321";
  const files = withFiles({
    // A phone number in an unknown column, and one typed as a form id (twice, so it is a duplicate).
    "survey-citizens.csv": validTexts()
      ["survey-citizens.csv"].replace("form_id,commune_code,", "form_id,commune_code,so_dien_thoai,")
      .replace(/^(ND-F\d+,\d+,)/gm, `$1${phone},`)
      .replace("ND-F001,", `${phone},`)
      .replace("ND-F002,", `${phone},`),
    "survey-officials.csv": validTexts()["survey-officials.csv"].replace("CB-01,hdnd", "=CMD(),hdnd"),
  });
  const { problems } = validate(files);

  it("the problems are there, naming column and line", () => {
    const located = problems.map((p) => [p.code, p.line, p.column]);
    expect(located).toContainEqual(["duplicate_key", 3, "form_id"]);
    expect(located).toContainEqual(["formula_trigger", 2, "so_dien_thoai"]);
    expect(located).toContainEqual(["formula_trigger", 2, "form_id"]);
    expect(located).toContainEqual(["formula_trigger", 2, "respondent_id"]);
  });

  it("the job summary (validate --format markdown, as scripts/ci.sh runs it) shows none of them", async () => {
    const folder = await yearCopy("private");
    for (const file of ["survey-citizens.csv", "survey-officials.csv"] as const) {
      await writeFile(join(folder, file), new TextDecoder().decode(files[file]));
    }
    const run = cli("validate", "--data", folder, "--format", "markdown");
    expect(run.stdout).toContain("| form_id | (ẩn) |");
    expect(run.stdout + run.stderr).not.toContain("987 654");
    expect(run.stdout + run.stderr).not.toContain("CMD");
  });

  it("a respondent id quoted in a sentence goes from the sentence too, and only as a whole word", () => {
    const changed = problem(
      "respondent_group_changed",
      { file: "survey-officials.csv", line: 12, column: "respondent_id", value: "1" },
      { expected: "hdnd", found: "ubnd", expected_name: "hdnd", found_name: "ubnd", first_line: 11 },
    );
    const json = JSON.parse(formatProblems([changed], { format: "json", lang: "en" })) as {
      problems: Problem[];
    };
    expect(json.problems[0]?.value).toBeNull();
    expect(json.problems[0]?.message_en).toMatch(
      /^Respondent … is in group hdnd on line 11 but in group ubnd/,
    );
  });

  it("a workbook's problems, named by sheet and Vietnamese header, hide the same values", () => {
    // As namedBySheet hands them to the report: the sheet's title and the header the sheet uses.
    const at = (file: string, column: string, value: string) =>
      problem("duplicate_key", { file, line: 3, column, value }, { key: column, first_line: 2 });
    const named = [
      at("Phiếu người dân", "Mã phiếu", "ND-F001"),
      at("PHIẾU CÁN BỘ", "mã người trả lời ", "CB-07"),
      at("2023/survey-officials.csv", "form_id", "CB-F003"),
      // Not in the contract: a phone number without a leading + in a column an editor added.
      at("Điểm thẩm định", "Số điện thoại", "0987654321"),
    ];
    for (const format of ["text", "json", "markdown"] as const) {
      const report = formatProblems(named, { format, lang: "vi" });
      for (const value of ["ND-F001", "CB-07", "CB-F003", "0987654321"]) expect(report).not.toContain(value);
    }
    // A contract column of a public sheet still shows its value.
    const shown = formatProblems([at("Điểm thẩm định", "Mã xã", "99999")], { format: "json", lang: "vi" });
    expect(shown).toContain("99999");
  });

  it.each(["text", "json", "markdown"] as const)("the %s report shows none of their values", (format) => {
    for (const lang of ["vi", "en"] as const) {
      const report = formatProblems(problems, { format, lang });
      expect(report).toContain("so_dien_thoai");
      expect(report).not.toContain("987 654");
      expect(report).not.toContain("CMD");
    }
  });
});
