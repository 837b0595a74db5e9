import type { ScorecardRow } from "../model/scorecard.js";

/**
 * The statuses each standard rule's rows may have, by rule id, in the order the rule file declares them. Kept equal
 * to `rules/*.json` by the test suite, so that code switching on a standard rule's status is checked by the compiler.
 */
export const STANDARD_RULE_STATUSES = {
  "task.deadline": ["not-assessable", "completed", "completed-late", "overdue", "cancellation-unapproved", "due-soon", "in-progress", "not-started", "not-due"],
  "task.annual-report": ["completed", "completed-late", "missing-report", "not-completed", "cancellation-unapproved", "due-soon", "in-progress", "not-started", "not-due"],
  "task.continuous-report": ["missing-report", "not-carried-out", "carried-out", "reported-late", "cancellation-unapproved", "not-started", "in-progress", "due-soon", "not-due"],
  "indicator.milestone-met": ["invalid-figure", "no-figure", "no-data", "met", "not-met"],
  "indicator.progress": ["achieved", "insufficient-data", "no-recent-figure", "regressing", "on-track", "needs-acceleration", "off-track"],
  "observation.consistent-values": ["conflict", "ok"],
  "observation.not-negative": ["out-of-range", "ok"],
  "observation.percent-in-range": ["out-of-range", "ok"],
  "observation.rank-at-least-one": ["out-of-range", "ok"],
  "observation.year-in-plan": ["outside-plan-years", "ok"],
  "plan.deadline-after-signing": ["ok", "deadline-before-signing"],
  "plan.target-cells-complete": ["complete", "missing-target-cell"],
  "plan.task-has-lead": ["has-lead", "no-lead"],
  "plan.unique-indicators": ["duplicate", "unique"],
} as const;

/** The id of a standard rule, e.g. `task.deadline`. */
export type StandardRuleId = keyof typeof STANDARD_RULE_STATUSES;

/** A status of a standard rule's rows (of every standard rule, unless one is named), e.g. `StandardStatus<"task.deadline">`. */
export type StandardStatus<R extends StandardRuleId = StandardRuleId> = (typeof STANDARD_RULE_STATUSES)[R][number];

/** How a figure that is due and has no valid value counts: as not met (0), or as not scored. */
export type WhenMissing = "not-met" | "no-data";

/** The recurring duties' report date and how they score a late report. */
export interface RecurringReportParameters {
  /** The month and day (`MM-DD`) a year's report is due, in the year reported on. */
  readonly annualReportDue?: string | undefined;
  readonly dueSoonDays?: number | undefined;
  /** A decimal from 0 to 1, e.g. `"0.25"`. */
  readonly lateScore?: string | undefined;
}

/**
 * The parameters of each standard rule an app may override in `evaluate({ parameters })`, with their types; a
 * parameter left out keeps the default of its rule file (listed in docs/rules).
 */
export interface StandardRuleParameters {
  readonly "task.deadline"?: { readonly dueSoonDays?: number | undefined; /** A decimal from 0 to 1. */ readonly lateScore?: string | undefined } | undefined;
  readonly "task.annual-report"?: RecurringReportParameters | undefined;
  readonly "task.continuous-report"?: RecurringReportParameters | undefined;
  readonly "indicator.milestone-met"?: { readonly whenMissing?: WhenMissing | undefined } | undefined;
  readonly "indicator.progress"?: {
    /** Decimals as text, e.g. `"0.95"`. */
    readonly onTrackRatio?: string | undefined;
    readonly accelerationRatio?: string | undefined;
    readonly regressionRatio?: string | undefined;
    readonly whenMissing?: WhenMissing | undefined;
  } | undefined;
  readonly "observation.year-in-plan"?: { readonly baselineYears?: number | undefined } | undefined;
}

/** A row of a standard rule, its status one of that rule's ({@link StandardStatus}). */
export type StandardRow<R extends StandardRuleId = StandardRuleId> = ScorecardRow & { rule: R; status: StandardStatus<R> };

/**
 * Whether a row is one of the standard rule `rule`'s: the compiler then knows its status is one of that rule's.
 *
 * @example
 * for (const row of scorecard.rows)
 *   if (isRowOf(row, "task.deadline") && row.status === "overdue") console.log(row.entity);
 */
export function isRowOf<R extends StandardRuleId>(row: ScorecardRow, rule: R): row is StandardRow<R> {
  return row.rule === rule && (STANDARD_RULE_STATUSES[rule] as readonly string[]).includes(row.status);
}
