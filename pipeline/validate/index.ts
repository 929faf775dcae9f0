// Validation of one year's inputs: every file on its own (bytes, dialect, header, rows, cells), then
// the rules across files. All problems are collected, none stops the others; the typed YearData is
// handed to computation only when there is no error at all.
import { communeRow } from "../../schemas/communes.ts";
import { criterionRow } from "../../schemas/criteria.ts";
import type { DatasetManifest } from "../../schemas/dataset.ts";
import { groupRow } from "../../schemas/groups.ts";
import { planRow, type PlanStep } from "../../schemas/plan.ts";
import { questionRow } from "../../schemas/questions.ts";
import { scaleOptionRow } from "../../schemas/scales.ts";
import { citizensFormColumns, formCellChecks, officialsFormColumns } from "../../schemas/survey.ts";
import { inputPublication } from "../../schemas/publication.ts";
import { problem } from "../messages.ts";
import {
  inputFiles,
  optionalInputFiles,
  type AppraisalColumns,
  type InputFileName,
  type OfficialsForms,
  type SurveyForms,
  type YearData,
} from "../model.ts";
import type { OmittedProblems, Problem, ProblemSink } from "../problem.ts";
import {
  noRowsProblem,
  openCsv,
  parseBody,
  withoutQuotes,
  type CsvOpened,
  type CsvRow,
  type CsvSpec,
  type CsvTable,
  type QuickLine,
} from "../read/csv.ts";
import type { ManifestPlace } from "../read/manifest-sheets.ts";
import { readSheetRows, type SheetRows } from "../read/sheet.ts";
import {
  appraisalColumns,
  appraisalDuplicates,
  AppraisalReader,
  checkAppraisal,
  type AppraisalTable,
} from "./appraisal.ts";
import { buildTree, checkTree } from "./criteria.ts";
import { checkInvisible } from "./invisible.ts";
import { duplicateKeys } from "./keys.ts";
import { validateManifest } from "./manifest.ts";
import { checkPlan } from "./plan.ts";
import { ProblemLog, ProblemRecord } from "./problem-log.ts";
import { checkQuestions } from "./questions.ts";
import { rowParser, type ParsedRow } from "./rows.ts";
import { checkSlugs } from "./slugs.ts";
import {
  checkAnswerable,
  checkFormCommunes,
  checkOfficials,
  checkQuotas,
  panelForms,
  scaleLookup,
  type ScaleLookup,
} from "./survey.ts";
import { SurveyColumns, type SurveyTable } from "./survey-columns.ts";
import type { z } from "zod";

export interface InputFileInfo {
  file: InputFileName;
  sha256: string;
  bytes: number;
  rows: number;
}
/** How the editor's sheet names an input file and its columns (contract name → header as written). */
export interface SheetNames {
  sheet: string;
  columns: Record<string, string>;
  /** dataset.json from "Thông tin chung": where each field was read (pipeline/read/manifest-sheets.ts). */
  places?: Record<string, ManifestPlace>;
}
export interface LoadedYear {
  folder: string;
  data: YearData | null;
  /** The problems kept (validate/problem-log.ts), in report order. */
  problems: Problem[];
  /** How many more of each file and code there were. */
  omitted: OmittedProblems[];
  inputs: InputFileInfo[];
  /** Inputs read from a workbook: the sheet each was read from, its headers as written (see namedBySheet). */
  sheets?: Record<string, SheetNames>;
  /**
   * The public input files (schemas/publication.ts) as validated — a CSV file's bytes or a workbook
   * sheet's rows: what the published data-entry workbooks are made from (publish/entry-workbooks.ts).
   */
  sources?: ReadonlyMap<InputFileName, Uint8Array | SheetInput>;
}

/** Largest input file read; the national benchmark's survey files are about 40 MB. */
export const maxInputBytes = 150 * 1024 * 1024;

/** The CSV input files and their columns: the one registry the workbook reader and template follow;
 * any other column is unknown (and its values never shown). */
