// Issue 24, item 1: data that validation accepted crashed the build. Validation is the gate for
// every text the build writes into a file name, an SVG, XML, the feed or the report: each of the
// three cases the hostile run found is now refused with a message naming the cause and the fix.
import { spawnSync } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Problem } from "../../../pipeline/problem.ts";
import { edited, fixtureFolder, validTexts, validate, withFiles } from "./fixture.ts";

const root = fileURLToPath(new URL("../../../", import.meta.url));

const found = (problems: Problem[]) => problems.map((p) => [p.code, p.severity, p.file, p.line, p.column]);

const verticalTab = (text: string) => text.replace("Xã An Bình", "Xã An\u000bBình");
const longName = `Xã ${"Hồng Dụ ".repeat(375)}`.trim();

function withReason(reason: string) {
  const manifest = JSON.parse(validTexts()["dataset.json"]) as Record<string, unknown>;
  manifest.releases = [{ version: "1.0.0", date: "2024-03-15", kind: "release", reason }];
  return withFiles({ "dataset.json": JSON.stringify(manifest) });
}

describe("texts the build cannot write are refused by validation", () => {
  it("a vertical tab in a commune name is an error, not a warning (it broke the chart's PNG)", () => {
    const result = validate(edited("communes.csv", verticalTab));
    expect(found(result.problems)).toEqual([["text_character", "error", "communes.csv", 2, "name"]]);
    expect(result.data).toBeNull();
    expect(result.problems[0]?.message_vi).toContain("ký tự điều khiển (U+000B) ở ký tự thứ 6");
    expect(result.problems[0]?.message_en).toContain("Fix: Remove the character");
  });

  it("a 3,000-character commune name is an error (it made a page folder name too long)", () => {
    const result = validate(edited("communes.csv", (text) => text.replace("Xã An Bình", longName)));
    expect(found(result.problems)).toEqual([["text_too_long", "error", "communes.csv", 2, "name"]]);
    expect(result.data).toBeNull();
    expect(result.problems[0]?.message_vi).toContain("dài 3.002 ký tự, quá giới hạn 100 ký tự");
  });

  it("a control character in a release's reason is an error (it made feed.xml not well-formed)", () => {
    const result = validate(withReason("Công bố\u0001 dữ liệu"));
    expect(found(result.problems)).toEqual([
      ["text_character", "error", "dataset.json", null, "releases.0.reason"],
    ]);
    expect(result.data).toBeNull();
  });

  it("a line break is allowed in a reason, a paragraph, but not in a band's label", () => {
    expect(validate(withReason("Đính chính\nđiểm của xã An Bình")).data).not.toBeNull();
    const manifest = JSON.parse(validTexts()["dataset.json"]) as { bands: { label: string }[] };
    manifest.bands[0]!.label = "Nhóm\nA";
    const result = validate(withFiles({ "dataset.json": JSON.stringify(manifest) }));
    expect(found(result.problems)).toEqual([
      ["text_character", "error", "dataset.json", null, "bands.0.label"],
    ]);
  });
});

describe("codes the feed prints where a name is missing", () => {
  it("a release's commune is a 5-digit code: a noncharacter there is refused too", () => {
    const manifest = JSON.parse(validTexts()["dataset.json"]) as Record<string, unknown>;
    manifest.releases = [
      { version: "1.0.0", date: "2024-03-15", kind: "correction", reason: "Sửa", communes: ["0100\ufffe"] },
    ];
    const result = validate(withFiles({ "dataset.json": JSON.stringify(manifest) }));
    expect(found(result.problems)).toEqual([
      ["commune_code_format", "error", "dataset.json", null, "releases.0.communes.0"],
    ]);
  });
});

describe("the build stops with the report, never a stack trace", () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), "cchc-text-gate-"));
  });
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true });
  });

  it("the three cases at once: exit 1, each named with its fix", async () => {
    const data = join(scratch, "data");
    const year = join(data, "2023");
    await cp(fixtureFolder, year, { recursive: true });
    const communes = validTexts()["communes.csv"];
    await writeFile(join(year, "communes.csv"), verticalTab(communes).replace("Xã Hồng Dụ", longName));
    const manifest = JSON.parse(validTexts()["dataset.json"]) as Record<string, unknown>;
    manifest.releases = [{ version: "1.0.0", date: "2024-03-15", kind: "release", reason: "a\u0001b" }];
    await writeFile(join(year, "dataset.json"), JSON.stringify(manifest));
    const run = spawnSync(
      join(root, "node_modules/.bin/node"),
      ["pipeline/cli.ts", "build", "--data", data, "--out", join(data, "out")],
      { cwd: root, encoding: "utf8", timeout: 60_000 },
    );
    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
    const lines = run.stdout.split("\n");
    for (const shown of ["(U+000B)", "dài 3.002 ký tự", "(U+0001)"]) {
      const line = lines.find((l) => l.includes(shown));
      expect(line, shown).toContain("Cách sửa:");
    }
  });
});
