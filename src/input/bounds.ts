import { OptionsError } from "../errors.js";
import { cutText } from "../safe-text.js";

/**
 * How much one file, record and field may hold. Data files come from outside, and whatever a reader keeps it keeps
 * in memory and writes back (a rejected record is shown as given): a cell of 50 MB would take minutes and gigabytes
 * to read and to write out again. Anything larger is rejected at once, with its file, line and field, and never read.
 */
export interface InputLimits {
  /** Characters a file read whole may hold (`readCsvRecords`, `readJsonRecords`); larger input is streamed. */
  readonly maxFileChars: number;
  /** Characters one record may hold: a CSV row (its cells and separators, and so each of its lines), or a JSON or app record (its keys and texts). */
  readonly maxRecordChars: number;
  /** Characters one field may hold: a CSV cell, or a text value of a JSON or app record. */
  readonly maxFieldChars: number;
}

/**
 * The limits the readers apply unless given others: 10,000,000 characters a file (about 10 MB, some 300,000 CSV rows),
 * 100,000 a record, 10,000 a field. A real record holds a few hundred; a locality, a source or the evidence of a task
 * report, a few dozen to a few thousand.
 */
export const INPUT_LIMITS: InputLimits = Object.freeze({ maxFileChars: 10_000_000, maxRecordChars: 100_000, maxFieldChars: 10_000 });

/** Options of the readers: larger (or smaller) limits than {@link INPUT_LIMITS}, for an app that needs them. */
export interface ReadOptions {
  readonly limits?: Partial<InputLimits>;
}

/** The limits of the options, the defaults for those not given. */
export function limitsOf(options: ReadOptions | undefined): InputLimits {
  const given = options?.limits;
  if (!given) return INPUT_LIMITS;
  const limits = { ...INPUT_LIMITS, ...given };
  for (const [name, value] of Object.entries(limits))
    if (!Number.isSafeInteger(value) || value < 1) throw new OptionsError(`limits.${name}`, `must be a positive integer, not ${String(value)}`);
  return limits;
}

/** Why a record is too large to read: the field at fault (none for the record as a whole) and the reason. */
export interface Oversize {
  readonly field?: string;
  readonly reason: string;
}

const count = (n: number) => n.toLocaleString("en");

/** The reason for a field (a CSV cell, a record's text) longer than the limit. */
function fieldReason(field: string, length: number, limits: InputLimits): string {
  return `${field} holds ${count(length)} characters, more than the ${count(limits.maxFieldChars)} a field may hold (a whole document, or a quote without its closing mark?); the record was not read`;
}

/**
 * Whether a CSV row is too large: a cell longer than `maxFieldChars` (named by its column's field, or its header
 * when the column is ignored), or cells and separators together longer than `maxRecordChars`.
 */
export function oversizedRow(cells: readonly string[], names: readonly string[], limits: InputLimits): Oversize | undefined {
  let total = cells.length - 1;
  for (let i = 0; i < cells.length; i++) {
    const length = cells[i]!.length;
    if (length > limits.maxFieldChars) return { field: cutText(names[i] ?? `column ${i + 1}`), reason: fieldReason(`the cell of ${cutText(names[i] ?? `column ${i + 1}`)}`, length, limits) };
    total += length;
  }
  return total > limits.maxRecordChars ? { reason: rowReason(limits, total) } : undefined;
}

/** The reason for a CSV row longer than the limit (its length, when known). */
export function rowReason(limits: InputLimits, length?: number): string {
  const size = length === undefined ? "more than the" : `${count(length)} characters, more than the`;
  return `the row holds ${size} ${count(limits.maxRecordChars)}${length === undefined ? " characters" : ""} a row may hold (a quote without its closing mark?); it was not read`;
}

/** Levels of a record measured: deeper ones are junk a record is rejected for anyway, counted as one character. */
const MEASURED_DEPTH = 20;

/**
 * Whether a record given as an object (JSON, an app's arrays, a stream) is too large: a text value longer than
 * `maxFieldChars` (named by its key), or its values and the names of keys that are not fields, at any depth, longer
 * than `maxRecordChars`. A record made of a CSV row is never larger than the row.
 * Measuring stops at the limit, so a record of a million keys costs no more than one just over it.
 */
export function oversizedRecord(record: unknown, limits: InputLimits): Oversize | undefined {
  if (typeof record !== "object" || record === null) return undefined;
  try {
    return measure(record, limits);
  } catch {
    // A value that cannot be read (a getter that throws) is the record checks' to reject.
    return undefined;
  }
}

function measure(record: object, limits: InputLimits): Oversize | undefined {
  let total: number;
  let found: Oversize | undefined;
  // The record's own fields first: a long one is named.
  const deeper: object[] = [];
  // As a CSV row is measured, its cells and the separators between them: a record's values, one character between
  // each, and the names of keys that are not fields (a record of a million keys is as large as its names).
  total = -1;
  eachEntry(record, (key, value) => {
    if (typeof value === "string" && value.length > limits.maxFieldChars) found = { field: cutText(key), reason: fieldReason(cutText(key), value.length, limits) };
    else {
      total += (FIELDS.has(key) ? 0 : key.length) + 1 + sizeOf(value);
      if (typeof value === "object" && value !== null) deeper.push(value);
      if (total > limits.maxRecordChars) found = { reason: recordReason(limits) };
    }
    return found === undefined;
  });
  // Then what lies deeper, a level at a time, within what is left of the limit.
  let level = deeper;
  for (let depth = 1; found === undefined && depth < MEASURED_DEPTH && level.length > 0; depth++) {
    const next: object[] = [];
    for (const value of level) {
      eachEntry(value, (key, child) => {
        total += key.length + 1 + sizeOf(child);
        if (typeof child === "object" && child !== null) next.push(child);
        if (total > limits.maxRecordChars) found = { reason: recordReason(limits) };
        return found === undefined;
      });
      if (found) break;
    }
    level = next;
  }
  return found;
}

/** The fields of observations and task reports, whose names a record's size does not count (a CSV row's header holds them). */
const FIELDS: ReadonlySet<string> = new Set(["indicator", "period", "value", "met", "unit", "locality", "source", "reportedOn", "task", "status", "completedOn", "evidence"]);

/** What a value adds to a record's size beside its key: a text its length, anything else one character. */
const sizeOf = (value: unknown) => (typeof value === "string" ? value.length : 1);

/** Calls `visit` with each own entry of an object or a list (by index, so that a long list makes no array of keys), until it returns false. */
function eachEntry(value: object, visit: (key: string, child: unknown) => boolean): void {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (!visit("", value[i])) return;
    return;
  }
  for (const key in value) if (Object.hasOwn(value, key) && !visit(key, (value as Record<string, unknown>)[key])) return;
}

function recordReason(limits: InputLimits): string {
  return `the record holds more than ${count(limits.maxRecordChars)} characters, the most a record may hold; it was not read`;
}
