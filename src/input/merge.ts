import { applyDuplicatePolicy } from "./duplicates.js";
import { Observation, type AcceptedObservation, type ReadInput, type RejectedRecord } from "../model/records.js";
import { withLocalityNotes } from "./places.js";
import { sortBySource } from "../model/source.js";

/**
 * Joins what several files or apps gave into one {@link ReadInput}, applying the duplicate policy of
 * {@link acceptRecords} across all of them: the same figure in two files is a duplicate, different
 * figures for one indicator, period and locality are a conflict (and a record that clashed within its
 * own file is weighed again with the others). Counts add up, everything is in source order, and the
 * result is the same whatever order the inputs come in.
 *
 * @example
 * const all = mergeInputs(readCsvRecords("a.csv", a, plan), readCsvRecords("b.csv", b, plan));
 * all.observations.length + all.rejected.filter((r) => r.kind === "observation").length === all.given.observations; //=> true
 */
export function mergeInputs(...inputs: readonly ReadInput[]): ReadInput {
  const pool: AcceptedObservation[] = inputs.flatMap((input) => input.observations);
  const kept: RejectedRecord[] = [];
  for (const rejected of inputs.flatMap((input) => input.rejected)) {
    const record = rejected.kind === "observation" && rejected.clash ? Observation.safeParse(rejected.record) : undefined;
    if (record?.success) pool.push({ record: record.data, source: rejected.source });
    else kept.push(rejected);
  }
  const sorted = applyDuplicatePolicy(pool);
  const merged: ReadInput = {
    observations: sortBySource(sorted.accepted),
    taskReports: sortBySource(inputs.flatMap((input) => input.taskReports)),
    rejected: sortBySource([...kept, ...sorted.rejected]),
    notes: sortBySource(inputs.flatMap((input) => input.notes)),
    given: {
      observations: sum(inputs.map((input) => input.given.observations)),
      taskReports: sum(inputs.map((input) => input.given.taskReports)),
    },
  };
  // A place spelled one way in one file and another way in the next is noted for the inputs as a whole.
  return { ...merged, notes: withLocalityNotes(merged) };
}

function sum(counts: readonly number[]): number {
  return counts.reduce((a, b) => a + b, 0);
}
