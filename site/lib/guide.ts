// The data editors' guide (/huong-dan/), generated from the schemas' column descriptions and from the
// message catalogue, so the guide cannot drift from what the validator checks and says.
import type { z } from "zod";
import {
  catalogue,
  fillTemplate,
  type ProblemCode,
  type ProblemDefinition,
} from "../../pipeline/messages.ts";
import type { InputFileName } from "../../pipeline/model.ts";
import { appraisalRow } from "../../schemas/appraisal.ts";
import { communeRow } from "../../schemas/communes.ts";
import { criterionRow } from "../../schemas/criteria.ts";
import { groupRow } from "../../schemas/groups.ts";
import { questionRow } from "../../schemas/questions.ts";
import { scaleOptionRow } from "../../schemas/scales.ts";
import { citizensFormColumns, officialsFormColumns } from "../../schemas/survey.ts";

export interface GuideColumn {
  name: string;
  description: string;
}

export interface GuideFile {
  file: Exclude<InputFileName, "dataset.json">;
  purpose: string;
  columns: GuideColumn[];
  /** Set for the survey files, whose further columns are the panel's question ids. */
  questionColumns?: string;
}

const columnsOf = (schema: z.ZodObject): GuideColumn[] =>
  Object.entries(schema.shape).map(([name, column]) => ({
    name,
    description: (column as z.ZodType).description ?? "",
  }));

export const guideFiles: GuideFile[] = [
  {
    file: "communes.csv",
    purpose: "Danh sách các xã, thị trấn được đánh giá.",
    columns: columnsOf(communeRow),
  },
  {
    file: "criteria.csv",
    purpose:
      "Cây tiêu chí: lĩnh vực, tiêu chí, tiêu chí thành phần với điểm tối đa; các lĩnh vực cộng lại 100.",
    columns: columnsOf(criterionRow),
  },
  {
    file: "groups.csv",
    purpose: "Các nhóm đối tượng điều tra xã hội học và số người dự kiến.",
    columns: columnsOf(groupRow),
  },
  {
    file: "scales.csv",
    purpose: "Các phương án trả lời của mỗi thang đo và hệ số của chúng.",
    columns: columnsOf(scaleOptionRow),
  },
  {
    file: "questions.csv",
    purpose: "Các câu hỏi của phiếu cán bộ và phiếu người dân, tiêu chí mà mỗi câu hỏi tính điểm.",
    columns: columnsOf(questionRow),
  },
  {
    file: "appraisal.csv",
    purpose:
      "Điểm tự đánh giá và điểm thẩm định: đúng một dòng cho mỗi xã và mỗi tiêu chí thẩm định áp dụng.",
    columns: columnsOf(appraisalRow),
  },
  {
    file: "survey-officials.csv",
    purpose: "Phiếu của cán bộ, lãnh đạo: một dòng cho mỗi lượt một người đánh giá một xã.",
    columns: columnsOf(officialsFormColumns),
    questionColumns: "CB01, CB02, … (mã phương án; để trống nếu không trả lời)",
  },
  {
    file: "survey-citizens.csv",
    purpose: "Phiếu của người dân, tổ chức: một dòng cho mỗi phiếu.",
    columns: columnsOf(citizensFormColumns),
    questionColumns: "ND01, ND02, … (mã phương án; để trống nếu không trả lời)",
  },
];

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
        message: fillTemplate(definition.message_vi, definition.example_params),
        fix: fillTemplate(definition.fix_vi, definition.example_params),
        example: definition.example,
      })),
  }));
}

/** A data-entry workbook offered on /du-lieu/ and in the guide (made by pipeline/template). */
export interface TemplateFile {
  /** File name under /du-lieu/, without `.xlsx`. */
  name: string;
  year: number;
  filled: boolean;
  label: string;
}

/** A blank template for every published year, and the latest year's data as a filled workbook. */
export function templateFiles(years: readonly number[]): TemplateFile[] {
  const latest = years.at(-1);
  return [
    ...[...years].reverse().map((year) => ({
      name: `mau-nhap-lieu-${year}`,
      year,
      filled: false,
      label: `Tệp mẫu nhập liệu năm ${year} (danh sách xã, bộ tiêu chí, phiếu khảo sát có sẵn; điểm và phiếu để trống)`,
    })),
    ...(latest === undefined
      ? []
      : [
          {
            name: `du-lieu-nhap-lieu-${latest}`,
            year: latest,
            filled: true,
            label: `Dữ liệu năm ${latest} đang công bố, dạng tệp Excel nhập liệu (để sửa, đính chính)`,
          },
        ]),
  ];
}
