// The draft report to the province, as `npm run report` writes it for the committed 2023 sample:
// its ranking appendix read back from the document XML must be results.csv of the golden output,
// every page must carry the sample notice, and two runs at different clock times give the same bytes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../../pipeline/commands/report.ts";
import { sampleNotice } from "../../../pipeline/publish/sample-notice.ts";
import { captureOutput } from "./capture-output.ts";

const repo = resolve(import.meta.dirname, "../../..");
const goldenResults = join(repo, "tests", "golden", "expected", "2023", "results.csv");
/** 2024-01-01T00:00:00Z, the golden test's build time. */
const epoch = "1704067200";

let scratch: string;
const reports: Uint8Array[] = [];

/** `npm run report -- --year 2023 --out <folder>` in-process, with the clock set to `now`. */
async function report(folder: string, now: Date): Promise<Uint8Array> {
  const saved = process.env.SOURCE_DATE_EPOCH;
  process.env.SOURCE_DATE_EPOCH = epoch;
  vi.useFakeTimers({ toFake: ["Date"], now });
  try {
    const { exitCode, printed } = await captureOutput(() =>
      run(["--year", "2023", "--data", join(repo, "data"), "--out", folder]),
    );
    if (exitCode !== 0) throw new Error(`report exited with ${exitCode}:\n${printed}`);
  } finally {
    vi.useRealTimers();
    if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
    else process.env.SOURCE_DATE_EPOCH = saved;
  }
  return new Uint8Array(await readFile(join(folder, "bao-cao-chi-so-cchc-2023.docx")));
}

const decode = (xml: string) =>
  xml.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&quot;", '"').replaceAll("&amp;", "&");

/** Every table row of a WordprocessingML part, as the texts of its cells. */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tr\b.*?<\/w:tr>/gs)].map(([row]) =>
    [...row.matchAll(/<w:tc\b.*?<\/w:tc>/gs)].map(([tc]) =>
      decode([...tc.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
    ),
  );
}

function part(docx: Uint8Array, name: string): string {
  const bytes = unzipSync(docx)[name];
  if (bytes === undefined) throw new Error(`${name} is not in the document`);
  return strFromU8(bytes);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "report-"));
  reports.push(await report(join(scratch, "a"), new Date(Date.UTC(2030, 0, 2, 3, 4, 5))));
  reports.push(await report(join(scratch, "b"), new Date(Date.UTC(2031, 6, 8, 9, 10, 11))));
}, 60_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the draft report to the province", () => {
  it("has every unit's index and rank exactly as results.csv publishes them", async () => {
    const csv = (await readFile(goldenResults, "utf8"))
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    const header = (csv[0] as string).split(",");
    const column = (name: string) => header.indexOf(name);
    // Unit names hold no commas, so the first columns split safely.
    const published = csv.slice(1).map((line) => line.split(","));
    const rows = tableRows(part(reports[0]!, "word/document.xml"));
    const ranking = rows.filter((cells) => cells.length === 8 && cells[0] !== "Đơn vị");
    expect(ranking).toHaveLength(published.length);
    expect(published.length).toBe(20);
    for (const [i, row] of published.entries()) {
      const cells = ranking[i] as string[];
      expect(cells[0]).toBe(row[column("commune_name")]);
      // The document writes Vietnamese decimals with two places: 92.35 in the CSV is 92,35, 87 is 87,00.
      expect(cells[5]).toMatch(/^\d+,\d\d$/);
      expect(Number(cells[5]!.replace(",", "."))).toBe(Number(row[column("index_pct")]));
      expect(cells[6]).toBe(row[column("rank")]);
      expect(cells[7]).toBe(row[column("band")]);
    }
  });

  it("lays out the administrative heading, the blanks for the office and the signature", () => {
    const text = tableRows(part(reports[0]!, "word/document.xml")).flat().join("\n");
    const body = decode(part(reports[0]!, "word/document.xml"));
    expect(text).toContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    expect(text).toContain("Độc lập - Tự do - Hạnh phúc");
    expect(text).toContain("PHÒNG NỘI VỤ");
    expect(text).toContain("Số: …/BC-PNV");
    expect(text).toContain("Nơi nhận:");
    expect(body).toContain("III. ĐÁNH GIÁ CHUNG VÀ ĐỀ XUẤT, KIẾN NGHỊ");
    expect(body).toContain("[Phần để Phòng Nội vụ viết");
    // Part I from plan.csv: step 2 was due 10/01/2024 and done on 12/01/2024 in the sample.
    expect(body).toContain(
      "Thời gian theo kế hoạch: Chậm nhất ngày 10/01/2024. Hoàn thành ngày 12/01/2024, chậm 2 ngày",
    );
    expect(body).toContain('w:ascii="Times New Roman"');
  });

  it("carries the sample notice at the top and bottom of every page of every section", () => {
    const docx = reports[0]!;
    const sections = [...part(docx, "word/document.xml").matchAll(/<w:sectPr\b.*?<\/w:sectPr>/gs)];
    expect(sections).toHaveLength(2);
    const files = unzipSync(docx);
    const rels = part(docx, "word/_rels/document.xml.rels");
    for (const [section] of sections) {
      for (const kind of ["header", "footer"]) {
        const id = new RegExp(`<w:${kind}Reference w:type="default" r:id="(\\w+)"`).exec(section)?.[1];
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
        expect(target, `${kind} of a section`).toBeDefined();
        expect(strFromU8(files[`word/${target}`]!)).toContain(sampleNotice);
      }
    }
  });

  it("is the file the build publishes: its sha256 is the golden manifest's", async () => {
    const golden = JSON.parse(
      await readFile(join(repo, "tests", "golden", "expected", "2023", "dataset.json"), "utf8"),
    ) as { outputs: { file: string; sha256: string }[] };
    const published = golden.outputs.find((output) => output.file === "bao-cao-chi-so-cchc-2023.docx");
    expect(published?.sha256).toBe(createHash("sha256").update(reports[0]!).digest("hex"));
  });

  it("gives identical bytes at two different clock times, stamped with the build time", () => {
    expect(Buffer.from(reports[1]!).equals(Buffer.from(reports[0]!))).toBe(true);
    expect(part(reports[0]!, "docProps/core.xml")).toContain(">2024-01-01T00:00:00Z</dcterms:created>");
  });
});
