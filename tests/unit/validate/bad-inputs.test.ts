// the bad inputs of docs/quality.md#bad-inputs, one by one: each must give its specific code on the right file
// and line, with a Vietnamese message that says how to fix it; the year's data must then be null.
import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { InputFileName } from "../../../pipeline/model.ts";
import type { Problem } from "../../../pipeline/problem.ts";
import { loadYear } from "../../../pipeline/validate/folder.ts";
import { edited, errors, validTexts, validate, withCode, withFiles, type YearFiles } from "./fixture.ts";

/** Validates and returns the one problem of `code`, after checking the year is refused. */
function only(files: YearFiles, code: string): Problem {
  const result = validate(files);
  const found = withCode(result.problems, code);
  expect(found, JSON.stringify(result.problems, null, 1)).toHaveLength(1);
  return found[0] as Problem;
}

function expectError(p: Problem, file: InputFileName, line: number | null, fixWords: RegExp): void {
  expect(p.severity).toBe("error");
  expect(p.file).toBe(file);
  expect(p.line).toBe(line);
  expect(p.message_vi).toMatch(/Cách sửa: /);
  expect(p.message_vi).toMatch(fixWords);
}

function replaceLine(text: string, line: number, replacement: string): string {
  const lines = text.split("\n");
  lines[line - 1] = replacement;
  return lines.join("\n");
}

describe("1. a file not in UTF-8", () => {
  it("Windows-1258 bytes: encoding_not_utf8 on the first line with them, telling to save as CSV UTF-8", () => {
    // Windows-1258 writes "ã" as a + 0xDE (combining tilde) and "ì" as i + 0xCC (combining grave);
    // 0xDE and 0xCC followed by a space or a letter are invalid UTF-8.
    const bytes = Buffer.concat([
      Buffer.from("code,name,type,survey_quota\n01001,Xa"),
      Buffer.from([0xde]),
      Buffer.from(" An Bi"),
      Buffer.from([0xcc]),
      Buffer.from("nh,xa,3\n01002,Thi tran Ninh Giang,thi_tran,3\n01003,Xa Hong Du,xa,3\n"),
    ]);
    const p = only(withFiles({ "communes.csv": bytes }), "encoding_not_utf8");
    expectError(p, "communes.csv", 2, /CSV UTF-8 \(Comma delimited\)/);
    expect(p.value).toBe("01001,Xã An Bình,xa,3");
    expect(validate(withFiles({ "communes.csv": bytes })).data).toBeNull();
  });
});

describe("2. legacy TCVN3 / VNI text", () => {
  it.each([
    ["TCVN3", "01003,X· Hång Dô,xa,3"],
    ["VNI", "01003,Xaõ Hoàng Duï,xa,3"],
    ["VNI chaøo", "01003,Xã chaøo,xa,3"],
  ])("%s: legacy_vietnamese_encoding on its line, explaining Unikey's converter", (_, row) => {
    const p = only(
      edited("communes.csv", (t) => replaceLine(t, 4, row)),
      "legacy_vietnamese_encoding",
    );
    expectError(p, "communes.csv", 4, /Unikey/);
    expect(p.message_vi).toMatch(/TCVN3/);
  });
});

describe("4. a header matching under no delimiter", () => {
  it("header_not_found on line 1 listing expected and found columns", () => {
    const p = only(
      edited("communes.csv", (t) => replaceLine(t, 1, "Mã xã|Tên xã|Loại|Chỉ tiêu")),
      "header_not_found",
    );
    expectError(p, "communes.csv", 1, /tên cột/);
    expect(p.message_vi).toContain("code, name, type, survey_quota");
    expect(p.message_vi).toContain("Mã xã|Tên xã|Loại|Chỉ tiêu");
  });
});

