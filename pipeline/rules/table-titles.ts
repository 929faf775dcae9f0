// The title of each published table, in Vietnamese: the data page lists the tables by it and the
// workbook's messages name a table by it, so both say the same words.
import type { PublishedTableName } from "../../schemas/published.ts";

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

/** The short name of each table's sheet in a workbook of one unit's figures (Excel allows 31 characters). */
export const tableSheetNames: Record<Exclude<PublishedTableName, "responses">, string> = {
  results: "Kết quả chung",
  domains: "Theo lĩnh vực",
  scores: "Theo tiêu chí",
  survey: "Điều tra theo câu hỏi",
  survey_options: "Số câu trả lời",
  satisfaction: "Mức độ hài lòng",
};
