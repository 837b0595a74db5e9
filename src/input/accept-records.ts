import type { DefinedPlan } from "../model/define-plan.js";
import { checkObservation, checkTaskReport, type Checked } from "./check-record.js";
import { applyDuplicatePolicy } from "./duplicates.js";
import { limitsOf, oversizedRecord, type InputLimits, type ReadOptions } from "./bounds.js";
import { plainCopy } from "./plain-copy.js";
import type { AcceptedObservation, AcceptedTaskReport, InputNote, ReadInput, RecordSource, RejectedRecord } from "../model/records.js";
import { withLocalityNotes } from "./places.js";
import { sortBySource } from "../model/source.js";

/** Options of {@link acceptRecords}. */
export interface AcceptOptions extends ReadOptions {
  /** The file the records were read from, named in every source and reason. */
  file?: string;
}

/** Records as an app gives them, before checking. */
export interface GivenRecords {
  observations?: unknown[];
  taskReports?: unknown[];
}

/**
 * Checks observations and task reports given by an app against their shape and the plan, and returns
 * the accepted ones normalised, the rejected ones with reasons, and notes.
 *
 * An observation names a known indicator, a `period` year (1900-2200) and either `value` (a decimal
 * string or a finite JS number, normalised: `"60.50"` → `"60.5"`) or, for a qualitative indicator,
 * `met`. Dates are real `YYYY-MM-DD` dates. A task report names a known task and a status; several
 * reports for one task and period are all kept (the scorer uses the latest).
 *
 * Duplicates: observations for the same indicator, period and locality (absent = the city) with the
 * same value or `met` are one fact: the first by source position is accepted and each later copy is
 * rejected as `duplicate of the record at …`. With different values, all of them are rejected as
 * `conflicting values for …`, never settled by input order. So the accepted and rejected records do not
 * depend on the order they come in, except that of copies differing only in other fields (`source`,
 * `reportedOn`, the spelling of `locality`) the earliest is the one kept. For each kind,
 * accepted + rejected = given; everything is reported in source order. A record with a text of more than
 * 10,000 characters, or of more than 100,000 in all, is rejected unread ({@link INPUT_LIMITS}; `options.limits`
 * gives others).
 *
 * @example
 * const input = acceptRecords(plans["haiphong-142"], {
 *   observations: [{ indicator: "PL2-1", period: 2025, value: 61.5 }],
 *   taskReports: [{ task: "T-2.3", status: "in-progress", reportedOn: "2025-10-01" }],
 * });
 * input.observations[0]?.record.value; //=> "61.5"
 */
export function acceptRecords(plan: DefinedPlan, records: GivenRecords, options: AcceptOptions = {}): ReadInput {
  return collectRecords(plan, records, options.file, undefined, [], undefined, limitsOf(options));
}

/** Where the records of a list start, by list name and index, when the reader knows it. */
export type LinesOf = (list: "observations" | "taskReports", index: number) => number | undefined;

/** Why a reader refuses a record before it is checked (a JSON record giving one key twice), or undefined. */
export type Refusal = (list: "observations" | "taskReports", index: number) => { readonly field: string; readonly reason: string } | undefined;

/** Checks the lists of records of one source (an app's arrays or a JSON file) and applies the duplicate policy. */
export function collectRecords(
  plan: DefinedPlan,
  records: GivenRecords,
  file: string | undefined,
  lineOf?: LinesOf,
  notes: InputNote[] = [],
  refusal?: Refusal,
  limits?: InputLimits,
): ReadInput {
  const fileSource: RecordSource = file === undefined ? {} : { file };
  const rejected: RejectedRecord[] = [];
  const listOf = (name: "observations" | "taskReports"): readonly unknown[] => {
    const list = records[name];
    if (list === undefined || list === null) return [];
    if (Array.isArray(list)) return list;
    rejected.push({ kind: "file", source: fileSource, field: name, value: plainCopy(list), reason: `${name} must be a list of records ([ … ]); none of it was read` });
    return [];
  };
  const sourceOf = (name: "observations" | "taskReports", index: number): RecordSource => {
    const line = lineOf?.(name, index);
    return { ...fileSource, ...(line !== undefined ? { line } : {}), index };
  };
  const refused = (name: "observations" | "taskReports", r: unknown, i: number): Checked<never> | undefined => {
    const why = refusal?.(name, i) ?? oversizedRecord(r, limits ?? limitsOf(undefined));
    if (!why) return undefined;
    const kind = name === "observations" ? "observation" : "taskReport";
    return { rejected: { kind, source: sourceOf(name, i), ...(why.field !== undefined ? { field: why.field } : {}), reason: why.reason, record: plainCopy(r) }, notes: [] };
  };
  const observations = listOf("observations").map((r, i) => refused("observations", r, i) ?? checkObservation(plan, r, sourceOf("observations", i)));
  const taskReports = listOf("taskReports").map((r, i) => refused("taskReports", r, i) ?? checkTaskReport(plan, r, sourceOf("taskReports", i)));
  return assembleInput({ observations, taskReports, rejected, notes });
}

/** The checked records of one source, with what was rejected or noted before any record was read. */
export interface CheckedParts {
  readonly observations: readonly Checked<AcceptedObservation>[];
  readonly taskReports: readonly Checked<AcceptedTaskReport>[];
  /** Rejected files and unreadable rows; a row counts as given, a file does not. */
  readonly rejected: readonly RejectedRecord[];
  readonly notes: readonly InputNote[];
}

/**
 * Puts checked records together into a {@link ReadInput}: duplicate policy applied, everything in source order, and a
 * note on each spelling of a locality read as another one's place.
 */
export function assembleInput(parts: CheckedParts): ReadInput {
  const accepted = <T>(list: readonly Checked<T>[]) => list.flatMap((c) => ("accepted" in c ? [c.accepted] : []));
  const refused = (list: readonly Checked<unknown>[]) => list.flatMap((c) => ("rejected" in c ? [c.rejected] : []));
  const sorted = applyDuplicatePolicy(accepted(parts.observations));
  const rows = parts.rejected.filter((r) => r.kind !== "file");
  const input: ReadInput = {
    observations: sortBySource(sorted.accepted),
    taskReports: sortBySource(accepted(parts.taskReports)),
    rejected: sortBySource([...parts.rejected, ...refused(parts.observations), ...refused(parts.taskReports), ...sorted.rejected]),
    notes: sortBySource([...parts.notes, ...[...parts.observations, ...parts.taskReports].flatMap((c) => c.notes)]),
    given: {
      observations: parts.observations.length + rows.filter((r) => r.kind === "observation").length,
      taskReports: parts.taskReports.length + rows.filter((r) => r.kind === "taskReport").length,
    },
  };
  return { ...input, notes: withLocalityNotes(input) };
}
