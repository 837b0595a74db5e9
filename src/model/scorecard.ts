import { z } from "../zod.js";
import { LocalizedText } from "./text.js";
import { InputNote, RecordSource, RejectedRecord } from "./records.js";
import { AppliesTo, Severity, StatusDefinition, Verdict } from "./verdict.js";
import { Succession } from "./entities.js";
import { AmendmentSummary, WaiverSummary } from "./plan-changes.js";

/**
 * A canonical decimal from 0 to 1: "0", "1", "0.5", "0.666667", as scores are held.
 */
export const CANONICAL_UNIT = /^(?:0|1|0\.\d*[1-9])$/;

/** Counts of rows per verdict. */
export const VerdictCounts = z.object({
  pass: z.int().check(z.gte(0)),
  warn: z.int().check(z.gte(0)),
  fail: z.int().check(z.gte(0)),
  "no-data": z.int().check(z.gte(0)),
  "not-applicable": z.int().check(z.gte(0)),
});
export type VerdictCounts = z.Infer<typeof VerdictCounts>;

/** The id of a standard band, highest first. */
export type StandardBandId = "high" | "fairly-high" | "medium" | "low";

/** The band of a summary whose coverage is below the minimum, whatever the bands. */
export const NO_DATA_BAND_ID = "insufficient-data";

/** The band of a summary under the standard bands: one of them, or `insufficient-data` when coverage is too low. */
export type BandId = StandardBandId | typeof NO_DATA_BAND_ID;

/** A score band and its label, e.g. `good` / "Hoàn thành tốt". */
export const Band = z.object({ id: z.string(), label: LocalizedText });
/** A band; with the standard bands its id is a {@link BandId}, with an app's own bands one of theirs. */
export type Band = Omit<z.Infer<typeof Band>, "id"> & { id: BandId | (string & {}) };

/** The scores of a set of rows: an agency's, a group's, a locality's or the whole plan's. */
export const Summary = z.object({
  /** Weighted mean of the scored rows (decimal string, 4 places), or null when no row is scored. */
  score: z.nullable(z.string()),
  /**
   * Share of the rows needing a figure or a report that had one (decimal string, 4 places), or null when none
   * needed one.
   */
  coverage: z.nullable(z.string()),
  /** The score stands on too little data (coverage below the minimum, or none expected): shown, but given no band. */
  provisional: z.boolean(),
  rows: z.int().check(z.gte(0)),
  counts: VerdictCounts,
  band: Band,
  /** Rows exempted by a waiver in force: counted as not applicable, in neither the score nor the coverage. Absent: none. */
  exempted: z.optional(z.int().check(z.positive())),
  /**
   * Rows of tasks and indicators an amendment in force cancelled, suspended or withdrew: counted as not applicable, in
   * neither the score nor the coverage. Absent: none.
   */
  outOfPlan: z.optional(z.int().check(z.positive())),
});
export type Summary = z.Infer<typeof Summary>;

/** Counts of the rows of checks that are not scored: of the plan document itself, or of the figures reported. */
export const CheckSummary = z.object({
  rows: z.int().check(z.gte(0)),
  counts: VerdictCounts,
});
export type CheckSummary = z.Infer<typeof CheckSummary>;

/**
 * How many reports were due, received and received on time (by their due date), as DHIS2 reports its reporting
 * rates: a task's report (or a recurring task's report for a year) is due once its date has passed. The rates are
 * shares of the reports due (decimal strings, 4 places), null when none was due.
 */
export const ReportingRate = z.object({
  due: z.int().check(z.gte(0)),
  received: z.int().check(z.gte(0)),
  onTime: z.int().check(z.gte(0)),
  receivedRate: z.nullable(z.string()),
  onTimeRate: z.nullable(z.string()),
});
export type ReportingRate = z.Infer<typeof ReportingRate>;

/** The reporting rates of the tasks an agency leads: over all periods, and by the year each report is for. */
export const AgencyReporting = z.object({
  total: ReportingRate,
  byPeriod: z.record(z.string(), ReportingRate),
});
export type AgencyReporting = z.Infer<typeof AgencyReporting>;

/** The reporting rates of the whole plan and of each lead agency (shared duties by their collective lead). */
export const ReportingSummary = z.object({
  overall: ReportingRate,
  byPeriod: z.record(z.string(), ReportingRate),
  byAgency: z.record(z.string(), AgencyReporting),
});
export type ReportingSummary = z.Infer<typeof ReportingSummary>;

