// Computation: validated records of one year → every published table, rounded (docs/methodology.md, docs/data-contract.md#published-tables).
// Pure: no I/O, no clock; randomness only from seeded streams, so the same inputs give the same
// results byte for byte.
import { communeTypes } from "../../schemas/commune-types.ts";
import type { Commune, CommuneType } from "../../schemas/communes.ts";
import type {
  DomainsRow,
  ResultsRow,
  SatisfactionRow,
  ScoresRow,
  SurveyOptionsRow,
  SurveyRow,
} from "../../schemas/published.ts";
import { compareVietnamese } from "../rules/format.ts";
import type {
  DistrictSummary,
  MethodParameters,
  SurveyDesignRow,
  SurveyQuota,
} from "../../schemas/published-manifest.ts";
import type { ColumnTable, OfficialsForms, YearData, YearResults } from "../model.ts";
import { bootstrapCommune, bootstrapIntervals, type BootstrapInterval } from "./bootstrap.ts";
import {
  appraisalRowOf,
  communeAppraisals,
  nodePercentRatio,
  nodePoints,
  publishedNodePercent,
  publishedNodePoints,
  scoreCommune,
  surveyLayout,
  type CommuneScore,
} from "./commune.ts";
import { ratioValue, type Ratio } from "./exact.ts";
import { noForms, rowsByCommune } from "./forms.ts";
import { groupBy } from "../rules/group.ts";
import { hundredths } from "../rules/hundredths.ts";
import { bandFor, competitionRanks } from "../rules/ranking.ts";
import { comparablePredecessors, predecessorsCell } from "../rules/lineage.ts";
import { groupSummary } from "./groups.ts";
import { publishedPlan, surveyTotals } from "./plan.ts";
import { startAnonymousResponses } from "./responses.ts";
import {
  publishedDifference,
  publishedShareOf,
  roundDoubleHalfAway,
  roundMeanHalfAway,
  roundRatioHalfAway,
} from "./rounding.ts";
import { buildScales, surveyTallies, type SurveyTallies } from "./survey.ts";
import { applicableTree, preOrder, type ApplicableNode } from "./tree.ts";
import { wilsonInterval } from "./wilson.ts";

export interface ComputeOptions {
  /** The previous year's results, for changes (matched by commune code / domain id). */
  previous: YearResults | null;
  /** False only for benchmarks: then the interval is the point estimate and the rank range the rank. */
  bootstrap: boolean;
}

const DEFAULT_REPLICATES = 1000;

