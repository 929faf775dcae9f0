// `npm run validate` as the editor and CI run it: exit codes, the JSON contract, the Vietnamese table.
import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { problem } from "../../../pipeline/messages.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { formatProblems } from "../../../pipeline/validate/report.ts";
import { fixtureFolder } from "./fixture.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const node = join(root, "node_modules/.bin/node");

function validateCli(...args: string[]) {
  const run = spawnSync(node, ["pipeline/cli.ts", "validate", ...args], { cwd: root, encoding: "utf8" });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

let bad: string;
beforeAll(async () => {
  bad = join(await mkdtemp(join(tmpdir(), "cchc-cli-")), "2023");
  await cp(fixtureFolder, bad, { recursive: true });
  await writeFile(
    join(bad, "communes.csv"),
    "code,name,type,survey_quota\n01001,Xã An Bình,xa,3\n01002,Thị trấn Ninh Giang,thi_tran,3\n01003,Xã Hồng Dụ,xa,ba\n",
  );
});
afterAll(async () => {
  await rm(join(bad, ".."), { recursive: true });
});

describe("npm run validate", () => {
  it("exits 0 on a valid year and says so in Vietnamese", () => {
    const run = validateCli("--data", fixtureFolder);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("0 lỗi, 0 cảnh báo");
  });

  it("exits 1 with the exact JSON contract on stdout", () => {
    const run = validateCli("--data", bad, "--format", "json");
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { problems: Record<string, unknown>[] };
    expect(Object.keys(report)).toEqual(["problems", "omitted"]);
    expect(report.problems[0]).toEqual({
      file: "communes.csv",
      line: 4,
      column: "survey_quota",
      value: "ba",
      code: "not_a_whole_number",
      severity: "error",
      message_vi: expect.stringContaining("Cách sửa"),
      message_en: expect.stringContaining("Fix"),
    });
    expect(Object.keys(report.problems[0] ?? {})).toEqual([
      "file",
      "line",
      "column",
      "value",
      "code",
      "severity",
      "message_vi",
      "message_en",
    ]);
  });

  it("prints a Vietnamese table, or English with --lang en, never a stack trace", () => {
    const vi = validateCli("--data", bad);
    expect(vi.stdout).toMatch(/Mức\s+Tệp \/ trang tính\s+Dòng\s+Cột/);
    expect(vi.stdout).toContain("1 lỗi, 0 cảnh báo");
    const en = validateCli("--data", bad, "--lang", "en");
    expect(en.stdout).toContain("1 error, 0 warnings");
    expect(vi.stderr + en.stderr).not.toMatch(/\n\s+at /);
  });

  it("a folder that does not exist is a report of missing files, not a crash", () => {
    const run = validateCli("--data", join(bad, "..", "9999"), "--format", "json");
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).problems).toHaveLength(9);
  });

  it("rejects unknown options with exit code 2", () => {
    expect(validateCli("--format", "xml").status).toBe(2);
  });

  it("the committed 2023 data have no error, only forms below quota", () => {
    const run = validateCli("--data", "data/2023", "--format", "json");
    expect(run.status).toBe(0);
    const codes = new Set((JSON.parse(run.stdout).problems as { code: string }[]).map((p) => p.code));
    expect([...codes].filter((c) => c !== "forms_below_quota")).toEqual([]);
  });
});

describe("loadYear", () => {
  it("refuses a folder named like a file, saying it is a folder", async () => {
    const folder = join(bad, "..", "2024");
    await cp(fixtureFolder, folder, { recursive: true });
    await rm(join(folder, "groups.csv"));
    await mkdir(join(folder, "groups.csv"));
    const year = await loadYear(folder);
    expect(year.problems.map((p) => [p.code, p.file])).toContainEqual(["file_not_regular", "groups.csv"]);
    expect(year.data).toBeNull();
    // The manifest's year is 2023 but the folder says 2024.
    expect(year.problems.map((p) => p.code)).toContain("year_mismatch");
  });

  it("lists every input read with its sha256, size and data rows", async () => {
    const year = await loadYear(fixtureFolder);
    expect(year.inputs.map((i) => [i.file, i.rows])).toEqual([
      ["dataset.json", 0],
      ["communes.csv", 3],
      ["criteria.csv", 10],
      ["groups.csv", 3],
      ["scales.csv", 11],
      ["questions.csv", 5],
      ["appraisal.csv", 9],
      ["survey-officials.csv", 9],
      ["survey-citizens.csv", 9],
      ["plan.csv", 7],
    ]);
    expect(year.inputs[1]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("formatProblems", () => {
  const p = problem(
    "unknown_option",
    { file: "survey-officials.csv", line: 5, column: "CB02", value: "F|<b>" },
    { scale: "muc_do_4", options: "A, B" },
  );
  it("markdown: a Vietnamese table for the job summary, cells escaped", () => {
    const md = formatProblems([p], { format: "markdown", lang: "vi" });
    expect(md).toContain("**1 lỗi, 0 cảnh báo**");
    expect(md).toContain("| Mức | Tệp / trang tính | Dòng | Cột | Giá trị | Mã | Nội dung |");
    expect(md).toContain("F\\|&lt;b&gt;");
  });
  it("text: an empty report still says how many problems there are", () => {
    expect(formatProblems([], { format: "text", lang: "vi" })).toContain("0 lỗi, 0 cảnh báo");
  });
});
