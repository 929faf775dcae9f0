// The Vietnamese words of the data-entry workbook, in one table: each input file's sheet title, each
// column's header and each coded value's label. The codes themselves come from the row schemas (their
// z.enum options), so the workbook reader and the template cannot disagree with what is validated.
// A file or column missing here still works, under its contract name (e.g. a new input file).
import { z } from "zod";

export interface SheetWords {
  /** The sheet's Vietnamese title (Excel allows at most 31 characters). */
  title: string;
  /** What the sheet holds, for the guide. */
  purpose: string;
  /** Vietnamese header of each contract column. */
  columns: Record<string, string>;
  /** Vietnamese label of each code, per coded column. */
  values?: Record<string, Record<string, string>>;
}

const unitTypes = { xa: "Xã", phuong: "Phường", thi_tran: "Thị trấn", dac_khu: "Đặc khu" };
const panels = { officials: "Cán bộ", citizens: "Người dân" };

export const sheetWords: Record<string, SheetWords> = {
  dataset: {
    title: "Thông tin chung",
    purpose:
      "Thông tin của đợt công bố: năm, trạng thái, phiên bản, nơi liên hệ; mỗi dòng một mục, giá trị ở cột Giá trị. Thường chỉ người quản trị sửa.",
    columns: { field: "Mục", value: "Giá trị" },
    values: { status: { sample: "Minh họa", official: "Chính thức" } },
  },
  bands: {
    title: "Xếp loại",
    purpose:
      "Các nhóm xếp loại, từ nhóm cao nhất: một xã thuộc nhóm đầu tiên mà tỷ lệ điểm đạt được từ mức của nhóm trở lên; nhóm cuối từ 0.",
    columns: { code: "Mã nhóm", label: "Tên nhóm", min_pct: "Từ (% điểm tối đa)" },
  },
  legal_basis: {
    title: "Căn cứ pháp lý",
    purpose: "Các văn bản làm căn cứ đánh giá: số hiệu, ngày ban hành, trích yếu.",
    columns: { ref: "Số hiệu văn bản", date: "Ngày ban hành", title: "Trích yếu" },
  },
  releases: {
    title: "Lịch sử công bố",
    purpose:
      "Các lần công bố và đính chính dữ liệu của năm, cũ trước mới sau; đính chính ghi mã các xã bị ảnh hưởng, cách nhau bằng dấu phẩy.",
    columns: {
      version: "Phiên bản",
      date: "Ngày",
      kind: "Loại",
      reason: "Lý do",
      communes: "Các xã đính chính",
    },
    values: { kind: { release: "Công bố", correction: "Đính chính" } },
  },
  communes: {
    title: "Danh sách xã",
    purpose:
      "Danh sách các đơn vị cấp xã (xã, phường, thị trấn, đặc khu) được đánh giá; nhóm và các đơn vị cũ hợp thành (nếu có) có thể để trống.",
    columns: {
      code: "Mã xã",
      name: "Tên đơn vị",
      type: "Loại đơn vị",
      survey_quota: "Số phiếu dự kiến",
      group: "Nhóm",
      predecessors: "Mã các đơn vị cũ",
      formed_on: "Ngày thành lập",
    },
    values: { type: unitTypes },
  },
  criteria: {
    title: "Tiêu chí",
    purpose:
      "Cây tiêu chí: lĩnh vực, tiêu chí, tiêu chí thành phần với điểm tối đa; các lĩnh vực cộng lại 100.",
    columns: {
      id: "Mã tiêu chí",
      name: "Tên tiêu chí",
      max_points: "Điểm tối đa",
      source: "Nguồn điểm",
      applies_to: "Áp dụng cho",
    },
    values: {
      source: { appraisal: "Thẩm định", survey: "Điều tra" },
      applies_to: {
        all: "Tất cả",
        xa: "Chỉ xã",
        phuong: "Chỉ phường",
        thi_tran: "Chỉ thị trấn",
        dac_khu: "Chỉ đặc khu",
      },
    },
  },
  groups: {
    title: "Nhóm đối tượng",
    purpose: "Các nhóm đối tượng điều tra xã hội học và số người dự kiến.",
    columns: { code: "Mã nhóm", name: "Tên nhóm", panel: "Loại phiếu", planned: "Số người dự kiến" },
    values: { panel: panels },
  },
  scales: {
    title: "Thang đo",
    purpose: "Các phương án trả lời của mỗi thang đo và hệ số của chúng.",
    columns: {
      scale: "Mã thang đo",
      option: "Mã phương án",
      label: "Nội dung phương án",
      coefficient: "Hệ số",
      satisfied: "Hài lòng",
    },
    values: { satisfied: { true: "Có", false: "Không" } },
  },
  plan: {
    title: "Kế hoạch",
    purpose:
      "Các bước của kế hoạch triển khai trong năm: cơ quan chủ trì, phối hợp, thời gian theo kế hoạch và ngày hoàn thành. Không bắt buộc: năm không có trang này thì không có trang quy trình.",
    columns: {
      step: "Bước",
      title: "Tên bước",
      lead: "Cơ quan chủ trì",
      partners: "Cơ quan phối hợp",
      planned_start: "Ngày bắt đầu",
      planned_end: "Hạn hoàn thành",
      done_on: "Ngày hoàn thành",
      note: "Ghi chú",
    },
  },
  questions: {
    title: "Câu hỏi",
    purpose: "Các câu hỏi của phiếu cán bộ và phiếu người dân, tiêu chí mà mỗi câu hỏi tính điểm.",
    columns: {
      id: "Mã câu hỏi",
      panel: "Loại phiếu",
      criterion_id: "Mã tiêu chí",
      scale: "Mã thang đo",
      text: "Nội dung câu hỏi",
      sipas_element: "Yếu tố SIPAS",
    },
    values: { panel: panels },
  },
  appraisal: {
    title: "Điểm thẩm định",
    purpose:
      "Điểm tự đánh giá và điểm thẩm định: đúng một dòng cho mỗi xã và mỗi tiêu chí thẩm định áp dụng.",
    columns: {
      commune_code: "Mã xã",
      criterion_id: "Mã tiêu chí",
      self_score: "Điểm tự đánh giá",
      appraised_score: "Điểm thẩm định",
      note: "Ghi chú",
    },
  },
  "survey-officials": {
    title: "Phiếu cán bộ",
    purpose: "Phiếu của cán bộ, lãnh đạo: một dòng cho mỗi lượt một người đánh giá một xã.",
    columns: {
      form_id: "Mã phiếu",
      respondent_id: "Mã người trả lời",
      group: "Nhóm đối tượng",
      commune_code: "Mã xã",
    },
  },
  "survey-citizens": {
    title: "Phiếu người dân",
    purpose: "Phiếu của người dân, tổ chức: một dòng cho mỗi phiếu.",
    columns: { form_id: "Mã phiếu", commune_code: "Mã xã" },
  },
};

