// The data editors' guide (/huong-dan/), generated from the validator's list of input files, the
// schemas' column descriptions, the workbook's Vietnamese words and the message catalogue, so the
// guide cannot drift from the template or from what the validator checks and says.
import type { z } from "zod";
import {
  catalogue,
  csvWords,
  definitionText,
  type ProblemCode,
  type ProblemDefinition,
} from "../../pipeline/messages.ts";
import { entryDataFile, templateFile } from "../../pipeline/publish/entry-workbooks.ts";
import { rowSchemas } from "../../pipeline/template/index.ts";
import { inputColumns, type CsvFileName } from "../../pipeline/validate/index.ts";
import { enumCodes, wordsOf } from "../../schemas/workbook.ts";

export interface GuideColumn {
  /** The contract's column name, as the check's report and the CSV files write it. */
  name: string;
  /** The template's Vietnamese header. */
  label: string;
  description: string;
  /** The values a drop-down list offers, as the template shows them; empty for free input. */
  values: string[];
}

export interface GuideFile {
  file: CsvFileName;
  /** The template's sheet title. */
  sheet: string;
  purpose: string;
  columns: GuideColumn[];
  /** Set for the survey files, whose further columns are the panel's question ids. */
  questionColumns?: string;
}

const questionColumns: Partial<Record<CsvFileName, string>> = {
  "survey-officials.csv": "CB01, CB02, … (mã phương án; để trống nếu không trả lời)",
  "survey-citizens.csv": "ND01, ND02, … (mã phương án; để trống nếu không trả lời)",
};

/** Every CSV input file (the validator's registry), as a sheet of the template. */
export const guideFiles: GuideFile[] = (Object.keys(inputColumns) as CsvFileName[]).map((file) => {
  const words = wordsOf(file);
  const shape = rowSchemas[file].shape as Record<string, z.ZodType>;
  const more = questionColumns[file];
  return {
    file,
    sheet: words?.title ?? file,
    purpose: words?.purpose ?? "",
    columns: Object.entries(shape).map(([name, column]) => ({
      name,
      label: words?.columns[name] ?? name,
      description: column.description ?? "",
      values: (enumCodes(column) ?? []).map((code) => words?.values?.[name]?.[code] ?? code),
    })),
    ...(more ? { questionColumns: more } : {}),
  };
});

export interface GuideProblem {
  code: ProblemCode;
  severity: ProblemDefinition["severity"];
  /** The message as the validator prints it for the catalogue's example. */
  message: string;
  fix: string;
  example: string;
}

export interface GuideSection {
  layer: ProblemDefinition["layer"];
  title: string;
  problems: GuideProblem[];
}

const layerTitles: Record<ProblemDefinition["layer"], string> = {
  file: "Tệp và bảng mã",
  header: "Dòng tiêu đề cột",
  row: "Các dòng",
  cell: "Các ô",
  cross_file: "Đối chiếu giữa các tệp",
};

/** Every code of the catalogue, grouped in the order the checks run (bytes → … → across files). */
export function guideSections(): GuideSection[] {
  const entries = Object.entries(catalogue) as [ProblemCode, ProblemDefinition][];
  return (Object.keys(layerTitles) as ProblemDefinition["layer"][]).map((layer) => ({
    layer,
    title: layerTitles[layer],
    problems: entries
      .filter(([, definition]) => definition.layer === layer)
      .map(([code, definition]) => ({
        code,
        severity: definition.severity,
        message: definitionText(definition, "message_vi", definition.example_params, "", csvWords),
        fix: definitionText(definition, "fix_vi", definition.example_params, "", csvWords),
        example: definition.example,
      })),
  }));
}

/** A data-entry workbook offered on /du-lieu/ and in the guide (pipeline/publish/entry-workbooks.ts). */
export interface TemplateFile {
  /** File name, without `.xlsx`. */
  name: string;
  /** Where it is served: with the year's other published files. */
  path: string;
  year: number;
  filled: boolean;
  label: string;
}

const entryFile = (year: number, file: string, filled: boolean, label: string): TemplateFile => ({
  name: file.replace(/\.xlsx$/, ""),
  path: `/data/${year}/${file}`,
  year,
  filled,
  label,
});

/** A blank template for every published year, and the latest year's public data as a filled workbook. */
export function templateFiles(years: readonly number[]): TemplateFile[] {
  const latest = years.at(-1);
  return [
    ...[...years]
      .reverse()
      .map((year) =>
        entryFile(
          year,
          templateFile(year),
          false,
          `Tệp mẫu nhập liệu năm ${year} (danh sách xã, bộ tiêu chí, phiếu khảo sát có sẵn; điểm và phiếu để trống)`,
        ),
      ),
    ...(latest === undefined
      ? []
      : [
          entryFile(
            latest,
            entryDataFile(latest),
            true,
            `Dữ liệu năm ${latest} đang công bố, dạng tệp Excel nhập liệu (để sửa, đính chính; không có phiếu khảo sát)`,
          ),
        ]),
  ];
}
