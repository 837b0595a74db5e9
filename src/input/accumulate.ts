import type { DefinedPlan } from "../model/define-plan.js";
import { checkObservation, checkTaskReport } from "./check-record.js";
import { applyDuplicatePolicy, observationKey } from "./duplicates.js";
import type { AcceptedObservation, AcceptedTaskReport, InputNote, ReadInput, RecordSource, RejectedRecord } from "./records.js";
import { sortBySource } from "./source.js";

/** Takes records one at a time and gives the same {@link ReadInput} as reading them all at once. */
export interface InputAccumulator {
  addObservation(record: unknown, source: RecordSource): void;
  addTaskReport(record: unknown, source: RecordSource): void;
  /** A record or file rejected before it could be checked (a CSV row of the wrong length, an unreadable file). */
  addRejected(rejected: RejectedRecord, counts: "observation" | "taskReport" | "none"): void;
  addNote(note: InputNote): void;
  finish(): ReadInput;
}

/**
 * Starts reading records one at a time, for input too large to hold: memory grows with the number of distinct
 * indicator × year × locality facts (and the records rejected), not with the number of records, since a
 * repeated fact keeps only its first record until a clash makes the others worth keeping.
 */
export function createInputAccumulator(plan: DefinedPlan): InputAccumulator {
  // Per fact: its first record, and the others only once one differs or repeats.
  const facts = new Map<string, AcceptedObservation | AcceptedObservation[]>();
  const taskReports: AcceptedTaskReport[] = [];
  const rejected: RejectedRecord[] = [];
  const notes: InputNote[] = [];
  const given = { observations: 0, taskReports: 0 };
  return {
    addObservation(record, source) {
      given.observations += 1;
      const checked = checkObservation(plan, record, source);
      notes.push(...checked.notes);
      if ("rejected" in checked) {
        rejected.push(checked.rejected);
        return;
      }
      const key = observationKey(checked.accepted.record);
      const seen = facts.get(key);
      if (seen === undefined) facts.set(key, checked.accepted);
      else if (Array.isArray(seen)) seen.push(checked.accepted);
      else facts.set(key, [seen, checked.accepted]);
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
      const observations: AcceptedObservation[] = [];
      for (const entry of facts.values()) {
        if (!Array.isArray(entry)) observations.push(entry);
        else {
          const sorted = applyDuplicatePolicy(entry);
          observations.push(...sorted.accepted);
          rejected.push(...sorted.rejected);
        }
      }
      return {
        observations: sortBySource(observations),
        taskReports: sortBySource(taskReports),
        rejected: sortBySource(rejected),
        notes: sortBySource(notes),
        given: { ...given },
      };
    },
  };
}