describe("5. header problems", () => {
  it("missing column", () => {
    const files = edited("communes.csv", (t) => t.replace(/,(3|survey_quota)$/gm, ""));
    const p = only(files, "missing_column");
    expectError(p, "communes.csv", 1, /survey_quota/);
    expect(p.column).toBe("survey_quota");
  });
  it("misspelled column, with the expected name suggested", () => {
    const p = only(
      edited("appraisal.csv", (t) => t.replace("commune_code", "comune_code")),
      "misspelled_column",
    );
    expectError(p, "appraisal.csv", 1, /"commune_code"/);
    expect(p.value).toBe("comune_code");
  });
  it("duplicate column", () => {
    const files = edited("survey-citizens.csv", (t) => t.replace("ND03", "ND02"));
    const p = only(files, "duplicate_column");
    expectError(p, "survey-citizens.csv", 1, /Xóa hoặc đổi tên/);
    expect(p.column).toBe("ND02");
  });
  it("blank column", () => {
    const files = edited("groups.csv", (t) =>
      t.replace("code,name", "code,,name").replace(/^(\w+),/gm, "$1,x,"),
    );
    const p = only(files, "blank_column");
    expectError(p, "groups.csv", 1, /Đặt tên/);
  });
  it("a title row above the header says where the header really is", () => {
    const files = edited("appraisal.csv", (t) => `BẢNG ĐIỂM THẨM ĐỊNH CHỈ SỐ CCHC NĂM 2023,,,,\n${t}`);
    const p = only(files, "title_row");
    expectError(p, "appraisal.csv", 1, /xóa các dòng phía trên/);
    expect(p.message_vi).toContain("dòng 2");
    // The rows are still read at their physical lines: nothing else is wrong.
    expect(errors(validate(files).problems)).toHaveLength(1);
  });
});

describe("6. ragged rows and unclosed quotes", () => {
  it("ragged row on its line with expected and found counts", () => {
    const p = only(
      edited("communes.csv", (t) => replaceLine(t, 3, "01002,Thị trấn Ninh Giang,thi_tran,3,thừa")),
      "ragged_row",
    );
    expectError(p, "communes.csv", 3, /CSV UTF-8/);
    expect(p.message_vi).toContain("5 ô");
    expect(p.message_vi).toContain("4 cột");
  });
  it("unclosed quote on the line it opens", () => {
    const p = only(
      edited("appraisal.csv", (t) =>
        t.replace('"Còn lấn chiếm vỉa hè, lòng đường"', '"Còn lấn chiếm vỉa hè, lòng đường'),
      ),
      "unclosed_quote",
    );
    expectError(p, "appraisal.csv", 6, /ngoặc kép/);
  });
});

describe("7. non-numeric or out-of-range scores", () => {
  it.each([
    ["tám", "not_a_number"],
    ["-1", "negative_number"],
    ["31", "score_above_max"],
    ["28.555", "too_many_decimals"],
  ])("appraised_score %s → %s on line 2", (score, code) => {
    const p = only(
      edited("appraisal.csv", (t) => t.replace("01001,1.1,30,28.5", `01001,1.1,30,${score}`)),
      code,
    );
    expectError(p, "appraisal.csv", 2, /.+/);
    expect(p.column).toBe("appraised_score");
    expect(p.value).toBe(score);
  });
});

describe("8. option codes not in the question's scale", () => {
  it("unknown_option names the allowed options", () => {
    const p = only(
      edited("survey-officials.csv", (t) =>
        t.replace("CB-F004,CB-02,hdnd,01001,B,C", "CB-F004,CB-02,hdnd,01001,B,F"),
      ),
      "unknown_option",
    );
    expectError(p, "survey-officials.csv", 5, /phiếu giấy/);
    expect(p.column).toBe("CB02");
    expect(p.message_vi).toContain("A, B, C, D, E");
  });
});

describe("9. foreign keys and lost leading zeros", () => {
  it("unknown commune code", () => {
    const p = only(
      edited("survey-citizens.csv", (t) => t.replace("ND-F009,01003", "ND-F009,01009")),
      "unknown_commune",
    );
    expectError(p, "survey-citizens.csv", 10, /communes\.csv/);
  });
  it("unknown criterion id", () => {
    const p = only(
      edited("appraisal.csv", (t) => t.replace("01003,1.2,9.5,9,", "01003,1.9,9.5,9,")),
      "unknown_criterion",
    );
    expectError(p, "appraisal.csv", 9, /criteria\.csv/);
  });
  it("a code whose leading zero Excel stripped", () => {
    const p = only(
      edited("appraisal.csv", (t) => t.replace("01002,1.1,29,29,", "1002,1.1,29,29,")),
      "code_lost_leading_zeros",
    );
    expectError(p, "appraisal.csv", 5, /Văn bản \(Text\)/);
    expect(p.message_vi).toContain('"01002"');
  });
});

