// plan.csv of the sample: the seven steps of the district's plan for 2023 (Kế hoạch triển khai xác
// định Chỉ số CCHC của UBND các xã, thị trấn năm 2023, part II), titles and bodies copied as the plan
// writes them. A month in the plan ("Tháng 01/2024") is its first and last day; "chậm nhất đến ngày
// 10/01/2024" has a deadline and no start. Only the dates done are made up, and the note says so.
// No other year's plan is in hand, so no other year gets one (model.ts `optionalInputFiles`).

/** The year whose plan this is. */
export const planYear = 2023;

export const planHeader = [
  "step",
  "title",
  "lead",
  "partners",
  "planned_start",
  "planned_end",
  "done_on",
  "note",
] as const;

const sampleNote = "Ngày hoàn thành là dữ liệu minh họa.";

/** [title, lead, partners, planned start, planned end, done (sample), extra note]. */
const steps: readonly (readonly [string, string, string, string, string, string, string])[] = [
  [
    "Xây dựng và triển khai Kế hoạch điều tra xã hội học xác định Chỉ số CCHC của UBND cấp xã năm 2023, Kế hoạch điều tra xã hội học đo lường sự hài lòng của cá nhân, tổ chức đối với sự phục vụ của cơ quan hành chính nhà nước cấp xã năm 2023",
    "Phòng Nội vụ",
    "Các cơ quan chuyên môn thuộc huyện và UBND cấp xã",
    "2023-12-01",
    "2023-12-31",
    "2023-12-29",
    "Điều tra 1.248 người: 30 đại biểu HĐND huyện, 03 lãnh đạo UBND huyện, 03 lãnh đạo Ủy ban MTTQ huyện, 12 lãnh đạo các cơ quan chuyên môn thuộc huyện, 1.200 cá nhân, tổ chức (mỗi xã, thị trấn 60 người).",
  ],
  [
    "Các xã, thị trấn tự đánh giá chấm điểm Chỉ số CCHC trên phần mềm chấm điểm Chỉ số CCHC cấp xã tại địa chỉ http://haiduong.cchc.com.vn",
    "UBND các xã, thị trấn",
    "Văn phòng HĐND&UBND huyện, Phòng Nội vụ, Phòng Tư pháp, Phòng Văn hóa và Thông tin, Phòng Tài chính và Kế hoạch",
    "",
    "2024-01-10",
    "2024-01-12",
    "Kế hoạch ghi: chậm nhất đến ngày 10/01/2024.",
  ],
  [
    "Họp Tổ thư ký giúp việc Hội đồng đánh giá, xác định Chỉ số CCHC huyện để phân công nhiệm vụ cụ thể cho các thành viên",
    "Phòng Nội vụ",
    "Thành viên Hội đồng đánh giá, xác định Chỉ số CCHC huyện, Tổ Thư ký giúp việc Hội đồng",
    "2023-12-01",
    "2023-12-31",
    "2023-12-15",
    "",
  ],
  [
    "Thẩm định kết quả tự đánh giá, chấm điểm của UBND các xã, thị trấn",
    "Tổ Thư ký giúp việc Hội đồng",
    "Các cơ quan chuyên môn thuộc huyện, UBND các xã, thị trấn",
    "2024-01-01",
    "2024-01-31",
    "2024-01-31",
    "",
  ],
  [
    "Tổng hợp, xây dựng báo cáo",
    "Phòng Nội vụ",
    "Tổ Thư ký giúp việc Hội đồng thẩm định",
    "2024-01-01",
    "2024-02-29",
    "2024-02-20",
    "",
  ],
  [
    "Họp Hội đồng đánh giá, xác định Chỉ số CCHC huyện",
    "Hội đồng đánh giá, xác định Chỉ số CCHC huyện và Tổ Thư ký giúp việc Hội đồng",
    "",
    "2024-02-01",
    "2024-02-29",
    "2024-02-27",
    "Kế hoạch ghi “cơ quan thực hiện”, không tách cơ quan chủ trì và phối hợp.",
  ],
  [
    "Công bố Chỉ số cải cách hành chính cấp xã và báo cáo kết quả về UBND tỉnh",
    "Phòng Nội vụ",
    "Các cơ quan có liên quan và UBND các xã, thị trấn",
    "2024-03-01",
    "2024-03-31",
    "2024-03-15",
    "",
  ],
];

/** The rows of plan.csv, or none for a year whose plan is not in hand. */
export function planRows(year: number): string[][] {
  if (year !== planYear) return [];
  return steps.map(([title, lead, partners, start, end, done, note], i) => [
    String(i + 1),
    title,
    lead,
    partners,
    start,
    end,
    done,
    note === "" ? sampleNote : `${note} ${sampleNote}`,
  ]);
}