/**
 * The rows of the sheet "Thông tin chung": each a field of dataset.json (dotted for a field of an
 * object), with its Vietnamese label. The lists of dataset.json are sheets of their own, above.
 */
export const manifestFormFields: Record<string, string> = {
  year: "Năm đánh giá",
  title: "Tên bộ dữ liệu",
  status: "Trạng thái",
  version: "Phiên bản",
  published_on: "Ngày công bố",
  "province.code": "Mã tỉnh",
  "province.name": "Tên tỉnh",
  "district.code": "Mã huyện",
  "district.name": "Tên huyện",
  "issuer.body": "Cơ quan công bố",
  "issuer.office": "Cơ quan chuẩn bị số liệu",
  bootstrap_seed: "Hạt giống lấy mẫu lặp",
  bootstrap_replicates: "Số lần lấy mẫu lặp",
  notes: "Ghi chú",
  "contact.office": "Cơ quan liên hệ",
  "contact.address": "Địa chỉ liên hệ",
  "contact.phone": "Điện thoại liên hệ",
  "contact.email": "Thư điện tử liên hệ",
};

/** The lists of dataset.json, each on the sheet of the same key in `sheetWords`. */
export const manifestTables = ["bands", "legal_basis", "releases"] as const;
export type ManifestTable = (typeof manifestTables)[number];

/** The sheet name of an input file: its name without `.csv` / `.json`. */
export function sheetName(file: string): string {
  return file.replace(/\.(csv|json)$/, "");
}

export function wordsOf(file: string): SheetWords | undefined {
  return sheetWords[sheetName(file)];
}

/** The codes a column accepts when it is a closed list (a z.enum, possibly piped into a transform). */
export function enumCodes(field: z.ZodType): string[] | null {
  if (field instanceof z.ZodEnum) return (field.options as string[]).filter((code) => code !== "");
  if (field instanceof z.ZodPipe) return enumCodes(field.in as z.ZodType);
  return null;
}
