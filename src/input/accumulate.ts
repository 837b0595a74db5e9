import type { DefinedPlan } from "../model/define-plan.js";
import { checkObservation, checkTaskReport } from "./check-record.js";
import { foldName } from "../model/define-plan.js";
import { applyDuplicatePolicy } from "./duplicates.js";
import { Observation, type AcceptedObservation, type AcceptedTaskReport, type InputNote, type ReadInput, type RecordSource, type RejectedRecord } from "./records.js";
import { compareSources, sortBySource } from "./source.js";

/** Takes records one at a time and gives the same {@link ReadInput} as reading them all at once. */
export interface InputAccumulator {
  /** Checks an observation as given and keeps it, or its rejection. */
  addObservation(record: unknown, source: RecordSource): void;
  /** Checks a task report as given and keeps it, or its rejection. */
  addTaskReport(record: unknown, source: RecordSource): void;
  /** A record or file rejected before it could be checked (a CSV row of the wrong length, an unreadable file). */
  addRejected(rejected: RejectedRecord, counts: "observation" | "taskReport" | "none"): void;
  /** Joins input already read (a JSON file): its figures meet the duplicate policy with everything else. */
  addInput(input: ReadInput): void;
  /** Keeps a note on the input (a file's byte order mark removed, a column ignored). */
  addNote(note: InputNote): void;
  /** Applies the duplicate policy and gives everything read, in source order. */
  finish(): ReadInput;
}

/**
 * Starts reading records one at a time, for input too large to hold: memory grows with the number of distinct
 * indicator × year × locality facts (and the records rejected), not with the number of records, since a
 * repeated fact keeps only its first record until a clash makes the others worth keeping.
 */
export function createInputAccumulator(plan: DefinedPlan): InputAccumulator {
  // Per fact (indicator → locality → year): its first record, and the others only once one repeats it.
  // Nested maps rather than one map of joined keys: no key string is built for each of a million records.
  const facts = new Map<string, Map<string, Map<number, AcceptedObservation | AcceptedObservation[]>>>();
  // The first record of each fact, in the order read, so that records read in order need no sorting.
  const firsts: AcceptedObservation[] = [];
  const taskReports: AcceptedTaskReport[] = [];
  const rejected: RejectedRecord[] = [];
  const notes: InputNote[] = [];
  const given = { observations: 0, taskReports: 0 };
  const keep = (accepted: AcceptedObservation) => {
    const { indicator, locality, period } = accepted.record;
    let byLocality = facts.get(indicator);
    if (!byLocality) facts.set(indicator, (byLocality = new Map()));
    const place = locality === undefined ? "" : foldName(locality);
    let byYear = byLocality.get(place);
    if (!byYear) byLocality.set(place, (byYear = new Map()));
    const seen = byYear.get(period);
    if (seen === undefined) {
      byYear.set(period, accepted);
      firsts.push(accepted);
    } else if (Array.isArray(seen)) seen.push(accepted);
    else byYear.set(period, [seen, accepted]);
  };
  return {
    addObservation(record, source) {
      given.observations += 1;
      const checked = checkObservation(plan, record, source);
      notes.push(...checked.notes);
      if ("rejected" in checked) rejected.push(checked.rejected);
      else keep(checked.accepted);
    },
    addInput(input) {
      given.observations += input.given.observations;
      given.taskReports += input.given.taskReports;
      for (const o of input.observations) keep(o);
      taskReports.push(...input.taskReports);
      notes.push(...input.notes);
      // A figure that clashed inside its own input is weighed again with the others, as mergeInputs does.
      for (const r of input.rejected) {
        const clashed = r.kind === "observation" && r.clash ? Observation.safeParse(r.record) : undefined;
        if (clashed?.success) keep({ record: clashed.data, source: r.source });
        else rejected.push(r);
      }
    },
    addTaskReport(record, source) {
      given.taskReports += 1;
      const checked = checkTaskReport(plan, record, source);
      notes.push(...checked.notes);
      if ("rejected" in checked) rejected.push(checked.rejected);
      else taskReports.push(checked.accepted);
    },
    addRejected(r, counts) {
      if (counts === "observation") given.observations += 1;
      if (counts === "taskReport") given.taskReports += 1;
      rejected.push(r);
    },
    addNote(note) {
      notes.push(note);
    },
    finish() {
      // Facts given more than once follow the duplicate policy; their first record may lose its place.
      const dropped = new Set<AcceptedObservation>();
      const replaced = new Map<AcceptedObservation, AcceptedObservation[]>();
      for (const byLocality of facts.values())
        for (const byYear of byLocality.values())
          for (const entry of byYear.values()) {
            if (!Array.isArray(entry)) continue;
            const sorted = applyDuplicatePolicy(entry);
            rejected.push(...sorted.rejected);
            dropped.add(entry[0]!);
            replaced.set(entry[0]!, sorted.accepted);
          }
      const observations = dropped.size === 0 ? firsts : firsts.flatMap((o) => (dropped.has(o) ? (replaced.get(o) ?? []) : [o]));
      return {
        // Records read in order are already sorted; sorting a million of them again would cost seconds.
        observations: inSourceOrder(observations) ? observations : sortBySource(observations),
        taskReports: sortBySource(taskReports),
        rejected: sortBySource(rejected),
        notes: sortBySource(notes),
        given: { ...given },
      };
    },
  };
}

function inSourceOrder(items: readonly { readonly source: RecordSource }[]): boolean {
  for (let i = 1; i < items.length; i++) if (compareSources(items[i - 1]!.source, items[i]!.source) > 0) return false;
  return true;
}