/** Codes are fixed-width digits, so code-point order is numeric order. */
const compareCodes = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function computeYear(data: YearData, options: ComputeOptions): YearResults {
  const seed = data.manifest.bootstrap_seed ?? data.manifest.year;
  const replicates = data.manifest.bootstrap_replicates ?? DEFAULT_REPLICATES;
  const scales = buildScales(data.scales);
  const trees = Object.fromEntries(
    communeTypes.map((type) => [type, applicableTree(data.criteria, type)]),
  ) as Record<CommuneType, ApplicableNode[]>;
  const citizensByCommune = rowsByCommune(data.citizensForms);
  const officialsByCommune = rowsByCommune(data.officialsForms);
  const citizensOf = (code: string) => citizensByCommune.get(code) ?? noForms(data.citizensForms);
  const officialsOf = (code: string) => officialsByCommune.get(code) ?? noForms(data.officialsForms);
  const appraisalOf = communeAppraisals(data.appraisal);

  const survey = surveyLayout(data.questions, scales);
  // Communes in code order: the order of every table but results, which is by rank.
  const communes = [...data.communes].sort((a, b) => compareCodes(a.code, b.code));
  // The citizens' responses table depends on nothing below: at national scale it is made on the
  // other core meanwhile (responses.ts).
  const responses = startAnonymousResponses(
    communes.map((c) => c.code),
    citizensByCommune,
    data.citizensForms,
    data.questions.filter((q) => q.panel === "citizens"),
    scales,
  );
  const tallies = surveyTallies(survey.questions, survey.scales, {
    citizens: communes.map((commune) => citizensOf(commune.code)),
    officials: communes.map((commune) => officialsOf(commune.code)),
  });
  const scores = communes.map((commune, index) =>
    scoreCommune({
      commune,
      domains: trees[commune.type],
      appraisal: appraisalOf(commune.code),
      survey,
      tallies,
      index,
    }),
  );
  const publishedIndex = scores.map((s) => roundRatioHalfAway(...s.index_pct));
  const ranks = competitionRanks(publishedIndex);

  const intervals: BootstrapInterval[] = options.bootstrap
    ? bootstrapIntervals(
        scores.map((s) =>
          bootstrapCommune(
            ratioValue(s.appraisal_points),
            ratioValue(s.max_total),
            new Map([
              ["citizens", citizensOf(s.commune.code)],
              ["officials", officialsOf(s.commune.code)],
            ]),
            preOrder(s.domains)
              .filter((node) => node.children.length === 0 && node.source === "survey")
              .map((node) => ({
                maxPoints: node.max.valueOf(),
                questions: (survey.byLeaf.get(node.criterion.id) ?? []).map((q) => data.questions[q]!),
                observedPoints: nodePoints(s, node).valueOf(),
              })),
            scales,
          ),
        ),
        replicates,
        seed,
      )
    : publishedIndex.map((index, i) => ({
        indexLow: index,
        indexHigh: index,
        rankLow: ranks[i]!,
        rankHigh: ranks[i]!,
      }));

  const previousResults = new Map((options.previous?.tables.results ?? []).map((r) => [r.commune_code, r]));
  // Each unit is compared with its one predecessor of the same extent (pipeline/rules/lineage.ts).
  const comparable = comparablePredecessors(communes);
  const results: ResultsRow[] = scores.map((s, i) => {
    const index_pct = publishedIndex[i]!;
    const rank = ranks[i]!;
    const predecessor = comparable.get(s.commune.code) ?? null;
    const before = predecessor === null ? undefined : previousResults.get(predecessor);
    return {
      commune_code: s.commune.code,
      commune_name: s.commune.name,
      commune_type: s.commune.type,
      index_pct,
      rank,
      band: bandFor(index_pct, data.manifest.bands).code,
      points: roundRatioHalfAway(...s.points_total),
      max_points: roundRatioHalfAway(...s.max_total),
      appraisal_points: roundRatioHalfAway(...s.appraisal_points),
      survey_points: roundRatioHalfAway(...s.survey_points),
      self_points: roundRatioHalfAway(...s.self_points),
      self_gap: roundRatioHalfAway(...s.self_gap),
      lowered_leaves: s.lowered_leaves,
      satisfaction_pct: s.satisfaction_pct === null ? null : roundRatioHalfAway(...s.satisfaction_pct),
      index_ci_low: intervals[i]!.indexLow,
      index_ci_high: intervals[i]!.indexHigh,
      rank_low: intervals[i]!.rankLow,
      rank_high: intervals[i]!.rankHigh,
      n_citizens: citizensOf(s.commune.code).rows.length,
      n_officials: officialsOf(s.commune.code).rows.length,
      // The previous year is known only through its published (rounded) figures, so a change is
      // the exact difference of the two published figures: the change readers can check by hand.
      index_change: before ? publishedDifference(index_pct, before.index_pct) : null,
      rank_change: before ? before.rank - rank : null,
      unit_group: s.commune.group,
      predecessors: predecessorsCell(s.commune),
      formed_on: s.commune.formed_on,
    };
  });
  results.sort(
    (a, b) =>
      a.rank - b.rank ||
      compareVietnamese(a.commune_name, b.commune_name) ||
      compareCodes(a.commune_code, b.commune_code),
  );

  const respondents = respondentsByGroup(data.officialsForms);
  const surveyDesign: SurveyDesignRow[] = data.groups.map((group) => ({
    group: group.code,
    name: group.name,
    panel: group.panel,
    planned: group.planned,
    // Officials: distinct people of the group. Citizens' forms carry no group (one form per
    // citizen), so a citizens group's achieved count is the number of citizens' forms.
    achieved: group.panel === "officials" ? (respondents.get(group.code) ?? 0) : data.citizensForms.size,
  }));

  const surveyQuotas: SurveyQuota[] = communes.map((commune) => ({
    commune_code: commune.code,
    survey_quota: commune.survey_quota,
    citizens_forms: citizensOf(commune.code).rows.length,
  }));

  const figures = nodeFigures(scores);
  const parameters: MethodParameters = {
    rounding: "half_away_from_zero_2dp",
    rank: "competition_by_published_index",
    bootstrap_seed: seed,
    bootstrap_replicates: replicates,
    interval_level: 0.95,
    satisfaction_interval: "wilson",
    bands: data.manifest.bands,
    previous_year: options.previous?.year ?? null,
  };

  return {
    year: data.manifest.year,
    tables: {
      results,
      domains: domainsTable(scores, figures, options.previous, comparable),
      scores: scoresTable(scores, figures),
      survey: surveyTable(communes, tallies),
      satisfaction: scores.flatMap(satisfactionRows),
      survey_options: surveyOptionsTable(communes, tallies),
      responses: responses().table,
    },
    surveyDesign,
    surveyQuotas,
    surveyTotals: surveyTotals(surveyDesign, surveyQuotas),
    district: districtSummary(
      scores,
      results.reduce((forms, row) => forms + row.n_citizens, 0),
      options.previous?.district ?? null,
    ),
    unitGroups: groupSummary(scores),
    previousDistrict: options.previous?.district ?? null,
    plan: publishedPlan(data.plan),
    parameters,
  };
}

