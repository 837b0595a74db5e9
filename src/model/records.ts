import { z } from "../zod.js";
import { DecimalString, IsoDate } from "./text.js";

/** The earliest date a report on a plan can carry: an earlier one is a slip or a placeholder (`0001-01-01`). */
export const EARLIEST_REPORT_DATE = "2000-01-01";

/** A calendar year as the reports give it: an integer from 1900 to 2200. */
const Year = z.int().check(z.gte(1900)).check(z.lte(2200));

/**
 * One reported figure of an indicator for a year: a decimal `value`, or `met` for a qualitative
 * indicator (never both). `locality` absent means the whole city; `source` says where the figure comes from.
 *
 * @example
 * Observation.parse({ indicator: "PL2-1", period: 2025, value: "61.5", source: "Sở KH&CN" });
 */
export const Observation = z
  .object({
    indicator: z.string().check(z.minLength(1)),
    period: Year,
    value: z.optional(DecimalString),
    met: z.optional(z.boolean()),
    unit: z.optional(z.string().check(z.minLength(1))),
    locality: z.optional(z.string().check(z.minLength(1))),
    source: z.optional(z.string().check(z.minLength(1))),
    reportedOn: z.optional(IsoDate),
  }).check(z.refine((o) => (o.value === undefined) !== (o.met === undefined), { message: "give exactly one of value and met", path: ["value"] }));
export type Observation = z.Infer<typeof Observation>;

/**
 * An observation as `evaluate` takes it from an app: {@link Observation}, with a value that may be a JavaScript number
 * (read exactly as its shortest decimal form, `61.5` as `"61.5"`) and a period that may be a year in text. Any
 * indicator id by default; `ObservationInput<Haiphong142IndicatorId>` (`Haiphong142Observation`) takes only the
 * bundled plan's.
 *
 * @example
 * const observations: ObservationInput[] = [{ indicator: "PL2-1", period: 2025, value: 61.5 }];
 */
export interface ObservationInput<IndicatorId extends string = string> {
  readonly indicator: IndicatorId;
  readonly period: number | string;
  /** A decimal: a number, or text such as `"61.5"` (`"61,5"` and `"61.5%"` are read too, with a note). Or give `met`. */
  readonly value?: string | number | undefined;
  /** For a qualitative indicator: whether it is met. */
  readonly met?: boolean | undefined;
  readonly unit?: string | undefined;
  /** The locality (ward, commune); absent for the whole city. */
  readonly locality?: string | undefined;
  readonly source?: string | undefined;
  readonly reportedOn?: string | undefined;
}

/**
 * A task report as `evaluate` takes it from an app: {@link TaskReport}, with a period that may be a year in text. Any
 * task id by default; `TaskReportInput<Haiphong142TaskId>` (`Haiphong142TaskReport`) takes only the bundled plan's.
 *
 * @example
 * const taskReports: TaskReportInput[] = [{ task: "T-2.1", status: "completed", reportedOn: "2025-07-15" }];
 */
export interface TaskReportInput<TaskId extends string = string> {
  readonly task: TaskId;
  readonly status: TaskStatus;
  readonly period?: number | string | undefined;
  readonly reportedOn: string;
  readonly completedOn?: string | undefined;
  readonly evidence?: string | undefined;
}

/** Where a task stands, as its lead agency reports it. */
export const TaskStatus = z.enum(["not-started", "in-progress", "completed", "cancelled"]);
export type TaskStatus = z.Infer<typeof TaskStatus>;

/**
 * A report of where a task stands. `period` is the year an annual task's report is for.
 *
 * @example
 * TaskReport.parse({ task: "T-2.3", status: "completed", reportedOn: "2026-11-20", completedOn: "2026-11-15" });
 */
export const TaskReport = z.object({
  task: z.string().check(z.minLength(1)),
  status: TaskStatus,
  period: z.optional(Year),
  /** The day the report was sent: what a recurring duty's timeliness is judged on, and the latest its completion can be. */
  reportedOn: IsoDate,
  completedOn: z.optional(IsoDate),
  evidence: z.optional(z.string().check(z.minLength(1))),
});
export type TaskReport = z.Infer<typeof TaskReport>;

/**
 * Where a record was read: the file, the 1-based line it starts on (CSV, and JSON when found), and its
 * 0-based position in the array given (JSON and {@link acceptRecords}).
 */
export const RecordSource = z.object({
  file: z.optional(z.string()),
  line: z.optional(z.int().check(z.positive())),
  index: z.optional(z.int().check(z.nonnegative())),
});
export type RecordSource = z.Infer<typeof RecordSource>;

/** What a rejection is about: one observation, one task report, or a whole file that could not be read. */
export const RecordKind = z.enum(["observation", "taskReport", "file"]);
export type RecordKind = z.Infer<typeof RecordKind>;

/**
 * A record (or file) that was not accepted, with the field and value at fault and a reason a data clerk
 * understands. When a record has several problems, `field` and `value` are the first one's and `reason`
 * lists them all, separated by `; `.
 */
export const RejectedRecord = z.object({
  kind: RecordKind,
  source: RecordSource,
  field: z.optional(z.string()),
  value: z.optional(z.unknown()),
  reason: z.string().check(z.minLength(1)),
  /** The record as given; for a `clash`, the normalised observation. */
  record: z.optional(z.unknown()),
  /**
   * Set when the observation is valid on its own but clashes with another one for the same indicator,
   * period and locality: `duplicate` (same value as an earlier record) or `conflict` (different values).
   */
  clash: z.optional(z.enum(["duplicate", "conflict"])),
});
export type RejectedRecord = z.Infer<typeof RejectedRecord>;

/** Something worth telling about input that was read anyway (a byte order mark removed, a column ignored). */
export const InputNote = z.object({
  source: RecordSource,
  field: z.optional(z.string()),
  note: z.string().check(z.minLength(1)),
});
export type InputNote = z.Infer<typeof InputNote>;

/** An accepted observation, normalised, with where it was read. */
export const AcceptedObservation = z.object({ record: Observation, source: RecordSource });
export type AcceptedObservation = z.Infer<typeof AcceptedObservation>;

/** An accepted task report, normalised, with where it was read. */
export const AcceptedTaskReport = z.object({ record: TaskReport, source: RecordSource });
export type AcceptedTaskReport = z.Infer<typeof AcceptedTaskReport>;

/**
 * What reading input gives: accepted records, rejected ones with reasons, notes, and how many records of
 * each kind were given. For each kind, accepted + rejected = given (a file that could not be read is one
 * rejection of kind `file` and counts no records).
 */
export const ReadInput = z.object({
  observations: z.array(AcceptedObservation),
  taskReports: z.array(AcceptedTaskReport),
  rejected: z.array(RejectedRecord),
  notes: z.array(InputNote),
  given: z.object({ observations: z.int().check(z.nonnegative()), taskReports: z.int().check(z.nonnegative()) }),
});
export type ReadInput = z.Infer<typeof ReadInput>;
