import { foldName } from "../model/define-plan.js";
import { cutText } from "../safe-text.js";
import type { AcceptedObservation, Observation, RejectedRecord } from "../model/records.js";
import { describeSource, sortBySource } from "../model/source.js";

/** How many clashing records a conflict's reason lists by value and place. */
const LISTED = 10;

/** What the duplicate policy keeps and what it turns away. */
export interface DuplicateSorting {
  readonly accepted: AcceptedObservation[];
  readonly rejected: RejectedRecord[];
}

/**
 * Applies the duplicate policy to observations that are valid on their own. Records for the same
 * indicator, period and locality (absent = the city; case and spacing do not matter) with the same value
 * or `met`: the first by source position is kept, each later copy rejected as a `duplicate`. With
 * different values: every one of them is rejected as a `conflict`, so input order never decides a figure.
 * A conflict's reason lists the first 10 records by value and place, and how many more there are.
 */
export function applyDuplicatePolicy(observations: readonly AcceptedObservation[]): DuplicateSorting {
  const groups = new Map<string, AcceptedObservation[]>();
  for (const o of sortBySource(observations)) {
    const key = observationKey(o.record);
    const group = groups.get(key);
    if (group) group.push(o);
    else groups.set(key, [o]);
  }
  const accepted: AcceptedObservation[] = [];
  const rejected: RejectedRecord[] = [];
  for (const [first, ...others] of groups.values()) {
    if (!first) continue;
    if (others.every((o) => reading(o.record) === reading(first.record))) {
      accepted.push(first);
      for (const copy of others)
        rejected.push(clash(copy, "duplicate", `duplicate of the record at ${describeSource(first.source)}`));
    } else {
      const all = [first, ...others];
      // Every record of the conflict carries the list, so it is cut short: thousands of rows for one figure must not make a reason per row thousands long.
      const shownHere = all.slice(0, LISTED).map((o) => `${reading(o.record)} at ${describeSource(o.source)}`);
      const list = [...shownHere, ...(all.length > LISTED ? [`and ${all.length - LISTED} more`] : [])].join(", ");
      const what = `${first.record.indicator} ${first.record.period} (${first.record.locality === undefined ? "city" : cutText(first.record.locality)})`;
      for (const o of all) rejected.push(clash(o, "conflict", `conflicting values for ${what}: ${list}`));
    }
  }
  return { accepted, rejected };
}

/** The fact an observation gives a figure for: indicator, period and locality (folded; absent = the city). */
export function observationKey(o: Observation): string {
  return `${o.indicator}\u0000${o.period}\u0000${o.locality === undefined ? "" : foldName(o.locality)}`;
}

/** The figure a record gives, as words for a reason: `60.5`, `met`, `not met`. */
function reading(o: Observation): string {
  return o.value ?? (o.met ? "met" : "not met");
}

function clash(o: AcceptedObservation, kind: "duplicate" | "conflict", reason: string): RejectedRecord {
  const field = o.record.value !== undefined ? "value" : "met";
  return { kind: "observation", source: o.source, field, value: o.record[field], reason, record: o.record, clash: kind };
}