export const inputColumns = {
  "communes.csv": {
    required: ["code", "name", "type", "survey_quota"],
    optional: ["group", "predecessors", "formed_on"],
  },
  "criteria.csv": { required: ["id", "name", "max_points", "source"], optional: ["applies_to"] },
  "groups.csv": { required: ["code", "name", "panel", "planned"] },
  "scales.csv": { required: ["scale", "option", "label", "coefficient"], optional: ["satisfied"] },
  "questions.csv": {
    required: ["id", "panel", "criterion_id", "scale", "text"],
    optional: ["sipas_element"],
  },
  "appraisal.csv": {
    required: ["commune_code", "criterion_id", "self_score", "appraised_score"],
    optional: ["note"],
  },
  "survey-officials.csv": { required: ["form_id", "respondent_id", "group", "commune_code"] },
  "survey-citizens.csv": { required: ["form_id", "commune_code"] },
  "plan.csv": {
    required: ["step", "title", "lead", "partners", "planned_start", "planned_end", "done_on"],
    optional: ["note"],
  },
} as const satisfies Record<Exclude<InputFileName, "dataset.json">, Omit<CsvSpec, "file">>;
export type CsvFileName = keyof typeof inputColumns;

/** The contract columns of a CSV input, required first. */
export function knownColumns(file: CsvFileName): string[] {
  const spec: Omit<CsvSpec, "file"> = inputColumns[file];
  return [...spec.required, ...(spec.optional ?? [])];
}

interface Table<T> {
  rows: ParsedRow<T>[];
}

/** Where a file's rows go as they are read (YearValidation.read). */
interface RowReader {
  addRow(row: CsvRow): void;
  /** The lines it takes straight from a CSV file's text (undefined: none). */
  quickLine?(opened: CsvOpened): QuickLine | undefined;
  /** The rows read so far. */
  rows(): number;
}

/** Input files by name; the validation takes each file's bytes out once it has read them. */
type FileBytes = Map<InputFileName, Uint8Array>;

/**
 * A workbook sheet standing for a CSV input file; its bytes as stored in the workbook are recorded
 * as the input's. Its rows are read one by one when the file's turn comes, never held all at once.
 */
export interface SheetInput {
  each: SheetRows;
  bytes: Uint8Array;
}
/** The sha256 of an input, in hex (validate/folder.ts; a page checking files in the browser needs none). */
export type Digest = (bytes: Uint8Array) => string;

/** Told as each input's check starts (`done` of `total` steps), so a page can show how far it is. */
export type Progress = (step: { file: string; done: number; total: number }) => void;

/** The steps validateYear tells Progress of: each input, then the rules across files ("*"). */
export const validationSteps = inputFiles.length + 1;

class YearValidation {
  /** Where problems go: the year's log, or a file's record while it is checked away from its turn. */
  problems: ProblemSink;
  inputs: InputFileInfo[] = [];
  private readonly files: FileBytes;
  private readonly unavailable: ReadonlySet<InputFileName>;
  private readonly sheets: Map<InputFileName, SheetInput>;
  private readonly digest: Digest;
  private readonly progress: Progress | undefined;
  private done = 0;

  constructor(
    files: FileBytes,
    unavailable: ReadonlySet<InputFileName>,
    sheets: Map<InputFileName, SheetInput>,
    digest: Digest,
    progress: Progress | undefined,
    problems: ProblemSink,
  ) {
    this.problems = problems;
    this.files = files;
    this.unavailable = unavailable;
    this.sheets = sheets;
    this.digest = digest;
    this.progress = progress;
  }

  /** Tells the progress callback that this input's (or the cross-file rules') check starts. */
  step(file: string): void {
    this.progress?.({ file, done: this.done++, total: validationSteps });
  }

