import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import type { Problem } from "../problem.ts";
import { acceptRow, openCsv, parseBody, readCsv, withoutQuotes, type CsvOpened, type CsvRow } from "./csv.ts";
import { decodeText } from "./decode.ts";
import { closestName, editDistance, findHeader, headerScore, headerSearchBytes } from "./header.ts";
import { findLegacyVietnamese } from "./legacy.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const spec = { file: "communes.csv", required: ["code", "name", "type", "survey_quota"] };

describe("decodeText", () => {
  it("drops a UTF-8 BOM and decodes UTF-16 LE and BE with their BOM", () => {
    expect(decodeText("f", bytes("\uFEFFXã")).text).toBe("Xã");
    expect(decodeText("f", new Uint8Array([0xff, 0xfe, 0x58, 0x00, 0xe3, 0x00])).text).toBe("Xã");
    expect(decodeText("f", new Uint8Array([0xfe, 0xff, 0x00, 0x58, 0x00, 0xe3])).text).toBe("Xã");
  });
  it("names empty, binary and non-UTF-8 files", () => {
    expect(decodeText("f", new Uint8Array()).problem?.code).toBe("empty_file");
    expect(decodeText("f", new Uint8Array([0x61, 0x00, 0x62])).problem?.code).toBe("binary_file");
    // UTF-16 without a BOM is full of NUL bytes: refused rather than guessed.
    expect(decodeText("f", new Uint8Array(Buffer.from("code,name", "utf16le"))).problem?.code).toBe(
      "binary_file",
    );
    // Control characters other than tab and line ends: a few in a long text (a stray one pasted into
    // a cell) are tolerated, more than one per 1,000 bytes (and more than 2) mean binary, whether the
    // bytes are valid UTF-8 or not (0xE3 alone is not).
    const text = (controls: number, tail: number[] = []) =>
      new Uint8Array([...Array.from({ length: 3000 }, (_, i) => (i < controls ? 0x01 : 0x61)), ...tail]);
    expect(decodeText("f", text(3)).problem).toBeNull();
    expect(decodeText("f", text(4)).problem?.code).toBe("binary_file");
    expect(decodeText("f", text(3, [0xe3])).problem?.code).toBe("encoding_not_utf8");
    expect(decodeText("f", text(4, [0xe3])).problem?.code).toBe("binary_file");
    const latin1 = decodeText("f", new Uint8Array([0x61, 0x0a, 0x58, 0xe3, 0x0a]));
    expect(latin1.problem).toMatchObject({ code: "encoding_not_utf8", line: 2, value: "Xă" });
  });
});

describe("findLegacyVietnamese", () => {
  it("never flags Vietnamese written in Unicode, symbols included", () => {
    const vietnamese = [
      "Thị trấn Ninh Giang, Xã Ứng Hòe, Xã Nghĩa An, Xã Hồng Đức, Xã Đồng Tâm, Xã Kiến Quốc, Xã Tân Hương",
      "àáảãạ ăằắẳẵặ âầấẩẫậ đ èéẻẽẹ êềếểễệ ìíỉĩị òóỏõọ ôồốổỗộ ơờớởỡợ ùúủũụ ưừứửữự ỳýỷỹỵ",
      "ÀÁẢÃẠ ĂẰẮẲẴẶ ÂẦẤẨẪẬ Đ ÈÉẺẼẸ ÊỀẾỂỄỆ ÌÍỈĨỊ ÒÓỎÕỌ ÔỒỐỔỖỘ ƠỜỚỞỠỢ ÙÚỦŨỤ ƯỪỨỬỮỰ ỲÝỶỸỴ",
      "Ngõ 5, rõ ràng, võ thuật, thuở, khuỷu tay, ngoằn ngoèo, quýt, giường, ùa vào, 25°C, ABC®, © 2023, ½",
      "Rất không hài lòng; Không đánh giá được; Người dân, tổ chức; «Một cửa»; 3 × 4; nhiệt độ ±2",
    ].join("\n");
    expect(findLegacyVietnamese(vietnamese)).toBeNull();
    expect(findLegacyVietnamese(vietnamese.normalize("NFD").normalize("NFC"))).toBeNull();
  });
  it.each([
    ["TCVN3 Xã", "code\nX· Hång Dô", 2],
    ["TCVN3 Đông", "§«ng", 1],
    ["TCVN3 tiếng", "tiÕng ViÖt", 1],
    ["VNI chào", "a\nb\nchaøo", 3],
    ["VNI Đông", "Ñoâng", 1],
    ["VNI Xã", "Xaõ", 1],
    // Only positions by a legacy character are tried: after honest õ/ù, and with the characters
    // case folding matches (Greek μ for the marker µ), the first match is still found.
    ["VNI after honest õ", "rõ ràng, ùa vào\nXaõ", 2],
    ["µ case-folded", "Ngõ 5\nxμ", 2],
  ])("flags %s on its line", (_, text, line) => {
    expect(findLegacyVietnamese(text)?.line).toBe(line);
  });
});

