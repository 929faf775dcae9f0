// The data dictionary of /du-lieu/, generated from the `.describe()` texts and the types of the
// published schemas (schemas/published.ts), so it always matches the files users download.
import { z } from "zod";
import { publishedTables } from "../../schemas/published.ts";
import type { PublishedTableName } from "../../schemas/published.ts";

export interface DictionaryColumn {
  name: string;
  description: string;
  /** In Vietnamese: "Số", "Số nguyên", "Chữ", "Một trong: xa, thi_tran"; "(có thể trống)" when nullable. */
  type: string;
}

function typeLabel(schema: z.ZodType): string {
  const nullable = schema instanceof z.ZodNullable;
  const inner = nullable ? (schema.unwrap() as z.ZodType) : schema;
  let label = "Chữ";
  if (inner instanceof z.ZodNumber) label = inner.format === "safeint" ? "Số nguyên" : "Số";
  else if (inner instanceof z.ZodEnum) label = `Một trong: ${inner.options.join(", ")}`;
  return nullable ? `${label} (có thể trống)` : label;
}

export function tableDictionary(table: PublishedTableName): DictionaryColumn[] {
  const schema = publishedTables[table] as z.ZodObject;
  return Object.entries(schema.shape).map(([name, column]) => ({
    name,
    description: (column as z.ZodType).description ?? "",
    type: typeLabel(column as z.ZodType),
  }));
}

/** What each published table holds, in a sentence (Vietnamese). */
export const tableTitles: Record<PublishedTableName, string> = {
  results: "Kết quả chung của mỗi xã, thị trấn (một dòng mỗi đơn vị)",
  domains: "Điểm của mỗi đơn vị theo lĩnh vực",
  scores: "Điểm của mỗi đơn vị theo từng tiêu chí, mọi cấp",
  survey: "Kết quả điều tra xã hội học theo đơn vị và câu hỏi",
  survey_options: "Số câu trả lời theo từng phương án, theo đơn vị và câu hỏi",
  satisfaction: "Mức độ hài lòng của người dân theo từng yếu tố, có khoảng tin cậy 95%",
  responses: "Phiếu của người dân, tổ chức (không có thông tin cá nhân), để lập bảng chéo",
};
