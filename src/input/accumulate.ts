import { InputClosedError } from "../errors.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { Measure } from "../model/entities.js";
import { lazyProperty } from "../lazy.js";
import { limitsOf, oversizedRecord, type ReadOptions } from "./bounds.js";
import { checkObservationFully, checkTaskReport, type Checked } from "./check-record.js";
import { plainCopy } from "./plain-copy.js";
import { applyDuplicatePolicy } from "./duplicates.js";
import { fastObservation, figureNote, plainFigure, yearOf } from "./fast-path.js";
import { ObservationTable, rememberTable, textOfHundredths } from "./observation-table.js";
import { Observation, type AcceptedObservation, type AcceptedTaskReport, type InputNote, type ReadInput, type RecordSource, type RejectedRecord } from "../model/records.js";
import { localityNames, withLocalityNotes } from "./places.js";
import { detached, isVisibleName } from "./fields.js";
import { sortBySource } from "../model/source.js";

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
  /**
   * Applies the duplicate policy and gives everything read, in source order. Once only: the input given shares the
   * accumulator's columns, so the accumulator takes nothing more (a further call throws).
   */
  finish(): ReadInput;
}

/**
 * Adds the observation `{ indicator, period, value, locality }` read at `{ file, line }` (its cells trimmed, an
 * empty locality given as undefined) when its figure is one the fast path reads (plainFigure), as addObservation
 * would, but without making the record, the source or the checked result; gives false, having done nothing,
 * for any other, which then takes addObservation. Internal: how readCsvStream reads the commonest rows.
 */
export type CanonicalObservationAdder = (indicator: string, period: string, value: string, locality: string | undefined, file: string, line: number) => boolean;

/**
 * Adds figures read from a CSV file's bytes, each already found canonical by its reader: what
 * {@link CanonicalObservationAdder} does once it has found a figure plainFigure reads. Internal: how readCsvStream
 * reads the commonest rows of a file given as bytes, without making their cells' text.
 */
export interface NumberedObservationAdder {
  /** The plan's indicator ids and measures, by position. */
  readonly ids: readonly string[];
  readonly measures: readonly (Measure | undefined)[];
  /** The number of a locality as written (trimmed, showing something), for `add`. */
  spelling(locality: string): number;
  /**
   * Adds the figure `{ indicator: ids[position], period, value, locality }` read at `{ file, line }`, its value the
   * canonical one of `hundredths` (below 10,000,000), its locality a spelling or -1 for the city; `given` is the value's
   * cell as written when it has a decimal comma, which is noted.
   */
  add(position: number, period: number, hundredths: number, given: string | undefined, spelling: number, file: string, line: number): void;
}

/** The direct adders of the accumulators createInputAccumulator made. */
const canonicalAdders = new WeakMap<
  InputAccumulator,
  { readonly addObservation: InputAccumulator["addObservation"]; readonly add: CanonicalObservationAdder; readonly numbered: NumberedObservationAdder }
>();

/**
 * The direct adder of an accumulator made by {@link createInputAccumulator}, or undefined for any other (an
 * app's own, or one whose addObservation was replaced): those are given every record through addObservation.
 */
export function canonicalObservationAdder(accumulator: InputAccumulator): CanonicalObservationAdder | undefined {
  const found = canonicalAdders.get(accumulator);
  return found !== undefined && found.addObservation === accumulator.addObservation ? found.add : undefined;
}

/** The adder of figures read from bytes of an accumulator made by {@link createInputAccumulator}, as {@link canonicalObservationAdder}. */
export function numberedObservationAdder(accumulator: InputAccumulator): NumberedObservationAdder | undefined {
  const found = canonicalAdders.get(accumulator);
  return found !== undefined && found.addObservation === accumulator.addObservation ? found.numbered : undefined;
}

/**
 * Starts reading records one at a time, for input too large to hold: memory grows with the number of distinct
 * indicator × year × locality facts (and the records rejected), not with the number of records, since a
 * repeated fact keeps only its first record until a clash makes the others worth keeping. A record with a text of
 * more than 10,000 characters, or of more than 100,000 in all, is rejected unread ({@link INPUT_LIMITS};
 * `options.limits` gives others).
 */
