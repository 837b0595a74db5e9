import type { DefinedPlan } from "../model/define-plan.js";
import type { Indicator, Task } from "../model/entities.js";
import type { Target } from "../model/target.js";
import type { LocalizedText } from "../model/text.js";
import { addMonthsToDate, daysBetween } from "../model/vietnam-time.js";
import type { ParameterValue } from "../rules/load.js";
import type { FactSetName } from "../rules/rule-file.js";
import { compareDecimals, meetsTarget } from "../rules/operators.js";
import { changePerYear, progressRatio } from "./exact.js";

/** An observation as the scorer reads it. */
export interface ObservationFact {
  readonly indicator: string;
  readonly period: number;
  readonly value?: string;
  readonly met?: boolean;
  readonly locality?: string;
}

/** A task report as the scorer reads it. */
export interface TaskReportFact {
  readonly task: string;
  readonly status: "not-started" | "in-progress" | "completed" | "cancelled";
  readonly period?: number;
  readonly reportedOn?: string;
  readonly completedOn?: string;
}

/** Observations refused because they disagree: one indicator, year and locality, several values. */
export interface ConflictFact {
  readonly indicator: string;
  readonly period: number;
  readonly locality?: string;
  readonly values: readonly string[];
}

/** What the fact sets are computed from. */
export interface EvaluationContext {
  readonly plan: DefinedPlan;
  /** Vietnam calendar date of the assessment. */
  readonly asOf: string;
  readonly observations: readonly ObservationFact[];
  readonly taskReports: readonly TaskReportFact[];
  readonly conflicts: readonly ConflictFact[];
}

/** One checked entity: what a rule runs on. */
export interface Subject {
  readonly entity: string;
  readonly period?: number;
  readonly locality?: string;
  /** The entity's name, for `{name}` in messages. */
  readonly name: LocalizedText;
  readonly facts: Readonly<Record<string, unknown>>;
  /**
   * The subject and its facts are reused for the next entity (a million observations are checked through one
   * object): a row that keeps them must copy them.
   */
  readonly transient?: boolean;
}

type Params = Readonly<Record<string, ParameterValue>>;

/** The subjects of a fact set: every entity a rule of that set checks, with its facts. */
export function subjectsFor(factSet: FactSetName, context: EvaluationContext, params: Params): Iterable<Subject> {
  switch (factSet) {
    case "milestone":
      return milestoneSubjects(context);
    case "progress":
      return progressSubjects(context);
    case "taskDeadline":
      return taskDeadlineSubjects(context);
    case "taskAnnual":
      return taskAnnualSubjects(context, String(params.annualReportDue ?? "12-31"));
    case "taskContinuous":
      return taskContinuousSubjects(context, Number(params.windowMonths ?? 12));
    case "observation":
      return observationSubjects(context, Number(params.baselineYears ?? 10));
    case "planTask":
      return cachedForPlan(planTaskCache, context, planTaskSubjects);
    case "planIndicator":
      return cachedForPlan(planIndicatorCache, context, planIndicatorSubjects);
  }
}

// ---------------------------------------------------------------- indicators

const CITY = "";
const localityKey = (locality: string | undefined) => locality ?? CITY;
const localityOf = (key: string) => (key === CITY ? undefined : key);
// Names are shared by every subject of an entity, so that rows do not each carry a copy.
const nameOfIndicator = (x: Indicator): LocalizedText => x.name;
const nameOfTask = (t: Task): LocalizedText => t.title;

const indexes = new WeakMap<readonly ObservationFact[], Map<string, Map<string, ObservationFact[]>>>();

