// survey-citizens.csv: 60 people per commune who did a procedure at its one-stop desk (Bộ phận Một
// cửa) answer the SIPAS-style questionnaire. In one or two communes of each district the survey
// team came back a few forms short of the quota; some answers are "không biết" or blank.
import type { Random } from "../random.ts";
import { answerPlan, drawAnswer } from "./answers.ts";
import type { NonAnswerChances } from "./answers.ts";
import type { CommuneProfile } from "./commune-profile.ts";
import { centredNoise, shuffled } from "./draws.ts";
import type { SampleCommune } from "./reference-communes.ts";
import { citizensQuota } from "./survey-design.ts";
import type { SampleQuestion } from "./survey-design.ts";

const satisfactionChances: NonAnswerChances = { excluded: 0.03, blank: 0.01 };
/** Whether reform changed things is harder to judge than the visit itself. */
const impactChances: NonAnswerChances = { excluded: 0.06, blank: 0.01 };

export const citizensHeader = (questions: readonly SampleQuestion[]) => [
  "form_id",
  "commune_code",
  ...questions.map((question) => question.id),
];

/** Forms collected per commune of a district: the quota, except one or two communes 2–6 short. */
export function formsCollected(district: readonly SampleCommune[], random: Random): number[] {
  const collected = district.map(() => citizensQuota);
  const shortCount = random() < 0.5 ? 1 : 2;
  for (const c of shuffled(
    random,
    district.map((_, i) => i),
  ).slice(0, shortCount)) {
    collected[c] = citizensQuota - 2 - Math.floor(random() * 5);
  }
  return collected;
}

/** How the file was submitted: more online in a thị trấn. */
function channel(random: Random, commune: SampleCommune): string {
  const u = random();
  const online = commune.type === "thi_tran" || commune.type === "phuong" ? 0.28 : 0.18;
  if (u < 0.01) return "";
  if (u < 0.01 + online) return "2";
  if (u < 0.06 + online) return "3";
  return "1";
}

export function citizensFormRows(
  commune: SampleCommune,
  profile: CommuneProfile,
  formCount: number,
  questions: readonly SampleQuestion[],
  questionEase: readonly number[],
  nextFormId: () => string,
  random: Random,
): string[][] {
  const plans = questions.map((question) => answerPlan(question.scale));
  return Array.from({ length: formCount }, () => {
    const mood = centredNoise(random, 0.2);
    const answers = questions.map((question, q) => {
      if (question.criterionId === null) return channel(random, commune);
      const isSatisfaction = question.sipasElement !== null;
      const base = isSatisfaction ? profile.serviceQuality : profile.quality;
      return drawAnswer(
        random,
        plans[q]!,
        base + mood + questionEase[q]! + centredNoise(random, 0.4),
        isSatisfaction ? satisfactionChances : impactChances,
      );
    });
    return [nextFormId(), commune.code, ...answers];
  });
}
