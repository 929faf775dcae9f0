import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nativePublishedData } from "../../../tests/support/duckdb-native.ts";
import {
  answerDistribution,
  crossTabulation,
  exploreCatalogue,
  filteredRows,
  formTotals,
} from "./explore.ts";

// Commune X: form 1 answered ND01=5, ND02=4; form 2 ND01=5, ND02=5; form 3 ND01=3 and left ND02 blank.
// Commune Y: form 1 ND01=5, ND02=4; form 2 ND01=4, ND02=4. Form numbers restart in each commune.
const setup = `
  CREATE TABLE results AS SELECT * FROM (VALUES ('X', 'Xã Xuân'), ('Y', 'Xã Yên')) t(commune_code, commune_name);
  CREATE TABLE responses AS SELECT * FROM (VALUES
    ('X', 1, 'ND01', '5'), ('X', 1, 'ND02', '4'), ('X', 2, 'ND01', '5'), ('X', 2, 'ND02', '5'), ('X', 3, 'ND01', '3'),
    ('Y', 1, 'ND01', '5'), ('Y', 1, 'ND02', '4'), ('Y', 2, 'ND01', '4'), ('Y', 2, 'ND02', '4')
  ) t(commune_code, response_no, question_id, option);
  CREATE TABLE survey_options AS SELECT * FROM (VALUES
    ('X', 'citizens', 'ND01', '3', 'Bình thường', 0.5, 1), ('X', 'citizens', 'ND01', '4', 'Hài lòng', 0.75, 0),
    ('X', 'citizens', 'ND01', '5', 'Rất hài lòng', 1.0, 2),
    ('Y', 'citizens', 'ND01', '3', 'Bình thường', 0.5, 0), ('Y', 'citizens', 'ND01', '4', 'Hài lòng', 0.75, 1),
    ('Y', 'citizens', 'ND01', '5', 'Rất hài lòng', 1.0, 1),
    ('X', 'citizens', 'ND02', '4', 'Hài lòng', 0.75, 1), ('X', 'citizens', 'ND02', '5', 'Rất hài lòng', 1.0, 1),
    ('Y', 'citizens', 'ND02', '4', 'Hài lòng', 0.75, 2), ('Y', 'citizens', 'ND02', '5', 'Rất hài lòng', 1.0, 0),
    ('X', 'officials', 'CB01', 'A', 'Tốt', 1.0, 3), ('X', 'officials', 'CB01', 'B', 'Khá', 0.6, 1),
    ('Y', 'officials', 'CB01', 'A', 'Tốt', 1.0, 2), ('Y', 'officials', 'CB01', 'B', 'Khá', 0.6, 2)
  ) t(commune_code, panel, question_id, option, option_label, coefficient, count);
  CREATE TABLE survey AS SELECT * FROM (VALUES
    ('X', 'citizens', 'ND01', 'Tiếp cận dịch vụ', 3, 0), ('X', 'citizens', 'ND02', 'Thủ tục', 3, 1),
    ('Y', 'citizens', 'ND01', 'Tiếp cận dịch vụ', 2, 0), ('Y', 'citizens', 'ND02', 'Thủ tục', 2, 0),
    ('X', 'officials', 'CB01', 'Chỉ đạo', 4, 0), ('Y', 'officials', 'CB01', 'Chỉ đạo', 5, 1)
  ) t(commune_code, panel, question_id, question_text, forms, no_answer);
`;

let data: Awaited<ReturnType<typeof nativePublishedData>>;
beforeAll(async () => {
  data = await nativePublishedData(setup);
});
afterAll(() => data.close());

const cells = (rows: { row_option: string; column_option: string; count: number }[]) =>
  rows.map((row) => `${row.row_option}×${row.column_option}=${row.count}`);

