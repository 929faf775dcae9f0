// The rules of docs/data-contract.md#input-files not covered by docs/quality.md's list, one mutation of the valid fixture each.
import { describe, expect, it } from "vitest";
import type { InputFileName } from "../../../pipeline/model.ts";
import { edited, errors, validTexts, validate, withCode, withFiles, type YearFiles } from "./fixture.ts";

function codes(files: YearFiles): [string, string, number | null, string | null][] {
  return errors(validate(files).problems).map((p) => [p.code, p.file, p.line, p.column]);
}

const manifest = () => JSON.parse(validTexts()["dataset.json"]) as Record<string, unknown>;
const withManifest = (change: (m: Record<string, unknown>) => void) => {
  const m = manifest();
  change(m);
  return withFiles({ "dataset.json": JSON.stringify(m) });
};

describe("dataset.json", () => {
  it("invalid JSON", () => {
    expect(codes(withFiles({ "dataset.json": '{"year": 2023,}' }))).toEqual([
      ["invalid_json", "dataset.json", null, null],
    ]);
  });
  it("a field of the wrong shape, with a Vietnamese reason", () => {
    const result = validate(withManifest((m) => (m.status = "draft")));
    expect(result.problems).toMatchObject([{ code: "dataset_field", column: "status", value: "draft" }]);
    expect(result.problems[0]?.message_vi).toContain("phải là một trong: sample, official");
  });
  it("a missing field and a date written the Vietnamese way", () => {
    const files = withManifest((m) => {
      delete m.title;
      m.legal_basis = [{ ref: "3395/QĐ-UBND", date: "15/12/2022", title: "Bộ tiêu chí" }];
    });
    expect(codes(files)).toEqual([
      ["date_format", "dataset.json", null, "legal_basis.0.date"],
      ["dataset_field", "dataset.json", null, "title"],
    ]);
  });
  it("bands out of order, last band above 0, and a year that is not the folder's", () => {
    const files = withManifest((m) => {
      m.year = 2022;
      m.bands = [
        { code: "B", label: "Nhóm B", min_pct: 80 },
        { code: "A", label: "Nhóm A", min_pct: 90 },
        { code: "C", label: "Nhóm C", min_pct: 50 },
      ];
    });
    expect(codes(files).map(([code, , , column]) => [code, column])).toEqual([
      ["bands_order", "bands.1.min_pct"],
      ["bands_last_not_zero", "bands.2.min_pct"],
      ["year_mismatch", "year"],
    ]);
  });
});

describe("files and columns", () => {
  it("a missing file", () => {
    expect(codes(withFiles({ "groups.csv": undefined }))).toContainEqual([
      "file_missing",
      "groups.csv",
      null,
      null,
    ]);
  });
  it("a survey column that is no question of the panel, and a question without its column", () => {
    const files = edited("survey-officials.csv", (t) => t.replace("CB02", "XY77"));
    expect(codes(files)).toEqual([
      ["missing_question_column", "survey-officials.csv", 1, "CB02"],
      ["unknown_question", "survey-officials.csv", 1, "XY77"],
    ]);
  });
  it.each(["nd02", "ND09"])("a misspelled question column %s is suggested", (typo) => {
    const result = validate(edited("survey-citizens.csv", (t) => t.replace("ND02", typo)));
    expect(errors(result.problems)).toMatchObject([{ code: "misspelled_column", line: 1, column: typo }]);
    expect(result.problems[0]?.message_vi).toContain('"ND02"');
  });
});

