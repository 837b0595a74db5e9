import { Decimal } from "../decimal.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { Indicator } from "../model/entities.js";
import { fastObservation, fastTaskReport } from "./fast-path.js";
import { ObservationFields, readDate, readValue, TaskReportFields, shown, type Reading } from "./fields.js";
import { plainCopy } from "./plain-copy.js";
import { EARLIEST_REPORT_DATE, type AcceptedObservation, type AcceptedTaskReport, type InputNote, type Observation, type RecordSource, type RejectedRecord, type TaskReport } from "../model/records.js";

/** What checking one record gives: the accepted record or its rejection, and notes either way. */
export type Checked<T> = { readonly accepted: T; readonly notes: InputNote[] } | { readonly rejected: RejectedRecord; readonly notes: InputNote[] };

interface Problem {
  readonly field: string;
  readonly reason: string;
}

const OBSERVATION_FIELDS = Object.keys(ObservationFields.shape);
const TASK_REPORT_FIELDS = Object.keys(TaskReportFields.shape);

/**
 * Checks one observation as given (an object from JSON, an app or a CSV row) against its shape and the
 * plan: the indicator must exist and have a target of its own; a qualitative indicator takes `met`, the
 * others `value`.
 */
export function checkObservation(plan: DefinedPlan, input: unknown, source: RecordSource): Checked<AcceptedObservation> {
  return fastObservation(plan, input, source) ?? checkObservationFully(plan, input, source);
}

/** {@link checkObservation} without the fast path for canonical records; the reference that path is tested against. */
export function checkObservationFully(plan: DefinedPlan, input: unknown, source: RecordSource): Checked<AcceptedObservation> {
  const fields = presentFields(input);
  if (!fields) return refuse("observation", source, input, [{ field: "", reason: "a record must be an object with indicator, period and value or met" }], []);
  const notes = unknownFieldNotes(fields, OBSERVATION_FIELDS, "an observation", source);
  const parsed = ObservationFields.safeParse(fields);
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), reason: i.message }));
  const indicatorId = typeof fields.indicator === "string" ? fields.indicator.trim() : undefined;
  const indicator = indicatorId === undefined ? undefined : plan.indicator(indicatorId);
  if (indicatorId !== undefined && !problems.some((p) => p.field === "indicator")) {
    if (!indicator) problems.push({ field: "indicator", reason: `unknown indicator ${shown(indicatorId)}${unknownIndicatorHint(plan, indicatorId)}` });
    else if (!indicator.measure) problems.push({ field: "indicator", reason: headingReason(indicator) });
  }
  problems.push(...valueOrMetProblems(fields, indicator));
  if (parsed.success) problems.push(...figureDateProblems(parsed.data));
  const value = fields.value === undefined ? undefined : readValue(fields.value);
  if (value?.ok && value.percent && indicator?.measure && indicator.measure !== "percent" && indicator.measure !== "qualitative")
    problems.push({ field: "value", reason: percentSignReason(indicator, fields.value) });
  if (problems.length > 0 || !parsed.success) return refuse("observation", source, input, inFieldOrder(problems, OBSERVATION_FIELDS), notes, fields);

  const d = parsed.data;
  const record: Observation = withoutAbsent({
    indicator: d.indicator,
    period: d.period,
    value: d.value,
    met: d.met,
    unit: d.unit,
    locality: d.locality,
    source: d.source,
    reportedOn: d.reportedOn,
  });
  notes.push(...readingNotes(source, { value, reportedOn: readOptional(fields.reportedOn, READ_REPORTED_ON) }));
  const range = indicator && d.value !== undefined ? rangeNote(indicator, d.value) : undefined;
  if (range) notes.push({ source, field: "value", note: range });
  const thousands = indicator ? thousandsNote(indicator, fields.value) : undefined;
  if (thousands) notes.push({ source, field: "value", note: thousands });
  return { accepted: { record, source }, notes };
}