/** The number of distinct officials who filled in forms, by group: one pass over the forms. */
function respondentsByGroup(forms: OfficialsForms): Map<string, number> {
  const respondents = new Map<string, Set<string>>();
  for (let r = 0; r < forms.size; r++) {
    const group = forms.groups[r]!;
    let people = respondents.get(group);
    if (people === undefined) respondents.set(group, (people = new Set()));
    people.add(forms.respondentIds[r]!);
  }
  return new Map([...respondents].map(([group, people]) => [group, people.size]));
}

/**
 * The district's figures: the plain mean over communes (each counts once, whatever its size) of
 * the full-precision index and satisfaction, rounded once — not the mean of rounded figures —, the
 * change of the published index against the previous year's, the citizens' forms of all units and
 * each SIPAS element's satisfied share of all the district's valid answers.
 */
function districtSummary(
  scores: readonly CommuneScore[],
  citizensForms: number,
  previous: DistrictSummary | null,
): DistrictSummary {
  const satisfaction = scores.flatMap((s) => (s.satisfaction_pct === null ? [] : [s.satisfaction_pct]));
  const index = roundMeanHalfAway(scores.map((s) => s.index_pct));
  const elements = groupBy(
    scores.flatMap((s) => s.elements.filter((e) => e.valid > 0)),
    (e) => e.element,
  );
  return {
    communes: scores.length,
    index_pct: index,
    satisfaction_pct: satisfaction.length === 0 ? null : roundMeanHalfAway(satisfaction),
    // The change of the two published averages, as communes' changes are: exact on 2 decimals.
    index_change: previous === null ? null : publishedDifference(index, previous.index_pct),
    citizens_forms: citizensForms,
    satisfaction_elements: [...elements]
      .sort(([a], [b]) => a - b)
      .map(([element, shares]) => {
        let valid = 0;
        let satisfied = 0;
        for (const e of shares) {
          valid += e.valid;
          satisfied += e.satisfied;
        }
        return {
          element,
          element_name: elementName(element),
          valid_answers: valid,
          satisfied_answers: satisfied,
          satisfied_pct: roundRatioHalfAway(satisfied * 100, valid),
        };
      }),
  };
}

/**
 * Every commune's every node's two published figures, each rounded once from its exact ratio:
 * commune c's node n is row `first[c]` + n.order, in the scores table's order; the domains table
 * reads its domains' rows. The figures have 2 decimals and are kept as whole hundredths, h / 100
 * being the very double the rounding gave: half the memory of doubles, and at national scale
 * (0.8 million rows) every fresh megabyte costs time.
 */
interface NodeFigures {
  rows: number;
  first: Uint32Array;
  points: Int32Array;
  pct: Int32Array;
}

