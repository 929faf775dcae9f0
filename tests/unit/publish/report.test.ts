// The draft report to the province, as `npm run report` writes it for the committed 2023 sample:
// every index, rank, band, maximum and domain's points read back from the document XML must be the
// golden results.csv and domains.csv,
// every page must carry the sample notice, and two runs at different clock times give the same bytes.
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { run } from "../../../pipeline/commands/report.ts";
import { sampleNotice } from "../../../pipeline/publish/sample-notice.ts";
import { captureOutput } from "./capture-output.ts";

const repo = resolve(import.meta.dirname, "../../..");
const goldenFolder = join(repo, "tests", "golden", "expected", "2023");
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

/** Every paragraph of a WordprocessingML part outside tables, as its text. */
function paragraphs(xml: string): string[] {
  const outside = xml.replace(/<w:tbl>.*?<\/w:tbl>/gs, "");
  return [...outside.matchAll(/<w:p\b.*?<\/w:p>/gs)].map(([p]) =>
    decode([...p.matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
}

/** A golden published table, as records of text cells (Papa reads the quoted names with commas). */
async function goldenTable(name: string): Promise<Record<string, string>[]> {
  const text = (await readFile(join(goldenFolder, `${name}.csv`), "utf8")).replace(/^\uFEFF/, "");
  return Papa.parse<Record<string, string>>(text.trimEnd(), { header: true }).data;
}

/** A published 2-decimal figure as the report writes it: `22.5` → `22,50`, `87` → `87,00`. */
const twoPlaces = (cell: string) => Number(cell).toFixed(2).replace(".", ",");

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
  it("states every index, rank, band and maximum as the published tables have them", async () => {
    const results = await goldenTable("results");
    const domains = await goldenTable("domains");
    const xml = part(reports[0]!, "word/document.xml");
    const rows = tableRows(xml);
    const text = paragraphs(xml);
    const byName = new Map(results.map((r) => [r.commune_name!, r]));

    // Appendix 1, the ranking: every figure of every unit, in results.csv's order.
    const ranking = rows.filter((cells) => cells.length === 8 && cells[0] !== "Đơn vị");
    expect(ranking.map((cells) => cells[0])).toEqual(results.map((r) => r.commune_name));
    for (const [i, r] of results.entries()) {
      expect(ranking[i]).toEqual([
        r.commune_name,
        twoPlaces(r.appraisal_points!),
        twoPlaces(r.survey_points!),
        twoPlaces(r.points!),
        twoPlaces(r.max_points!),
        twoPlaces(r.index_pct!),
        r.rank,
        r.band,
      ]);
    }

    // Part II: every "Xã … (85,67%, hạng 3)" in the bands and the first and last places.
    const mentions = text.flatMap((p) => [...p.matchAll(/([^:;,]+?) \((\d+,\d\d)%, hạng (\d+)\)/g)]);
    expect(mentions.length).toBeGreaterThanOrEqual(results.length + 6);
    for (const [, name, index, rank] of mentions) {
      const r = byName.get(name!.replace(/^.*gồm: /, "").trim());
      expect(r, name).toBeDefined();
      expect([index, rank]).toEqual([twoPlaces(r!.index_pct!), r!.rank]);
    }
    for (const band of ["A", "B", "C", "D"]) {
      const line = text.find((p) => p.startsWith(`Nhóm ${band} `)) ?? "";
      const members = results.filter((r) => r.band === band).map((r) => r.commune_name);
      const named = [...line.matchAll(/(?:gồm: |; )([^;(]+?) \(/g)].map((m) => m[1]);
      expect(named, `band ${band}`).toEqual(members);
    }

    // Each domain's maximum for each kind of unit, as domains.csv gives it (a xã and the thị trấn
    // differ on domain 8: 22,50 and 22,00).
    const typeOf = new Map(results.map((r) => [r.commune_code!, r.commune_type!]));
    const kinds = { xa: "xã", thi_tran: "thị trấn" } as Record<string, string>;
    const ids = [...new Set(domains.map((d) => d.domain_id!))];
    expect(ids).toHaveLength(8);
    const stated = new Map(
      ids.map((id) => {
        const perKind = new Map<string, string>();
        for (const d of domains.filter((row) => row.domain_id === id))
          perKind.set(kinds[typeOf.get(d.commune_code!)!]!, twoPlaces(d.max_points!));
        return [
          id,
          new Set(perKind.values()).size === 1
            ? [...perKind.values()][0]!
            : ["xã", "thị trấn"].map((kind) => `${perKind.get(kind)} (${kind})`).join(", "),
        ];
      }),
    );
    for (const id of ids) {
      const domainRow = rows.find((cells) => cells.length === 3 && cells[0]!.startsWith(`${id}. `));
      expect(domainRow?.[1], `domain ${id} in part II`).toBe(stated.get(id));
    }
    for (const id of ids) {
      const legend = text.find((p) => p.startsWith(`LV ${id}: `));
      expect(legend, `domain ${id} in appendix 2`).toMatch(/; điểm tối đa: (.+)\.$/);
      expect(/; điểm tối đa: (.+)\.$/.exec(legend!)?.[1]).toBe(stated.get(id));
    }
    expect(rows.find((cells) => cells[0]!.startsWith("8. "))?.[1]).toBe("22,50 (xã), 22,00 (thị trấn)");

    // Appendix 2: every unit's points in every domain.
    const header = rows.find((cells) => cells[0] === "Đơn vị" && cells[1] === "LV 1")!;
    const pointsRows = rows.filter((cells) => cells.length === header.length && byName.has(cells[0]!));
    expect(pointsRows).toHaveLength(results.length);
    for (const cells of pointsRows) {
      const code = byName.get(cells[0]!)!.commune_code;
      header.slice(1).forEach((label, i) => {
        const d = domains.find((row) => row.commune_code === code && `LV ${row.domain_id}` === label);
        expect(cells[i + 1], `${cells[0]} ${label}`).toBe(d === undefined ? "–" : twoPlaces(d.points!));
      });
    }
  });

  it("states the district's satisfaction per element as the manifest publishes it", async () => {
    const manifest = JSON.parse(await readFile(join(goldenFolder, "dataset.json"), "utf8")) as {
      district_summary: {
        satisfaction_elements: {
          element: number;
          element_name: string;
          valid_answers: number;
          satisfied_answers: number;
          satisfied_pct: number;
        }[];
      };
    };
    const elements = manifest.district_summary.satisfaction_elements;
    expect(elements).toHaveLength(5);
    const rows = tableRows(part(reports[0]!, "word/document.xml"));
    const header = rows.findIndex((cells) => cells[0] === "Yếu tố");
    const thousands = (n: number) => n.toLocaleString("de-DE");
    expect(rows.slice(header + 1, header + 1 + elements.length)).toEqual(
      elements.map((e) => [
        `${e.element}. ${e.element_name}`,
        thousands(e.valid_answers),
        thousands(e.satisfied_answers),
        twoPlaces(String(e.satisfied_pct)),
      ]),
    );
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
