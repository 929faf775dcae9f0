// What may be published (docs/data-contract.md#privacy), declared once for every input and published
// column; pipeline/publish/public-files.ts holds every file a build writes to it before anything is
// published.
//
// - Every column of a published table (schemas/published.ts) is public: the tables are made for it.
// - An input file is public or private as a whole. Every contract column of a public file may be
//   published as it is (the units, the criteria tree, the survey design, the appraisal scores and
//   notes, the plan). Every column of a private file is private: the survey forms are one row per
//   person, so their ids, groups, communes and answers reach the public only as the computed tables
//   (counts per commune, question and option; the citizens' answers without ids, numbered by their
//   answers).
// - A column the contract does not know (a name, a phone number an editor added) is never public.
import { publishedTables, type PublishedTableName } from "./published.ts";

export type Publication = "public" | "private";

export const inputPublication = {
  "dataset.json": "public",
  "communes.csv": "public",
  "criteria.csv": "public",
  "groups.csv": "public",
  "scales.csv": "public",
  "questions.csv": "public",
  "appraisal.csv": "public",
  "plan.csv": "public",
  "survey-officials.csv": "private",
  "survey-citizens.csv": "private",
} as const satisfies Record<string, Publication>;

export type DeclaredInput = keyof typeof inputPublication;

/**
 * The columns that tell a person or a paper form: published nowhere, and their values never shown,
 * not even in a validation report (whose Markdown form goes to a job summary anyone may read).
 */
export const identifyingColumns: Partial<Record<DeclaredInput, readonly string[]>> = {
  "survey-officials.csv": ["form_id", "respondent_id"],
  "survey-citizens.csv": ["form_id"],
};

/** The input files that may be published, in part or whole. */
export const publicInputs = (Object.keys(inputPublication) as DeclaredInput[]).filter(
  (file) => inputPublication[file] === "public",
);

/** The columns of a published table, each public. */
export function publishedColumns(table: PublishedTableName): string[] {
  return Object.keys(publishedTables[table].shape);
}