  /**
   * The file's bytes, or null after reporting why there are none to read. They are handed out once:
   * a survey file's 30 MB need not stay in memory while the next file is read.
   */
  bytes(file: InputFileName): Uint8Array | null {
    if (this.unavailable.has(file)) return null;
    const bytes = this.files.get(file);
    this.files.delete(file);
    if (bytes === undefined) {
      if (optionalInputFiles.has(file)) return null;
      this.problems.push(problem("file_missing", { file, line: null }));
      return null;
    }
    if (bytes.length > maxInputBytes) {
      this.problems.push(problem("file_too_large", { file, line: null }, sizeParams(bytes.length)));
      return null;
    }
    return bytes;
  }

  record(file: InputFileName, bytes: Uint8Array, rows: number): void {
    this.inputs.push({
      file,
      sha256: this.digest(bytes),
      bytes: bytes.length,
      rows,
    });
  }

  /**
   * Checks a file now, its problems recorded (ProblemRecord), and gives what to call at the file's
   * turn: its problems then go where they would have gone had it been checked there, in the same
   * order. A file with too many problems to hold is checked again at its turn.
   */
  ahead<T>(file: InputFileName, check: () => T): { kept: T | null; turn: () => T } {
    const bytes = this.files.get(file);
    const sink = this.problems;
    const record = new ProblemRecord();
    this.problems = record;
    let result: T;
    try {
      result = check();
    } finally {
      this.problems = sink;
    }
    if (!record.full)
      return {
        kept: result,
        turn: () => {
          for (const p of record.found) sink.push(p);
          return result;
        },
      };
    return {
      kept: null,
      turn: () => {
        if (bytes !== undefined) this.files.set(file, bytes);
        this.inputs = this.inputs.filter((input) => input.file !== file);
        return check();
      },
    };
  }

  /** A survey file checked elsewhere (CheckedSurvey), taken in at its turn; else checked here. */
  takeSurvey(
    file: SurveyFileName,
    checked: CheckedSurvey | null,
    check: () => SurveyTable | null,
  ): SurveyTable | null {
    if (checked === null) return check();
    this.step(file);
    this.files.delete(file);
    for (const p of checked.problems) this.problems.push(p);
    if (checked.input !== null) this.inputs.push(checked.input);
    return checked.table;
  }

  /** Runs one step; an unexpected exception becomes a problem of that file instead of a crash. */
  guard<T>(file: string, step: () => T): T | null {
    try {
      return step();
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      this.problems.push(problem("unexpected_failure", { file, line: null }, { detail }));
      return null;
    }
  }

  /** A file's rows, parsed, as they are read; its cells as read are not kept. */
  table<S extends z.ZodType>(file: CsvFileName, schema: S): Table<z.output<S>> | null {
    const rows: ParsedRow<z.output<S>>[] = [];
    const read = this.read(file, (index) => {
      const parse = rowParser(file, index, schema, knownColumns(file), this.problems);
      return { addRow: (row) => rows.push(parse(row)), rows: () => rows.length };
    });
    if (read === null) return null;
    checkInvisible(file, rows, this.problems);
    return { rows };
  }

  /**
   * The appraisal in columns (validate/appraisal.ts): from a CSV file's text, the lines whose cells
   * pass quick checks without a row object, any other row by the general path.
   */
  appraisal(): AppraisalTable | null {
    const file = "appraisal.csv";
    const reader = this.read(file, (index) => new AppraisalReader(index, knownColumns(file), this.problems));
    if (reader === null) return null;
    checkInvisible(file, reader.unchecked, this.problems);
    return reader.finish();
  }