export function createInputAccumulator(plan: DefinedPlan, options?: ReadOptions): InputAccumulator {
  const limits = limitsOf(options);
  /** The rejection of a record too large to read, if it is. */
  const tooLarge = (kind: "observation" | "taskReport", record: unknown, source: RecordSource): RejectedRecord | undefined => {
    const why = oversizedRecord(record, limits);
    return why && { kind, source, ...(why.field !== undefined ? { field: why.field } : {}), reason: why.reason, record: plainCopy(record) };
  };
  // Accepted figures as columns; a figure given more than once keeps its other records aside until finish.
  const table = new ObservationTable(plan);
  const clashes = new Map<number, AcceptedObservation[]>();
  const taskReports: AcceptedTaskReport[] = [];
  const rejected: RejectedRecord[] = [];
  const notes: InputNote[] = [];
  // Notes on figures read directly (a decimal comma), kept as their parts until the notes are read.
  const figureNotesOf = new PendingFigureNotes();
  const given = { observations: 0, taskReports: 0 };
  let finished = false;
  const open = () => {
    if (finished) throw new InputClosedError("this input accumulator has finished; read further input with a new one (createInputAccumulator)");
  };
  /** Keeps aside a record giving the figure of entry `seen` again, and that entry's own. */
  const keepClash = (seen: number, record: Observation, source: RecordSource) => {
    const others = clashes.get(seen);
    if (others) others.push({ record, source });
    else clashes.set(seen, [table.accepted(seen), { record, source }]);
  };
  const keep = (record: Observation, source: RecordSource) => {
    const seen = table.addNew(record, source);
    if (seen >= 0) keepClash(seen, record, source);
  };
  /** A figure read directly that clashes with entry `seen`: its record is made after all, as the fast path makes it, to be weighed at finish. */
  const keepFigureClash = (seen: number, indicator: string, period: number, value: string, locality: string | undefined, file: string, line: number) => {
    const record: Observation = { indicator, period, value };
    if (locality !== undefined) record.locality = locality;
    keepClash(seen, record, { file, line });
  };
  const rejections = new RejectionsByFigure(plan);
  // By position: indicators of many shapes (with or without unit, parent, children) make `.measure` a slow read.
  const measures = plan.indicators.map((x) => x.measure);
  const addCanonical: CanonicalObservationAdder = (indicator, period, cell, locality, file, line) => {
    open();
    const position = table.positionOf(indicator);
    const year = yearOf(period);
    if (position === undefined) return false;
    const value = plainFigure(measures[position], year, cell);
    if (value === undefined) return false;
    given.observations += 1;
    if (value !== cell) {
      // Its text is written when the notes are read: a national file of decimal commas holds hundreds of thousands.
      if (cell.includes(",")) figureNotesOf.add(notes.length, file, line, detached(cell), value);
    }
    const seen = table.addNewValue(position, year, value, locality, file, line);
    if (seen >= 0) keepFigureClash(seen, indicator, year, value, locality === undefined ? undefined : detached(locality), file, line);
    return true;
  };
  const accumulator: InputAccumulator = {
    addObservation(record, source) {
      open();
      given.observations += 1;
      const large = tooLarge("observation", record, source);
      if (large) return void rejected.push(large);
      const checked = fastObservation(plan, record, source) ?? rejections.check(record, source);
      if (checked.notes.length > 0) notes.push(...checked.notes);
      if ("rejected" in checked) rejected.push(checked.rejected);
      else keep(checked.accepted.record, checked.accepted.source);
    },
    addInput(input) {
      open();
      given.observations += input.given.observations;
      given.taskReports += input.given.taskReports;
      for (const o of input.observations) keep(o.record, o.source);
      // One at a time: a national input's lists are longer than a call's arguments may be.
      for (const r of input.taskReports) taskReports.push(r);
      for (const n of input.notes) notes.push(n);
      // A figure that clashed inside its own input is weighed again with the others, as mergeInputs does.
      for (const r of input.rejected) {
        const clashed = r.kind === "observation" && r.clash ? Observation.safeParse(r.record) : undefined;
        if (clashed?.success) keep(clashed.data, r.source);
        else rejected.push(r);
      }
    },
    addTaskReport(record, source) {
      open();
      given.taskReports += 1;
      const large = tooLarge("taskReport", record, source);
      if (large) return void rejected.push(large);
      const checked = checkTaskReport(plan, record, source);
      notes.push(...checked.notes);
      if ("rejected" in checked) rejected.push(checked.rejected);
      else taskReports.push(checked.accepted);
    },
    addRejected(r, counts) {
      open();
      if (counts === "observation") given.observations += 1;
      if (counts === "taskReport") given.taskReports += 1;
      rejected.push(r);
    },
    addNote(note) {
      open();
      notes.push(note);
    },
    finish() {
      open();
      finished = true;
      // Figures given more than once follow the duplicate policy: one record kept, or none on a conflict.
      for (const [entry, all] of clashes) {
        const sorted = applyDuplicatePolicy(all);
        for (const r of sorted.rejected) rejected.push(r);
        const kept = sorted.accepted[0];
        if (kept) table.replace(entry, kept);
        else table.remove(entry);
      }
      const order = table.inSourceOrder();
      const input = {
        observations: [] as AcceptedObservation[],
        taskReports: sortBySource(taskReports),
        rejected: sortBySource(rejected),
        notes: [] as InputNote[],
        given: { ...given },
      };
      // The records are made only if asked for: the scorer reads the table's columns instead. So are the notes: a
      // national file of decimal commas has hundreds of thousands.
      lazyProperty(input, "observations", () => Array.from(order, (e) => table.accepted(e)));
      rememberTable(input, table, order);
      // The places are named now, from the columns, whatever an app does later with the records it reads.
      localityNames(input);
      lazyProperty(input, "notes", () => withLocalityNotes(input, sortBySource(figureNotesOf.mergedInto(notes))));
      return input;
    },
  };
  const ids = plan.indicators.map((x) => x.id);
  const numbered: NumberedObservationAdder = {
    ids,
    measures,
    spelling: (locality) => table.spellingOf(locality),
    add(position, period, hundredths, cell, spelling, file, line) {
      open();
      given.observations += 1;
      if (cell !== undefined) figureNotesOf.add(notes.length, file, line, cell, hundredths);
      const seen = table.addNewNumbered(position, period, hundredths, spelling, file, line);
      if (seen >= 0) keepFigureClash(seen, ids[position]!, period, textOfHundredths(hundredths), spelling >= 0 ? table.spellings[spelling]! : undefined, file, line);
    },
  };
  canonicalAdders.set(accumulator, { addObservation: accumulator.addObservation, add: addCanonical, numbered });
  return accumulator;
}