describe("crossTabulation", () => {
  it("pairs the two answers of the same form, never forms of another commune with the same number", async () => {
    // (5,4): X1 and Y1; (5,5): X2; (4,4): Y2; X3 left ND02 blank so it is in no cell.
    const rows = await crossTabulation(data, {
      question: "ND01",
      crossQuestion: "ND02",
      commune: null,
      answer: null,
    });
    expect(cells(rows)).toEqual(["4×4=1", "5×4=2", "5×5=1"]);
  });

  it("narrows to one commune and to the forms that gave one answer", async () => {
    const inX = await crossTabulation(data, {
      question: "ND01",
      crossQuestion: "ND02",
      commune: "X",
      answer: null,
    });
    expect(cells(inX)).toEqual(["5×4=1", "5×5=1"]);
    const answeredFive = await crossTabulation(data, {
      question: "ND01",
      crossQuestion: "ND02",
      commune: null,
      answer: "5",
    });
    expect(cells(answeredFive)).toEqual(["5×4=2", "5×5=1"]);
  });

  it("treats a hostile filter value as a value, not as SQL", async () => {
    const rows = await crossTabulation(data, {
      question: "ND01' OR '1'='1",
      crossQuestion: "ND02",
      commune: null,
      answer: null,
    });
    expect(rows).toEqual([]);
  });
});

describe("answerDistribution and formTotals", () => {
  it("adds the published counts of the chosen communes", async () => {
    // ND01 in the district: 3 → 1 + 0; 4 → 0 + 1; 5 → 2 + 1.
    const rows = await answerDistribution(data, { panel: "citizens", question: "ND01", commune: null });
    expect(rows.map((row) => [row.option, row.option_label, row.count])).toEqual([
      ["3", "Bình thường", 1],
      ["4", "Hài lòng", 1],
      ["5", "Rất hài lòng", 3],
    ]);
    // Officials in Y: A 2, B 2; 5 forms, 1 left CB01 blank.
    const officials = await answerDistribution(data, { panel: "officials", question: "CB01", commune: "Y" });
    expect(officials.map((row) => [row.option, row.count])).toEqual([
      ["A", 2],
      ["B", 2],
    ]);
    expect(await formTotals(data, { panel: "officials", question: "CB01", commune: "Y" })).toEqual({
      forms: 5,
      no_answer: 1,
    });
    expect(await formTotals(data, { panel: "citizens", question: "ND02", commune: null })).toEqual({
      forms: 5,
      no_answer: 1,
    });
  });
});

describe("filteredRows", () => {
  it("gives citizens' individual answers with the commune name and the answer's label", async () => {
    const rows = await filteredRows(data, { panel: "citizens", question: "ND01", commune: "X", answer: "5" });
    expect(rows).toEqual([
      {
        commune_code: "X",
        commune_name: "Xã Xuân",
        response_no: 1,
        question_id: "ND01",
        option: "5",
        option_label: "Rất hài lòng",
      },
      {
        commune_code: "X",
        commune_name: "Xã Xuân",
        response_no: 2,
        question_id: "ND01",
        option: "5",
        option_label: "Rất hài lòng",
      },
    ]);
  });

  it("gives officials only as published counts per commune and option", async () => {
    const rows = await filteredRows(data, {
      panel: "officials",
      question: "CB01",
      commune: null,
      answer: "B",
    });
    expect(rows).toEqual([
      {
        commune_code: "X",
        commune_name: "Xã Xuân",
        question_id: "CB01",
        option: "B",
        option_label: "Khá",
        count: 1,
      },
      {
        commune_code: "Y",
        commune_name: "Xã Yên",
        question_id: "CB01",
        option: "B",
        option_label: "Khá",
        count: 2,
      },
    ]);
  });
});

describe("exploreCatalogue", () => {
  it("lists citizens' questions first, each with its options, and the communes", async () => {
    const catalogue = await exploreCatalogue(data);
    expect(
      catalogue.questions.map((question) => `${question.panel}:${question.id}:${question.options.length}`),
    ).toEqual(["citizens:ND01:3", "citizens:ND02:2", "officials:CB01:2"]);
    expect([...catalogue.communeCodes].sort()).toEqual(["X", "Y"]);
  });
});