  /**
   * Reads a CSV file or a workbook sheet row by row, as it is read, into what `start` makes of its
   * header's columns, so that no row's cells outlive it; a CSV file's lines go to its quickLine
   * first, if it has one. Null when no rows could be read (the input is recorded either way).
   */
  private read<R extends RowReader>(file: CsvFileName, start: (index: Map<string, number>) => R): R | null {
    this.step(file);
    const sheet = this.sheets.get(file);
    this.sheets.delete(file);
    const bytes = sheet?.bytes ?? this.bytes(file);
    if (bytes === null) return null;
    return this.guard(file, () => {
      const spec = { file, ...inputColumns[file] };
      if (sheet) {
        let reader: R | null = null;
        const read = readSheetRows(sheet.each, spec, (table) => {
          const started = (reader ??= start(table.index));
          return (row) => started.addRow(row);
        });
        // Not push(...): a file of repeated rows has hundreds of thousands of problems.
        for (const p of read.problems) this.problems.push(p);
        this.record(file, bytes, read.rows);
        return read.table === null ? null : reader;
      }
      const { opened, problems } = openCsv(bytes, spec);
      for (const p of problems) this.problems.push(p);
      if (opened === null) {
        this.record(file, bytes, 0);
        return null;
      }
      const reader = start(opened.index);
      parseBody(file, opened, this.problems, (row) => reader.addRow(row), reader.quickLine?.(opened));
      noRowsProblem(file, opened, reader.rows(), this.problems);
      this.record(file, bytes, reader.rows());
      return reader;
    });
  }

  /**
   * A survey file read into columns (survey-columns.ts): a file without quotes straight from its
   * text, any other through the CSV parser's rows. Its form ids are checked for repeats and
   * invisible characters as they are read, not kept.
   */
  survey(
    file: SurveyFileName,
    schema: z.ZodType,
    ids: readonly string[] | null,
    lookup: ScaleLookup | null,
  ): SurveyTable | null {
    this.step(file);
    const sheet = this.sheets.get(file);
    this.sheets.delete(file);
    const bytes = sheet?.bytes ?? this.bytes(file);
    if (bytes === null) return null;
    return this.guard(file, () => {
      const spec = { file, ...inputColumns[file], questions: { panel: surveyPanel[file], ids } };
      const columns = (opened: Pick<CsvTable, "index" | "questionColumns">) =>
        new SurveyColumns(
          file,
          opened,
          knownColumns(file),
          "form_id",
          schema,
          formCellChecks,
          lookup,
          this.problems,
        );
      if (sheet) {
        // A workbook's sheet: its rows, already cells, take the general path as they are read.
        const readers: SurveyColumns[] = [];
        const read = readSheetRows(sheet.each, spec, (table) => {
          const reader = columns(table);
          readers.push(reader);
          return (row) => reader.addRow(row);
        });
        for (const p of read.problems) this.problems.push(p);
        const reader = readers[0];
        if (read.table === null || reader === undefined) {
          this.record(file, bytes, 0);
          return null;
        }
        const table = reader.finish();
        this.record(file, bytes, table.rows);
        return table;
      }
      const { opened, problems } = openCsv(bytes, spec, true);
      for (const p of problems) this.problems.push(p);
      if (opened === null) {
        this.record(file, bytes, 0);
        return null;
      }
      const reader = columns(opened);
      if (withoutQuotes(opened)) reader.scanBody(opened);
      else parseBody(file, opened, this.problems, (row) => reader.addRow(row));
      const table = reader.finish();
      noRowsProblem(file, opened, table.rows, this.problems);
      this.record(file, bytes, table.rows);
      return table;
    });
  }
}

export type SurveyFileName = "survey-officials.csv" | "survey-citizens.csv";
export const surveyFileNames: readonly SurveyFileName[] = ["survey-officials.csv", "survey-citizens.csv"];
const surveyPanel = { "survey-officials.csv": "officials", "survey-citizens.csv": "citizens" } as const;
const surveySchema = {
  "survey-officials.csv": officialsFormColumns,
  "survey-citizens.csv": citizensFormColumns,
} as const;

/**
 * A survey file checked away from the year's check (validate/survey-workers.ts runs each in a
 * worker thread): its table, its problems in the order found and its input's details.
 */
