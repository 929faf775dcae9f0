// The sociological survey (điều tra xã hội học) of the sample: respondent groups, answer scales and
// the two questionnaires, derived from the provisional criteria tree.
import type { Panel } from "../../schemas/groups.ts";
import { numberedCriteria } from "./criteria-tree.ts";

export interface SampleGroup {
  code: string;
  name: string;
  panel: Panel;
  /** People per district (officials) or per commune (citizens), as in the district's 2023 plan. */
  plannedPer: number;
}

/** The 1,248 people of the 2023 plan: 48 officials of the district and 60 citizens per commune. */
export const sampleGroups: readonly SampleGroup[] = [
  { code: "hdnd", name: "Đại biểu HĐND huyện", panel: "officials", plannedPer: 30 },
  { code: "ubnd", name: "Lãnh đạo UBND huyện", panel: "officials", plannedPer: 3 },
  { code: "mttq", name: "Lãnh đạo Ủy ban MTTQ Việt Nam huyện", panel: "officials", plannedPer: 3 },
  {
    code: "phong",
    name: "Lãnh đạo các cơ quan chuyên môn thuộc UBND huyện",
    panel: "officials",
    plannedPer: 12,
  },
  {
    code: "nguoi_dan",
    name: "Cá nhân, tổ chức giải quyết thủ tục hành chính tại Bộ phận Một cửa cấp xã",
    panel: "citizens",
    plannedPer: 60,
  },
];

/** Citizens' questionnaires planned per commune (survey_quota). */
export const citizensQuota = 60;

export interface SampleScaleOption {
  option: string;
  label: string;
  /** null: the answer is excluded from means ("không đánh giá được", "không biết"). */
  coefficient: number | null;
  /** Counts toward the satisfaction share; null on scales that do not measure satisfaction. */
  satisfied: boolean | null;
}

export interface SampleScale {
  code: string;
  options: SampleScaleOption[];
}

const dontKnow: SampleScaleOption = {
  option: "KB",
  label: "Không biết / không trả lời",
  coefficient: null,
  satisfied: null,
};

export const officialsScale: SampleScale = {
  code: "danh_gia",
  options: [
    { option: "A", label: "Tốt", coefficient: 1, satisfied: null },
    { option: "B", label: "Khá", coefficient: 0.6, satisfied: null },
    { option: "C", label: "Trung bình", coefficient: 0.2, satisfied: null },
    { option: "D", label: "Kém", coefficient: 0, satisfied: null },
    { option: "E", label: "Không đánh giá được", coefficient: null, satisfied: null },
  ],
};

export const satisfactionScale: SampleScale = {
  code: "hai_long",
  options: [
    { option: "1", label: "Rất không hài lòng", coefficient: 0, satisfied: false },
    { option: "2", label: "Không hài lòng", coefficient: 0.25, satisfied: false },
    { option: "3", label: "Bình thường", coefficient: 0.5, satisfied: false },
    { option: "4", label: "Hài lòng", coefficient: 0.75, satisfied: true },
    { option: "5", label: "Rất hài lòng", coefficient: 1, satisfied: true },
    dontKnow,
  ],
};

export const impactScale: SampleScale = {
  code: "tac_dong",
  options: [
    { option: "1", label: "Kém đi", coefficient: 0, satisfied: null },
    { option: "2", label: "Không thay đổi", coefficient: 0.5, satisfied: null },
    { option: "3", label: "Tốt hơn", coefficient: 1, satisfied: null },
    dontKnow,
  ],
};

/** How the citizen submitted the file: asked for context, scores nothing (no coefficients). */
export const channelScale: SampleScale = {
  code: "kenh_nop",
  options: [
    { option: "1", label: "Trực tiếp tại Bộ phận Một cửa", coefficient: null, satisfied: null },
    { option: "2", label: "Trực tuyến trên Cổng Dịch vụ công", coefficient: null, satisfied: null },
    { option: "3", label: "Qua dịch vụ bưu chính công ích", coefficient: null, satisfied: null },
  ],
};

export const sampleScales: readonly SampleScale[] = [
  officialsScale,
  satisfactionScale,
  impactScale,
  channelScale,
];

export interface SampleQuestion {
  id: string;
  panel: Panel;
  /** The survey leaf it scores, or null for a question that scores nothing. */
  criterionId: string | null;
  scale: SampleScale;
  text: string;
  sipasElement: number | null;
  /** 0-based domain of its criterion, for the commune's domain offset; null when it scores nothing. */
  domainIndex: number | null;
}

/** The question that scores nothing: the channel through which the citizen submitted the file. */
const channelQuestionText = "Ông/bà đã nộp hồ sơ thủ tục hành chính theo hình thức nào?";

/**
 * Both questionnaires: officials' questions `CB01`… for the survey leaves of domains 1–7, citizens'
 * questions `ND01`… (the channel question first, as on the paper form) for domain 8, numbered in
 * the order of the criteria tree.
 */
export function sampleQuestions(): SampleQuestion[] {
  const officials: SampleQuestion[] = [];
  const citizens: SampleQuestion[] = [
    {
      id: "",
      panel: "citizens",
      criterionId: null,
      scale: channelScale,
      text: channelQuestionText,
      sipasElement: null,
      domainIndex: null,
    },
  ];
  for (const { id, node } of numberedCriteria()) {
    if (node.kind !== "survey") continue;
    const list = node.panel === "officials" ? officials : citizens;
    const scale =
      node.panel === "officials" ? officialsScale : node.sipasElement ? satisfactionScale : impactScale;
    for (const text of node.questions) {
      list.push({
        id: "",
        panel: node.panel,
        criterionId: id,
        scale,
        text,
        sipasElement: node.sipasElement ?? null,
        domainIndex: Number(id.split(".")[0]) - 1,
      });
    }
  }
  const numbered = (prefix: string, questions: SampleQuestion[]) =>
    questions.map((question, i) => ({ ...question, id: `${prefix}${String(i + 1).padStart(2, "0")}` }));
  return [...numbered("CB", officials), ...numbered("ND", citizens)];
}
