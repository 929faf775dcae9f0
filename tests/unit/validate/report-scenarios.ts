// Years with an error of every kind the validator knows in the files read at national scale (the
// survey files and the appraisal), built from data/2023 by editing lines: the input of the
// validation report's golden test (report-golden.test.ts). The expected reports in
// tests/golden/validation/ were written by the validation as it was before its fast paths
// (issue 26), so that they hold today's problems — code, file, line, column, value and both
// messages — to what they always were. `node tests/unit/validate/report-scenarios.ts --write`
// rewrites them: only for an intended change of a problem.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { inputFiles, type InputFileName } from "../../../pipeline/model.ts";
import { sha256 } from "../../../pipeline/validate/digest.ts";
import { validateFiles } from "../../../pipeline/validate/index.ts";

export const goldenFolder = fileURLToPath(new URL("../../golden/validation", import.meta.url));
const dataFolder = fileURLToPath(new URL("../../../data/2023", import.meta.url));

export type Texts = Record<InputFileName, string>;
type LineEdit = (line: string) => string | null;

export function dataTexts(): Texts {
  return Object.fromEntries(
    inputFiles.map((file) => [file, readFileSync(`${dataFolder}/${file}`, "utf8")]),
  ) as Texts;
}

/** The text with some of its 1-based lines edited; an edit returning null removes the line. */
function editLines(text: string, edits: Record<number, LineEdit>): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    const edit = edits[i + 1];
    const edited = edit === undefined ? line : edit(line);
    if (edited !== null) out.push(edited);
  });
  return out.join("\n");
}

/** The line with its cell at `column` (0-based) replaced. */
const cell =
  (column: number, value: string): LineEdit =>
  (line) => {
    const cells = line.split(",");
    cells[column] = value;
    return cells.join(",");
  };
/** The line without the cells at these positions (0-based). */
const without =
  (...columns: number[]): LineEdit =>
  (line) =>
    line
      .split(",")
      .filter((_, i) => !columns.includes(i))
      .join(",");
const repeatLine =
  (text: string, line: number): LineEdit =>
  () =>
    text.split("\n")[line - 1] ?? "";

function officialsCells(text: string): string {
  return editLines(text, {
    3: cell(5, "Z"), // unknown option
    4: cell(6, " A"), // a space to trim
    5: repeatLine(text, 2), // repeated form
    6: cell(3, "1115"), // commune code format
    7: cell(3, "99999"), // unknown commune
    8: cell(0, "PCB-0\u200B0008"), // invisible in the key
    9: cell(2, "HDND"), // group code format
    10: cell(2, "xyz"), // unknown group
    11: cell(1, ""), // blank respondent
    12: without(21), // a cell short
    13: (l) => l + ",A", // a cell too many
    14: (l) => l + ",,", // Excel's trailing empty cells
    15: cell(7, "=A"), // formula
    16: cell(3, "11155\u00A0"), // no-break space after the code
    17: () => "", // blank line
    18: cell(0, ""), // blank key
    19: cell(8, "a"), // option in lower case
    20: cell(9, "KB"), // an option of another scale
    21: (l) => l + "\r", // one CRLF line
    22: cell(1, "CB-0017\u200B"), // invisible in a respondent
    23: cell(2, "ubnd"), // a respondent's group changed
    24: cell(10, "A\tB"), // a tab inside
    25: cell(4, "Ä"), // a non-ASCII option
    26: cell(0, "PCB\u202E-00026"), // bidirectional override in the key
    27: cell(11, "-"), // formula trigger alone
    28: cell(3, "=11155"), // formula in a fixed cell
    29: cell(0, "PCB-00029 "), // trailing space in the key
    // a column's many blank cells: said once
    30: cell(3, ""),
    31: cell(3, ""),
    32: cell(3, ""),
    33: cell(3, ""),
    34: cell(3, ""),
    35: cell(3, ""),
    40: cell(0, "Phiếu 40"), // non-ASCII key
    41: cell(12, "B "), // trailing space on an answer
  });
}

function citizensCells(text: string): string {
  return editLines(text, {
    2: cell(2, "6"), // unknown option
    3: cell(3, "5.0"),
    4: repeatLine(text, 2), // repeated form
    5: cell(0, "\uFEFFPND-00005"), // byte-order mark inside the file
    6: cell(4, "+5"), // formula triggers
    7: cell(5, "-1"),
    8: cell(6, "@x"),
    9: cell(1, ""), // blank commune
    10: cell(1, "11155.0"),
    11: cell(1, "1155"), // code lost its leading zero? (4 digits)
    12: cell(2, "５"), // a full-width digit
    13: without(16, 15), // two cells short
    14: cell(16, "3,4"), // too many
    15: (l) => l.replace(/,/g, ";"), // another delimiter on one line
    16: cell(1, "11161"), // another commune (valid)
    17: cell(7, "KB "),
    18: cell(0, "PND-00018\u00AD"), // soft hyphen
    19: cell(2, ""), // a blank answer
    200: repeatLine(text, 100), // repeated form far below
    201: cell(1, "abcde"),
    1000: cell(0, "PND-00001"), // repeats line 2's key
  });
}