export interface CheckedSurvey {
  table: SurveyTable | null;
  problems: Problem[];
  input: InputFileInfo | null;
}
/** The survey files checked elsewhere: null for a file that was not (or had too many problems to hold). */
export type SurveyChecks = (file: SurveyFileName) => CheckedSurvey | null;

/** The scales and questions, and what a survey file's check takes of them. */
function surveyContext(v: YearValidation) {
  const scales = v.table("scales.csv", scaleOptionRow);
  const questions = v.table("questions.csv", questionRow);
  const questionList = values(questions);
  const panelIds = (file: SurveyFileName) =>
    questionList === null ? null : questionList.filter((q) => q.panel === surveyPanel[file]).map((q) => q.id);
  const lookup: ScaleLookup | null =
    questionList !== null && scales !== null ? scaleLookup(questionList, values(scales) ?? []) : null;
  const survey = (file: SurveyFileName) => v.survey(file, surveySchema[file], panelIds(file), lookup);
  return { scales, questions, questionList, lookup, survey };
}

/**
 * One survey file checked on its own, exactly as validateYear checks it (its scales and questions
 * read again from their files, their own problems left to the year's check); null when it has too
 * many problems to hold: the year's check then does it.
 */
export function checkSurveyFile(
  files: FileBytes,
  file: SurveyFileName,
  digest: Digest,
): CheckedSurvey | null {
  const v = new YearValidation(files, new Set(), new Map(), digest, undefined, new ProblemRecord(0));
  const { survey } = surveyContext(v);
  const record = new ProblemRecord();
  v.problems = record;
  const table = survey(file);
  if (record.full) return null;
  return { table, problems: record.found, input: v.inputs.find((i) => i.file === file) ?? null };
}

/** A survey table's forms, for computation; null when a row is not a form (an error was reported). */
function surveyForms(table: SurveyTable | null): SurveyForms | null {
  const communes = table?.fixed.commune_code;
  if (table === null || communes === undefined || table.valid.includes(0)) return null;
  // Every row is a form, so the column's distinct codes are the forms' communes in order of first
  // appearance, as the computation takes them.
  return {
    size: table.rows,
    communeCodes: communes.values,
    commune: communes.codes,
    questionIds: table.questionColumns,
    answers: table.answers,
  };
}

function officialsForms(table: SurveyTable | null): OfficialsForms | null {
  const forms = surveyForms(table);
  if (table === null || forms === null) return null;
  const cells = (column: string) => {
    const coded = table.fixed[column];
    if (coded === undefined) return [];
    const found = new Array<string>(coded.codes.length);
    for (let r = 0; r < found.length; r++) found[r] = coded.values[coded.codes[r]!]!;
    return found;
  };
  return { ...forms, respondentIds: cells("respondent_id"), groups: cells("group") };
}

export function sizeParams(bytes: number): { size: string; limit: number } {
  return { size: (bytes / 1024 / 1024).toFixed(1), limit: maxInputBytes / 1024 / 1024 };
}

function values<T>(table: Table<T> | null): T[] | null {
  if (table === null) return null;
  // A loop, not flatMap: that makes an array per row (half a million for the appraisal file).
  const found: T[] = [];
  for (const row of table.rows) if (row.value !== null) found.push(row.value);
  return found;
}

