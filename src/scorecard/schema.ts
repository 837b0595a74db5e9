import { z } from "zod";
import { LocalizedText } from "../model/text.js";
import { InputNote, RejectedRecord } from "../input/records.js";
import { AppliesTo, Severity, Verdict } from "../rules/rule-file.js";

/** Counts of rows per verdict. */
export const VerdictCounts = z.object({
  pass: z.int().min(0),
  warn: z.int().min(0),
  fail: z.int().min(0),
  "no-data": z.int().min(0),
  "not-applicable": z.int().min(0),
});
export type VerdictCounts = z.infer<typeof VerdictCounts>;

/** A score band and its label, e.g. `good` / "Hoàn thành tốt". */
export const Band = z.object({ id: z.string(), label: LocalizedText });
export type Band = z.infer<typeof Band>;

/** The scores of a set of rows: an agency's, a group's, a locality's or the whole plan's. */
export const Summary = z.object({
  /** Weighted mean of the scored rows (decimal string, 4 places), or null when no scored row has data. */
  score: z.string().nullable(),
  /** Share of the scored rows that had data (decimal string, 4 places), or null when none is expected. */
  coverage: z.string().nullable(),
  rows: z.int().min(0),
  counts: VerdictCounts,
  band: Band,
});
export type Summary = z.infer<typeof Summary>;

/** One verdict: a rule applied to one entity (and period and locality where they apply), with why. */
export const ScorecardRow = z.object({
  rule: z.string(),
  entity: z.string(),
  period: z.int().optional(),
  locality: z.string().optional(),
  verdict: Verdict,
  /** What happened, e.g. `met`, `on-track`, `overdue`, `missing-report`. */
  status: z.string(),
  /** Decimal 0-1 for pass, warn and fail rows; null for no-data and not-applicable. */
  score: z.string().nullable(),
  /** The rule's weight (decimal string). */
  weight: z.string(),
  /** The values the verdict was drawn from. */
  facts: z.record(z.string(), z.unknown()),
  message: LocalizedText,
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

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
      engineReason: z.string().optional(),
    }),
  ),
  rows: z.array(ScorecardRow),
  summary: z.object({
    overall: Summary,
    byIndicatorGroup: z.record(z.string(), Summary),
    byTaskGroup: z.record(z.string(), Summary),
    byAgency: z.record(z.string(), Summary),
    byLocality: z.record(z.string(), Summary),
  }),
  input: z.object({
    observations: z.object({ given: z.int(), accepted: z.int(), rejected: z.int() }),
    taskReports: z.object({ given: z.int(), accepted: z.int(), rejected: z.int() }),
  }),
  /** Every record given that was not used, with where it was and why. */
  rejected: z.array(RejectedRecord),
  /** Readings of the input worth telling (a BOM removed, a column ignored). */
  notes: z.array(InputNote),
});
export type Scorecard = z.infer<typeof Scorecard>;