describe("header search", () => {
  it("measures typos", () => {
    expect(editDistance("comune_code", "commune_code")).toBe(1);
    expect(closestName("Survey Quota", ["code", "survey_quota"])).toBe("survey_quota");
    expect(closestName("ho_ten", ["code", "survey_quota"])).toBeNull();
  });
  it.each([",", ";", "\t"])("picks the delimiter %j that matches the expected header", (d) => {
    const found = findHeader(
      `code${d}name${d}type${d}survey_quota\n01001${d}A${d}xa${d}60`,
      new Set(spec.required),
    );
    expect(found).toMatchObject({ found: true, delimiter: d, line: 1 });
  });
  it("finds the header under a title row", () => {
    const found = findHeader("\nDANH SÁCH XÃ,,,\ncode,name,type,survey_quota\n", new Set(spec.required));
    expect(found).toMatchObject({ found: true, line: 3, firstContentLine: 2 });
  });
});

describe("readCsv", () => {
  it("keeps physical line numbers across blank lines and multi-line quoted cells", () => {
    const text = 'code,name,type,survey_quota\n\n01001,"Xã\nAn Bình",xa,60\n01002,Xã B,xa,60\n';
    const read = readCsv(bytes(text), spec);
    expect(read.problems).toEqual([]);
    expect(read.table?.rows.map((r) => r.line)).toEqual([3, 5]);
    expect(read.table?.rows[0]?.cells[1]).toBe("Xã\nAn Bình");
  });
  it("numbers lines from the header when the text opens with a second byte-order mark", () => {
    // The CSV parser drops a mark opening its input, which put its rows one line early.
    const text = '\uFEFF\uFEFFcode,name,type,survey_quota\n01001,"A",xa,60\n01002,B,xa,=2\n';
    const read = readCsv(bytes(text), spec);
    expect(read.table?.rows.map((r) => r.line)).toEqual([2, 3]);
    expect(read.problems.map((p) => [p.code, p.line])).toEqual([["formula_trigger", 3]]);
  });
  it("warns about formula triggers but not about negative numbers or a lone dash", () => {
    const text = "code,name,type,survey_quota\n01001,=1+2,xa,-1\n01002,-,xa,60\n01003,@SUM(A1),\txa,60\n";
    const read = readCsv(bytes(text), spec);
    expect(read.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ["formula_trigger", 2, "name"],
      ["formula_trigger", 4, "name"],
      ["formula_trigger", 4, "type"],
    ]);
    expect(read.table?.rows[2]?.cells[2]).toBe("xa");
  });
  it("tolerates trailing empty cells Excel adds but not missing ones", () => {
    const text = "code,name,type,survey_quota\n01001,A,xa,60,,\n01002,B,xa\n";
    const read = readCsv(bytes(text), spec);
    expect(read.problems.map((p) => [p.code, p.line])).toEqual([["ragged_row", 3]]);
  });
  it("reports header problems at the header's line", () => {
    const text = "code,name,name,,type\n01001,A,A,,xa\n";
    const codes = readCsv(bytes(text), spec).problems.map((p) => [p.code, p.line, p.column]);
    expect(codes).toEqual([
      ["duplicate_column", 1, "name"],
      ["blank_column", 1, null],
      ["missing_column", 1, "survey_quota"],
    ]);
  });
});