describe("cells", () => {
  it.each([
    ["communes.csv", "01001,Xã An Bình,xa,3", "01001,Xã An Bình,Xã,3", "commune_type", 2],
    ["communes.csv", "01001,Xã An Bình,xa,3", "01001,,xa,3", "required", 2],
    ["communes.csv", "01001,Xã An Bình,xa,3", "01001,Xã An Bình,xa,3,5", "ragged_row", 2],
    ["communes.csv", "01001,Xã An Bình,xa,3", "01001,Xã An Bình,xa,ba", "not_a_whole_number", 2],
    ["communes.csv", "01001,Xã An Bình,xa,3", "0100A,Xã An Bình,xa,3", "commune_code_format", 2],
    [
      "criteria.csv",
      "1.4,Đánh giá của cán bộ về chỉ đạo điều hành,10,survey,all",
      "1.4.,Đánh giá,10,survey,all",
      "criterion_id_format",
      6,
    ],
    [
      "criteria.csv",
      "1.2,Xây dựng nông thôn mới,10,appraisal,xa",
      "1.2,Xây dựng nông thôn mới,10,thẩm định,xa",
      "criterion_source",
      4,
    ],
    [
      "criteria.csv",
      "1.2,Xây dựng nông thôn mới,10,appraisal,xa",
      "1.2,Xây dựng nông thôn mới,10,appraisal,xã",
      "criterion_applies_to",
      4,
    ],
    [
      "groups.csv",
      "ubnd,Lãnh đạo UBND huyện,officials,1",
      "UBND,Lãnh đạo UBND huyện,officials,1",
      "code_format",
      3,
    ],
    ["groups.csv", "ubnd,Lãnh đạo UBND huyện,officials,1", "ubnd,Lãnh đạo UBND huyện,can_bo,1", "panel", 3],
    ["scales.csv", "muc_do_4,B,Khá,0.6,", "muc_do_4,B,Khá,60,", "coefficient_range", 3],
    ["scales.csv", "muc_do_4,B,Khá,0.6,", "muc_do_4,b),Khá,0.6,", "option_format", 3],
    ["scales.csv", "hai_long_5,4,Hài lòng,0.75,true", "hai_long_5,4,Hài lòng,0.75,có", "not_a_boolean", 10],
    [
      "questions.csv",
      "ND01,citizens,2.1,hai_long_5,Hài lòng về tiếp cận dịch vụ,1",
      "ND01,citizens,2.1,hai_long_5,Hài lòng về tiếp cận dịch vụ,6",
      "sipas_element",
      4,
    ],
    [
      "questions.csv",
      "ND03,citizens,,hai_long_5,Mức độ hài lòng chung (không tính điểm),",
      "nd3,citizens,,hai_long_5,Mức độ,",
      "question_id_format",
      6,
    ],
  ] as [InputFileName, string, string, string, number][])("%s: %s → %s", (file, from, to, code, line) => {
    const result = validate(edited(file, (t) => t.replace(from, to)));
    expect(withCode(result.problems, code)).toMatchObject([{ file, line, severity: "error" }]);
    expect(result.data).toBeNull();
  });
});

describe("criteria tree", () => {
  it("a leaf without source and an inner node with one", () => {
    const files = edited("criteria.csv", (t) =>
      t
        .replace(
          "1.4,Đánh giá của cán bộ về chỉ đạo điều hành,10,survey",
          "1.4,Đánh giá của cán bộ về chỉ đạo điều hành,10,",
        )
        .replace("2.2,Thủ tục hành chính,20,", "2.2,Thủ tục hành chính,20,appraisal"),
    );
    const found = codes(files);
    expect(found).toContainEqual(["leaf_without_source", "criteria.csv", 6, "source"]);
    expect(found).toContainEqual(["inner_with_source", "criteria.csv", 9, "source"]);
  });
  it("criterion ids are unique", () => {
    const files = edited("criteria.csv", (t) => t.replace("1.3,Trật tự đô thị", "1.2,Trật tự đô thị"));
    expect(codes(files)).toContainEqual(["duplicate_key", "criteria.csv", 5, "id"]);
  });
});

describe("questions", () => {
  it("an unknown scale, a criterion that is no survey leaf, a survey leaf without question", () => {
    const files = edited("questions.csv", (t) =>
      t.replace("CB01,officials,1.4,muc_do_4", "CB01,officials,1.1,muc_do_5"),
    );
    const found = codes(files);
    expect(found).toContainEqual(["unknown_scale", "questions.csv", 2, "scale"]);
    expect(found).toContainEqual(["question_not_survey_leaf", "questions.csv", 2, "criterion_id"]);
    expect(found).toContainEqual(["survey_leaf_without_question", "questions.csv", null, "criterion_id"]);
  });
});

describe("appraisal", () => {
  it("a row for a leaf that does not apply to the commune's type, and one for an inner node", () => {
    const files = edited("appraisal.csv", (t) => `${t}01001,1.3,10,10,\n01001,2.2,20,20,\n`);
    expect(codes(files)).toEqual([
      ["appraisal_not_applicable", "appraisal.csv", 11, "criterion_id"],
      ["not_an_appraisal_leaf", "appraisal.csv", 12, "criterion_id"],
    ]);
  });
  it("a self-score above the maximum", () => {
    const files = edited("appraisal.csv", (t) => t.replace("01003,1.2,9.5,9,", "01003,1.2,10.01,9,"));
    expect(codes(files)).toEqual([["score_above_max", "appraisal.csv", 9, "self_score"]]);
  });
});