export function validateYear(
  files: FileBytes,
  folderYear: number | undefined,
  unavailable: ReadonlySet<InputFileName>,
  sheets = new Map<InputFileName, SheetInput>(),
  digest: Digest,
  progress?: Progress,
  surveyChecks?: SurveyChecks,
): Omit<LoadedYear, "folder"> {
  // Validation hands each input out once; the public ones are kept for the entry workbooks.
  const sources = new Map<InputFileName, Uint8Array | SheetInput>();
  for (const file of inputFiles) {
    const source = sheets.get(file) ?? files.get(file);
    if (inputPublication[file] === "public" && source !== undefined) sources.set(file, source);
  }
  const problems = new ProblemLog();
  const v = new YearValidation(files, unavailable, sheets, digest, progress, problems);
  v.step("dataset.json");

  let manifest: DatasetManifest | null = null;
  const manifestBytes = v.bytes("dataset.json");
  if (manifestBytes !== null) {
    v.record("dataset.json", manifestBytes, 0);
    const checked = v.guard("dataset.json", () => validateManifest(manifestBytes, folderYear));
    manifest = checked?.manifest ?? null;
    for (const p of checked?.problems ?? []) problems.push(p);
  }

  const communes = v.table("communes.csv", communeRow);
  const criteria = v.table("criteria.csv", criterionRow);
  const groups = v.table("groups.csv", groupRow);
  const { scales, questions, questionList, lookup, survey } = surveyContext(v);
  // The survey files before the appraisal: read into typed columns, they leave little for the
  // garbage collector to trace, while the appraisal's half a million row objects, read first, made
  // every collection during the survey files' 63 MB several times slower. Problems are sorted, and
  // inputs put back in file order, at the end. When the survey files are checked in workers, the
  // appraisal is checked meanwhile, ahead of its turn.
  const checked = (file: SurveyFileName) => surveyChecks?.(file) ?? null;
  const appraisalAhead = surveyChecks === undefined ? null : v.ahead("appraisal.csv", () => v.appraisal());
  // The communes' index and the criteria tree, for the cross-file checks.
  const prepare = () => ({
    communeIndex: communes && {
      codes: new Set(communes.rows.map((r) => r.raw.code ?? "")),
      byCode: new Map((values(communes) ?? []).map((c) => [c.code, c])),
    },
    tree: criteria && buildTree(criteria.rows),
  });
  // With the appraisal kept from ahead of its turn, its own cross-file checks are run meanwhile too
  // (checkEarly). Should the index or tree fail here, they are made at their turn, failing there.
  const early = appraisalAhead?.kept;
  let prepared: ReturnType<typeof prepare> | null = null;
  try {
    if (early) prepared = prepare();
  } catch {
    prepared = null;
  }
  const ready = prepared;
  const appraisalKeys = early && ready ? checkEarly((sink) => appraisalDuplicates(early, sink)) : null;
  const appraisalChecks =
    early && ready ? checkEarly((sink) => checkAppraisal(early, ready.communeIndex, ready.tree, sink)) : null;
  const officials = v.takeSurvey("survey-officials.csv", checked("survey-officials.csv"), () =>
    survey("survey-officials.csv"),
  );
  const citizens = v.takeSurvey("survey-citizens.csv", checked("survey-citizens.csv"), () =>
    survey("survey-citizens.csv"),
  );
  const appraisal = appraisalAhead === null ? v.appraisal() : appraisalAhead.turn();
  const planFile = v.table("plan.csv", planRow);
  // Cross-file checks belong to no single file; an unexpected failure there is listed after the files.
  v.step("*");
  v.guard("*", () => crossFileChecks());

  function crossFileChecks(): void {
    if (communes) duplicateKeys("communes.csv", communes.rows, ["code"], problems);
    if (communes) checkSlugs(communes.rows, problems);
    if (criteria) duplicateKeys("criteria.csv", criteria.rows, ["id"], problems);
    if (groups) duplicateKeys("groups.csv", groups.rows, ["code"], problems);
    if (scales) duplicateKeys("scales.csv", scales.rows, ["scale", "option"], problems);
    if (questions) duplicateKeys("questions.csv", questions.rows, ["id"], problems);
    if (appraisalKeys) appraisalKeys(problems);
    else if (appraisal) appraisalDuplicates(appraisal, problems);
    if (planFile) checkPlan(planFile.rows, problems);

    const { communeIndex, tree } = prepared ?? prepare();

    if (criteria && tree) checkTree(criteria.rows, tree, problems);
    const scaleNames = scales && new Set(scales.rows.map((r) => r.raw.scale ?? ""));
    if (questions) checkQuestions(questions.rows, tree, scaleNames, problems);
    if (appraisalChecks) appraisalChecks(problems);
    else if (appraisal) checkAppraisal(appraisal, communeIndex, tree, problems);
    if (officials && communeIndex)
      checkFormCommunes("survey-officials.csv", officials, communeIndex, problems);
    if (citizens && communeIndex) checkFormCommunes("survey-citizens.csv", citizens, communeIndex, problems);
    // A survey sheet with no form yet is one problem (no_rows), not one per commune and group.
    const started = (table: SurveyTable | null): table is SurveyTable => table !== null && table.rows > 0;
    if (started(officials)) checkOfficials(officials, values(groups), problems);

    const communeList = values(communes);
    if (communeList && lookup && started(officials) && started(citizens)) {
      const forms = {
        officials: panelForms(officials, lookup),
        citizens: panelForms(citizens, lookup),
      };
      checkQuotas(communeList, forms.citizens, problems);
      const columns = new Set([...(officials?.questionColumns ?? []), ...(citizens?.questionColumns ?? [])]);
      if (tree && questionList) checkAnswerable(communeList, tree, questionList, forms, columns, problems);
    }
  }

  const { problems: sorted, omitted } = problems.result();
  const hasError = sorted.some((p) => p.severity === "error");
  // Each table's records gathered once.
  const lists = {
    communes: values(communes),
    criteria: values(criteria),
    groups: values(groups),
    scales: values(scales),
    // The appraisal's columns only for data handed on (appraisalColumns copies half a million rows).
    appraisal: appraisal && !hasError ? appraisalColumns(appraisal) : null,
  };
  const parts = [manifest, ...Object.values(lists), questionList];
  const officialsData = hasError ? null : officialsForms(officials);
  const citizensData = hasError ? null : surveyForms(citizens);
  const data: YearData | null =
    hasError || parts.includes(null) || officialsData === null || citizensData === null
      ? null
      : {
          manifest: manifest as DatasetManifest,
          communes: lists.communes ?? [],
          criteria: lists.criteria ?? [],
          groups: lists.groups ?? [],
          scales: lists.scales ?? [],
          questions: questionList ?? [],
          appraisal: lists.appraisal as AppraisalColumns,
          officialsForms: officialsData,
          citizensForms: citizensData,
          plan: planSteps(planFile),
        };
  const order = (file: string) => inputFiles.indexOf(file as InputFileName);
  const inputs = v.inputs.sort((a, b) => order(a.file) - order(b.file));
  return { data, problems: sorted, omitted, inputs, sources };
}