function appraisalCells(text: string): string {
  return editLines(text, {
    2: cell(2, "abc"), // not a number
    3: cell(2, "1.255"), // too many decimals
    4: cell(3, "-1"), // negative
    5: cell(3, ""), // required
    6: cell(3, "99"), // above the maximum
    7: cell(1, "9.9.9"), // unknown criterion
    8: cell(0, "99999"), // unknown commune
    9: repeatLine(text, 10), // repeated key
    11: cell(4, "ghi\u200Dchú"), // invisible in a text
    12: cell(4, "=SUM(A1)"), // formula in a note
    13: cell(4, "x".repeat(3000)), // too long
    14: cell(2, "1,5"), // decimal comma → a cell too many
    15: cell(2, "01"),
    16: cell(2, " 1"),
    17: cell(0, "11155 "),
    18: cell(1, "1.1.1."),
    19: cell(1, "1.1"), // an inner criterion
    20: cell(4, '"ghi chú, có dấu phẩy"'), // a quoted note
    21: cell(2, "1e0"),
    22: cell(3, "Infinity"),
    23: cell(2, "0x1"),
    24: cell(4, "\u0007"), // a control character
  });
}

function planCells(text: string): string {
  return text.replace("2023-12-01,2023-12-31", "2023-02-30,2023/12/31"); // bad dates
}

/** A year's texts with the errors of the "cells" scenario (also used on the national benchmark's year by hand). */
export function withInjectedErrors(t: Texts): Texts {
  return {
    ...t,
    "survey-officials.csv": officialsCells(t["survey-officials.csv"]),
    "survey-citizens.csv": citizensCells(t["survey-citizens.csv"]),
    "appraisal.csv": appraisalCells(t["appraisal.csv"]),
    "plan.csv": planCells(t["plan.csv"]),
  };
}

export interface Scenario {
  name: string;
  texts: () => Partial<Record<InputFileName, string>>;
}

export const scenarios: Scenario[] = [
  { name: "cells", texts: () => withInjectedErrors(dataTexts()) },
  {
    // The same errors in files with a quoted cell each, read by the CSV parser's rows.
    name: "cells-quoted",
    texts: () => {
      const t = dataTexts();
      const quoted = (text: string) => editLines(text, { 60: cell(0, '"PXX-60"') });
      return {
        ...t,
        "survey-officials.csv": quoted(officialsCells(t["survey-officials.csv"])),
        "survey-citizens.csv": quoted(citizensCells(t["survey-citizens.csv"])),
        "appraisal.csv": appraisalCells(t["appraisal.csv"]).replace(
          /\n(11161,[^\n]*),\n/,
          '\n$1,"a ""b"""\n',
        ),
      };
    },
  },
  {
    name: "crlf-bom",
    texts: () => {
      const t = dataTexts();
      const windows = (text: string) => "\uFEFF" + text.replace(/\n/g, "\r\n");
      return {
        ...t,
        "survey-officials.csv": windows(officialsCells(t["survey-officials.csv"])),
        "survey-citizens.csv": windows(citizensCells(t["survey-citizens.csv"])),
        "appraisal.csv": windows(appraisalCells(t["appraisal.csv"])),
      };
    },
  },
  {
    name: "columns",
    texts: () => {
      const t = dataTexts();
      const all = (text: string, edit: LineEdit) =>
        text
          .split("\n")
          .map((l) => (l === "" ? l : edit(l)))
          .join("\n");
      return {
        ...t,
        // a question column missing and an unknown one
        "survey-citizens.csv": all(t["survey-citizens.csv"], (l) =>
          l.startsWith("form_id") ? cell(16, "ND99")(l) : l,
        ),
        // a fixed column missing, and a column of its own
        "survey-officials.csv": all(t["survey-officials.csv"], (l) =>
          without(3)(l.startsWith("form_id") ? l + ",ghi_chu" : l + ",x"),
        ),
        "appraisal.csv": all(t["appraisal.csv"], without(2)),
      };
    },
  },
  {
    name: "columns-reordered",
    texts: () => {
      const t = dataTexts();
      const swap = (l: string) => {
        const c = l.split(",");
        [c[0], c[3]] = [c[3] ?? "", c[0] ?? ""];
        [c[5], c[6]] = [c[6] ?? "", c[5] ?? ""];
        return c.join(",");
      };
      return {
        ...t,
        "survey-officials.csv": officialsCells(t["survey-officials.csv"]).split("\n").map(swap).join("\n"),
        "appraisal.csv": appraisalCells(t["appraisal.csv"])
          .split("\n")
          .map((l) => {
            const c = l.split(",");
            return l === "" ? l : [c[1], c[0], ...c.slice(2)].join(",");
          })
          .join("\n"),
      };
    },
  },
];

/** The report of one scenario: what the golden files hold. */
export function scenarioReport(scenario: Scenario): unknown {
  const texts = scenario.texts();
  const bytes = Object.fromEntries(
    Object.entries(texts).map(([file, text]) => [file, new TextEncoder().encode(text)]),
  );
  const result = validateFiles(bytes, 2023, sha256);
  return {
    valid: result.data !== null,
    problems: result.problems,
    omitted: result.omitted,
    inputs: result.inputs,
  };
}

if (process.argv.includes("--write")) {
  for (const scenario of scenarios) {
    const file = `${goldenFolder}/${scenario.name}.json`;
    writeFileSync(file, JSON.stringify(scenarioReport(scenario), null, 1) + "\n");
    console.log(`wrote ${file}`);
  }
}
