// Privacy end to end (docs/data-contract.md#published-tables, docs/quality.md): canaries planted in an unknown column (a phone
// number), in respondent_id and in form_id of a small valid dataset go through validate → compute →
// publish via the build command, and not one published byte — CSV, Parquet read back, XLSX unzipped,
// manifest — contains them. The same run checks that nothing is replaced when a year has an error.
import { createHash } from "node:crypto";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../../pipeline/commands/build.ts";
import { publishedTableNames } from "../../../pipeline/publish/columns.ts";
import { fileFindings, folderFindings, gateRows } from "../../../pipeline/publish/public-files.ts";
import type { SheetRow } from "../../../pipeline/read/workbook.ts";
import { yearWorkbook } from "../../../pipeline/template/index.ts";
import { captureOutput } from "./capture-output.ts";
import { publishedText } from "./published-text.ts";
import { testManifest } from "../../support/test-manifest.ts";

const phone = "CANARY-PHONE-0987654321";
const contact = "CANARY-CONTACT-0912345678";
// The unknown columns' names may appear (the warning names them); their values never.
const canaries = [phone, "0987654321", contact, "0912345678", "CANARY-RESPONDENT-ID", "CANARY-FORM-ID"];

// 2 communes (a thị trấn without the xã-only leaf 2.1), both panels, 12 officials rating each.
const officials = Array.from({ length: 24 }, (_, index) => {
  const respondent = (index % 12) + 1;
  const commune = index < 12 ? "00001" : "00002";
  return `CANARY-FORM-ID-O${index + 1},CANARY-RESPONDENT-ID-${respondent},hdnd,${commune},${"ABCDE"[index % 5]}`;
});
const citizens = Array.from({ length: 8 }, (_, index) => {
  const commune = index < 4 ? "00001" : "00002";
  return `CANARY-FORM-ID-N${index + 1},${commune},${(index % 5) + 1},${phone}`;
});

const year = {
  "dataset.json": JSON.stringify(
    testManifest({
      title: "Bộ dữ liệu có giá trị mồi để kiểm thử quyền riêng tư",
      bands: [
        { code: "A", label: "Nhóm A", min_pct: 90 },
        { code: "B", label: "Nhóm B", min_pct: 0 },
      ],
      releases: [{ version: "1.0.0", date: "2024-03-15", kind: "release", reason: "Công bố lần đầu" }],
    }),
  ),
  "communes.csv": "code,name,type,survey_quota\r\n00001,Thị trấn Một,thi_tran,4\r\n00002,Xã Hai,xa,4\r\n",
  "criteria.csv":
    "id,name,max_points,source,applies_to\r\n1,Lĩnh vực một,60,,\r\n1.1,Thẩm định,35,appraisal,all\r\n" +
    "1.2,Cán bộ đánh giá,25,survey,all\r\n2,Lĩnh vực hai,40,,\r\n2.1,Riêng của xã,10,appraisal,xa\r\n" +
    "2.2,Người dân đánh giá,30,survey,all\r\n",
  "groups.csv":
    "code,name,panel,planned\r\nhdnd,Đại biểu HĐND,officials,12\r\nnguoi_dan,Người dân,citizens,8\r\n",
  "scales.csv":
    "scale,option,label,coefficient,satisfied\r\nmuc_do,A,Tốt,1,\r\nmuc_do,B,Khá,0.6,\r\nmuc_do,C,Trung bình,0.2,\r\n" +
    "muc_do,D,Kém,0,\r\nmuc_do,E,Không đánh giá được,,\r\nhai_long,1,Rất không hài lòng,0,false\r\n" +
    "hai_long,2,Không hài lòng,0.25,false\r\nhai_long,3,Bình thường,0.5,false\r\nhai_long,4,Hài lòng,0.75,true\r\n" +
    "hai_long,5,Rất hài lòng,1,true\r\n",
  "questions.csv":
    "id,panel,criterion_id,scale,text,sipas_element\r\nCB01,officials,1.2,muc_do,Mức độ chỉ đạo,\r\n" +
    "ND01,citizens,2.2,hai_long,Hài lòng với kết quả,4\r\n",
  // An editor's column in a public file: the file is published in the data-entry workbook, the column never.
  "appraisal.csv":
    "commune_code,criterion_id,self_score,appraised_score,note,nguoi_lien_he\r\n" +
    `00001,1.1,32,30.5,Chậm báo cáo,${contact}\r\n00002,1.1,35,35,,${contact}\r\n00002,2.1,9,8,,\r\n`,
  "survey-officials.csv": `form_id,respondent_id,group,commune_code,CB01\r\n${officials.join("\r\n")}\r\n`,
  "survey-citizens.csv": `form_id,commune_code,ND01,so_dien_thoai\r\n${citizens.join("\r\n")}\r\n`,
};