describe("10. duplicate keys", () => {
  it("commune × criterion twice", () => {
    const p = only(
      edited("appraisal.csv", (t) => `${t}01003,1.1,30,30,\n`),
      "duplicate_key",
    );
    expectError(p, "appraisal.csv", 11, /Xóa dòng lặp lại/);
    expect(p.message_vi).toContain("dòng 8");
  });
  it("form_id twice", () => {
    const p = only(
      edited("survey-citizens.csv", (t) => t.replace("ND-F009", "ND-F008")),
      "duplicate_key",
    );
    expectError(p, "survey-citizens.csv", 10, /Xóa dòng lặp lại/);
  });
  it("a respondent rating a commune twice", () => {
    const p = only(
      edited("survey-officials.csv", (t) =>
        t.replace("CB-F003,CB-01,hdnd,01003", "CB-F003,CB-01,hdnd,01002"),
      ),
      "duplicate_rating",
    );
    expectError(p, "survey-officials.csv", 4, /phiếu nhập trùng/);
  });
});

describe("11. missing rows", () => {
  it("a commune without an appraisal leaf", () => {
    const p = only(
      edited("appraisal.csv", (t) => t.replace("01003,1.2,9.5,9,\n", "")),
      "appraisal_missing",
    );
    expectError(p, "appraisal.csv", null, /criterion_id = 1\.2/);
    expect(p.message_vi).toContain("01003");
  });
  it("a commune without survey forms", () => {
    const files = edited("survey-citizens.csv", (t) =>
      t
        .split("\n")
        .filter((l) => !l.includes(",01002,"))
        .join("\n"),
    );
    const p = only(files, "no_citizen_forms");
    expectError(p, "survey-citizens.csv", null, /survey-citizens\.csv/);
    expect(p.message_vi).toContain("Thị trấn Ninh Giang");
  });
});

describe("12. criteria tree", () => {
  it("orphan id", () => {
    const p = only(
      edited("criteria.csv", (t) => `${t}3.1,Tiêu chí lạc,0,appraisal,all\n`),
      "criterion_orphan",
    );
    expectError(p, "criteria.csv", 12, /tiêu chí cha/);
  });
  it("children not summing to the parent", () => {
    const p = only(
      edited("criteria.csv", (t) =>
        t
          .replace("2.2,Thủ tục hành chính,20", "2.2,Thủ tục hành chính,21")
          .replace("2,Tác động của cải cách hành chính,40", "2,Tác động của cải cách hành chính,41")
          .replace("1,Công tác chỉ đạo điều hành,60", "1,Công tác chỉ đạo điều hành,59")
          .replace(
            "1.1,Ban hành kế hoạch cải cách hành chính,30",
            "1.1,Ban hành kế hoạch cải cách hành chính,29",
          ),
      ),
      "criterion_sum_mismatch",
    );
    expectError(p, "criteria.csv", 9, /max_points/);
    expect(p.message_vi).toContain("21");
    expect(p.message_vi).toContain("20");
  });
  it("domains not summing to 100", () => {
    const files = edited("criteria.csv", (t) =>
      t
        .replace("2,Tác động của cải cách hành chính,40", "2,Tác động của cải cách hành chính,40")
        .replace("2.1,Sự hài lòng của người dân,20", "2.1,Sự hài lòng của người dân,19")
        .replace("40,,all", "39,,all"),
    );
    const p = only(files, "domains_total");
    expectError(p, "criteria.csv", null, /tổng bằng 100/);
    expect(p.message_vi).toContain("99");
  });
});

