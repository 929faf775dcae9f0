// The filters of /kham-pha/ live in the URL (`?nhom=nguoi-dan&cau=ND01&xa=11215&tl=5&cheo=ND02`),
// so a link or a reload shows the same view. Every value is checked against the published
// catalogue of questions, answers and communes; anything else falls back to a default.

export type Panel = "citizens" | "officials";

/** What the published tables offer to filter on. */
export interface ExploreCatalogue {
  /** Questions in display order, each with its answer options in order. */
  questions: { id: string; panel: Panel; text: string; options: { option: string; label: string }[] }[];
  communeCodes: ReadonlySet<string>;
}

export interface ExploreState {
  panel: Panel;
  /** The question whose answers are shown. */
  question: string;
  /** One commune, or null for the whole district. */
  commune: string | null;
  /** Keep only the forms that gave this answer to `question` (citizens), or this option's counts. */
  answer: string | null;
  /** The citizens' question cross-tabulated against `question`; null for officials. */
  crossQuestion: string | null;
}

const panelParameter: Record<Panel, string> = { citizens: "nguoi-dan", officials: "can-bo" };

/** The state a URL describes, made valid: unknown or mismatched values are replaced by defaults. */
export function parseExploreState(search: string, catalogue: ExploreCatalogue): ExploreState | null {
  const params = new URLSearchParams(search);
  const panel: Panel = params.get("nhom") === panelParameter.officials ? "officials" : "citizens";
  const questions = catalogue.questions.filter((question) => question.panel === panel);
  const first = questions[0];
  if (!first) return null;
  const question = questions.find((candidate) => candidate.id === params.get("cau")) ?? first;
  const commune = catalogue.communeCodes.has(params.get("xa") ?? "") ? params.get("xa") : null;
  const answer = question.options.some((option) => option.option === params.get("tl"))
    ? params.get("tl")
    : null;
  let crossQuestion: string | null = null;
  if (panel === "citizens") {
    const others = questions.filter((candidate) => candidate.id !== question.id);
    crossQuestion =
      others.find((candidate) => candidate.id === params.get("cheo"))?.id ?? others[0]?.id ?? null;
  }
  return { panel, question: question.id, commune, answer, crossQuestion };
}

/** The query string of a state (parameters in a fixed order, empty filters left out). */
export function exploreSearch(state: ExploreState): string {
  const params = new URLSearchParams();
  params.set("nhom", panelParameter[state.panel]);
  params.set("cau", state.question);
  if (state.commune) params.set("xa", state.commune);
  if (state.answer) params.set("tl", state.answer);
  if (state.crossQuestion) params.set("cheo", state.crossQuestion);
  return `?${params.toString()}`;
}
