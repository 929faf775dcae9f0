// The published tables (docs/data-contract.md#published-tables). Each column carries its Vietnamese description: the data
// dictionary on /du-lieu/ and the XLSX headers are generated from these, so they cannot drift.
// Numbers are already rounded to 2 decimals (half away from zero) when they reach these tables.
import { z } from "zod";
import { communeTypes } from "./commune-types.ts";

const num = (vi: string) => z.number().describe(vi);
const optionalNum = (vi: string) => z.number().nullable().describe(vi);
const int = (vi: string) => z.number().int().describe(vi);
const optionalInt = (vi: string) => z.number().int().nullable().describe(vi);
const str = (vi: string) => z.string().describe(vi);
const optionalStr = (vi: string) => z.string().nullable().describe(vi);

export const resultsRow = z.object({
  commune_code: str("Mã đơn vị hành chính (mã Tổng cục Thống kê)"),
  commune_name: str("Tên xã, thị trấn"),
  commune_type: z
    .enum(communeTypes)
    .describe("Loại đơn vị: xa = xã, thi_tran = thị trấn, phuong = phường, dac_khu = đặc khu"),
  index_pct: num("Chỉ số CCHC (%)"),
  rank: int("Thứ hạng (theo chỉ số đã làm tròn; bằng nhau thì cùng hạng)"),
  band: str("Nhóm xếp loại (mã)"),
  points: num("Tổng điểm đạt được"),
  max_points: num("Tổng điểm tối đa áp dụng cho đơn vị"),
  appraisal_points: num("Điểm thẩm định"),
  survey_points: num("Điểm điều tra xã hội học"),
  self_points: num("Tổng điểm tự đánh giá của đơn vị"),
  self_gap: num("Chênh lệch: điểm tự đánh giá trừ điểm thẩm định"),
  lowered_leaves: int("Số tiêu chí bị hạ điểm khi thẩm định"),
  satisfaction_pct: optionalNum("Mức độ hài lòng của người dân, tổ chức (%)"),
  index_ci_low: num("Cận dưới khoảng tin cậy 95% của chỉ số (%)"),
  index_ci_high: num("Cận trên khoảng tin cậy 95% của chỉ số (%)"),
  rank_low: int("Thứ hạng tốt nhất có thể (khoảng 95%)"),
  rank_high: int("Thứ hạng kém nhất có thể (khoảng 95%)"),
  n_citizens: int("Số phiếu người dân, tổ chức hợp lệ"),
  n_officials: int("Số phiếu cán bộ, lãnh đạo đánh giá đơn vị"),
  index_change: optionalNum("Thay đổi chỉ số so với năm trước (điểm phần trăm)"),
  rank_change: optionalInt("Thay đổi thứ hạng so với năm trước (số dương = tăng hạng)"),
  unit_group: optionalStr("Nhóm của đơn vị, ví dụ huyện cũ (trống nếu dữ liệu không chia nhóm)"),
  predecessors: optionalStr(
    "Mã các đơn vị cũ hợp thành đơn vị sau sắp xếp, cách nhau bởi dấu chấm phẩy (trống nếu không có)",
  ),
  formed_on: optionalStr("Ngày thành lập đơn vị sau sắp xếp (trống nếu không có)"),
});

export const domainsRow = z.object({
  commune_code: str("Mã đơn vị hành chính"),
  commune_name: str("Tên xã, thị trấn"),
  domain_id: str("Mã lĩnh vực"),
  domain_name: str("Tên lĩnh vực"),
  points: num("Điểm đạt được của lĩnh vực"),
  max_points: num("Điểm tối đa của lĩnh vực"),
  pct: num("Tỷ lệ điểm đạt (%)"),
  domain_rank: int("Thứ hạng của đơn vị trong lĩnh vực (theo tỷ lệ đã làm tròn; bằng nhau thì cùng hạng)"),
  district_avg_pct: num("Trung bình của huyện cho lĩnh vực (%)"),
  district_avg_points: num("Trung bình của huyện quy ra điểm trên điểm tối đa của đơn vị"),
  district_avg_gap: num("Chênh lệch so với trung bình của huyện (điểm phần trăm, dương = cao hơn)"),
  pct_change: optionalNum("Thay đổi tỷ lệ so với năm trước (điểm phần trăm)"),
});