/** The fields a record of a CSV row of observations has when its other columns are empty. */
const ROW_FIELDS = new Set(["indicator", "period", "value", "locality"]);

/** How many figures' rejections are remembered. */
const REMEMBERED_REJECTIONS = 10_000;

/**
 * The rejections of records made of CSV cells (`indicator`, `period`, `value` and a locality that shows something, all
 * text), remembered by indicator, period and value: no check reads anything else of such a record, and a national
 * file repeats the same unusable figure (an empty cell, a dash, `N/A`) tens of thousands of times, each costing the
 * full checks. A record the checks accept, or note, is checked each time.
 */
class RejectionsByFigure {
  private readonly known = new Map<string, { readonly field?: string; readonly value?: unknown; readonly reason: string }>();

  constructor(private readonly plan: DefinedPlan) {}

  check(record: unknown, source: RecordSource): Checked<AcceptedObservation> {
    const key = this.keyOf(record);
    const known = key === undefined ? undefined : this.known.get(key);
    if (known !== undefined) {
      // Literals of one shape each, in the keys' order the checks give: spreading `known` cost more than the rest here.
      const { field, value, reason } = known;
      const copy = plainCopy(record);
      const kind = "observation";
      const rejected: RejectedRecord =
        field === undefined
          ? value === undefined
            ? { kind, source, reason, record: copy }
            : { kind, source, value, reason, record: copy }
          : value === undefined
            ? { kind, source, field, reason, record: copy }
            : { kind, source, field, value, reason, record: copy };
      return { rejected, notes: [] };
    }
    const checked = checkObservationFully(this.plan, record, source);
    if (key !== undefined && "rejected" in checked && checked.notes.length === 0 && this.known.size < REMEMBERED_REJECTIONS) {
      const { field, value, reason } = checked.rejected;
      this.known.set(key, { ...(field !== undefined ? { field } : {}), ...(value !== undefined ? { value } : {}), reason });
    }
    return checked;
  }

  /** The figure a record of CSV cells gives, as a key; undefined for any other record. */
  private keyOf(record: unknown): string | undefined {
    if (typeof record !== "object" || record === null || Object.getPrototypeOf(record) !== Object.prototype) return undefined;
    const r = record as Record<string, unknown>;
    for (const field in r) if (!ROW_FIELDS.has(field) || typeof r[field] !== "string") return undefined;
    const { indicator, period, value, locality } = r as Record<string, string | undefined>;
    if (indicator === undefined || period === undefined) return undefined;
    if (locality !== undefined && !isVisibleName(locality.trim())) return undefined;
    return `${indicator}\u0000${period}\u0000${value === undefined ? "\u0001" : value}`;
  }
}

/**
 * Notes on figures read directly, as their parts: each note's place among the other notes, file, line, the figure as
 * given and as read. Made into notes, their texts written, in their places, only when the notes are read.
 */
class PendingFigureNotes {
  private readonly at: number[] = [];
  private readonly files: string[] = [];
  private readonly lines: number[] = [];
  private readonly given: string[] = [];
  /** Each value read, as its text or as its hundredths (a figure read from bytes: its text made only when noted). */
  private readonly values: (string | number)[] = [];

  /** The note figureNote gives on `given` read as `value`, on line `line` of `file`, coming after the first `at` other notes. */
  add(at: number, file: string, line: number, given: string, value: string | number): void {
    this.at.push(at);
    this.files.push(file);
    this.lines.push(line);
    this.given.push(given);
    this.values.push(value);
  }

  /** The notes, these among `others` in the order they were given. */
  mergedInto(others: readonly InputNote[]): InputNote[] {
    const n = this.at.length;
    if (n === 0) return [...others];
    const all: InputNote[] = [];
    let k = 0;
    const text = (value: string | number) => (typeof value === "string" ? value : textOfHundredths(value));
    for (let i = 0; i <= others.length; i++) {
      for (; k < n && this.at[k] === i; k++) all.push({ source: { file: this.files[k]!, line: this.lines[k]! }, field: "value", note: figureNote(this.given[k]!, text(this.values[k]!))! });
      if (i < others.length) all.push(others[i]!);
    }
    return all;
  }
}