function nodeFigures(scores: readonly CommuneScore[]): NodeFigures {
  const first = new Uint32Array(scores.length + 1);
  scores.forEach((s, c) => (first[c + 1] = first[c]! + preOrder(s.domains).length));
  const rows = first[scores.length]!;
  const points = new Int32Array(rows);
  const pct = new Int32Array(rows);
  scores.forEach((s, c) => {
    for (const n of preOrder(s.domains)) {
      points[first[c]! + n.order] = hundredths(publishedNodePoints(s, n));
      pct[first[c]! + n.order] = hundredths(publishedNodePercent(s, n));
    }
  });
  return { rows, first, points, pct };
}

/**
 * Commune × applicable domain. The district average of a domain is the plain mean of the communes'
 * domain percentages (each commune counts once, whatever its maximum), over the communes the domain
 * applies to, computed exactly and rounded once.
 */
function domainsTable(
  scores: readonly CommuneScore[],
  figures: NodeFigures,
  previous: YearResults | null,
  comparable: ReadonlyMap<string, string | null>,
): DomainsRow[] {
  const pcts = new Map<string, Ratio[]>();
  for (const s of scores)
    for (const domain of s.domains) {
      const id = domain.criterion.id;
      const ratios = pcts.get(id);
      if (ratios === undefined) pcts.set(id, [nodePercentRatio(s, domain)]);
      else ratios.push(nodePercentRatio(s, domain));
    }
  const districtAverage = new Map([...pcts].map(([id, ratios]) => [id, roundMeanHalfAway(ratios)]));
  // The year before, matched on the compound key (comparable predecessor, domain): a pair the year
  // before did not publish, or a unit with no predecessor of the same extent, has no change. A Map, not a join: at national scale the join of 85,000 rows as a
  // table and back cost 0.2 s.
  const key = (commune: string, domain: string) => `${commune}\u0000${domain}`;
  const before = new Map(
    (previous?.tables.domains ?? []).map((d) => [key(d.commune_code, d.domain_id), d.pct]),
  );
  const rows = scores.flatMap((s, c) =>
    s.domains.map((domain): DomainsRow => {
      const id = domain.criterion.id;
      const row = figures.first[c]! + domain.order;
      const pct = figures.pct[row]! / 100;
      const predecessor = comparable.get(s.commune.code) ?? null;
      const pctBefore = predecessor === null ? undefined : before.get(key(predecessor, id));
      const average = districtAverage.get(id)!;
      return {
        commune_code: s.commune.code,
        commune_name: s.commune.name,
        domain_id: id,
        domain_name: domain.criterion.name,
        points: figures.points[row]! / 100,
        max_points: domain.maxPoints,
        pct,
        domain_rank: 0,
        district_avg_pct: average,
        // The published average on this unit's own maximum, from the two published figures.
        district_avg_points: publishedShareOf(average, domain.maxPoints),
        district_avg_gap: publishedDifference(pct, average),
        pct_change: pctBefore === undefined ? null : publishedDifference(pct, pctBefore),
      };
    }),
  );
  // A unit's place on a domain among the units it applies to: competition ranks of the published %.
  for (const domainRows of groupBy(rows, (row) => row.domain_id).values()) {
    const ranks = competitionRanks(domainRows.map((row) => row.pct));
    domainRows.forEach((row, i) => (row.domain_rank = ranks[i]!));
  }
  return rows;
}

/**
 * Commune × every applicable criterion node, parents before children, in columns: per row the
 * commune and the node, and the figures that differ from commune to commune. The points lost are
 * the difference of the two published figures in whole hundredths, exact, and a criterion's total
 * over the units it applies to is the sum of those (the figures a reader adds up from the table).
 */