describe("17. empty, header only, binary, too large", () => {
  it("empty file", () => {
    expectError(only(withFiles({ "groups.csv": "" }), "empty_file"), "groups.csv", null, /CSV UTF-8/);
  });
  it("header only", () => {
    expectError(
      only(withFiles({ "groups.csv": "code,name,panel,planned\n" }), "no_rows"),
      "groups.csv",
      null,
      /dữ liệu/,
    );
  });
  it("binary garbage such as an .xlsx renamed to .csv", () => {
    const zip = new Uint8Array([
      0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00,
    ]);
    expectError(only(withFiles({ "scales.csv": zip }), "binary_file"), "scales.csv", null, /CSV UTF-8/);
  });
  it("a 200 MB file is refused from its size, without reading it", async () => {
    const folder = await mkdtemp(join(tmpdir(), "cchc-large-"));
    try {
      const texts = validTexts();
      for (const [file, text] of Object.entries(texts)) await writeFile(join(folder, file), text);
      // A sparse 200 MB file: the disk holds nothing, reading it would allocate 200 MB.
      await truncate(join(folder, "survey-citizens.csv"), 200 * 1024 * 1024);
      const before = process.memoryUsage().rss;
      const year = await loadYear(folder);
      expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
      const p = withCode(year.problems, "file_too_large")[0] as Problem;
      expectError(p, "survey-citizens.csv", null, /xóa các dòng, cột thừa/);
      expect(p.message_vi).toContain("200.0 MB");
      expect(year.data).toBeNull();
    } finally {
      await rm(folder, { recursive: true });
    }
  });
});

describe("warnings that let the year through", () => {
  it("13. NFD text is normalised to NFC with one warning on its first line", () => {
    const result = validate(edited("communes.csv", (t) => t.normalize("NFD")));
    const warnings = withCode(result.problems, "text_not_nfc");
    expect(warnings).toMatchObject([{ file: "communes.csv", line: 2, severity: "warning" }]);
    expect(errors(result.problems)).toEqual([]);
    expect(result.data?.communes.map((c) => c.name)).toContain("Xã Hồng Dụ".normalize("NFC"));
  });
  it("14. cells starting with = + - @ warn, numbers like -1 do not", () => {
    const result = validate(
      edited("appraisal.csv", (t) =>
        t.replace("Chưa ban hành kế hoạch", "=HYPERLINK(1) Chưa ban hành kế hoạch"),
      ),
    );
    expect(withCode(result.problems, "formula_trigger")).toMatchObject([
      { file: "appraisal.csv", line: 2, column: "note", severity: "warning" },
    ]);
    expect(result.data).not.toBeNull();
  });
  it("15. fewer forms than the quota and fewer respondents than planned", () => {
    const result = validate(
      withFiles({
        "survey-citizens.csv": validTexts()["survey-citizens.csv"].replace("ND-F009,01003,5,5,5\n", ""),
        "groups.csv": validTexts()["groups.csv"].replace(
          "hdnd,Đại biểu HĐND huyện,officials,2",
          "hdnd,Đại biểu HĐND huyện,officials,3",
        ),
      }),
    );
    expect(withCode(result.problems, "forms_below_quota")).toMatchObject([
      { file: "survey-citizens.csv", line: null, severity: "warning", value: "01003" },
    ]);
    expect(withCode(result.problems, "respondents_below_planned")).toMatchObject([
      { file: "survey-officials.csv", severity: "warning", value: "hdnd" },
    ]);
    expect(result.data).not.toBeNull();
  });
  it("16. an extra column warns and its values are never passed on", () => {
    const result = validate(
      edited("survey-citizens.csv", (t) =>
        t.replace(/\n(?=.)/g, "\n0912345678,").replace("form_id", "so_dien_thoai,form_id"),
      ),
    );
    expect(withCode(result.problems, "unknown_column")).toMatchObject([
      { file: "survey-citizens.csv", line: 1, column: "so_dien_thoai", severity: "warning" },
    ]);
    expect(JSON.stringify(result.data)).not.toContain("0912345678");
    expect(result.data?.citizensForms.size).toBe(9);
  });
});