/** Observations grouped by indicator, then locality, sorted by year; built once per evaluation. */
function observationIndex(observations: readonly ObservationFact[]): Map<string, Map<string, ObservationFact[]>> {
  const cached = indexes.get(observations);
  if (cached) return cached;
  const index = new Map<string, Map<string, ObservationFact[]>>();
  for (const o of observations) {
    let byLocality = index.get(o.indicator);
    if (!byLocality) index.set(o.indicator, (byLocality = new Map()));
    const key = localityKey(o.locality);
    const list = byLocality.get(key);
    if (list) list.push(o);
    else byLocality.set(key, [o]);
  }
  for (const byLocality of index.values()) for (const list of byLocality.values()) if (list.length > 1) list.sort((a, b) => a.period - b.period);
  indexes.set(observations, index);
  return index;
}

/**
 * The localities an indicator has data for, the city first, then in code-unit order: the same order on every
 * host and Node.js version, whatever their collation data. The city alone when it has none.
 */
function localitiesOf(byLocality: Map<string, ObservationFact[]> | undefined): string[] {
  if (!byLocality || byLocality.size === 0) return [CITY];
  return [...byLocality.keys()].sort(byCodeUnits);
}

/** Plain code-unit order, the empty key (the city) first. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The facts every indicator subject starts with, in the order rows show them. */
function indicatorFacts(asOf: string, x: Indicator, key: string) {
  return { asOf, indicator: x.id, measure: x.measure ?? null, direction: x.direction, locality: localityOf(key) ?? null };
}

const withDirection = new WeakMap<Target, Target & { direction: Indicator["direction"] }>();

/** The target with its indicator's direction, made once per target and shared by every subject that reads it. */
function targetWithDirection(target: Target, x: Indicator): Target & { direction: Indicator["direction"] } {
  let t = withDirection.get(target);
  if (!t) withDirection.set(target, (t = Object.freeze({ ...target, direction: x.direction })));
  return t;
}
const observed = (o: ObservationFact | undefined) =>
  o ? (o.met !== undefined ? { met: o.met } : { value: o.value ?? null }) : null;

function milestoneSubjects({ plan, asOf, observations }: EvaluationContext): Subject[] {
  const index = observationIndex(observations);
  const subjects: Subject[] = [];
  for (const x of plan.indicators) {
    const byLocality = index.get(x.id);
    for (const target of x.targets) {
      // A milestone is assessed once its year is over.
      if (target.kind === "none" || `${target.year}-12-31` >= asOf) continue;
      for (const key of localitiesOf(byLocality)) {
        const o = byLocality?.get(key)?.find((ob) => ob.period === target.year);
        subjects.push({
          entity: x.id,
          period: target.year,
          locality: localityOf(key),
          name: nameOfIndicator(x),
          facts: {
            ...indicatorFacts(asOf, x, key),
            year: target.year,
            target: targetWithDirection(target, x),
            targetKind: target.kind,
            targetRaw: target.raw,
            aspirational: target.aspirational,
            observation: observed(o),
            hasObservation: o !== undefined,
            observedValue: o?.value ?? (o?.met === undefined ? null : o.met ? "đạt/met" : "không đạt/not met"),
          },
        });
      }
    }
  }
  return subjects;
}

/**
 * The value an indicator must reach for a target: the bound of a comparison, a range's near end, the hardest
 * part of `parts` and the easiest alternative. `undefined` for targets without a number.
 */
export function targetValueOf(target: Target, direction: "increase" | "decrease"): string | undefined {
  const rising = direction === "increase";
  const simple = (m: { kind: string; value?: string | undefined; min?: string | undefined; max?: string | undefined }) =>
    m.kind === "range" ? (rising ? m.min : m.max) : m.kind === "qualitative" || m.kind === "none" ? undefined : m.value;
  const pick = (members: readonly Parameters<typeof simple>[0][], highest: boolean) => {
    let best: string | undefined;
    for (const v of members.map(simple))
      if (v !== undefined && (best === undefined || (compareDecimals(v, best)! > 0) === highest)) best = v;
    return best;
  };
  if (target.kind === "parts") return pick(target.parts ?? [], rising);
  if (target.kind === "alternatives") return pick(target.alternatives ?? [], !rising);
  return simple(target);
}