function scoresTable(scores: readonly CommuneScore[], figures: NodeFigures): ColumnTable<ScoresRow> {
  const { rows, points, pct } = figures;
  // The nodes of every commune type. A tree's nodes are numbered from its offset in `nodes`, in
  // pre-order.
  const nodes: ApplicableNode[] = [];
  const treeOffset = new Map<readonly ApplicableNode[], number>();
  // Hundredths lost per criterion (a criterion of both unit types has a node in each tree): each
  // node's criterion is a slot of `lostByCriterion`.
  const criterionSlots = new Map<string, number>();
  const criterionOf: number[] = [];
  const lostByCriterion: number[] = [];
  const commune = new Uint32Array(rows);
  const node = new Uint32Array(rows);
  const lost = new Int32Array(rows);
  let row = 0;
  scores.forEach((s, c) => {
    const tree = preOrder(s.domains);
    let offset = treeOffset.get(tree);
    if (offset === undefined) {
      treeOffset.set(tree, (offset = nodes.length));
      for (const n of tree) {
        nodes.push(n);
        let slot = criterionSlots.get(n.criterion.id);
        if (slot === undefined) {
          criterionSlots.set(n.criterion.id, (slot = lostByCriterion.length));
          lostByCriterion.push(0);
        }
        criterionOf.push(slot);
      }
    }
    for (const n of tree) {
      const index = offset + n.order;
      commune[row] = c;
      node[row] = index;
      lost[row] = hundredths(n.maxPoints) - points[row]!;
      lostByCriterion[criterionOf[index]!]! += lost[row]!;
      row++;
    }
  });
  const nodeLost = criterionOf.map((slot) => lostByCriterion[slot]! / 100);
  const nodeOf = (r: number) => nodes[node[r]!]!;
  /** The appraisal row of an appraisal leaf, in its commune's columns; -1 for other nodes. */
  const appraisalRow = (r: number) => {
    const n = nodeOf(r);
    return n.children.length === 0 && n.source === "appraisal"
      ? appraisalRowOf(scores[commune[r]!]!.appraisal, n.criterion.id)
      : -1;
  };
  const appraisal = (r: number) => scores[commune[r]!]!.appraisal.columns;
  const score = (r: number, of: "selfScore" | "appraisedScore") => {
    const row = appraisalRow(r);
    return row === -1 ? null : appraisal(r)[of][row]! / 100;
  };
  return {
    rows,
    read: {
      commune_code: (r) => scores[commune[r]!]!.commune.code,
      criterion_id: (r) => nodeOf(r).criterion.id,
      parent_id: (r) => nodeOf(r).parentId,
      level: (r) => nodeOf(r).level,
      criterion_name: (r) => nodeOf(r).criterion.name,
      source: (r) => nodeOf(r).source,
      points: (r) => points[r]! / 100,
      max_points: (r) => nodes[node[r]!]!.maxPoints,
      pct: (r) => pct[r]! / 100,
      points_lost: (r) => lost[r]! / 100,
      district_points_lost: (r) => nodeLost[node[r]!],
      self_score: (r) => score(r, "selfScore"),
      appraised_score: (r) => score(r, "appraisedScore"),
      note: (r) => {
        const row = appraisalRow(r);
        return row === -1 ? null : (appraisal(r).notes.get(row) ?? null);
      },
    },
  };
}

/**
 * Commune × question, in columns: row r is commune ⌊r / Q⌋'s tally of question r mod Q, the
 * tallies' own layout; only the four figures derived from the tally's counts are stored, as whole
 * hundredths (as the node figures), −1 standing for null: none of them is negative.
 */
