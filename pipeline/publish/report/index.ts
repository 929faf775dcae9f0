// The report the Home Affairs office sends to the province (issue 16), drafted from the published
// figures as a Word document laid out as Vietnamese administrative documents are (Nghị định
// 30/2020/NĐ-CP: national motto block, issuing body, number and date left for the office, Times New
// Roman 13–14, "Nơi nhận", signature). It states facts only: part III, the assessment and the
// proposals, is left as marked blanks, because the program never writes a judgement.
// Byte-reproducible: the docx package stamps the clock into docProps/core.xml and the zip, so both
// are set to the build time and the zip is rewritten like the workbook's.
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from "docx";
import { strFromU8, strToU8, unzipSync } from "fflate";
import type { DatasetManifest } from "../../../schemas/dataset.ts";
import type { ResultsRow } from "../../../schemas/published.ts";
import { formatDateVi } from "../../rules/dates.ts";
import { formatInt, formatNumber } from "../../rules/format.ts";
import type { YearResults } from "../../model.ts";
import { reproducibleZip } from "../xlsx.ts";
import { sampleNotice } from "../sample-notice.ts";
import { capitalised, formatMaxima, maximaByType, unitTypes } from "../../rules/display.ts";
import { inSentence, issuerWords, unitKindsPhrase, type IssuerWords } from "../../rules/issuer.ts";
import type { CommuneType } from "../../../schemas/communes.ts";
import { groupBy } from "../../rules/group.ts";
import { planSentences, resultsSections, type Block } from "./content.ts";

/** The most units a draft report lists (a province has a few hundred communes). */
export const reportMaxUnits = 1000;

export function reportFile(year: number): string {
  return `bao-cao-chi-so-cchc-${year}.docx`;
}

export interface ReportSources {
  manifest: DatasetManifest;
  results: YearResults;
  buildTime: Date;
}

const font = "Times New Roman";
/** Half-points: 14 pt body, 13 pt for the motto and body headings, 11 pt inside wide tables. */
const body = 28;
const small = 26;
const tableSize = 22;

/** Text width in twips of A4 with the margins below: portrait and landscape. */
const portraitWidth = 11906 - 1701 - 1134;
const landscapeWidth = 16838 - 1701 - 1134;

/** Column widths in twips: the first (names) gets `first` of the width, the others share the rest. */
function columnWidths(total: number, columns: number, first: number): number[] {
  const head = Math.round(total * first);
  const rest = Math.floor((total - head) / (columns - 1));
  return [head, ...Array.from({ length: columns - 1 }, () => rest)];
}

const run = (text: string, options: { bold?: boolean; italics?: boolean; size?: number } = {}) =>
  new TextRun({
    text,
    font,
    size: options.size ?? body,
    bold: options.bold ?? false,
    italics: options.italics ?? false,
  });

function paragraph(
  text: string | TextRun[],
  options: {
    align?: (typeof AlignmentType)[keyof typeof AlignmentType];
    bold?: boolean;
    italics?: boolean;
    size?: number;
    indent?: boolean;
    after?: number;
    pageBreakBefore?: boolean;
  } = {},
): Paragraph {
  const children = typeof text === "string" ? [run(text, options)] : text;
  return new Paragraph({
    children,
    alignment: options.align ?? AlignmentType.JUSTIFIED,
    spacing: { after: options.after ?? 120, line: 300 },
    indent: options.indent ? { firstLine: 567 } : undefined,
    pageBreakBefore: options.pageBreakBefore ?? false,
  });
}

const centred = (
  text: string,
  options: {
    bold?: boolean;
    italics?: boolean;
    size?: number;
    after?: number;
    pageBreakBefore?: boolean;
  } = {},
) => paragraph(text, { ...options, align: AlignmentType.CENTER, after: options.after ?? 0 });

function cell(
  text: string,
  width: number,
  options: { bold?: boolean; align?: (typeof AlignmentType)[keyof typeof AlignmentType]; size?: number } = {},
): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [
      new Paragraph({
        children: [run(text, { bold: options.bold ?? false, size: options.size ?? tableSize })],
        alignment: options.align ?? AlignmentType.LEFT,
      }),
    ],
  });
}