let root: string;
const epoch = process.env.SOURCE_DATE_EPOCH;

const build = (args: string[]) => captureOutput(() => run(args));

beforeAll(async () => {
  process.env.SOURCE_DATE_EPOCH = "1704067200";
  root = await mkdtemp(join(tmpdir(), "privacy-"));
  await mkdir(join(root, "data", "2023"), { recursive: true });
  for (const [name, text] of Object.entries(year)) await writeFile(join(root, "data", "2023", name), text);
});

afterAll(async () => {
  if (epoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = epoch;
  await rm(root, { recursive: true, force: true });
});

describe("privacy of the published data", () => {
  it("publishes no canary from ids or an unknown column in any output", async () => {
    const out = join(root, "public-data");
    const { exitCode, printed } = await build(["--data", join(root, "data"), "--out", out]);
    expect(exitCode, printed).toBe(0);
    const texts = await publishedText(out);
    expect([...texts.keys()]).toContain("2023/results.parquet");
    expect([...texts.keys()]).toContain("2023/v1.0.0/results.csv");
    // Per table CSV + Parquet, the workbook, the two data-entry workbooks, the draft report, the
    // manifest and the sample notice; and the release's archived copy (every CSV, the manifest and
    // the notice) under v<version>/.
    expect([...texts.keys()]).toContain("2023/bao-cao-chi-so-cchc-2023.docx");
    expect([...texts.keys()]).toContain("2023/du-lieu-nhap-lieu-2023.xlsx");
    expect(texts.size).toBe(publishedTableNames.length * 2 + 6 + publishedTableNames.length + 2);
    for (const [file, text] of texts) {
      for (const canary of canaries) expect(text.includes(canary), `${canary} in ${file}`).toBe(false);
    }
    // The citizens' answers themselves are published (as responses), only not who gave them.
    expect(texts.get("2023/responses.csv")).toContain("00002");
    // The public data-entry workbook holds the appraisal as entered (its note), without the column
    // the editor added (checked with the canaries above).
    expect(texts.get("2023/du-lieu-nhap-lieu-2023.xlsx")).toContain("Chậm báo cáo");
    // The unknown column was reported, as a warning without its value.
    const manifest = JSON.parse(texts.get("2023/dataset.json")!) as { warnings: { code: string }[] };
    expect(manifest.warnings.map((warning) => warning.code)).toContain("unknown_column");
  });

  it("replaces nothing when a year has an error, and reports it", async () => {
    const out = join(root, "public-data");
    const before = await readFile(join(out, "2023", "dataset.json"));
    const appraisal = join(root, "data", "2023", "appraisal.csv");
    const good = await readFile(appraisal);
    await writeFile(
      appraisal,
      "commune_code,criterion_id,self_score,appraised_score,note\r\n00001,1.1,tám,30.5,\r\n",
    );
    try {
      const { exitCode, printed } = await build(["--data", join(root, "data"), "--out", out]);
      expect(exitCode).toBe(1);
      expect(printed).toContain("appraisal.csv");
    } finally {
      await writeFile(appraisal, good);
    }
    expect((await readFile(join(out, "2023", "dataset.json"))).equals(before)).toBe(true);
  });

  it("stops the build on a column the contract does not declare, naming the file and the column", async () => {
    const out = join(root, "public-data");
    const before = await readFile(join(out, "2023", "dataset.json"));
    // A frozen release edited by hand: its results.csv gained a column of phone numbers.
    const frozen = join(root, "data", "2023", "releases", "v0.9.0");
    await cp(join(out, "2023", "v1.0.0"), frozen, { recursive: true });
    const results = (await readFile(join(frozen, "results.csv"), "utf8")).split("\r\n");
    const edited = results
      .map((line, i) => (line === "" ? line : `${line},${i === 0 ? "so_dien_thoai" : phone}`))
      .join("\r\n");
    await writeFile(join(frozen, "results.csv"), edited);
    // ... by someone who also made its manifest agree: the release's own check passes, the gate does not.
    const manifestPath = join(frozen, "dataset.json");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8")) as {
      version: string;
      outputs: { file: string; sha256: string; bytes: number }[];
    };
    manifest.version = "0.9.0";
    for (const output of manifest.outputs.filter((o) => o.file === "results.csv")) {
      output.sha256 = createHash("sha256").update(edited).digest("hex");
      output.bytes = Buffer.byteLength(edited);
    }
    await writeFile(manifestPath, JSON.stringify(manifest));
    try {
      const { exitCode, printed } = await build(["--data", join(root, "data"), "--out", out]);
      expect(exitCode).toBe(1);
      expect(printed).toContain('2023/v0.9.0/results.csv: cột "so_dien_thoai" không có trong mẫu dữ liệu');
    } finally {
      await rm(join(root, "data", "2023", "releases"), { recursive: true, force: true });
    }
    expect((await readFile(join(out, "2023", "dataset.json"))).equals(before)).toBe(true);
  });

  it("finds the survey forms and an editor's column in a workbook the build would publish", async () => {
    // The editor's own complete workbook (npm run template -- --filled), were it put in a public folder.
    const made = await yearWorkbook(join(root, "data", "2023"), { filled: true, buildTime: new Date(0) });
    if (!("bytes" in made)) throw new Error("the canary year does not validate");
    const findings = fileFindings("du-lieu.xlsx", made.bytes);
    expect(findings).toContainEqual({
      file: "du-lieu.xlsx (Phiếu người dân)",
      column: "form_id",
      kind: "private",
    });
    expect(findings).toContainEqual({
      file: "du-lieu.xlsx (Phiếu cán bộ)",
      column: "respondent_id",
      kind: "private",
    });
    expect(findings).toContainEqual({
      file: "du-lieu.xlsx (Điểm thẩm định)",
      column: "nguoi_lien_he",
      kind: "undeclared",
    });
  });

  it("reads again no file that passed the gate already, and every other one", async () => {
    // The site's copy of the data passed the gate in the data build; a page's own file did not.
    const site = await mkdtemp(join(tmpdir(), "cchc-gated-site-"));
    const gated = await mkdtemp(join(tmpdir(), "cchc-gated-data-"));
    try {
      const leak = "\uFEFFcommune_code,form_id\r\n11155,F1\r\n";
      await mkdir(join(site, "data"), { recursive: true });
      await mkdir(join(gated, "data"), { recursive: true });
      await writeFile(join(site, "data", "copied.csv"), leak);
      await writeFile(join(gated, "data", "copied.csv"), leak);
      await writeFile(join(site, "data", "changed.csv"), leak);
      await writeFile(join(gated, "data", "changed.csv"), "\uFEFFcommune_code\r\n11155\r\n");
      await writeFile(join(site, "data", "page-only.csv"), leak);
      const form = (file: string) => ({ file: join("data", file), column: "form_id", kind: "private" });
      expect(await folderFindings(site, gated)).toEqual([form("changed.csv"), form("page-only.csv")]);
      expect(await folderFindings(site)).toEqual([
        form("changed.csv"),
        form("copied.csv"),
        form("page-only.csv"),
      ]);
    } finally {
      await rm(site, { recursive: true, force: true });
      await rm(gated, { recursive: true, force: true });
    }
  });

  it("reads a sheet only to its header and one row beyond", () => {
    // A notice alone on row 1, the header on row 2, then rows the gate need not read.
    const sheet = (rows: SheetRow[]) => {
      const given: number[] = [];
      return {
        given,
        each: (_problems: unknown, onRow: (row: SheetRow) => boolean | void) => {
          for (const row of rows) {
            given.push(row.row);
            if (onRow(row) === false) break;
          }
          return true;
        },
      };
    };
    const table = sheet([
      { row: 1, cells: ["DỮ LIỆU MẪU"] },
      { row: 2, cells: ["Mã xã", "Tên xã"] },
      { row: 3, cells: ["11155", "Hồng Dụ"] },
      { row: 4, cells: ["11158", "An Đức"] },
      { row: 5, cells: ["11161", "Ninh Hải"] },
    ]);
    expect(gateRows(table, [])?.map((row) => row.row)).toEqual([1, 2, 3]);
    expect(table.given).toEqual([1, 2, 3]);
    // Without a header of two cells, every row (the first is then taken as the header).
    const list = sheet([
      { row: 1, cells: ["a"] },
      { row: 2, cells: ["b"] },
      { row: 3, cells: ["c"] },
    ]);
    expect(gateRows(list, [])?.map((row) => row.row)).toEqual([1, 2, 3]);
  });
});