function surveyTable(communes: readonly Commune[], tallies: SurveyTallies): ColumnTable<SurveyRow> {
  const { questions, scales } = tallies;
  const perCommune = questions.length;
  const rows = communes.length * perCommune;
  const meanCoefficient = new Int32Array(rows).fill(-1);
  const satisfiedPct = new Int32Array(rows).fill(-1);
  const ciLow = new Int32Array(rows).fill(-1);
  const ciHigh = new Int32Array(rows).fill(-1);
  for (let row = 0; row < rows; row++) {
    const meanDenominator = tallies.meanDenominator[row]!;
    if (meanDenominator > 0)
      meanCoefficient[row] = hundredths(roundRatioHalfAway(tallies.coefficientSum[row]!, meanDenominator));
    const valid = tallies.valid[row]!;
    if (scales[row % perCommune]!.measuresSatisfaction && valid > 0) {
      const satisfied = tallies.satisfied[row]!;
      const interval = wilsonInterval(satisfied, valid);
      satisfiedPct[row] = hundredths(roundRatioHalfAway(satisfied * 100, valid));
      ciLow[row] = hundredths(roundDoubleHalfAway(interval.low * 100));
      ciHigh[row] = hundredths(roundDoubleHalfAway(interval.high * 100));
    }
  }
  const questionOf = (r: number) => questions[r % perCommune]!;
  const orNull = (column: Int32Array) => (r: number) => (column[r] === -1 ? null : column[r]! / 100);
  return {
    rows,
    read: {
      commune_code: (r) => communes[Math.floor(r / perCommune)]!.code,
      panel: (r) => questionOf(r).panel,
      question_id: (r) => questionOf(r).id,
      question_text: (r) => questionOf(r).text,
      criterion_id: (r) => questionOf(r).criterion_id,
      sipas_element: (r) => questionOf(r).sipas_element,
      forms: (r) => tallies.forms[r],
      valid_answers: (r) => tallies.valid[r],
      excluded_answers: (r) => tallies.excluded[r],
      no_answer: (r) => tallies.noAnswer[r],
      mean_coefficient: orNull(meanCoefficient),
      satisfied_pct: orNull(satisfiedPct),
      satisfied_ci_low: orNull(ciLow),
      satisfied_ci_high: orNull(ciHigh),
    },
  };
}

/**
 * The five SIPAS elements of satisfaction with the one-stop service (Đề án đo lường sự hài lòng,
 * Bộ Nội vụ): fixed by the national method, so their names are not data.
 */
export const sipasElementNames: Record<number, string> = {
  1: "Tiếp cận dịch vụ hành chính công",
  2: "Thủ tục hành chính",
  3: "Công chức trực tiếp giải quyết công việc",
  4: "Kết quả giải quyết thủ tục hành chính",
  5: "Tiếp nhận, xử lý ý kiến góp ý, phản ánh, kiến nghị",
};

const elementName = (element: number) => sipasElementNames[element] ?? `Yếu tố ${element}`;

/** Each SIPAS element's satisfied share in a commune, with its Wilson 95% interval (docs/methodology.md). */
function satisfactionRows(s: CommuneScore): SatisfactionRow[] {
  return s.elements
    .filter((e) => e.valid > 0)
    .map((e) => {
      const interval = wilsonInterval(e.satisfied, e.valid);
      return {
        commune_code: s.commune.code,
        element: e.element,
        element_name: elementName(e.element),
        valid_answers: e.valid,
        satisfied_answers: e.satisfied,
        satisfied_pct: roundRatioHalfAway(e.satisfied * 100, e.valid),
        ci_low: roundDoubleHalfAway(interval.low * 100),
        ci_high: roundDoubleHalfAway(interval.high * 100),
      };
    });
}

/**
 * Officials' answers leave the pipeline only as these counts per commune, question and option, in
 * columns: every commune's rows follow one layout (each question's options, in questions.csv and
 * scale order), so row r is commune ⌊r / L⌋'s row r mod L of the layout, and its count is the
 * tallies' option count r.
 */
function surveyOptionsTable(
  communes: readonly Commune[],
  tallies: SurveyTallies,
): ColumnTable<SurveyOptionsRow> {
  const questionAt: number[] = [];
  const optionAt: number[] = [];
  tallies.scales.forEach((scale, q) =>
    scale.options.forEach((_, o) => {
      questionAt.push(q);
      optionAt.push(o);
    }),
  );
  const perCommune = questionAt.length;
  const questionOf = (r: number) => tallies.questions[questionAt[r % perCommune]!]!;
  const optionOf = (r: number) =>
    tallies.scales[questionAt[r % perCommune]!]!.options[optionAt[r % perCommune]!]!;
  return {
    rows: communes.length * perCommune,
    read: {
      commune_code: (r) => communes[Math.floor(r / perCommune)]!.code,
      panel: (r) => questionOf(r).panel,
      question_id: (r) => questionOf(r).id,
      option: (r) => optionOf(r).option,
      option_label: (r) => optionOf(r).label,
      coefficient: (r) => optionOf(r).coefficient,
      count: (r) => tallies.optionCounts[r],
    },
  };
}
