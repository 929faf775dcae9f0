// The PROVISIONAL criteria table of docs/methodology.md#the-sample-data: 8 domains modelled on the national PAR Index
// (Decision 876/QĐ-BNV, 2022), with the domain maxima and appraisal/survey splits of that table.
// It is methodology, not randomness: every seed and every year writes this same tree, so results of
// different years compare. The district replaces it with the official table of Decision 3395.
//
// Beside the published columns each leaf carries what the generator needs to make believable data:
// appraisal leaves the notes (nhận xét của Tổ thẩm định) written when a self-score is lowered and an
// `ease` (how much easier or harder than average the leaf is to score fully); survey leaves their
// questions. Maxima are written in points and are multiples of 0.25, the step in which appraisal
// scores are given.
import type { CommuneType } from "../../schemas/communes.ts";
import { hundredths } from "../rules/hundredths.ts";

export interface AppraisalLeaf {
  kind: "appraisal";
  name: string;
  max: number;
  appliesTo?: CommuneType;
  /** Added to a commune's latent quality for this leaf: negative = commonly not achieved. */
  ease?: number;
  /** Why the district lowered a self-score on this leaf; `{year}` is replaced by the year. */
  loweredNotes: string[];
}

export interface SurveyLeaf {
  kind: "survey";
  name: string;
  max: number;
  panel: "officials" | "citizens";
  /** SIPAS element (1 tiếp cận dịch vụ … 5 tiếp nhận, xử lý ý kiến) of citizens' satisfaction leaves. */
  sipasElement?: 1 | 2 | 3 | 4 | 5;
  questions: string[];
}

export interface InnerCriterion {
  kind: "inner";
  name: string;
  children: CriterionNode[];
}

export type CriterionNode = AppraisalLeaf | SurveyLeaf | InnerCriterion;

const appraisal = (
  name: string,
  max: number,
  loweredNotes: string[],
  extra: Pick<AppraisalLeaf, "appliesTo" | "ease"> = {},
): AppraisalLeaf => ({ kind: "appraisal", name, max, loweredNotes, ...extra });

const officials = (name: string, max: number, questions: string[]): SurveyLeaf => ({
  kind: "survey",
  name,
  max,
  panel: "officials",
  questions,
});

const citizens = (
  name: string,
  max: number,
  questions: string[],
  sipasElement?: SurveyLeaf["sipasElement"],
): SurveyLeaf => ({
  kind: "survey",
  name,
  max,
  panel: "citizens",
  questions,
  ...(sipasElement === undefined ? {} : { sipasElement }),
});

const inner = (name: string, children: CriterionNode[]): InnerCriterion => ({
  kind: "inner",
  name,
  children,
});