/**
 * A check run now, its problems recorded, and what to call at its turn: the problems then go to the
 * sink in the order found, and a failure is thrown there, as if it had run then; a check with too
 * many problems to hold runs again then.
 */
function checkEarly(check: (sink: ProblemSink) => void): (sink: ProblemSink) => void {
  const record = new ProblemRecord();
  let failure: { error: unknown } | null = null;
  try {
    check(record);
  } catch (error) {
    failure = { error };
  }
  return (sink) => {
    if (record.full) return check(sink);
    for (const p of record.found) sink.push(p);
    if (failure !== null) throw failure.error;
  };
}

/** The plan's steps in step order; null when the year has no plan file. */
function planSteps(table: Table<PlanStep> | null): PlanStep[] | null {
  return values(table)?.sort((a, b) => a.step - b.step) ?? null;
}

/** Validates a year's files given as bytes (pure); `data` is null iff there is an error. */
export function validateFiles(
  files: Partial<Record<InputFileName, Uint8Array>>,
  folderYear: number | undefined,
  digest: Digest,
): Omit<LoadedYear, "folder"> {
  const bytes: FileBytes = new Map();
  for (const file of inputFiles) if (files[file] !== undefined) bytes.set(file, files[file]);
  return validateYear(bytes, folderYear, new Set(), new Map(), digest);
}