/** A bordered table; the first row is the header, numbers are right-aligned. */
function table(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly boolean[],
  total = portraitWidth,
): Table {
  const widths = columnWidths(total, header.length, header.length > 4 ? 0.22 : 0.46);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({
        tableHeader: true,
        children: header.map((h, i) => cell(h, widths[i] ?? 0, { bold: true, align: AlignmentType.CENTER })),
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((text, i) =>
              cell(text, widths[i] ?? 0, { align: numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT }),
            ),
          }),
      ),
    ],
  });
}

function blocks(content: readonly Block[]): (Paragraph | Table)[] {
  return content.map((block) => {
    switch (block.kind) {
      case "heading":
        return paragraph(block.text, { bold: true, after: 120 });
      case "text":
        return paragraph(block.text, { indent: true });
      case "blank":
        return paragraph(
          [
            run(block.text, { italics: true }),
            ...[1, 2, 3].map(() => new TextRun({ text: ".".repeat(95), font, size: body, break: 1 })),
          ],
          { indent: true, align: AlignmentType.LEFT },
        );
      case "table":
        return table(block.header, block.rows, block.numeric);
    }
  });
}

/** What the report says of its issuer (pipeline/rules/issuer.ts), with the words only a report needs. */
interface ReportWords extends IssuerWords {
  kinds: string;
  /** The office's letters in a document number: "BC-PNV" (Phòng Nội vụ), "BC-SNV" (Sở Nội vụ). */
  officeCode: string;
  /** Whom the report goes to first: the province through its Sở Nội vụ, or the Ministry. */
  reportsTo: string;
  /** Whom the office's proposals address. */
  superiors: string;
}

function reportWords(
  manifest: ReportSources["manifest"],
  results: readonly { commune_type: CommuneType }[],
): ReportWords {
  const words = issuerWords(manifest);
  const district = words.level === "district";
  return {
    ...words,
    kinds: unitKindsPhrase(results.map((row) => row.commune_type)),
    officeCode: district ? "PNV" : "SNV",
    reportsTo: district ? `UBND ${inSentence(manifest.province.name)} (qua Sở Nội vụ)` : "Bộ Nội vụ",
    superiors: district ? `UBND ${words.areaKind} và UBND tỉnh` : "UBND tỉnh và Bộ Nội vụ",
  };
}

/** The national motto block beside the issuing body, with the number and date left for the office. */
function mottoBlock(year: number, words: ReportWords): Table {
  // The issuing body on the narrower left, the motto on the wider right, as in printed documents.
  const widths = [Math.round(portraitWidth * 0.38), portraitWidth - Math.round(portraitWidth * 0.38)];
  let column = 0;
  const side = (children: Paragraph[]) =>
    new TableCell({ children, width: { size: widths[column++] ?? 0, type: WidthType.DXA } });
  return new Table({
    width: { size: portraitWidth, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
    rows: [
      new TableRow({
        children: [
          side([
            centred(words.body.toLocaleUpperCase("vi"), { size: 24 }),
            centred(words.officeShort.toLocaleUpperCase("vi"), { bold: true, size: 24 }),
            centred("───────", { size: small, after: 120 }),
            centred(`Số: …/BC-${words.officeCode}`, { size: small }),
          ]),
          side([
            // Quốc hiệu at 12 pt, which Nghị định 30/2020 allows (12–13), so it holds on one line.
            centred("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", { bold: true, size: 24 }),
            centred("Độc lập - Tự do - Hạnh phúc", { bold: true, size: body }),
            centred("───────────────", { size: small, after: 120 }),
            centred(`${words.areaName}, ngày … tháng … năm ${year + 1}`, { italics: true, size: body }),
          ]),
        ],
      }),
    ],
  });
}

function closing(words: ReportWords): (Paragraph | Table)[] {
  const recipients = [
    `- ${words.reportsTo} (để b/c);`,
    `- Thường trực ${capitalised(words.areaKind)} ủy, HĐND ${words.areaKind};`,
    `- Chủ tịch, các Phó Chủ tịch UBND ${words.areaKind};`,
    `- Các cơ quan chuyên môn thuộc ${words.areaKind};`,
    `- UBND các ${words.kinds};`,
    "- Lưu: VT, NV.",
  ];
  const half = Math.floor(portraitWidth / 2);
  return [
    new Table({
      width: { size: portraitWidth, type: WidthType.DXA },
      columnWidths: [half, half],
      layout: TableLayoutType.FIXED,
      borders: TableBorders.NONE,
      rows: [
        new TableRow({
          children: [
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              children: [
                paragraph("Nơi nhận:", {
                  bold: true,
                  italics: true,
                  size: 24,
                  align: AlignmentType.LEFT,
                  after: 0,
                }),
                ...recipients.map((r) => paragraph(r, { size: 22, align: AlignmentType.LEFT, after: 0 })),
              ],
            }),
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              children: [
                centred("TRƯỞNG PHÒNG", { bold: true }),
                centred("(Ký, ghi rõ họ tên)", { italics: true }),
                centred(""),
                centred(""),
                centred(""),
                centred("…………………………"),
              ],
            }),
          ],
        }),
      ],
    }),
  ];
}