/** The eight domains (lĩnh vực), in the order of the national PAR Index. */
export const provisionalDomains: InnerCriterion[] = [
  inner("Công tác chỉ đạo, điều hành cải cách hành chính", [
    inner("Kế hoạch cải cách hành chính năm", [
      appraisal("Ban hành kế hoạch CCHC năm kịp thời, đầy đủ nội dung theo hướng dẫn", 1, [
        "Kế hoạch CCHC năm {year} ban hành chậm so với thời hạn hướng dẫn của huyện",
      ]),
      appraisal("Mức độ hoàn thành kế hoạch CCHC năm", 1, [
        "Hoàn thành dưới 100% nhiệm vụ trong kế hoạch CCHC năm {year}",
      ]),
    ]),
    inner("Báo cáo và kiểm tra công tác cải cách hành chính", [
      appraisal("Thực hiện chế độ báo cáo CCHC định kỳ đầy đủ, đúng thời hạn", 1, [
        "Có báo cáo CCHC quý gửi chậm so với quy định",
        "Báo cáo chưa đủ đề cương, thiếu số liệu theo mẫu",
      ]),
      appraisal("Ban hành và thực hiện kế hoạch tự kiểm tra công tác CCHC", 1.5, [
        "Chưa ban hành kế hoạch kiểm tra CCHC năm {year}",
        "Chưa xử lý hết các tồn tại phát hiện qua kiểm tra",
      ]),
    ]),
    appraisal("Công tác tuyên truyền cải cách hành chính", 1.5, [
      "Chưa có tin, bài tuyên truyền CCHC trên hệ thống truyền thanh cơ sở",
    ]),
    appraisal(
      "Sáng kiến, giải pháp mới trong cải cách hành chính được cấp có thẩm quyền công nhận",
      1,
      ["Sáng kiến chưa được cấp có thẩm quyền công nhận"],
      { ease: -0.25 },
    ),
    appraisal("Thực hiện nhiệm vụ CCHC được UBND huyện giao", 2, [
      "Còn nhiệm vụ UBND huyện giao hoàn thành chậm so với thời hạn",
    ]),
    officials("Đánh giá của cán bộ, lãnh đạo huyện về công tác chỉ đạo, điều hành CCHC của UBND xã", 3, [
      "Mức độ quan tâm, sâu sát của Chủ tịch UBND xã trong chỉ đạo, điều hành cải cách hành chính",
      "Tính kịp thời, hiệu quả trong triển khai các nhiệm vụ cải cách hành chính được giao",
      "Trách nhiệm của người đứng đầu trong khắc phục tồn tại, hạn chế về cải cách hành chính",
    ]),
  ]),
  inner("Cải cách thể chế (tổ chức thực hiện văn bản quy phạm pháp luật)", [
    inner("Xây dựng, ban hành văn bản quy phạm pháp luật của HĐND, UBND xã", [
      appraisal("Thực hiện đúng quy trình xây dựng, ban hành văn bản quy phạm pháp luật", 1, [
        "Có văn bản ban hành chưa lấy ý kiến góp ý theo quy định",
      ]),
      appraisal("Tự kiểm tra, rà soát, hệ thống hóa văn bản quy phạm pháp luật", 1, [
        "Chưa ban hành danh mục văn bản hết hiệu lực sau rà soát",
      ]),
    ]),
    inner("Tổ chức thực hiện văn bản quy phạm pháp luật trên địa bàn", [
      appraisal("Ban hành và thực hiện kế hoạch phổ biến, giáo dục pháp luật", 1.5, [
        "Kế hoạch phổ biến, giáo dục pháp luật năm {year} chưa triển khai đầy đủ",
      ]),
      appraisal("Xã, thị trấn đạt chuẩn tiếp cận pháp luật", 1.5, [
        "Chưa được công nhận đạt chuẩn tiếp cận pháp luật năm {year}",
      ]),
    ]),
    appraisal("Theo dõi thi hành pháp luật và xử lý vi phạm hành chính đúng thẩm quyền", 1, [
      "Có quyết định xử phạt vi phạm hành chính sai mẫu theo quy định",
    ]),
    officials("Đánh giá về tổ chức thực hiện văn bản của cấp trên và chất lượng văn bản của xã", 2, [
      "Tính kịp thời, đầy đủ của việc tổ chức thực hiện văn bản của cấp trên tại địa phương",
      "Chất lượng, tính khả thi của văn bản do HĐND, UBND xã ban hành",
    ]),
  ]),
  inner("Cải cách thủ tục hành chính (một cửa, một cửa liên thông)", [
    inner("Công khai thủ tục hành chính", [
      appraisal("Niêm yết, công khai đầy đủ, đúng quy định thủ tục hành chính tại Bộ phận Một cửa", 1.5, [
        "Có thủ tục hành chính niêm yết chưa cập nhật theo quyết định công bố mới",
      ]),
      appraisal("Công khai địa chỉ tiếp nhận phản ánh, kiến nghị về quy định hành chính", 1, [
        "Chưa công khai số điện thoại đường dây nóng tại Bộ phận Một cửa",
      ]),
    ]),
    inner("Thực hiện cơ chế một cửa, một cửa liên thông", [
      appraisal("Bố trí Bộ phận Một cửa, công chức, trang thiết bị theo quy định", 1, [
        "Bộ phận Một cửa chưa đủ trang thiết bị theo quy định",
      ]),
      appraisal("Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn", 2.5, [
        "Còn hồ sơ thủ tục hành chính giải quyết quá hạn trong năm {year}",
      ]),
      appraisal("Thực hiện xin lỗi bằng văn bản đối với hồ sơ giải quyết quá hạn", 1, [
        "Có hồ sơ quá hạn chưa có văn bản xin lỗi người dân",
      ]),
      appraisal(
        "Liên thông đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi",
        1.5,
        ["Tỷ lệ hồ sơ liên thông thực hiện trực tuyến chưa đạt chỉ tiêu"],
      ),
    ]),
    appraisal(
      "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
      2.5,
      ["Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính chưa đạt chỉ tiêu của tỉnh"],
      { ease: -0.1 },
    ),
    appraisal("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức về quy định hành chính", 2, [
      "Có phản ánh, kiến nghị xử lý quá thời hạn quy định",
    ]),
    inner("Đánh giá của cán bộ, lãnh đạo huyện về giải quyết thủ tục hành chính", [
      officials("Mức độ công khai, minh bạch và đúng hạn trong giải quyết thủ tục hành chính", 2, [
        "Mức độ công khai, minh bạch thủ tục hành chính tại Bộ phận Một cửa của xã",
        "Việc giải quyết hồ sơ đúng hạn, không gây phiền hà cho người dân, tổ chức",
      ]),
      officials("Tinh thần, thái độ phục vụ của công chức Bộ phận Một cửa", 2, [
        "Tinh thần, thái độ phục vụ người dân, tổ chức của công chức Bộ phận Một cửa",
      ]),
    ]),
  ]),
  inner("Cải cách tổ chức bộ máy hành chính", [
    appraisal("Bố trí cán bộ, công chức cấp xã đúng số lượng, chức danh theo quy định", 2, [
      "Bố trí số lượng công chức vượt quy định",
    ]),
    appraisal("Ban hành và thực hiện quy chế làm việc của UBND xã", 1.5, [
      "Quy chế làm việc chưa sửa đổi theo quy định mới",
    ]),
    appraisal("Bố trí người hoạt động không chuyên trách ở cấp xã, ở thôn, khu dân cư theo quy định", 1.5, [
      "Số người hoạt động không chuyên trách ở thôn, khu dân cư vượt quy định",
    ]),
    officials("Đánh giá về phân công, phối hợp trong bộ máy của UBND xã", 2, [
      "Sự phân công, phối hợp giữa các bộ phận, công chức trong UBND xã",
      "Việc chấp hành quy chế làm việc của UBND xã",
    ]),
  ]),
  inner("Cải cách chế độ công vụ", [
    appraisal("Bố trí công chức đúng vị trí việc làm, tiêu chuẩn chức danh", 2, [
      "Có công chức chưa đạt chuẩn trình độ chuyên môn theo chức danh",
    ]),
    appraisal("Đào tạo, bồi dưỡng cán bộ, công chức theo kế hoạch", 2, [
      "Tỷ lệ cán bộ, công chức được bồi dưỡng chưa đạt kế hoạch năm {year}",
    ]),
    appraisal("Đánh giá, xếp loại chất lượng cán bộ, công chức đúng quy định", 1.5, [
      "Hồ sơ đánh giá, xếp loại cán bộ, công chức chưa đầy đủ",
    ]),
    inner("Chấp hành kỷ luật, kỷ cương hành chính", [
      appraisal("Thực hiện quy định về văn hóa công sở", 1.5, [
        "Kiểm tra đột xuất phát hiện công chức không đeo thẻ, đi muộn",
      ]),
      appraisal("Không có cán bộ, công chức bị xử lý kỷ luật trong năm", 2, [
        "Có công chức bị xử lý kỷ luật trong năm {year}",
      ]),
    ]),
    inner("Đánh giá của cán bộ, lãnh đạo huyện về đội ngũ cán bộ, công chức xã", [
      officials("Năng lực chuyên môn, nghiệp vụ của cán bộ, công chức xã", 1.5, [
        "Năng lực chuyên môn, nghiệp vụ của cán bộ, công chức xã",
        "Khả năng hoàn thành công việc được giao đúng thời hạn",
      ]),
      officials("Tinh thần trách nhiệm, đạo đức công vụ của cán bộ, công chức xã", 1.5, [
        "Tinh thần trách nhiệm, đạo đức công vụ của cán bộ, công chức xã",
        "Việc chấp hành kỷ luật, kỷ cương hành chính và văn hóa công sở",
      ]),
    ]),
  ]),
  inner("Cải cách tài chính công", [
    inner("Thực hiện và công khai ngân sách xã", [
      appraisal("Công khai dự toán, quyết toán ngân sách xã đúng quy định", 1, [
        "Công khai quyết toán ngân sách chậm so với thời hạn",
      ]),
      appraisal("Thực hiện dự toán thu, chi ngân sách được giao", 1.5, [
        "Thu ngân sách trên địa bàn chưa đạt dự toán được giao",
      ]),
    ]),
    appraisal("Quản lý, sử dụng tài sản công đúng quy định", 1.5, [
      "Chưa cập nhật đầy đủ tài sản công vào cơ sở dữ liệu quốc gia",
    ]),
    appraisal("Ban hành quy chế chi tiêu nội bộ; thực hành tiết kiệm, chống lãng phí", 2, [
      "Quy chế chi tiêu nội bộ chưa được cập nhật theo quy định mới",
    ]),
    officials("Đánh giá về quản lý tài chính, ngân sách của UBND xã", 2, [
      "Mức độ công khai, minh bạch trong quản lý tài chính, ngân sách xã",
      "Hiệu quả thực hành tiết kiệm, chống lãng phí của UBND xã",
    ]),
  ]),
  inner("Xây dựng và phát triển chính quyền điện tử, chính quyền số", [
    appraisal("Sử dụng hệ thống quản lý văn bản, chữ ký số và hộp thư điện tử công vụ", 2.5, [
      "Còn văn bản đi chưa ký số theo quy định",
    ]),
    inner("Cung cấp dịch vụ công trực tuyến", [
      appraisal(
        "Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận, giải quyết trực tuyến toàn trình",
        1.5,
        ["Tỷ lệ hồ sơ trực tuyến toàn trình chưa đạt chỉ tiêu của tỉnh"],
        { ease: -0.2 },
      ),
      appraisal(
        "Tỷ lệ thanh toán trực tuyến phí, lệ phí giải quyết thủ tục hành chính",
        1.5,
        ["Tỷ lệ thanh toán trực tuyến chưa đạt chỉ tiêu của tỉnh"],
        { ease: -0.2 },
      ),
    ]),
    appraisal("Cập nhật thông tin trên Trang thông tin điện tử của xã", 1.5, [
      "Trang thông tin điện tử chưa cập nhật đủ thông tin theo quy định",
    ]),
    inner("Chuyển đổi số tại địa phương", [
      appraisal("Hoạt động của Tổ công nghệ số cộng đồng", 0.75, [
        "Tổ công nghệ số cộng đồng chưa có kế hoạch hoạt động",
      ]),
      appraisal("Hướng dẫn người dân đăng ký, kích hoạt tài khoản định danh điện tử", 0.75, [
        "Tỷ lệ người dân kích hoạt tài khoản định danh điện tử chưa đạt chỉ tiêu",
      ]),
      appraisal(
        "Gắn mã địa chỉ số cho hộ gia đình, tổ chức trên bản đồ số",
        0.75,
        ["Chưa hoàn thành gắn mã địa chỉ số cho các khu dân cư"],
        { appliesTo: "thi_tran" },
      ),
      appraisal(
        "Hỗ trợ hộ sản xuất đưa nông sản, sản phẩm OCOP lên sàn thương mại điện tử",
        0.75,
        ["Chưa có sản phẩm nông sản của địa phương được đưa lên sàn thương mại điện tử"],
        { appliesTo: "xa" },
      ),
    ]),
    officials("Đánh giá về ứng dụng công nghệ thông tin, chuyển đổi số của UBND xã", 2, [
      "Hiệu quả ứng dụng công nghệ thông tin trong hoạt động của UBND xã",
      "Hiệu quả triển khai chuyển đổi số, dịch vụ công trực tuyến tại địa phương",
    ]),
  ]),
  inner("Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế – xã hội", [
    inner("Tác động đến phát triển kinh tế – xã hội của địa phương", [
      appraisal("Thu ngân sách nhà nước trên địa bàn đạt và vượt dự toán", 1.5, [
        "Thu ngân sách nhà nước trên địa bàn năm {year} không đạt dự toán",
      ]),
      appraisal("Giảm tỷ lệ hộ nghèo so với năm trước theo chỉ tiêu được giao", 1, [
        "Tỷ lệ hộ nghèo giảm chưa đạt chỉ tiêu được giao",
      ]),
      appraisal(
        "Kết quả xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
        2,
        ["Chưa hoàn thành các tiêu chí nông thôn mới nâng cao theo kế hoạch năm {year}"],
        { appliesTo: "xa" },
      ),
      appraisal(
        "Kết quả xây dựng đô thị văn minh, chỉnh trang trật tự đô thị",
        1.5,
        ["Còn tình trạng lấn chiếm vỉa hè, lòng đường chưa được xử lý dứt điểm"],
        { appliesTo: "thi_tran" },
      ),
    ]),
    inner("Sự hài lòng của người dân, tổ chức đối với sự phục vụ của UBND xã (SIPAS)", [
      citizens(
        "Tiếp cận dịch vụ hành chính công",
        3,
        [
          "Nơi ngồi chờ tại Bộ phận Một cửa đủ chỗ ngồi, sạch sẽ, thoáng mát",
          "Trang thiết bị phục vụ người dân, tổ chức đầy đủ, dễ sử dụng",
        ],
        1,
      ),
      citizens(
        "Thủ tục hành chính",
        3,
        [
          "Thủ tục hành chính được niêm yết công khai, đầy đủ, chính xác",
          "Thành phần hồ sơ, phí, lệ phí phải nộp đúng quy định",
          "Thời hạn giải quyết thủ tục hành chính đúng quy định",
        ],
        2,
      ),
      citizens(
        "Công chức trực tiếp giải quyết công việc",
        3,
        [
          "Công chức có thái độ giao tiếp lịch sự, chú ý lắng nghe",
          "Công chức hướng dẫn kê khai hồ sơ tận tình, chu đáo, dễ hiểu",
          "Công chức tuân thủ đúng quy định trong giải quyết công việc",
        ],
        3,
      ),
      citizens(
        "Kết quả giải quyết thủ tục hành chính",
        3,
        [
          "Kết quả giải quyết đúng quy định, thông tin trong kết quả đầy đủ, chính xác",
          "Nhận được kết quả đúng hẹn, không phải đi lại nhiều lần",
        ],
        4,
      ),
      citizens(
        "Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
        3,
        [
          "Bộ phận Một cửa có hình thức tiếp nhận góp ý, phản ánh, kiến nghị dễ thực hiện",
          "Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực và thông báo kết quả kịp thời",
        ],
        5,
      ),
    ]),
    citizens("Tác động của cải cách hành chính đối với người dân, tổ chức", 3, [
      "So với trước đây, thời gian và chi phí đi lại để giải quyết thủ tục hành chính tại xã",
      "So với trước đây, chất lượng phục vụ của chính quyền xã đối với người dân, tổ chức",
    ]),
  ]),
];

/** A node of the tree with its dotted id (`1`, `1.2`, `1.2.3`). */
export interface NumberedCriterion {
  id: string;
  node: CriterionNode;
}

/** Every node, depth first in reading order, with its dotted id. */
export function numberedCriteria(): NumberedCriterion[] {
  const out: NumberedCriterion[] = [];
  const visit = (node: CriterionNode, id: string) => {
    out.push({ id, node });
    if (node.kind === "inner") node.children.forEach((child, i) => visit(child, `${id}.${i + 1}`));
  };
  provisionalDomains.forEach((domain, i) => visit(domain, String(i + 1)));
  return out;
}

/**
 * A node's maximum in hundredths of a point: a leaf's own, an inner node's the sum of its children
 * (integers, so 0.75 + 0.75 + … adds up exactly).
 */
export function maxHundredths(node: CriterionNode): number {
  return node.kind === "inner"
    ? node.children.reduce((sum, child) => sum + maxHundredths(child), 0)
    : hundredths(node.max);
}