/** A figure's report date before 2000, or before the year the figure is for had begun (a forecast, not a figure). */
function figureDateProblems(d: { period: number; reportedOn?: string | undefined }): Problem[] {
  if (d.reportedOn === undefined) return [];
  if (d.reportedOn < EARLIEST_REPORT_DATE) return [{ field: "reportedOn", reason: `reportedOn ${d.reportedOn} is before ${EARLIEST_REPORT_DATE}: no report on this plan can carry it` }];
  if (d.period > Number(d.reportedOn.slice(0, 4)))
    return [{ field: "period", reason: `period ${d.period} had not begun on reportedOn ${d.reportedOn}: a figure for a year to come is a forecast, not a figure` }];
  return [];
}

/**
 * Checks one task report as given against its shape and the plan: the task must exist. Notes an annual
 * task reported without `period`, and a `completedOn` on a task that is not completed.
 */
export function checkTaskReport(plan: DefinedPlan, input: unknown, source: RecordSource): Checked<AcceptedTaskReport> {
  return fastTaskReport(plan, input, source) ?? checkTaskReportFully(plan, input, source);
}

/** {@link checkTaskReport} without the fast path for canonical reports; the reference that path is tested against. */
export function checkTaskReportFully(plan: DefinedPlan, input: unknown, source: RecordSource): Checked<AcceptedTaskReport> {
  const fields = presentFields(input);
  if (!fields) return refuse("taskReport", source, input, [{ field: "", reason: "a record must be an object with task and status" }], []);
  const notes = unknownFieldNotes(fields, TASK_REPORT_FIELDS, "a task report", source);
  const parsed = TaskReportFields.safeParse(fields);
  const problems: Problem[] = parsed.success ? [] : parsed.error.issues.map((i) => ({ field: String(i.path[0] ?? ""), reason: i.message }));
  const taskId = typeof fields.task === "string" ? fields.task.trim() : undefined;
  const task = taskId === undefined ? undefined : plan.task(taskId);
  if (taskId !== undefined && !task && !problems.some((p) => p.field === "task"))
    problems.push({ field: "task", reason: `unknown task ${shown(taskId)}${unknownTaskHint(plan, taskId)}` });
  if (parsed.success) problems.push(...claimProblems(parsed.data));
  if (problems.length > 0 || !parsed.success || !task) return refuse("taskReport", source, input, inFieldOrder(problems, TASK_REPORT_FIELDS), notes, fields);

  const d = parsed.data;
  const record: TaskReport = withoutAbsent({
    task: d.task,
    status: d.status,
    period: d.period,
    reportedOn: d.reportedOn,
    completedOn: d.completedOn,
    evidence: d.evidence,
  });
  notes.push(...readingNotes(source, { reportedOn: readOptional(fields.reportedOn, READ_REPORTED_ON), completedOn: readOptional(fields.completedOn, READ_COMPLETED_ON) }));
  const recurring = task.deadline?.kind === "annual" || task.deadline?.kind === "fromYear";
  if (recurring && d.period === undefined)
    notes.push({ source, field: "period", note: `${task.id} is due every year; give period to say which year the report is for` });
  if (d.completedOn !== undefined && d.status !== "completed")
    notes.push({ source, field: "completedOn", note: `completedOn is given but the status is ${d.status}` });
  if (d.status === "cancelled") notes.push({ source, field: "status", note: CANCELLED_NOTE });
  return { accepted: { record, source }, notes };
}

/** Kept as the agency's claim, never as a change of the plan. */
const CANCELLED_NOTE =
  "status cancelled is kept as the agency's claim, but it does not take the task out of the scorecard: only a decision of the People's Committee amending the plan cancels a task (section D.3)";

/**
 * What the dates of a report claim that no report can: a date before 2000, a completion after the day the report
 * was made, a report on a year that had not begun when it was made. The dates against the date of the assessment are
 * checked when scoring, which alone knows it.
 */