function progressSubjects({ plan, asOf, observations }: EvaluationContext): Subject[] {
  const index = observationIndex(observations);
  const asOfYear = Number(asOf.slice(0, 4));
  const subjects: Subject[] = [];
  for (const x of plan.indicators) {
    const targets = x.targets.filter((t) => t.kind !== "none");
    if (targets.length === 0) continue;
    const next = targets.find((t) => t.year >= asOfYear) ?? targets.at(-1)!;
    const nextTarget = targetWithDirection(next, x);
    const targetValue = targetValueOf(next, x.direction);
    const byLocality = index.get(x.id);
    for (const key of localitiesOf(byLocality)) {
      const all = byLocality?.get(key) ?? [];
      const series = all.length > 0 && all.at(-1)!.period > asOfYear ? all.filter((o) => o.period <= asOfYear) : all;
      const baseline = series[0];
      const latest = series.at(-1);
      const progress =
        baseline?.value !== undefined && latest?.value !== undefined && targetValue !== undefined && latest.period > baseline.period && next.year > baseline.period
          ? progressRatio(baseline.value, latest.value, targetValue, latest.period - baseline.period, next.year - baseline.period)
          : undefined;
      const required =
        progress?.required ??
        (baseline?.value !== undefined && targetValue !== undefined && next.year > baseline.period
          ? changePerYear(baseline.value, targetValue, next.year - baseline.period)
          : null);
      subjects.push({
        entity: x.id,
        locality: localityOf(key),
        name: nameOfIndicator(x),
        facts: {
          ...indicatorFacts(asOf, x, key),
          nextTarget,
          nextTargetYear: next.year,
          numericTarget: targetValue !== undefined,
          targetValue: targetValue ?? null,
          baselineYear: baseline?.period ?? null,
          baselineValue: baseline?.value ?? null,
          latestYear: latest?.period ?? null,
          latestValue: latest?.value ?? null,
          latestObservation: observed(latest),
          baselineMet: baseline !== undefined && latest !== baseline && meetsTarget(observed(baseline), nextTarget),
          observationCount: countYears(series),
          actualChangePerYear: progress?.actual ?? null,
          requiredChangePerYear: required,
          progressRatio: progress?.ratio ?? null,
          progressScore: progress?.clamped ?? null,
        },
      });
    }
  }
  return subjects;
}

/** Distinct years of a series sorted by year. */
function countYears(series: readonly ObservationFact[]): number {
  let n = 0;
  for (let i = 0; i < series.length; i++) if (i === 0 || series[i]!.period !== series[i - 1]!.period) n++;
  return n;
}

// ---------------------------------------------------------------- tasks

const STATUS_RANK = { "not-started": 0, "in-progress": 1, cancelled: 2, completed: 3 } as const;

/** The latest report: by date, undated ones first; on the same date the most advanced status, so input order never matters. */
function latestReport(reports: readonly TaskReportFact[]): TaskReportFact | undefined {
  let best: TaskReportFact | undefined;
  for (const r of reports) {
    if (
      !best ||
      (r.reportedOn ?? "") > (best.reportedOn ?? "") ||
      ((r.reportedOn ?? "") === (best.reportedOn ?? "") &&
        (STATUS_RANK[r.status] > STATUS_RANK[best.status] ||
          (STATUS_RANK[r.status] === STATUS_RANK[best.status] && (r.completedOn ?? "") > (best.completedOn ?? ""))))
    )
      best = r;
  }
  return best;
}

function reportFacts(reports: readonly TaskReportFact[]) {
  const latest = latestReport(reports);
  const completed = latestReport(reports.filter((r) => r.status === "completed"));
  return {
    hasReport: latest !== undefined,
    reportStatus: latest?.status ?? null,
    reportedOn: latest?.reportedOn ?? null,
    completedOn: latest?.status === "completed" ? (completed?.completedOn ?? completed?.reportedOn ?? null) : null,
  };
}

