// survey-officials.csv: the district's 48 officials (30 HĐND delegates, 3 UBND and 3 MTTQ leaders,
// 12 heads of agencies) each fill one form per commune of their district. Now and then one skips a
// commune, answers "E" (không đánh giá được) or leaves a question blank; delegates, who see the
// communes' work less closely, answer "E" more often.
import type { Random } from "../random.ts";
import { answerPlan, drawAnswer } from "./answers.ts";
import type { NonAnswerChances } from "./answers.ts";
import type { CommuneProfile } from "./commune-profile.ts";
import { centredNoise, shuffled } from "./draws.ts";
import type { SampleCommune } from "./reference-communes.ts";
import { officialsScale, sampleGroups } from "./survey-design.ts";
import type { SampleQuestion } from "./survey-design.ts";

export interface Official {
  respondentId: string;
  group: string;
  /** Leniency: added to every view this person gives. */
  bias: number;
}

const skipChance = 0.03;
const delegateChances: NonAnswerChances = { excluded: 0.06, blank: 0.01 };
const leaderChances: NonAnswerChances = { excluded: 0.025, blank: 0.01 };
const plan = answerPlan(officialsScale);

export const officialsHeader = (questions: readonly SampleQuestion[]) => [
  "form_id",
  "respondent_id",
  "group",
  "commune_code",
  ...questions.map((question) => question.id),
];

/** Officials of the district numbered `districtIndex` (0-based), their pseudonyms shuffled. */
export function districtOfficials(districtIndex: number, idWidth: number, random: Random): Official[] {
  const roster = sampleGroups
    .filter((group) => group.panel === "officials")
    .flatMap((group) => Array.from({ length: group.plannedPer }, () => group.code));
  const first = districtIndex * roster.length + 1;
  const numbers = shuffled(
    random,
    roster.map((_, i) => first + i),
  );
  return roster.map((group, i) => ({
    respondentId: `CB-${String(numbers[i]).padStart(idWidth, "0")}`,
    group,
    bias: centredNoise(random, 0.12),
  }));
}

export function officialsFormRows(
  officials: readonly Official[],
  district: readonly SampleCommune[],
  profiles: readonly CommuneProfile[],
  questions: readonly SampleQuestion[],
  questionEase: readonly number[],
  nextFormId: () => string,
  random: Random,
): string[][] {
  const rows: string[][] = [];
  for (const official of officials) {
    const chances = official.group === "hdnd" ? delegateChances : leaderChances;
    district.forEach((commune, c) => {
      if (random() < skipChance) return;
      const profile = profiles[c]!;
      const answers = questions.map((question, q) =>
        drawAnswer(
          random,
          plan,
          profile.quality +
            profile.domainOffsets[question.domainIndex!]! +
            official.bias +
            questionEase[q]! +
            centredNoise(random, 0.35),
          chances,
        ),
      );
      rows.push([nextFormId(), official.respondentId, official.group, commune.code, ...answers]);
    });
  }
  return rows;
}