function claimProblems(d: { period?: number | undefined; reportedOn?: string | undefined; completedOn?: string | undefined }): Problem[] {
  const problems: Problem[] = [];
  for (const field of ["reportedOn", "completedOn"] as const) {
    const date = d[field];
    if (date !== undefined && date < EARLIEST_REPORT_DATE) problems.push({ field, reason: `${field} ${date} is before ${EARLIEST_REPORT_DATE}: no report on this plan can carry it` });
  }
  if (d.completedOn !== undefined && d.reportedOn !== undefined && d.completedOn > d.reportedOn && d.completedOn >= EARLIEST_REPORT_DATE)
    problems.push({ field: "completedOn", reason: `completedOn ${d.completedOn} is after reportedOn ${d.reportedOn}: a report cannot say a task was completed after the day it was made` });
  if (d.period !== undefined && d.reportedOn !== undefined && d.period > Number(d.reportedOn.slice(0, 4)))
    problems.push({ field: "period", reason: `period ${d.period} had not begun on reportedOn ${d.reportedOn}: a report cannot report on a year to come` });
  return problems;
}

const READ_REPORTED_ON = readDate("reportedOn");
const READ_COMPLETED_ON = readDate("completedOn");

function readOptional(input: unknown, read: (input: unknown) => Reading<string>): Reading<string> | undefined {
  return input === undefined ? undefined : read(input);
}

/** A note for each field whose cell was written another way than the canonical one, saying the text given and how it was read. */
function readingNotes(source: RecordSource, readings: Readonly<Record<string, Reading<string> | undefined>>): InputNote[] {
  return Object.entries(readings).flatMap(([field, reading]) => (reading?.ok && reading.note !== undefined ? [{ source, field, note: reading.note }] : []));
}

/** A % sign is read only on a percentage: on a count, a rank or a growth rate it says the figure is not what the indicator measures. */
function percentSignReason(indicator: Indicator, given: unknown): string {
  const unit = indicator.unit ? `, unit ${indicator.unit.vi}` : "";
  const what = MEASURE_WORDS[indicator.measure ?? ""] ?? `measured as ${indicator.measure}`;
  return `value ${shown(given)} has a % sign, but ${indicator.id} is not measured in percent (it is ${what}${unit}): give the figure in that unit, without the % sign`;
}

const MEASURE_WORDS: Readonly<Record<string, string>> = { count: "a count", rank: "a rank", index: "an index", ratio: "a ratio", growth: "a growth rate" };

/**
 * The record's own fields without the absent ones: `null`, `undefined` and blank text mean absent. Built
 * with `Object.fromEntries`, so that a key `__proto__` (as `JSON.parse` gives it) stays a field of its own,
 * noted as unknown, instead of becoming the prototype the other fields would be read through.
 */
function presentFields(input: unknown): Record<string, unknown> | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined && !(typeof value === "string" && value.trim() === "")));
}

function unknownFieldNotes(fields: Record<string, unknown>, known: readonly string[], what: string, source: RecordSource): InputNote[] {
  return Object.keys(fields)
    .filter((key) => !known.includes(key))
    .map((key) => ({ source, field: key, note: `field ${shown(key)} is not part of ${what}; it is ignored (known fields: ${known.join(", ")})` }));
}

function valueOrMetProblems(fields: Record<string, unknown>, indicator: Indicator | undefined): Problem[] {
  const hasValue = fields.value !== undefined;
  const hasMet = fields.met !== undefined;
  if (!indicator?.measure) {
    if (hasValue && hasMet) return [{ field: "met", reason: "give either value or met, not both" }];
    return hasValue || hasMet ? [] : [{ field: "value", reason: "value (or met, for a yes/no indicator) is missing" }];
  }
  const problems: Problem[] = [];
  if (indicator.measure === "qualitative") {
    if (hasValue) problems.push({ field: "value", reason: `${indicator.id} is assessed as met or not: give met (yes or no) instead of value` });
    else if (!hasMet) problems.push({ field: "met", reason: `met is missing: ${indicator.id} is assessed as met or not (yes or no)` });
  } else {
    if (hasMet) problems.push({ field: "met", reason: `${indicator.id} is measured by a number: give value instead of met` });
    else if (!hasValue) problems.push({ field: "value", reason: "value is missing" });
  }
  return problems;
}