/** The sample notice at the top and bottom of every page, and the page number. */
function pageFrame(sample: boolean): Pick<ISectionOptions, "headers" | "footers"> {
  const notice = sample ? [centred(sampleNotice, { bold: true, size: 22 })] : [];
  return {
    headers: { default: new Header({ children: notice }) },
    footers: {
      default: new Footer({
        children: [
          ...notice,
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ font, size: 22, children: ["Trang ", PageNumber.CURRENT] })],
          }),
        ],
      }),
    },
  };
}

/** Appendix 1: the ranking table, as results.csv ranks the units. */
function rankingRows(results: readonly ResultsRow[]): string[][] {
  return results.map((r) => [
    r.commune_name,
    formatNumber(r.appraisal_points),
    formatNumber(r.survey_points),
    formatNumber(r.points),
    formatNumber(r.max_points),
    formatNumber(r.index_pct),
    formatInt(r.rank),
    r.band,
  ]);
}

/** Appendix 2: each unit's points in each domain (domains in their order, units in rank order). */
function domainPointsTable(results: YearResults): { header: string[]; rows: string[][]; legend: string[] } {
  const byDomain = groupBy(results.tables.domains, (d) => d.domain_id);
  const points = new Map(results.tables.domains.map((d) => [`${d.commune_code}|${d.domain_id}`, d.points]));
  const ids = [...byDomain.keys()];
  const types = unitTypes(results.tables.results);
  return {
    header: ["Đơn vị", ...ids.map((id) => `LV ${id}`)],
    rows: results.tables.results.map((r) => [
      r.commune_name,
      ...ids.map((id) => {
        const value = points.get(`${r.commune_code}|${id}`);
        return value === undefined ? "–" : formatNumber(value);
      }),
    ]),
    legend: ids.map((id) => {
      const rows = byDomain.get(id)!;
      return `LV ${id}: ${rows[0]!.domain_name}; điểm tối đa: ${formatMaxima(maximaByType(rows, types))}.`;
    }),
  };
}

