import { foldName, type DefinedPlan } from "../model/define-plan.js";
import type { InputNote, Observation, ReadInput, RecordSource, TaskReport } from "../model/records.js";
import { acceptRecords } from "./accept-records.js";
import type { AcceptedFigures } from "./figures.js";
import { mergeInputs } from "./merge.js";
import { inOrderAdded, ObservationTable, tableOfInput } from "./observation-table.js";
import { localityNames } from "./places.js";
import { sortBySource } from "../model/source.js";
import { lazyProperty } from "../lazy.js";

/** A task report as the scorer reads it, with where it was read. */
export interface TaskReportFact extends Omit<TaskReport, "reportedOn"> {
  readonly reportedOn?: string;
  /** Where the report was read, for the rows that use it. */
  readonly source?: RecordSource;
}

/** Observations refused because they disagree: one indicator, year and place, several values. */
export interface ConflictFact {
  readonly indicator: string;
  readonly period: number;
  readonly locality?: string;
  readonly values: readonly string[];
  /** Where each conflicting record was read. */
  readonly sources?: readonly RecordSource[];
}

/** Records an app gives as arrays, and input already read from files, to be scored together. */
export interface GivenInput {
  readonly observations?: readonly unknown[] | undefined;
  readonly taskReports?: readonly unknown[] | undefined;
  readonly input?: ReadInput | undefined;
}

/**
 * What the scorer reads of the input, and all it reads: the accepted figures, the task reports, the conflicting
 * figures, each place's name, and the input as a scorecard reports it (counts, rejected records, notes).
 */
export interface ScoringInput {
  readonly figures: AcceptedFigures;
  readonly taskReports: readonly TaskReportFact[];
  readonly conflicts: readonly ConflictFact[];
  /** Each place's name by its folded spelling: rows, conflicts and the summary by locality agree. */
  readonly localityNames: ReadonlyMap<string, string>;
  readonly counts: {
    readonly observations: { readonly given: number; readonly accepted: number; readonly rejected: number };
    readonly taskReports: { readonly given: number; readonly accepted: number; readonly rejected: number };
  };
  readonly rejected: ReadInput["rejected"];
  /** The input's notes, and one for each task report dated after the date of the assessment (it is not used). */
  notes: InputNote[];
}

/** The app's arrays and files read together (so that the duplicate policy sees every record), as the scorer reads them on `asOf`. */
export function scoringInput(plan: DefinedPlan, given: GivenInput, asOf: string): ScoringInput {
  const input = combine(plan, given);
  // The scorer reads observations as columns: those an accumulator read, or a table made of the records.
  const figures = tableOfInput(input) ?? inOrderAdded(ObservationTable.of(plan, input.observations));
  const { names } = localityNames(input);
  const accepted = figures.order.length;
  const scoring: ScoringInput = {
    figures,
    taskReports: input.taskReports.map(({ record, source }) => ({ ...record, source })),
    conflicts: conflictsOf(input, names),
    localityNames: names,
    counts: {
      observations: { given: input.given.observations, accepted, rejected: input.given.observations - accepted },
      taskReports: { given: input.given.taskReports, accepted: input.taskReports.length, rejected: input.given.taskReports - input.taskReports.length },
    },
    rejected: input.rejected,
    notes: [],
  };
  // Made when read: a national input's notes are hundreds of thousands, which a scorecard holds only when asked.
  lazyProperty(scoring, "notes", () => withUnusedReports(input, asOf));
  return scoring;
}

function combine(plan: DefinedPlan, given: GivenInput): ReadInput {
  const parts: ReadInput[] = [];
  if (given.input) parts.push(given.input);
  if (given.observations || given.taskReports)
    parts.push(acceptRecords(plan, { observations: given.observations ? [...given.observations] : [], taskReports: given.taskReports ? [...given.taskReports] : [] }));
  if (parts.length === 0) return { observations: [], taskReports: [], rejected: [], notes: [], given: { observations: 0, taskReports: 0 } };
  if (parts.length === 1) return parts[0]!;
  return mergeInputs(...parts);
}

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Conflicting observations, one entry per indicator, year and place (its spellings folded, named as `names` says), values sorted. */
function conflictsOf(input: ReadInput, names: ReadonlyMap<string, string>): ConflictFact[] {
  const groups = new Map<string, { fact: ConflictFact; values: Set<string>; sources: RecordSource[] }>();
  for (const r of input.rejected) {
    if (r.clash !== "conflict") continue;
    const o = r.record as Observation;
    const place = o.locality === undefined ? undefined : foldName(o.locality);
    const key = JSON.stringify([o.indicator, o.period, place ?? ""]);
    const value = o.value ?? (o.met === undefined ? "" : String(o.met));
    const group = groups.get(key);
    const locality = place === undefined ? undefined : (names.get(place) ?? o.locality);
    if (group) {
      group.values.add(value);
      group.sources.push(r.source);
    } else
      groups.set(key, {
        fact: { indicator: o.indicator, period: o.period, ...(locality ? { locality } : {}), values: [] },
        values: new Set([value]),
        sources: [r.source],
      });
  }
  return [...groups.values()]
    .map(({ fact, values, sources }) => ({ ...fact, values: [...values].sort(), sources }))
    .sort((a, b) => byCodeUnits(a.indicator, b.indicator) || a.period - b.period || byCodeUnits(a.locality ?? "", b.locality ?? ""));
}

function withUnusedReports(input: ReadInput, asOf: string): InputNote[] {
  const later = input.taskReports.filter((r) => r.record.reportedOn > asOf);
  if (later.length === 0) return input.notes;
  return sortBySource([
    ...input.notes,
    ...later.map((r) => ({
      source: r.source,
      field: "reportedOn",
      note: `reportedOn ${r.record.reportedOn} is after the date of the assessment (${asOf}): the report is not used in this scorecard`,
    })),
  ]);
}
