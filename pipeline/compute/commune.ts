// The exact point estimates of one commune (DATA.md §2): leaf points, node sums, index, parts,
// self-score gap and satisfaction, all as rationals so that rounding happens once, at publication.
import type { AppraisalScore } from "../../schemas/appraisal.ts";
import type { Commune } from "../../schemas/communes.ts";
import type { Question } from "../../schemas/questions.ts";
import type { CitizensForm, OfficialsForm } from "../../schemas/survey.ts";
import { exactDecimal, Fraction } from "./exact.ts";
import { groupBy } from "./group.ts";
import {
  elementShares,
  satisfaction,
  surveyLeafPoints,
  tallyQuestion,
  type ElementShare,
  type QuestionTally,
  type Scale,
} from "./survey.ts";
import type { ApplicableNode } from "./tree.ts";

export interface CommuneInputs {
  commune: Commune;
  /** The applicable criteria tree of the commune's type. */
  domains: readonly ApplicableNode[];
  /** This commune's appraisal rows by leaf id. */
  appraisal: ReadonlyMap<string, AppraisalScore>;
  citizensForms: readonly CitizensForm[];
  /** Forms whose commune_code is this commune. */
  officialsForms: readonly OfficialsForm[];
  /** Every question, in questions.csv order. */
  questions: readonly Question[];
  scales: ReadonlyMap<string, Scale>;
}

export interface CommuneScore {
  commune: Commune;
  domains: readonly ApplicableNode[];
  appraisal: ReadonlyMap<string, AppraisalScore>;
  /** Points of every applicable node, by criterion id. */
  points: Map<string, Fraction>;
  points_total: Fraction;
  max_total: Fraction;
  /** 100 × points / maximum. */
  index_pct: Fraction;
  appraisal_points: Fraction;
  survey_points: Fraction;
  self_points: Fraction;
  /** Σ self_score − Σ appraised_score over applicable appraisal leaves. */
  self_gap: Fraction;
  /** Appraisal leaves whose appraised score is below the self-score. */
  lowered_leaves: number;
  /** One tally per question, in questions.csv order, over the forms rating this commune. */
  tallies: QuestionTally[];
  elements: ElementShare[];
  /** Mean of the SIPAS element shares × 100, null without any citizens' satisfaction answer. */
  satisfaction_pct: Fraction | null;
}

export function scoreCommune(inputs: CommuneInputs): CommuneScore {
  const { commune } = inputs;
  const tallies = inputs.questions.map((question) => {
    const scale = inputs.scales.get(question.scale);
    if (!scale) throw new Error(`Question ${question.id} uses unknown scale ${question.scale}`);
    const forms = question.panel === "citizens" ? inputs.citizensForms : inputs.officialsForms;
    return tallyQuestion(forms, question, scale);
  });
  const talliesByLeaf = groupBy(
    tallies.filter((t) => t.question.criterion_id !== null),
    (t) => t.question.criterion_id!,
  );

  const points = new Map<string, Fraction>();
  let appraisalPoints = new Fraction(0);
  let surveyPoints = new Fraction(0);
  let selfPoints = new Fraction(0);
  let loweredLeaves = 0;
  const score = (node: ApplicableNode): Fraction => {
    const id = node.criterion.id;
    let nodePoints: Fraction;
    if (node.children.length > 0) {
      nodePoints = node.children.reduce((sum, child) => sum.add(score(child)), new Fraction(0));
    } else if (node.source === "appraisal") {
      const row = inputs.appraisal.get(id);
      if (!row) throw new Error(`Commune ${commune.code} has no appraisal score for criterion ${id}`);
      nodePoints = exactDecimal(row.appraised_score);
      const self = exactDecimal(row.self_score);
      selfPoints = selfPoints.add(self);
      if (nodePoints.lt(self)) loweredLeaves++;
      appraisalPoints = appraisalPoints.add(nodePoints);
    } else {
      const leafPoints = surveyLeafPoints(node.max, talliesByLeaf.get(id) ?? []);
      if (!leafPoints)
        throw new Error(`Commune ${commune.code} has no valid survey answer for criterion ${id}`);
      nodePoints = leafPoints;
      surveyPoints = surveyPoints.add(nodePoints);
    }
    points.set(id, nodePoints);
    return nodePoints;
  };
  const total = inputs.domains.reduce((sum, domain) => sum.add(score(domain)), new Fraction(0));
  const max = inputs.domains.reduce((sum, domain) => sum.add(domain.max), new Fraction(0));
  const elements = elementShares(tallies);
  const satisfied = satisfaction(elements);
  return {
    commune,
    domains: inputs.domains,
    appraisal: inputs.appraisal,
    points,
    points_total: total,
    max_total: max,
    index_pct: percentOf(total, max),
    appraisal_points: appraisalPoints,
    survey_points: surveyPoints,
    self_points: selfPoints,
    self_gap: selfPoints.sub(appraisalPoints),
    lowered_leaves: loweredLeaves,
    tallies,
    elements,
    satisfaction_pct: satisfied === null ? null : satisfied.mul(100),
  };
}

/** Percentage of points in a maximum; a node worth nothing (maximum 0) is published as 0%. */
export function percentOf(points: Fraction, max: Fraction): Fraction {
  return max.equals(0) ? new Fraction(0) : points.mul(100).div(max);
}