function documentOf({ manifest, results }: ReportSources): Document {
  const sample = manifest.status === "sample";
  const frame = pageFrame(sample);
  const margin = { top: 1134, bottom: 1134, left: 1701, right: 1134 };
  const ranking = rankingRows(results.tables.results);
  const domains = domainPointsTable(results);
  const words = reportWords(manifest, results.tables.results);
  const title = `Kết quả xác định Chỉ số cải cách hành chính của UBND các ${words.kinds} năm ${manifest.year}`;
  const front: (Paragraph | Table)[] = [
    mottoBlock(manifest.year, words),
    centred("", { after: 240 }),
    centred("BÁO CÁO", { bold: true }),
    centred(title, { bold: true, after: 240 }),
    ...(sample
      ? [
          paragraph(`${sampleNotice}. Mọi số liệu trong bản dự thảo này do chương trình tạo mẫu sinh ra.`, {
            bold: true,
            indent: true,
          }),
        ]
      : []),
    paragraph(
      `Căn cứ ${manifest.legal_basis.map((b) => `${b.ref} ngày ${formatDateVi(b.date)} (${b.title})`).join("; ")}; ${words.officeShort} báo cáo kết quả xác định Chỉ số cải cách hành chính năm ${manifest.year} của UBND các ${words.kinds} trên địa bàn ${words.areaKind} như sau:`,
      { indent: true },
    ),
    ...blocks(planSentences(results.plan, manifest.year, words.officeShort)),
    ...blocks(resultsSections(manifest, results)),
    ...blocks([
      { kind: "heading", text: "III. ĐÁNH GIÁ CHUNG VÀ ĐỀ XUẤT, KIẾN NGHỊ" },
      { kind: "heading", text: "1. Đánh giá chung" },
      {
        kind: "blank",
        text: `[Phần để ${words.officeShort} viết: ưu điểm, hạn chế và nguyên nhân. Chương trình không tự đưa ra nhận định.]`,
      },
      { kind: "heading", text: "2. Đề xuất, kiến nghị" },
      {
        kind: "blank",
        text: `[Phần để ${words.officeShort} viết: đề xuất, kiến nghị với ${words.superiors}.]`,
      },
    ]),
    paragraph(
      `Trên đây là báo cáo kết quả xác định Chỉ số cải cách hành chính năm ${manifest.year} của UBND các ${words.kinds} trên địa bàn ${words.area}./.`,
      { indent: true },
    ),
    ...closing(words),
  ];
  const appendices: (Paragraph | Table)[] = [
    centred("PHỤ LỤC 1", { bold: true }),
    centred(`Bảng xếp hạng Chỉ số cải cách hành chính năm ${manifest.year} của UBND các ${words.kinds}`, {
      bold: true,
    }),
    centred(
      `(Kèm theo Báo cáo số …/BC-${words.officeCode} ngày … tháng … năm ${manifest.year + 1} của ${words.officeShort})`,
      {
        italics: true,
        after: 240,
      },
    ),
    table(
      [
        "Đơn vị",
        "Điểm thẩm định",
        "Điểm điều tra xã hội học",
        "Tổng điểm",
        "Điểm tối đa",
        "Chỉ số (%)",
        "Xếp hạng",
        "Nhóm",
      ],
      ranking,
      [false, true, true, true, true, true, true, false],
      landscapeWidth,
    ),
    paragraph(manifest.bands.map((b) => b.label).join("; ") + ".", { size: tableSize, after: 240 }),
    centred("PHỤ LỤC 2", { bold: true, pageBreakBefore: true }),
    centred(`Điểm theo lĩnh vực của từng ${words.kinds} năm ${manifest.year}`, { bold: true, after: 240 }),
    table(
      domains.header,
      domains.rows,
      domains.header.map((_, i) => i > 0),
      landscapeWidth,
    ),
    ...domains.legend.map((line) =>
      paragraph(line, { size: tableSize, align: AlignmentType.LEFT, after: 0 }),
    ),
  ];
  return new Document({
    creator: words.office,
    lastModifiedBy: words.office,
    title: `Báo cáo ${title}`,
    styles: { default: { document: { run: { font, size: body } } } },
    sections: [
      { properties: { page: { margin } }, ...frame, children: front },
      {
        properties: { page: { margin, size: { orientation: PageOrientation.LANDSCAPE } } },
        ...frame,
        children: appendices,
      },
    ],
  });
}

/** The build time as Word's core properties write it (W3CDTF, whole seconds). */
const w3cdtf = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

/** The report as .docx bytes: identical for the same results and build time. */
export async function reportDocx(sources: ReportSources): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(documentOf(sources));
  const entries = unzipSync(new Uint8Array(packed));
  const core = entries["docProps/core.xml"];
  if (core !== undefined) {
    const stamp = w3cdtf(sources.buildTime);
    entries["docProps/core.xml"] = strToU8(
      strFromU8(core).replace(
        /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
        (_, open: string, _name: string, close: string) => `${open}${stamp}${close}`,
      ),
    );
  }
  return reproducibleZip(entries, sources.buildTime);
}