function unknownIndicatorHint(plan: DefinedPlan, id: string): string {
  const meant = meantId(id, (candidate) => plan.indicator(candidate) !== undefined);
  if (meant) return meant;
  if (plan.task(id)) return ` (${id} is a task: report it as a task report with task and status)`;
  return "";
}

function unknownTaskHint(plan: DefinedPlan, id: string): string {
  const meant = meantId(id, (candidate) => plan.task(candidate) !== undefined);
  if (meant) return meant;
  if (plan.indicator(id)) return ` (${id} is an indicator: report it as an observation with indicator, period and value)`;
  return "";
}

/**
 * The known id an unknown one stands for, as a hint: in lower case, or with characters text copied from
 * a web page or a word processor brings (an invisible space, a soft hyphen, a dash that looks like a
 * hyphen, spaces). Only hinted, never read, since an id decides what a figure counts for.
 */
function meantId(id: string, known: (id: string) => boolean): string | undefined {
  const upper = id.toUpperCase();
  if (upper !== id && known(upper)) return ` (did you mean ${upper}?)`;
  const cleaned = upper.replace(/[\u00ad\u200b-\u200d\u2060\ufeff\s]/gu, "").replace(/[\u2010-\u2015\u2212]/gu, "-");
  if (cleaned !== id && known(cleaned)) return ` (did you mean ${cleaned}? the id holds a character that is invisible or only looks like a hyphen)`;
  return undefined;
}

function headingReason(indicator: Indicator): string {
  const parts = indicator.children ?? [];
  return `${indicator.id} has no target of its own${parts.length > 0 ? `: report its parts ${parts.join(", ")}` : ""}`;
}

/** A value outside what the indicator's measure allows is kept but told, since it is more likely a slip than a fact. */
function rangeNote(indicator: Indicator, value: string): string | undefined {
  const v = new Decimal(value);
  switch (indicator.measure) {
    case "percent":
      return v.lt(0) || v.gt(100) ? `value ${value} of ${indicator.id} is outside 0-100 for a percentage` : undefined;
    case "count":
    case "ratio":
    case "index":
      return v.lt(0) ? `value ${value} of ${indicator.id} is negative` : undefined;
    case "rank":
      return v.lt(1) ? `value ${value} of ${indicator.id} is below 1, the first rank` : undefined;
    default:
      return undefined;
  }
}

/** Vietnamese writing groups thousands with a dot, so a count or rank written `1.200` is more likely 1200 than 1.2. */
function thousandsNote(indicator: Indicator, given: unknown): string | undefined {
  const text = typeof given === "string" ? given.trim() : "";
  if ((indicator.measure !== "count" && indicator.measure !== "rank") || !/^[1-9]\d{0,2}\.\d{3}$/.test(text)) return undefined;
  return `value ${shown(text)} is read as ${new Decimal(text).toString()} (the dot is the decimal mark); write ${text.replace(".", "")} if you meant thousands`;
}

/** The object without its undefined fields, so that records compare and serialise cleanly. */
function withoutAbsent<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined)) as T;
}

function inFieldOrder(problems: readonly Problem[], order: readonly string[]): Problem[] {
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => rank(a.field) - rank(b.field))
    .filter((p) => (seen.has(p.reason) ? false : (seen.add(p.reason), true)));
}

function refuse(
  kind: "observation" | "taskReport",
  source: RecordSource,
  input: unknown,
  problems: readonly Problem[],
  notes: InputNote[],
  fields?: Record<string, unknown>,
): { rejected: RejectedRecord; notes: InputNote[] } {
  const first = problems[0] ?? { field: "", reason: "the record cannot be read" };
  const rejected: RejectedRecord = {
    kind,
    source,
    ...(first.field ? { field: first.field } : {}),
    ...(first.field && fields?.[first.field] !== undefined ? { value: plainCopy(fields[first.field]) } : {}),
    reason: problems.map((p) => p.reason).join("; ") || first.reason,
    record: plainCopy(input),
  };
  return { rejected, notes };
}
