// What the commune page (/xa/<slug>/) shows, prepared from the published tables: the page only
// renders it. Every figure is a published one; nothing here recomputes an official number.
import { panelLabel } from "../../pipeline/rules/display.ts";
import { issuerWords } from "../../pipeline/rules/issuer.ts";
import type {
  DomainsRow,
  ResultsRow,
  ScoresRow,
  SurveyOptionsRow,
  SurveyRow,
} from "../../schemas/published.ts";
import type { PublishedManifest } from "../../schemas/published-manifest.ts";
import { communeScores } from "./criteria.ts";
import { compareDottedIds } from "../../pipeline/rules/dotted-ids.ts";
import type { PublishedYear } from "./data.ts";
import { groupBy } from "../../pipeline/rules/group.ts";
import { communeRows } from "./commune-rows.ts";
import { predecessorCodes } from "../../pipeline/rules/lineage.ts";

/** A question's published figures with its answers per option, in the scale's order. */
export interface AnsweredQuestion extends SurveyRow {
  answers: SurveyOptionsRow[];
}

/** One survey panel of the commune: its title, its count of forms and its questions. */
export interface PanelView {
  panel: SurveyRow["panel"];
  title: string;
  count: number;
  questions: AnsweredQuestion[];
}

/** A former unit of a merged unit, with its result of the year before when that year published it. */
export interface FormerUnit {
  code: string;
  result: ResultsRow | null;
}

export interface CommunePageView {
  result: ResultsRow;
  /**
   * The result of the year before of the unit it is compared with (its own code, or its one
   * predecessor: pipeline/rules/lineage.ts), when that year was published and had it.
   */
  previousResult: ResultsRow | null;
  /**
   * A unit formed from two or more units ("đơn vị mới sau sắp xếp"): its former units with their
   * figures of the year before, shown beside it instead of a change; null for any other unit.
   */
  formerUnits: FormerUnit[] | null;
  /** Its domains in domain order. */
  domains: DomainsRow[];
  /** Its criteria in tree order. */
  scores: ScoresRow[];
  /** The appraisal criteria the district scored lower than the commune's own score. */
  loweredRows: ScoresRow[];
  /** Citizens' forms planned for the commune, when the manifest has the plan. */
  quota: number | null;
  /** Fewer citizens' forms than planned: the page warns that its shares are less certain. */
  short: boolean;
  /** Officials then citizens (a panel may have no question about the commune). */
  panels: PanelView[];
}

/** The tables the commune page reads. */
export type CommunePageTables = Pick<
  PublishedYear,
  "results" | "domains" | "scores" | "survey" | "survey_options"
> & {
  manifest: Pick<PublishedManifest, "survey_quotas" | "province" | "district" | "issuer" | "contact">;
};

export function communePage(
  data: CommunePageTables,
  previous: Pick<PublishedYear, "results"> | null,
  code: string,
): CommunePageView {
  const result = communeRows(data.results, code)[0];
  if (!result) throw new Error(`Không có đơn vị mã ${code} trong kết quả (no results row for ${code})`);
  const scores = communeScores(data.scores, code);
  const quota = data.manifest.survey_quotas.find((q) => q.commune_code === code)?.survey_quota ?? null;
  // The pipeline published the options in the scale's order: grouping keeps it.
  const options = groupBy(communeRows(data.survey_options, code), (option) => option.question_id);
  const questions = groupBy(communeRows(data.survey, code), (row) => row.panel);
  const counts: Record<SurveyRow["panel"], number> = {
    officials: result.n_officials,
    citizens: result.n_citizens,
  };
  const panels: PanelView[] = (["officials", "citizens"] as const).map((panel) => ({
    panel,
    title: `Đánh giá của ${panelLabel(panel, issuerWords(data.manifest).areaKind)}`,
    count: counts[panel],
    questions: (questions.get(panel) ?? []).map((row) => ({
      ...row,
      answers: options.get(row.question_id) ?? [],
    })),
  }));
  const predecessors = predecessorCodes(result.predecessors);
  const previousOf = (unit: string) => (previous ? (communeRows(previous.results, unit)[0] ?? null) : null);
  const merged = predecessors.length > 1;
  return {
    result,
    // A change is published only against a predecessor of the same extent: its row is the one compared.
    previousResult: merged ? null : previousOf(predecessors[0] ?? code),
    formerUnits: merged ? predecessors.map((unit) => ({ code: unit, result: previousOf(unit) })) : null,
    domains: [...communeRows(data.domains, code)].sort((a, b) => compareDottedIds(a.domain_id, b.domain_id)),
    scores,
    loweredRows: scores.filter(
      (row) =>
        row.self_score !== null && row.appraised_score !== null && row.appraised_score < row.self_score,
    ),
    quota,
    short: quota !== null && result.n_citizens < quota,
    panels,
  };
}

/** A change of rank in words: "tăng 2 bậc", "giảm 1 bậc", "giữ nguyên hạng". */
export function rankChangeWords(change: number): string {
  return change > 0 ? `tăng ${change} bậc` : change < 0 ? `giảm ${-change} bậc` : "giữ nguyên hạng";
}