/** Reports per task, leaving out those dated after the assessment date. */
function reportIndex(reports: readonly TaskReportFact[], asOf: string): Map<string, TaskReportFact[]> {
  const index = new Map<string, TaskReportFact[]>();
  for (const r of reports) {
    if (r.reportedOn !== undefined && r.reportedOn > asOf) continue;
    const list = index.get(r.task);
    if (list) list.push(r);
    else index.set(r.task, [r]);
  }
  return index;
}

/** Tasks that carry their own assignment: sub-items and tasks without sub-items. */
const assessable = (plan: DefinedPlan) => plan.tasks.filter((t) => plan.childrenOf(t.id).length === 0);

function taskDeadlineSubjects({ plan, asOf, taskReports }: EvaluationContext): Subject[] {
  const reports = reportIndex(taskReports, asOf);
  // Every task that carries its own assignment: the rule skips recurring duties and marks tasks without a date.
  return assessable(plan).map((t) => {
    const due = t.deadline?.due ?? null;
    return {
      entity: t.id,
      name: nameOfTask(t),
      facts: {
        asOf,
        task: t.id,
        deadlineKind: t.deadline?.kind ?? null,
        due,
        daysUntilDue: due === null ? null : daysBetween(asOf, due),
        ...reportFacts(reports.get(t.id) ?? []),
      },
    };
  });
}

