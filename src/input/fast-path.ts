import type { DefinedPlan } from "../model/define-plan.js";
import { isIsoDate } from "../model/text.js";
import type { Measure } from "../model/entities.js";
import { EARLIEST_REPORT_DATE, type AcceptedObservation, type AcceptedTaskReport, type InputNote, type Observation, type RecordSource, type TaskReport } from "../model/records.js";
import { DECIMAL_COMMA_READ, isVisibleName, valueNote } from "./fields.js";

const KNOWN = new Set(["indicator", "period", "value", "unit", "locality", "source", "reportedOn"]);

/** Shared by every record the fast path accepts: it never has anything to note. */
const NO_NOTES: InputNote[] = [];

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.trim() === v;

/**
 * A record's fields when it is a plain object holding only `known` keys, none of them null or undefined (the general
 * path reads those as absent, and notes unknown keys); else undefined.
 */
function plainFields(input: unknown, known: ReadonlySet<string>): Record<string, unknown> | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const r = input as Record<string, unknown>;
  for (const key in r) if (!known.has(key) || r[key] === undefined || r[key] === null) return undefined;
  return r;
}

/** A period given as a number or as a cell of four digits; NaN for anything else. */
const periodOf = (p: unknown): number => (typeof p === "number" ? p : typeof p === "string" ? yearOf(p) : Number.NaN);

/**
 * Accepts an observation that is already in the library's canonical form (known indicator id, integer year,
 * non-negative decimal without superfluous zeros, trimmed text, real ISO date) with nothing to note, without
 * the general checks. Anything else returns undefined and takes the general path, so both paths give the same
 * result for every record; a test holds them to that.
 */
export function fastObservation(plan: DefinedPlan, input: unknown, source: RecordSource): { accepted: AcceptedObservation; notes: InputNote[] } | undefined {
  const r = plainFields(input, KNOWN);
  if (!r) return undefined;
  const { indicator: id, period: p, value: v, unit, locality, source: from, reportedOn } = r;
  if (typeof id !== "string") return undefined;
  const period = periodOf(p);
  const given = typeof v === "number" ? (Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined) : typeof v === "string" ? v : undefined;
  const value = given === undefined ? undefined : plainFigure(plan.indicator(id)?.measure, period, given);
  if (value === undefined) return undefined;
  if (unit !== undefined && !text(unit)) return undefined;
  if (locality !== undefined && !(text(locality) && isVisibleName(locality))) return undefined;
  if (from !== undefined && !text(from)) return undefined;
  if (reportedOn !== undefined && !(isIsoDate(reportedOn) && reportedOn >= EARLIEST_REPORT_DATE && period <= yearOf(reportedOn.slice(0, 4)))) return undefined;
  const record: Observation = { indicator: id, period, value };
  if (unit !== undefined) record.unit = unit as string;
  if (locality !== undefined) record.locality = locality as string;
  if (from !== undefined) record.source = from as string;
  if (reportedOn !== undefined) record.reportedOn = reportedOn as string;
  return { accepted: { record, source }, notes: value === given ? NO_NOTES : figureNotes(given!, value, source) };
}

/** The notes on a figure plainFigure read from `given`: the decimal comma's, if it had one (trailing zeros are dropped unnoted). */
export function figureNotes(given: string, value: string, source: RecordSource): InputNote[] {
  const note = figureNote(given, value);
  return note === undefined ? NO_NOTES : [{ source, field: "value", note }];
}

/** The text of the note figureNotes gives on the `value` field, or undefined when it gives none. */
export function figureNote(given: string, value: string): string | undefined {
  if (!given.includes(",")) return undefined;
  // The text depends on the figure alone: a file of decimal commas holds a few thousand, noted hundreds of thousands of times.
  let note = commaNotes.get(given);
  if (note === undefined) {
    note = valueNote(given, value, [DECIMAL_COMMA_READ]);
    if (commaNotes.size < 10_000) commaNotes.set(given, note);
  }
  return note;
}

/** The note on each figure written with a decimal comma, by the figure as given. */
const commaNotes = new Map<string, string>();

const TASK_REPORT_KNOWN = new Set(["task", "status", "period", "reportedOn", "completedOn", "evidence"]);
const STATUSES = new Set(["not-started", "in-progress", "completed", "cancelled"]);

/**
 * Accepts a task report already in canonical form (known task id, a status as the library spells it, a year from
 * 1900 to 2200, real ISO dates, trimmed text) with nothing to note, without the general checks: an annual task
 * reported without its year, or a `completedOn` on a task not completed, takes the general path, which notes them.
 * Anything else returns undefined too, so both paths give the same result for every record; a test holds them to that.
 */
export function fastTaskReport(plan: DefinedPlan, input: unknown, source: RecordSource): { accepted: AcceptedTaskReport; notes: InputNote[] } | undefined {
  const r = plainFields(input, TASK_REPORT_KNOWN);
  if (!r) return undefined;
  const { task: id, status, period: p, reportedOn, completedOn, evidence } = r;
  if (!text(id) || typeof status !== "string" || !STATUSES.has(status)) return undefined;
  const task = plan.task(id);
  if (!task) return undefined;
  const period = p === undefined ? undefined : periodOf(p);
  if (period !== undefined && !(Number.isInteger(period) && period >= 1900 && period <= 2200)) return undefined;
  if (period === undefined && (task.deadline?.kind === "annual" || task.deadline?.kind === "fromYear")) return undefined;
  // A report's dates are claims the general path checks and words the problems of: here only those that hold.
  if (status === "cancelled" || !isIsoDate(reportedOn) || reportedOn < EARLIEST_REPORT_DATE) return undefined;
  if (period !== undefined && period > yearOf(reportedOn.slice(0, 4))) return undefined;
  if (completedOn !== undefined && (!isIsoDate(completedOn) || status !== "completed" || completedOn < EARLIEST_REPORT_DATE || completedOn > reportedOn)) return undefined;
  if (evidence !== undefined && !text(evidence)) return undefined;
  // Keys in the order the general path gives them.
  const record: TaskReport =
    period === undefined ? { task: id, status: status as TaskReport["status"], reportedOn } : { task: id, status: status as TaskReport["status"], period, reportedOn };
  if (completedOn !== undefined) record.completedOn = completedOn as string;
  if (evidence !== undefined) record.evidence = evidence;
  return { accepted: { record, source }, notes: NO_NOTES };
}