export const scoresRow = z.object({
  commune_code: str("Mã đơn vị hành chính"),
  criterion_id: str("Mã tiêu chí (dạng 1.2.3)"),
  parent_id: optionalStr("Mã tiêu chí cha"),
  level: int("Cấp trong cây tiêu chí (1 = lĩnh vực)"),
  criterion_name: str("Tên tiêu chí"),
  source: z.enum(["appraisal", "survey", "mixed"]).describe("Nguồn điểm: thẩm định, điều tra hoặc cả hai"),
  points: num("Điểm đạt được"),
  max_points: num("Điểm tối đa"),
  pct: num("Tỷ lệ điểm đạt (%)"),
  points_lost: num("Điểm bị mất: điểm tối đa trừ điểm đạt được"),
  district_points_lost: num("Tổng điểm bị mất của tất cả đơn vị áp dụng tiêu chí"),
  self_score: optionalNum("Điểm tự đánh giá (tiêu chí thẩm định)"),
  appraised_score: optionalNum("Điểm thẩm định (tiêu chí thẩm định)"),
  note: optionalStr("Ghi chú của Tổ thẩm định"),
});

export const surveyRow = z.object({
  commune_code: str("Mã đơn vị hành chính"),
  panel: z
    .enum(["officials", "citizens"])
    .describe("Nhóm khảo sát: officials = cán bộ, citizens = người dân"),
  question_id: str("Mã câu hỏi"),
  question_text: str("Nội dung câu hỏi"),
  criterion_id: optionalStr("Tiêu chí mà câu hỏi tính điểm (trống nếu không tính điểm)"),
  sipas_element: optionalInt("Yếu tố hài lòng (1–5) nếu có"),
  forms: int("Số phiếu đánh giá đơn vị"),
  valid_answers: int("Số câu trả lời hợp lệ (được tính vào điểm)"),
  excluded_answers: int("Số câu trả lời loại trừ (không đánh giá được / không biết)"),
  no_answer: int("Số phiếu bỏ trống câu hỏi"),
  mean_coefficient: optionalNum("Hệ số trung bình của câu trả lời hợp lệ (0–1)"),
  satisfied_pct: optionalNum("Tỷ lệ hài lòng (%)"),
  satisfied_ci_low: optionalNum("Cận dưới khoảng tin cậy 95% của tỷ lệ hài lòng (Wilson, %)"),
  satisfied_ci_high: optionalNum("Cận trên khoảng tin cậy 95% của tỷ lệ hài lòng (Wilson, %)"),
});

export const satisfactionRow = z.object({
  commune_code: str("Mã đơn vị hành chính"),
  element: int("Yếu tố hài lòng (SIPAS): 1 tiếp cận dịch vụ … 5 tiếp nhận, xử lý ý kiến"),
  element_name: str("Tên yếu tố hài lòng"),
  valid_answers: int("Số câu trả lời hợp lệ của người dân về yếu tố này"),
  satisfied_answers: int("Số câu trả lời hài lòng hoặc rất hài lòng"),
  satisfied_pct: num("Tỷ lệ hài lòng (%)"),
  ci_low: num("Cận dưới khoảng tin cậy 95% (Wilson, %)"),
  ci_high: num("Cận trên khoảng tin cậy 95% (Wilson, %)"),
});

export const surveyOptionsRow = z.object({
  commune_code: str("Mã đơn vị hành chính"),
  panel: z.enum(["officials", "citizens"]).describe("Nhóm khảo sát"),
  question_id: str("Mã câu hỏi"),
  option: str("Mã phương án trả lời"),
  option_label: str("Nội dung phương án"),
  coefficient: optionalNum("Hệ số của phương án (trống = không tính)"),
  count: int("Số câu trả lời chọn phương án"),
});

export const responsesRow = z.object({
  commune_code: str("Mã đơn vị hành chính nơi giải quyết thủ tục"),
  response_no: int(
    "Số thứ tự phiếu trong đơn vị, xếp theo các câu trả lời (không liên kết được với phiếu gốc)",
  ),
  question_id: str("Mã câu hỏi"),
  option: str("Mã phương án trả lời"),
});

export type ResultsRow = z.infer<typeof resultsRow>;
export type DomainsRow = z.infer<typeof domainsRow>;
export type ScoresRow = z.infer<typeof scoresRow>;
export type SurveyRow = z.infer<typeof surveyRow>;
export type SatisfactionRow = z.infer<typeof satisfactionRow>;
export type SurveyOptionsRow = z.infer<typeof surveyOptionsRow>;
export type ResponsesRow = z.infer<typeof responsesRow>;

/** Every published table, by the file name it is written under (`<name>.csv`, `<name>.parquet`). */
export const publishedTables = {
  results: resultsRow,
  domains: domainsRow,
  scores: scoresRow,
  survey: surveyRow,
  satisfaction: satisfactionRow,
  survey_options: surveyOptionsRow,
  responses: responsesRow,
} as const;
export type PublishedTableName = keyof typeof publishedTables;
export type PublishedTables = { [K in PublishedTableName]: z.infer<(typeof publishedTables)[K]>[] };
