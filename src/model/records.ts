import { z } from "zod";
import { DecimalString, IsoDate } from "./text.js";

/** The earliest date a report on a plan can carry: an earlier one is a slip or a placeholder (`0001-01-01`). */
export const EARLIEST_REPORT_DATE = "2000-01-01";

/** A calendar year as the reports give it: an integer from 1900 to 2200. */
const Year = z.int().min(1900).max(2200);

/**
 * One reported figure of an indicator for a year: a decimal `value`, or `met` for a qualitative
 * indicator (never both). `locality` absent means the whole city; `source` says where the figure comes from.
 *
 * @example
 * Observation.parse({ indicator: "PL2-1", period: 2025, value: "61.5", source: "Sở KH&CN" });
 */
export const Observation = z
  .object({
    indicator: z.string().min(1),
    period: Year,
    value: DecimalString.optional(),
    met: z.boolean().optional(),
    unit: z.string().min(1).optional(),
    locality: z.string().min(1).optional(),
    source: z.string().min(1).optional(),
    reportedOn: IsoDate.optional(),
  })
  .refine((o) => (o.value === undefined) !== (o.met === undefined), { message: "give exactly one of value and met", path: ["value"] });
export type Observation = z.infer<typeof Observation>;

/** Where a task stands, as its lead agency reports it. */
export const TaskStatus = z.enum(["not-started", "in-progress", "completed", "cancelled"]);
export type TaskStatus = z.infer<typeof TaskStatus>;

/**
 * A report of where a task stands. `period` is the year an annual task's report is for.
 *
 * @example
 * TaskReport.parse({ task: "T-2.3", status: "completed", reportedOn: "2026-11-20", completedOn: "2026-11-15" });
 */
export const TaskReport = z.object({
  task: z.string().min(1),
  status: TaskStatus,
  period: Year.optional(),
  /** The day the report was sent: what a recurring duty's timeliness is judged on, and the latest its completion can be. */
  reportedOn: IsoDate,
  completedOn: IsoDate.optional(),
  evidence: z.string().min(1).optional(),
});
export type TaskReport = z.infer<typeof TaskReport>;

/**
 * Where a record was read: the file, the 1-based line it starts on (CSV, and JSON when found), and its
 * 0-based position in the array given (JSON and {@link acceptRecords}).
 */
export const RecordSource = z.object({
  file: z.string().optional(),
  line: z.int().positive().optional(),
  index: z.int().nonnegative().optional(),
});
export type RecordSource = z.infer<typeof RecordSource>;

/** What a rejection is about: one observation, one task report, or a whole file that could not be read. */
export const RecordKind = z.enum(["observation", "taskReport", "file"]);
export type RecordKind = z.infer<typeof RecordKind>;

/**
 * A record (or file) that was not accepted, with the field and value at fault and a reason a data clerk
 * understands. When a record has several problems, `field` and `value` are the first one's and `reason`
 * lists them all, separated by `; `.
 */
export const RejectedRecord = z.object({
  kind: RecordKind,
  source: RecordSource,
  field: z.string().optional(),
  value: z.unknown().optional(),
  reason: z.string().min(1),
  /** The record as given; for a `clash`, the normalised observation. */
  record: z.unknown().optional(),
  /**
   * Set when the observation is valid on its own but clashes with another one for the same indicator,
   * period and locality: `duplicate` (same value as an earlier record) or `conflict` (different values).
   */
  clash: z.enum(["duplicate", "conflict"]).optional(),
});
export type RejectedRecord = z.infer<typeof RejectedRecord>;

/** Something worth telling about input that was read anyway (a byte order mark removed, a column ignored). */
export const InputNote = z.object({
  source: RecordSource,
  field: z.string().optional(),
  note: z.string().min(1),
});
export type InputNote = z.infer<typeof InputNote>;

/** An accepted observation, normalised, with where it was read. */
export const AcceptedObservation = z.object({ record: Observation, source: RecordSource });
export type AcceptedObservation = z.infer<typeof AcceptedObservation>;

/** An accepted task report, normalised, with where it was read. */
export const AcceptedTaskReport = z.object({ record: TaskReport, source: RecordSource });
export type AcceptedTaskReport = z.infer<typeof AcceptedTaskReport>;

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
  given: z.object({ observations: z.int().nonnegative(), taskReports: z.int().nonnegative() }),
});
export type ReadInput = z.infer<typeof ReadInput>;