/** The year a period cell of exactly four ASCII digits gives (`2025`), else NaN. */
export function yearOf(cell: string): number {
  if (cell.length !== 4) return Number.NaN;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const d = cell.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    year = year * 10 + d;
  }
  return year;
}

/**
 * The figure the general checks read from a value, when they read it with nothing to note but a decimal comma:
 * a canonical figure as it is ({@link isCanonicalFigure}); one written with trailing zeros (`60.50`, `8.0`), with the
 * Vietnamese decimal comma (`60,5`, `0,77`; not `1,234`, which may be thousands) or, for a growth rate, with a minus
 * sign, as its canonical text (`60.5`, `8`, `0.77`, `-3.5`). Undefined for anything else, which takes the general
 * path; so does a value the general checks would note (outside the measure's range, a count that looks like
 * thousands). A value read from a comma carries the general checks' note, {@link figureNotes}.
 */
export function plainFigure(measure: Measure | undefined, period: number, value: string): string | undefined {
  if (isCanonicalFigure(measure, period, value)) return value;
  const n = value.length;
  // Only a growth rate may be below 0 without a note.
  const negative = n > 1 && value.charCodeAt(0) === 45;
  if (negative && measure !== "growth") return undefined;
  const start = negative ? 1 : 0;
  // The whole part: 0, or digits not starting with 0.
  let i = start;
  let c = value.charCodeAt(i);
  if (!(c >= 48 && c <= 57)) return undefined;
  if (c === 48) i++;
  else while (i < n && (c = value.charCodeAt(i)) >= 48 && c <= 57) i++;
  const wholeEnd = i;
  let text: string;
  if (i === n) text = value.slice(start);
  else {
    // A dot or a comma, then digits; a comma with exactly three may be thousands, which the general path refuses.
    const mark = value.charCodeAt(i);
    const fraction = n - i - 1;
    if ((mark !== 46 && mark !== 44) || fraction === 0 || (mark === 44 && fraction === 3)) return undefined;
    for (i++; i < n; i++) if (!((c = value.charCodeAt(i)) >= 48 && c <= 57)) return undefined;
    // A count or rank such as 1.200 is noted as perhaps thousands.
    if (mark === 46 && !negative && fraction === 3 && wholeEnd <= 3 && value.charCodeAt(0) !== 48 && (measure === "count" || measure === "rank")) return undefined;
    let end = n;
    while (value.charCodeAt(end - 1) === 48) end--;
    text = end === wholeEnd + 1 ? value.slice(start, wholeEnd) : `${value.slice(start, wholeEnd)}.${value.slice(wholeEnd + 1, end)}`;
  }
  if (negative && text === "0") return undefined;
  if (!isCanonicalFigure(measure, period, text)) return undefined;
  return negative ? `-${text}` : text;
}

/**
 * Whether a figure is in canonical form with nothing the general checks would note, for an indicator of this
 * measure: the measure is a number's (not a heading's, nor qualitative); the period an integer year from 1900
 * to 2200; the value a non-negative decimal without superfluous zeros (`0`, `60`, `60.5`; not `060`, `60.50`,
 * `60.`, `.5`), within the measure's range (a percentage up to 100, a rank from 1) and, for a count or a rank,
 * not one that looks like thousands (`1.200`). The fast path and the CSV reader's direct path both ask this.
 * Characters are compared one by one: a regular expression per cell cost more than the rest of the check.
 */
export function isCanonicalFigure(measure: Measure | undefined, period: number, value: string): boolean {
  if (measure === undefined || measure === "qualitative") return false;
  if (!Number.isInteger(period) || period < 1900 || period > 2200) return false;
  const n = value.length;
  // The whole part: 0, or digits not starting with 0; `whole` is the number its first four digits make, enough
  // for the ranges below.
  let c = value.charCodeAt(0);
  if (!(c >= 48 && c <= 57)) return false;
  let whole = c - 48;
  let i = 1;
  if (c !== 48) {
    for (; i < n && (c = value.charCodeAt(i)) >= 48 && c <= 57; i++) if (i < 4) whole = whole * 10 + (c - 48);
  }
  const wholeDigits = i;
  // The fraction, if any: a dot, then digits ending in one that is not 0.
  const fraction = i < n ? n - i - 1 : 0;
  if (i < n) {
    if (value.charCodeAt(i) !== 46 || fraction === 0 || value.charCodeAt(n - 1) === 48) return false;
    for (i++; i < n; i++) if (!((c = value.charCodeAt(i)) >= 48 && c <= 57)) return false;
  }
  // Leave to the general path every value it would note: outside the measure's range, or a count that looks like thousands.
  if (measure === "percent" && (wholeDigits > 3 || whole > 100 || (whole === 100 && fraction > 0))) return false;
  if (measure === "rank" && whole === 0) return false;
  if ((measure === "count" || measure === "rank") && whole > 0 && wholeDigits <= 3 && fraction === 3) return false;
  return true;
}