describe("survey forms", () => {
  it("a group that is not an officials group", () => {
    const files = edited("survey-officials.csv", (t) =>
      t.replace("CB-F007,CB-03,ubnd", "CB-F007,CB-03,nguoi_dan"),
    );
    expect(codes(files)).toContainEqual(["unknown_group", "survey-officials.csv", 8, "group"]);
  });
  it("a respondent in two groups", () => {
    const files = edited("survey-officials.csv", (t) =>
      t.replace("CB-F009,CB-03,ubnd", "CB-F009,CB-03,hdnd"),
    );
    expect(codes(files)).toContainEqual([
      "respondent_group_changed",
      "survey-officials.csv",
      10,
      "respondent_id",
    ]);
  });
  it("more respondents than planned", () => {
    const files = edited("groups.csv", (t) =>
      t.replace("hdnd,Đại biểu HĐND huyện,officials,2", "hdnd,Đại biểu HĐND huyện,officials,1"),
    );
    const result = validate(files);
    expect(withCode(result.problems, "respondents_above_planned")).toMatchObject([
      { file: "survey-officials.csv", line: null, value: "hdnd", severity: "error" },
    ]);
    expect(result.problems[0]?.message_vi).toContain("2 người trả lời");
  });
  it("a survey leaf with no counted answer for a commune (only E and blanks)", () => {
    // 2.2.2 is scored by CB02 alone; in 01003 the answers become E, E, E.
    const files = edited("survey-officials.csv", (t) =>
      t.replace("01003,A,E", "01003,A,E").replace("01003,A,A", "01003,A,E").replace("01003,B,D", "01003,B,E"),
    );
    const result = validate(files);
    expect(errors(result.problems)).toMatchObject([
      { code: "leaf_unanswerable", file: "survey-officials.csv", line: null, value: "01003" },
    ]);
    expect(result.problems[0]?.message_vi).toContain("2.2.2");
  });
  it("a commune no official rated", () => {
    const files = edited("survey-officials.csv", (t) =>
      t
        .split("\n")
        .filter((l) => !l.includes(",01002,"))
        .join("\n"),
    );
    expect(codes(files)).toEqual([["no_officials_forms", "survey-officials.csv", null, "commune_code"]]);
  });
  it("forms keep their answers in columns: 1 + the option's place in its scale, blank 0", () => {
    const data = validate(withFiles({})).data;
    // CB-F005, the fifth form: CB-02 of hdnd rates 01002, CB01 = C (third of A–E), CB02 blank.
    const officials = data?.officialsForms;
    expect(officials?.questionIds).toEqual(["CB01", "CB02"]);
    expect(officials?.communeCodes[officials.commune[4]!]).toBe("01002");
    expect([officials?.respondentIds[4], officials?.groups[4]]).toEqual(["CB-02", "hdnd"]);
    expect(officials?.answers.map((column) => column[4])).toEqual([3, 0]);
    // ND-F002, the second form: ND01 = 4, ND02 = 4 (fourth of 1, 2, 3, 4, 5, 9), ND03 blank.
    const citizens = data?.citizensForms;
    expect(citizens?.questionIds).toEqual(["ND01", "ND02", "ND03"]);
    expect(citizens?.answers.map((column) => column[1])).toEqual([4, 4, 0]);
    expect([officials?.size, citizens?.size]).toEqual([9, 9]);
  });
});

describe("reporting every problem, sorted", () => {
  it("problems of several files come in file order, then line", () => {
    const files = withFiles({
      "survey-citizens.csv": validTexts()["survey-citizens.csv"].replace(
        "ND-F009,01003,5,5,5",
        "ND-F009,01003,5,7,5",
      ),
      "communes.csv": validTexts()["communes.csv"].replace("01003,Xã Hồng Dụ,xa,3", "01003,Xã Hồng Dụ,xa,ba"),
      "appraisal.csv": validTexts()
        ["appraisal.csv"].replace("01002,1.1,29,29", "01002,1.1,tám,29")
        .replace("01001,1.1,30,28.5", "01001,1.1,30,-1"),
    });
    const found = codes(files).map(([code, file, line]) => `${file}:${line}:${code}`);
    expect(found.slice(0, 4)).toEqual([
      "communes.csv:4:not_a_whole_number",
      "appraisal.csv:2:negative_number",
      "appraisal.csv:5:not_a_number",
      "survey-citizens.csv:10:unknown_option",
    ]);
  });
});