describe("parseBody", () => {
  /** The body's rows and problems as the CSV parser alone reads them, rows counted from the header. */
  function parserOnly(text: string, header: string[]): { rows: CsvRow[]; problems: Problem[] } {
    const rows: CsvRow[] = [];
    const problems: Problem[] = [];
    let line = 1;
    let cursor = 0;
    let isHeader = true;
    Papa.parse<string[]>(text, {
      delimiter: ",",
      newline: "\n",
      skipEmptyLines: false,
      step: (result) => {
        const rowLine = line;
        for (
          let i = text.indexOf("\n", cursor);
          i !== -1 && i < result.meta.cursor;
          i = text.indexOf("\n", i + 1)
        )
          line++;
        cursor = result.meta.cursor;
        if (isHeader) {
          isHeader = false;
          return;
        }
        if (result.errors.some((e) => e.type === "Quotes"))
          problems.push({ file: "f", line: rowLine, code: "unclosed_quote" } as Problem);
        else {
          const row = acceptRow("f", header, result.data, rowLine, problems);
          if (row !== null) rows.push(row);
        }
      },
    });
    return { rows, problems };
  }

  it("reads plain rows itself exactly as the CSV parser does, and leaves it the others", () => {
    const header = ["x", "y"];
    const body = fc.array(fc.constantFrom("a", "b", ",", '"', "\n", " ", "=", "\uFEFF"), { maxLength: 40 });
    fc.assert(
      fc.property(body, (chars) => {
        const text = `x,y\n${chars.join("")}`;
        const opened: CsvOpened = {
          text,
          header,
          index: new Map(),
          questionColumns: [],
          headerLine: 1,
          offset: 0,
          delimiter: ",",
        };
        const rows: CsvRow[] = [];
        const problems: Problem[] = [];
        parseBody("f", opened, problems, (row) => rows.push(row));
        const expected = parserOnly(text, header);
        expect(rows).toEqual(expected.rows);
        expect(problems.map((p) => [p.line, p.code])).toEqual(expected.problems.map((p) => [p.line, p.code]));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("openCsv of a file in printable ASCII (bytesBody: a survey file's body read as bytes)", () => {
  const files = [
    "code,name,type,survey_quota\n00001,An Duc,xa,30\n",
    // a title row, blank lines, a misspelled and an unknown column, a quote in the body
    'Danh sach xa\n,,;\n\ncode,nmae,type,survey_quota,extra\n00001,"An, Duc",xa,30',
    "code;name;type;survey_quota\n00001;An Duc;xa;30\n",
    "no header here\n1,2\n",
  ];
  it("opens it as the decoded text opens, without decoding it whole", () => {
    for (const text of files) {
      const general = openCsv(bytes(text), spec);
      const ascii = openCsv(bytes(text), spec, true);
      expect(ascii.problems).toEqual(general.problems);
      expect(ascii.opened === null).toBe(general.opened === null);
      if (ascii.opened === null || general.opened === null) continue;
      expect(Object.getOwnPropertyDescriptor(ascii.opened, "text")?.get).toBeTypeOf("function");
      const { text: asciiText, ...rest } = ascii.opened;
      const { text: generalText, ...generalRest } = general.opened;
      expect(rest).toEqual(generalRest);
      expect(asciiText).toBe(generalText);
      expect(withoutQuotes(ascii.opened)).toBe(!text.includes('"'));
    }
  });
  it("decodes any other file: a CR, a tab, a letter outside ASCII", () => {
    for (const text of ["code,name,type,survey_quota\r\n1,a,xa,3", "code\tname\n", "code,name\n1,Đức"])
      expect(
        Object.getOwnPropertyDescriptor(openCsv(bytes(text), spec, true).opened ?? {}, "text")?.get,
      ).toBe(undefined);
  });
});

describe("headerSearchBytes", () => {
  it("ends with the tenth line that is not blank, blank lines (spaces, commas, semicolons) aside", () => {
    const lines = ["t", " ,;", "", ...Array.from({ length: 12 }, (_, i) => `l${i}`)];
    const text = lines.join("\n");
    // lines t and l0..l8 are the ten: the prefix ends right after l8
    expect(text.slice(0, headerSearchBytes(bytes(text)))).toBe(lines.slice(0, 12).join("\n"));
    expect(headerSearchBytes(bytes("a\n\nb"))).toBe(4);
  });
});

describe("headerScore", () => {
  const expected = new Set(["code", "name", "type"]);
  it("counts exact names twice and near misses once, unless the line cannot score above the best", () => {
    expect(headerScore(["code", "nam", "typ", ""], expected)).toBe(4);
    // at most 2 + 1 + 1 = 4: not above 4, so not looked at
    expect(headerScore(["code", "nam", "typ"], expected, 4)).toBe(0);
    expect(headerScore(["code", "nam", "typ"], expected, 3)).toBe(4);
  });
});