/** One verdict: a rule applied to one entity (and period and locality where they apply), with why. */
export const ScorecardRow = z.object({
  rule: z.string(),
  entity: z.string(),
  period: z.optional(z.int()),
  locality: z.optional(z.string()),
  /**
   * Present (true) on a locality's row judged against a target of the whole city: a benchmark, counted in the
   * locality's summary and in no city-wide one.
   */
  benchmark: z.optional(z.literal(true)),
  verdict: Verdict,
  /** What happened, e.g. `met`, `on-track`, `overdue`, `missing-report`. */
  status: z.string(),
  /** Decimal 0-1 for pass, warn and fail rows; null for no-data and not-applicable. */
  score: z.nullable(z.string()),
  /** The rule's weight (decimal string). */
  weight: z.string(),
  /** Present (true) when the row lacked the figure or report it needed: it counts against coverage. */
  missingData: z.optional(z.literal(true)),
  /** The values the verdict was drawn from. */
  facts: z.record(z.string(), z.unknown()),
  /** Where the records the verdict used were read (file and line, or index); absent on checks of the plan itself. */
  sources: z.optional(z.array(RecordSource)),
  message: LocalizedText,
  /**
   * What the agency answering for the row should do next, as the rule's status declares it: present on rows that
   * fail, warn or lack their data.
   */
  remediation: z.optional(LocalizedText),
});
/**
 * A row as the schema reads it, its score typed by its verdict: `no-data` and `not-applicable` rows have none;
 * `pass`, `warn` and `fail` rows have one unless their case says `scored: false` (a task due soon).
 */
export type ScorecardRow = Omit<z.Infer<typeof ScorecardRow>, "verdict" | "score"> &
  (
    | { verdict: "pass" | "warn" | "fail"; /** Decimal 0-1; null on a row shown but not scored. */ score: string | null }
    | { verdict: "no-data" | "not-applicable"; score: null }
  );

/**
 * What a scorecard lists of the plan's changes, each present when the scorecard was asked to apply that kind: the
 * amendments in force and those not yet, the successions in force, and the waivers by where they stand.
 */
export const ScorecardChanges = z.object({
  amendments: z.optional(z.object({ applied: z.array(AmendmentSummary), notYetInForce: z.array(AmendmentSummary) })),
  successions: z.optional(z.array(Succession)),
  waivers: z.optional(
    z.object({
      inForce: z.array(WaiverSummary),
      /** In force, and expiring within 30 days of the date assessed. */
      expiringSoon: z.array(WaiverSummary),
      expired: z.array(WaiverSummary),
      notYetInForce: z.array(WaiverSummary),
    }),
  ),
});
export type ScorecardChanges = z.Infer<typeof ScorecardChanges>;

/** A scorecard: every verdict with its reasons, and the scores they add up to. */
export const Scorecard = z.object({
  plan: z.object({ id: z.string(), number: z.string() }),
  /** Vietnam calendar date the plan was assessed on. */
  asOf: z.iso.date(),
  rulesVersion: z.string(),
  rules: z.array(
    z.object({
      id: z.string(),
      title: LocalizedText,
      severity: Severity,
      appliesTo: AppliesTo,
      weight: z.string(),
      file: z.string(),
      /** Which path ran the rule: compiled functions, or json-rules-engine (asked for, or a rule the compiler leaves to it). */
      engine: z.enum(["compiled", "json-rules-engine"]),
      engineReason: z.optional(z.string()),
      /** The statuses of its rows: their words, and how urgently each needs attention. */
      statuses: z.record(z.string(), StatusDefinition),
    }),
  ),
  rows: z.array(ScorecardRow),
  summary: z.object({
    /** The performance rows (tasks and indicators) of the whole city. */
    overall: Summary,
    byIndicatorGroup: z.record(z.string(), Summary),
    byTaskGroup: z.record(z.string(), Summary),
    /** By lead agency that answers for its duties alone. */
    byAgency: z.record(z.string(), Summary),
    /** By collective lead ("Các Sở, ngành…", "Ủy ban nhân dân các cấp…"): duties shared by many bodies, never ranked beside an agency. */
    bySharedDuty: z.record(z.string(), Summary),
    /** By locality: its figures judged against the city's targets (benchmarks) or against its own. */
    byLocality: z.record(z.string(), Summary),
    /** The checks of the plan document itself, apart from every score. */
    planChecks: CheckSummary,
    /** The checks of the figures reported, apart from every score. */
    dataQuality: CheckSummary,
    /** Reports due, received and received on time: absent from scorecards written before the library counted them. */
    reporting: z.optional(ReportingSummary),
  }),
  /** The least coverage a summary needs for a band; below it the score is provisional (decimal string). */
  minCoverage: z.string(),
  input: z.object({
    observations: z.object({ given: z.int(), accepted: z.int(), rejected: z.int() }),
    taskReports: z.object({ given: z.int(), accepted: z.int(), rejected: z.int() }),
  }),
  /** Every record given that was not used, with where it was and why. */
  rejected: z.array(RejectedRecord),
  /** Readings of the input worth telling (a BOM removed, a column ignored). */
  notes: z.array(InputNote),
  ...ScorecardChanges.shape,
  /** Present on one agency's scorecard (see scorecardForAgency): the agency whose tasks and indicators it holds. */
  scope: z.optional(z.object({ agency: z.string() })),
});
/** A scorecard; its rows have their score typed by their verdict ({@link ScorecardRow}). */
export type Scorecard = Omit<z.Infer<typeof Scorecard>, "rows"> & { rows: ScorecardRow[] };