function taskAnnualSubjects({ plan, asOf, taskReports }: EvaluationContext, dueMonthDay: string): Subject[] {
  const reports = reportIndex(taskReports, asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const planYear = Number(plan.document.issuedOn.slice(0, 4));
  const subjects: Subject[] = [];
  for (const t of assessable(plan)) {
    const d = t.deadline;
    if (d?.kind !== "annual" && d?.kind !== "fromYear") continue;
    const first = d.kind === "fromYear" ? Number(d.from!.slice(0, 4)) : planYear;
    const all = reports.get(t.id) ?? [];
    for (let period = first; period <= asOfYear; period++) {
      const periodDue = `${period}-${dueMonthDay}`;
      // A report names its year; one without a year counts for the year it was made in.
      const forPeriod = all.filter((r) => (r.period ?? (r.reportedOn ? Number(r.reportedOn.slice(0, 4)) : undefined)) === period);
      subjects.push({
        entity: t.id,
        period,
        name: nameOfTask(t),
        facts: { asOf, task: t.id, deadlineKind: d.kind, period, periodDue, daysUntilDue: daysBetween(asOf, periodDue), ...reportFacts(forPeriod) },
      });
    }
  }
  return subjects;
}

function taskContinuousSubjects({ plan, asOf, taskReports }: EvaluationContext, windowMonths: number): Subject[] {
  const reports = reportIndex(taskReports, asOf);
  return assessable(plan)
    .filter((t) => t.deadline?.kind === "continuous")
    .map((t) => ({
      entity: t.id,
      name: nameOfTask(t),
      facts: {
        asOf,
        task: t.id,
        deadlineKind: "continuous",
        windowStart: addMonthsToDate(asOf, -windowMonths),
        firstDue: addMonthsToDate(plan.document.issuedOn, windowMonths),
        ...reportFacts(reports.get(t.id) ?? []),
      },
    }));
}

// ---------------------------------------------------------------- observations

function* observationSubjects({ plan, asOf, observations, conflicts }: EvaluationContext, baselineYears: number): Generator<Subject> {
  const firstYear = Number(plan.document.issuedOn.slice(0, 4)) - baselineYears;
  // One subject and one facts object, refilled for each observation: the checks rarely keep a row, and a
  // million short-lived objects would cost more in garbage collection than the checks themselves.
  const facts: Record<string, unknown> = {
    asOf,
    indicator: "",
    measure: null,
    direction: "increase",
    locality: null,
    period: 0,
    value: null,
    met: null,
    firstYear,
    lastTargetYear: null,
    conflicting: false,
    conflictingValues: NONE,
  };
  const subject = { entity: "", period: 0 as number | undefined, locality: undefined as string | undefined, name: undefined as unknown as LocalizedText, facts, transient: true };
  const fill = (o: ObservationFact, conflictingValues: readonly string[]): Subject | undefined => {
    const x = plan.indicator(o.indicator);
    if (!x) return undefined;
    subject.entity = x.id;
    subject.period = o.period;
    subject.locality = o.locality;
    subject.name = nameOfIndicator(x);
    facts.indicator = x.id;
    facts.measure = x.measure ?? null;
    facts.direction = x.direction;
    facts.locality = o.locality ?? null;
    facts.period = o.period;
    facts.value = o.value ?? null;
    facts.met = o.met ?? null;
    facts.lastTargetYear = x.targets.at(-1)?.year ?? null;
    facts.conflicting = conflictingValues.length > 0;
    facts.conflictingValues = conflictingValues.length > 0 ? [...conflictingValues] : NONE;
    return subject;
  };
  for (const o of observations) {
    const s = fill(o, NONE);
    if (s) yield s;
  }
  for (const c of conflicts) {
    const s = fill({ indicator: c.indicator, period: c.period, locality: c.locality }, c.values);
    if (s) yield s;
  }
}

const NONE: readonly string[] = Object.freeze([]);

// ---------------------------------------------------------------- the plan itself

// The plan's own checks do not depend on the data: their subjects are made once per plan.
const planTaskCache = new WeakMap<DefinedPlan, Subject[]>();
const planIndicatorCache = new WeakMap<DefinedPlan, Subject[]>();

function cachedForPlan(cache: WeakMap<DefinedPlan, Subject[]>, context: EvaluationContext, make: (context: EvaluationContext) => Subject[]): Subject[] {
  let subjects = cache.get(context.plan);
  if (!subjects) cache.set(context.plan, (subjects = make(context)));
  return subjects;
}

function planTaskSubjects({ plan }: EvaluationContext): Subject[] {
  return plan.tasks.map((t) => {
    const subItems = plan.childrenOf(t.id) as readonly Task[];
    return {
      entity: t.id,
      name: nameOfTask(t),
      facts: {
        task: t.id,
        deadlineKind: t.deadline?.kind ?? null,
        leadCount: t.lead.length,
        subItemCount: subItems.length,
        subItemsWithoutLead: subItems.filter((s) => s.lead.length === 0).length,
        due: t.deadline?.due ?? null,
        issuedOn: plan.document.issuedOn,
      },
    };
  });
}

function planIndicatorSubjects({ plan }: EvaluationContext): Subject[] {
  const fold = (s: string) => s.toLocaleLowerCase("vi").replace(/\s+/g, " ").replace(/[.;:]+$/, "").trim();
  const folded = new Map(plan.indicators.map((x) => [x, fold(x.name.vi)]));
  const milestoneYears = (x: Indicator) => {
    // Appendix 2 sets a target for each five-year milestone; Appendix 1 one for its horizon.
    if (x.appendix === 2) return [2025, 2030, 2035, 2040, 2045];
    return x.group === "PL1-II" ? [2045] : [2030];
  };
  return plan.indicators.map((x) => {
    const isHeading = (x.children?.length ?? 0) > 0 && x.targets.length === 0;
    const missing = isHeading ? [] : milestoneYears(x).filter((y) => !x.targets.some((t) => t.year === y));
    const duplicates = plan.indicators
      // Appendix 1 repeats some indicators in part II for the 2045 horizon; only a repeat within one part is a duplicate.
      .filter((o) => o.id !== x.id && o.group === x.group && folded.get(o) === folded.get(x))
      .map((o) => o.id);
    return {
      entity: x.id,
      name: nameOfIndicator(x),
      facts: {
        indicator: x.id,
        appendix: x.appendix,
        isHeading,
        targetCount: x.targets.length,
        missingTargetYears: missing,
        missingTargetCount: missing.length,
        duplicates,
        duplicateCount: duplicates.length,
      },
    };
  });
}
