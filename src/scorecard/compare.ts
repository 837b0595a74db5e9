import { OptionsError } from "../errors.js";
import { Decimal } from "../decimal.js";
import type { ReportingRate, Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import type { LocalizedText } from "../model/text.js";
import { rowKindOf, type AppliesTo, type Verdict } from "../model/verdict.js";
import { rowsToWrite } from "./rows.js";

/** Where a row stood in one scorecard: its verdict, status and score. */
export interface RowState {
  readonly verdict: Verdict;
  readonly status: string;
  /** The status in words, as the scorecard's rule declares it. */
  readonly label?: LocalizedText;
  readonly score: string | null;
}

/**
 * One row that changed between two scorecards, named as rows are (rule, entity, year, locality), with where it stood
 * in each (absent: the scorecard had no such row) and what the latest of them says.
 */
export interface RowChange {
  readonly rule: string;
  readonly entity: string;
  readonly period?: number;
  readonly locality?: string;
  readonly benchmark?: true;
  readonly previous?: RowState;
  readonly current?: RowState;
  /** The current row's message, or the previous row's when the row is gone. */
  readonly message: LocalizedText;
  /** What the current row's status asks the responsible agency to do, when it does. */
  readonly remediation?: LocalizedText;
}

/** A summary (of the plan, a group, an agency or a locality) in both scorecards, and how far its score and coverage moved. */
export interface SummaryChange {
  readonly previous: Summary | null;
  readonly current: Summary | null;
  /** Current score minus previous (a decimal string, 4 places), null when either is missing. */
  readonly scoreChange: string | null;
  readonly coverageChange: string | null;
}

/** An agency's (or the plan's) reporting rates in both scorecards. */
export interface ReportingChange {
  readonly previous: ReportingRate | null;
  readonly current: ReportingRate | null;
}

/**
 * What changed from one scorecard to the next, as the periodic report tells it: tasks newly overdue (failing now,
 * not before) and newly completed (reported completed now, not before); milestones newly met and newly missed; the
 * scores and coverage of the plan, each group, agency, shared duty and locality; problems in the reported figures
 * new and resolved; records rejected; and reporting rates.
 */
export interface ScorecardComparison {
  readonly plan: Scorecard["plan"];
  readonly previous: { readonly asOf: string; readonly rulesVersion: string };
  readonly current: { readonly asOf: string; readonly rulesVersion: string };
  readonly overall: SummaryChange;
  readonly byTaskGroup: Readonly<Record<string, SummaryChange>>;
  readonly byIndicatorGroup: Readonly<Record<string, SummaryChange>>;
  readonly byAgency: Readonly<Record<string, SummaryChange>>;
  readonly bySharedDuty: Readonly<Record<string, SummaryChange>>;
  readonly byLocality: Readonly<Record<string, SummaryChange>>;
  readonly tasks: { readonly newlyOverdue: readonly RowChange[]; readonly newlyCompleted: readonly RowChange[] };
  readonly milestones: { readonly newlyMet: readonly RowChange[]; readonly newlyMissed: readonly RowChange[] };
  readonly dataProblems: { readonly new: readonly RowChange[]; readonly resolved: readonly RowChange[] };
  readonly rejected: { readonly previous: number; readonly current: number };
  readonly reporting: { readonly overall: ReportingChange; readonly byAgency: Readonly<Record<string, ReportingChange>> };
}

const PROBLEM: ReadonlySet<Verdict> = new Set(["fail", "warn"]);

/**
 * Compares two scorecards of the same plan, the earlier first: what a periodic report says changed since the last
 * one. Rows are matched by rule, entity, year and locality; a row only one scorecard has counts as absent from the
 * other. Either scorecard may have been read back from its JSON (`nq57 scorecard --format json`).
 *
 * @example
 * const changes = compareScorecards(lastQuarter, thisQuarter);
 * changes.tasks.newlyOverdue.map((r) => r.entity); //=> e.g. ["T-1.3", "NQ71-79"]
 * changes.byAgency["so-khoa-hoc-va-cong-nghe"]?.scoreChange; //=> e.g. "0.0415"
 */
export function compareScorecards(previous: Scorecard, current: Scorecard): ScorecardComparison {
  if (previous.plan.id !== current.plan.id) throw new OptionsError("current", `the scorecards are of different plans (${previous.plan.id} and ${current.plan.id}); compare two scorecards of one plan`);
  const appliesTo = new Map<string, AppliesTo>([...previous.rules, ...current.rules].map((r) => [r.id, r.appliesTo]));
  const labelsBefore = labels(previous);
  const labelsNow = labels(current);
  const changeOf = (old: ScorecardRow | undefined, row: ScorecardRow | undefined) => rowChange(old, row, labelsBefore, labelsNow);
  const before = new Map<string, ScorecardRow>();
  for (const row of rowsToWrite(previous).rows()) before.set(keyOf(row), row);

  const newlyOverdue: RowChange[] = [];
  const newlyCompleted: RowChange[] = [];
  const newlyMet: RowChange[] = [];
  const newlyMissed: RowChange[] = [];
  const newProblems: RowChange[] = [];
  const resolved: RowChange[] = [];
  const seen = new Set<string>();
  for (const row of rowsToWrite(current).rows()) {
    const key = keyOf(row);
    seen.add(key);
    const old = before.get(key);
    const kind = appliesTo.get(row.rule) ?? "plan";
    if (kind === "task") {
      if (row.verdict === "fail" && old?.verdict !== "fail") newlyOverdue.push(changeOf(old, row));
      if (row.facts.reportStatus === "completed" && old?.facts.reportStatus !== "completed") newlyCompleted.push(changeOf(old, row));
    } else if (kind === "indicator" && row.period !== undefined) {
      if (row.verdict === "pass" && old?.verdict !== "pass") newlyMet.push(changeOf(old, row));
      if (row.verdict === "fail" && old?.verdict !== "fail") newlyMissed.push(changeOf(old, row));
    } else if (rowKindOf(kind) === "dataQuality") {
      if (PROBLEM.has(row.verdict) && !(old && PROBLEM.has(old.verdict))) newProblems.push(changeOf(old, row));
      else if (!PROBLEM.has(row.verdict) && old && PROBLEM.has(old.verdict)) resolved.push(changeOf(old, row));
    }
  }
  // A problem in the figures whose row is gone (the figure was corrected or withdrawn) is resolved too.
  for (const [key, old] of before)
    if (!seen.has(key) && rowKindOf(appliesTo.get(old.rule) ?? "plan") === "dataQuality" && PROBLEM.has(old.verdict)) resolved.push(changeOf(old, undefined));

  const p = previous.summary;
  const c = current.summary;
  return {
    plan: current.plan,
    previous: { asOf: previous.asOf, rulesVersion: previous.rulesVersion },
    current: { asOf: current.asOf, rulesVersion: current.rulesVersion },
    overall: summaryChange(p.overall, c.overall),
    byTaskGroup: summaryChanges(p.byTaskGroup, c.byTaskGroup),
    byIndicatorGroup: summaryChanges(p.byIndicatorGroup, c.byIndicatorGroup),
    byAgency: summaryChanges(p.byAgency, c.byAgency),
    bySharedDuty: summaryChanges(p.bySharedDuty, c.bySharedDuty),
    byLocality: summaryChanges(p.byLocality, c.byLocality),
    tasks: { newlyOverdue, newlyCompleted },
    milestones: { newlyMet, newlyMissed },
    dataProblems: { new: newProblems, resolved },
    rejected: { previous: previous.rejected.length, current: current.rejected.length },
    reporting: {
      overall: { previous: p.reporting?.overall ?? null, current: c.reporting?.overall ?? null },
      byAgency: Object.fromEntries(
        [...new Set([...Object.keys(p.reporting?.byAgency ?? {}), ...Object.keys(c.reporting?.byAgency ?? {})])]
          .sort()
          .map((id) => [id, { previous: p.reporting?.byAgency[id]?.total ?? null, current: c.reporting?.byAgency[id]?.total ?? null }]),
      ),
    },
  };
}

function keyOf(row: Pick<ScorecardRow, "rule" | "entity" | "period" | "locality">): string {
  return `${row.rule}\u0000${row.entity}\u0000${row.period ?? ""}\u0000${row.locality ?? ""}`;
}

type Labels = ReadonlyMap<string, LocalizedText>;

/** The words of each rule's statuses, by rule and status. */
function labels(scorecard: Scorecard): Labels {
  const out = new Map<string, LocalizedText>();
  for (const rule of scorecard.rules) for (const [status, d] of Object.entries(rule.statuses)) out.set(`${rule.id}\u0000${status}`, d.label);
  return out;
}

function stateOf(row: ScorecardRow, words: Labels): RowState {
  const label = words.get(`${row.rule}\u0000${row.status}`);
  return { verdict: row.verdict, status: row.status, ...(label ? { label } : {}), score: row.score };
}

function rowChange(old: ScorecardRow | undefined, row: ScorecardRow | undefined, before: Labels, now: Labels): RowChange {
  const named = (row ?? old)!;
  return {
    rule: named.rule,
    entity: named.entity,
    ...(named.period !== undefined ? { period: named.period } : {}),
    ...(named.locality !== undefined ? { locality: named.locality } : {}),
    ...(named.benchmark === true ? { benchmark: true as const } : {}),
    ...(old ? { previous: stateOf(old, before) } : {}),
    ...(row ? { current: stateOf(row, now) } : {}),
    message: named.message,
    ...(row?.remediation ? { remediation: row.remediation } : {}),
  };
}

const difference = (a: string | null | undefined, b: string | null | undefined): string | null =>
  a === null || a === undefined || b === null || b === undefined ? null : new Decimal(b).minus(a).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);

function summaryChange(previous: Summary | undefined, current: Summary | undefined): SummaryChange {
  return {
    previous: previous ?? null,
    current: current ?? null,
    scoreChange: difference(previous?.score, current?.score),
    coverageChange: difference(previous?.coverage, current?.coverage),
  };
}

function summaryChanges(previous: Readonly<Record<string, Summary>>, current: Readonly<Record<string, Summary>>): Record<string, SummaryChange> {
  const ids = [...new Set([...Object.keys(previous), ...Object.keys(current)])].sort();
  return Object.fromEntries(ids.map((id) => [id, summaryChange(previous[id], current[id])]));
}
