import type { DefinedPlan } from "../model/define-plan.js";
import type { AcceptedObservation, InputNote, Observation, RecordSource } from "./records.js";

const KNOWN = new Set(["indicator", "period", "value", "unit", "locality", "source", "reportedOn"]);
const CANONICAL = /^(0|[1-9]\d*)(\.\d*[1-9])?$/;
const THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FOUR_DIGITS = /^\d{4}$/;

/** Shared by every record the fast path accepts: it never has anything to note. */
const NO_NOTES: InputNote[] = [];

const text = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.trim() === v;

/**
 * Accepts an observation that is already in the library's canonical form (known indicator id, integer year,
 * non-negative decimal without superfluous zeros, trimmed text, real ISO date) with nothing to note, without
 * the general checks. Anything else returns undefined and takes the general path, so both paths give the same
 * result for every record; a test holds them to that.
 */
export function fastObservation(plan: DefinedPlan, input: unknown, source: RecordSource): { accepted: AcceptedObservation; notes: InputNote[] } | undefined {
  if (typeof input !== "object" || input === null) return undefined;
  const proto = Object.getPrototypeOf(input);
  if (proto !== Object.prototype && proto !== null) return undefined;
  const r = input as Record<string, unknown>;
  for (const key in r) if (!KNOWN.has(key) || r[key] === undefined || r[key] === null) return undefined;
  const { indicator: id, period: p, value: v, unit, locality, source: from, reportedOn } = r;
  if (typeof id !== "string") return undefined;
  const indicator = plan.indicator(id);
  const measure = indicator?.measure;
  if (!measure || measure === "qualitative") return undefined;
  const period = typeof p === "number" ? p : typeof p === "string" && FOUR_DIGITS.test(p) ? Number(p) : Number.NaN;
  if (!Number.isInteger(period) || period < 1900 || period > 2200) return undefined;
  const value = typeof v === "number" ? (Number.isSafeInteger(v) && v >= 0 ? String(v) : undefined) : typeof v === "string" ? v : undefined;
  if (value === undefined || !CANONICAL.test(value)) return undefined;
  // Leave to the general path every value it would note: outside the measure's range, or a count that looks like thousands.
  const dot = value.indexOf(".");
  const whole = dot < 0 ? value : value.slice(0, dot);
  if (measure === "percent" && (whole.length > 3 || Number(whole) > 100 || (whole === "100" && dot >= 0))) return undefined;
  if (measure === "rank" && whole === "0") return undefined;
  if ((measure === "count" || measure === "rank") && THOUSANDS.test(value)) return undefined;
  if (unit !== undefined && !text(unit)) return undefined;
  if (locality !== undefined && !text(locality)) return undefined;
  if (from !== undefined && !text(from)) return undefined;
  if (reportedOn !== undefined && !(typeof reportedOn === "string" && DATE.test(reportedOn) && realDate(reportedOn))) return undefined;
  const record: Observation = { indicator: id, period, value };
  if (unit !== undefined) record.unit = unit as string;
  if (locality !== undefined) record.locality = locality as string;
  if (from !== undefined) record.source = from as string;
  if (reportedOn !== undefined) record.reportedOn = reportedOn as string;
  return { accepted: { record, source }, notes: NO_NOTES };
}

function realDate(iso: string): boolean {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}
