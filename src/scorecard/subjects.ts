import type { DefinedPlan } from "../model/define-plan.js";
import type { Indicator, Task } from "../model/entities.js";
import { milestoneYearsOf } from "../model/milestones.js";
import type { Target, TargetLevel } from "../model/target.js";
import type { LocalizedText } from "../model/text.js";
import { daysBetween } from "../model/vietnam-time.js";
import type { ParameterValue } from "../rules/load.js";
import type { FactSetName } from "../rules/rule-file.js";
import { compareDecimals, meetsTarget } from "../rules/operators.js";
import { figuresOf, type AcceptedFigures, type Figures, type SeriesIndex } from "../input/figures.js";
import type { ConflictFact, TaskReportFact } from "../input/for-scoring.js";
import type { RecordSource } from "../model/records.js";
import { changePerYear, progressRatio, sortDecimals, yearAtPace } from "./exact.js";
import { Decimal } from "../decimal.js";

/** What the fact sets are computed from. */
export interface EvaluationContext {
  readonly plan: DefinedPlan;
  /** Vietnam calendar date of the assessment. */
  readonly asOf: string;
  /** The accepted observations: records, or the table an accumulator read them into. */
  readonly observations: AcceptedFigures;
  readonly taskReports: readonly TaskReportFact[];
  readonly conflicts: readonly ConflictFact[];
  /**
   * Figures set aside because they failed a high-severity check of reported figures: by entry of the observation
   * table, the ids of the checks failed. Milestone and progress rules do not use them.
   */
  readonly invalid?: ReadonlyMap<number, readonly string[]>;
  /** Each place's name by its folded spelling, when its records spell it several ways (default: as first written). */
  readonly localityNames?: ReadonlyMap<string, string>;
}

/** One checked entity: what a rule runs on. */
export interface Subject {
  readonly entity: string;
  readonly period?: number;
  readonly locality?: string;
  /**
   * A locality's figures judged against a target of the whole city: a benchmark, shown in the locality's summary
   * and never in the city's.
   */
  readonly benchmark?: boolean;
  /** Where the records the subject's facts were drawn from were read; made only when a row is. */
  readonly sources?: () => readonly RecordSource[];
  /** The entity's name, for `{name}` in messages. */
  readonly name: LocalizedText;
  readonly facts: Readonly<Record<string, unknown>>;
  /**
   * The subject and its facts are reused for the next entity (a million observations are checked through one
   * object): a row that keeps them must copy them.
   */
  readonly transient?: boolean;
  /**
   * For an observation: its indicator and year as one number, and its figure as text (`60.5`, or a key for met
   * and not met), so that subjects of equal figures are known alike without reading their facts. -1: decide apart.
   */
  readonly figureSlot?: number;
  readonly figureKey?: string;
  /** The number of the figure's value ({@link Figures.valueIdOf}), or -1: what the decisions on a figure are found by first. */
  readonly figureId?: number;
}

type Params = Readonly<Record<string, ParameterValue>>;

/**
 * The subjects of a fact set by key, from 0 to `count - 1` in the order rules check them. A subject can be made
 * again from its key, so that a scorecard keeps each row's key and decision, and makes the row when it is read.
 */
export interface Subjects {
  readonly count: number;
  /**
   * The subject of a key; a transient one is refilled by the next call. With `only`, the facts a caller reads: the
   * others may be left unfilled (stale), so that a pass deciding rules skips facts only messages show.
   */
  at(key: number, only?: ReadonlySet<string>): Subject;
  /** Whether the subject of a key is known to make no row, told without making it (observation figures every rule skips). */
  skips?(key: number): boolean;
  /** For observations: the entry of the observation table a key checks, or -1 (a conflict, not in the table). */
  entryOf?(key: number): number;
}

/** The subjects of a fact set: every entity a rule of that set checks, with its facts. */
export function subjectsFor(
  factSet: FactSetName,
  context: EvaluationContext,
  params: Params,
  /** For observations: figures known to need no row (by indicator and year, and figure) are not made into subjects. */
  known?: (figureSlot: number, figureKey: string, figureId: number) => boolean,
): Subjects {
  switch (factSet) {
    case "milestone":
      return milestoneSubjects(context, subjectParameters(factSet, params).whenMissing!);
    case "acrossLocalities":
      return listed(acrossLocalitiesSubjects(context));
    case "progress":
      return progressSubjects(context, subjectParameters(factSet, params).whenMissing!);
    case "taskDeadline":
      return listed(taskDeadlineSubjects(context));
    case "taskAnnual":
      return listed(taskRecurringSubjects(context, "annual", subjectParameters(factSet, params).annualReportDue!));
    case "taskContinuous":
      return listed(taskRecurringSubjects(context, "continuous", subjectParameters(factSet, params).annualReportDue!));
    case "observation":
      return observationSubjects(context, subjectParameters(factSet, params).baselineYears!, known);
    case "planTask":
      return listed(cachedForPlan(planTaskCache, context, planTaskSubjects));
    case "planIndicator":
      return listed(cachedForPlan(planIndicatorCache, context, planIndicatorSubjects));
  }
}

/** How an indicator rule counts a figure that is due and missing (none given, or one set aside as invalid). */
export const WHEN_MISSING = ["not-met", "no-data"] as const;
export type WhenMissing = (typeof WHEN_MISSING)[number];

/** The parameters a fact set's subjects are made with, rather than a rule's cases. */
export type SubjectParameters = {
  /** taskAnnual, taskContinuous: the month and day (`MM-DD`) a year's report is due, in the year reported on. */
  readonly annualReportDue?: string;
  /** observation: how many years before the plan a figure may be for. */
  readonly baselineYears?: number;
  /** milestone, progress: a figure that is due and missing counts as not met, or as no data. */
  readonly whenMissing?: WhenMissing;
};

/**
 * The parameters of a rule that shape its fact set's subjects, with their defaults: rules agreeing on them are
 * checked in one pass over the same subjects.
 */
export function subjectParameters(factSet: FactSetName, params: Params): SubjectParameters {
  switch (factSet) {
    case "milestone":
    case "progress":
      return { whenMissing: params.whenMissing === "no-data" ? "no-data" : "not-met" };
    case "taskAnnual":
    case "taskContinuous":
      return { annualReportDue: String(params.annualReportDue ?? "12-31") };
    case "observation":
      return { baselineYears: Number(params.baselineYears ?? 10) };
    default:
      return {};
  }
}

/**
 * Why a parameter that shapes subjects cannot be used, or undefined: a `whenMissing` other than `not-met` and
 * `no-data`, an `annualReportDue` that is not a day of the year (`MM-DD`).
 */
export function subjectParameterProblem(factSet: FactSetName, params: Params): { readonly parameter: string; readonly reason: string } | undefined {
  if ((factSet === "milestone" || factSet === "progress") && params.whenMissing !== undefined && !(WHEN_MISSING as readonly unknown[]).includes(params.whenMissing))
    return { parameter: "whenMissing", reason: `whenMissing must be ${WHEN_MISSING.join(" or ")}, not ${JSON.stringify(params.whenMissing)}` };
  if ((factSet === "taskAnnual" || factSet === "taskContinuous") && params.annualReportDue !== undefined) {
    const due = String(params.annualReportDue);
    const match = /^(\d{2})-(\d{2})$/.exec(due);
    const [month, day] = match ? [Number(match[1]), Number(match[2])] : [0, 0];
    if (!match || month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2023, month, 0)).getUTCDate())
      return { parameter: "annualReportDue", reason: `annualReportDue must be a day of the year written MM-DD, e.g. 12-31, not ${JSON.stringify(params.annualReportDue)}` };
  }
  return undefined;
}

/** Every subject in key order, each an object of its own (transient ones copied): for a caller that keeps them. */
export function subjectList(subjects: Subjects): Subject[] {
  return Array.from({ length: subjects.count }, (_, key) => {
    const subject = subjects.at(key);
    return subject.transient ? { ...subject, facts: { ...subject.facts }, transient: false } : subject;
  });
}

function listed(subjects: readonly Subject[]): Subjects {
  return { count: subjects.length, at: (key) => subjects[key]! };
}

// ---------------------------------------------------------------- indicators

// Names are shared by every subject of an entity, so that rows do not each carry a copy.
const nameOfIndicator = (x: Indicator): LocalizedText => x.name;
const nameOfTask = (t: Task): LocalizedText => t.title;

const figuresOfContexts = new WeakMap<EvaluationContext, { figures: Figures; series?: SeriesIndex }>();

/** A context's figures, made once per evaluation. */
function figuresOfContext(context: EvaluationContext): Figures {
  let found = figuresOfContexts.get(context);
  if (!found) figuresOfContexts.set(context, (found = { figures: figuresOf(context.observations, context.plan, context.localityNames) }));
  return found.figures;
}

/** A context's series, the figures it sets aside as invalid listed apart, built once per evaluation. */
function seriesIndexOf(context: EvaluationContext): SeriesIndex {
  const figures = figuresOfContext(context);
  const found = figuresOfContexts.get(context)!;
  return (found.series ??= figures.series(context.invalid));
}

/** No series: the city with no figure. */
const NO_SERIES = -1;
const CITY_ALONE: readonly number[] = [NO_SERIES];

/**
 * The series an indicator's target is assessed on. A target of the city: the city's series (with no figure when
 * it has none), then each locality's as a benchmark. A target of each locality: every series with figures, or the
 * city alone when there are none.
 */
function seriesOf(index: SeriesIndex, position: number, level: TargetLevel): readonly number[] {
  const list = index.byIndicator[position]!;
  if (level === "locality") return list.length > 0 ? list : CITY_ALONE;
  return index.citySeries[position] === NO_SERIES ? (list.length === 0 ? CITY_ALONE : [NO_SERIES, ...list]) : list;
}

function setAsideOf(
  figures: Figures,
  index: SeriesIndex,
  s: number,
  invalid: EvaluationContext["invalid"],
  upTo: number,
): { year: number; value: string; checks: readonly string[] }[] {
  const list = s < 0 ? undefined : index.setAside.get(s);
  if (!list) return [];
  return list.filter((e) => figures.periodOf(e) <= upTo).map((e) => ({ year: figures.periodOf(e), value: figures.figureText(e), checks: invalid?.get(e) ?? [] }));
}

/** Plain code-unit order, the empty key (the city) first. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const withDirection = new WeakMap<Target, Target & { direction: Indicator["direction"] }>();

/** The target with its indicator's direction, made once per target and shared by every subject that reads it. */
function targetWithDirection(target: Target, x: Indicator): Target & { direction: Indicator["direction"] } {
  let t = withDirection.get(target);
  if (!t) withDirection.set(target, (t = Object.freeze({ ...target, direction: x.direction })));
  return t;
}
/** A slot's figure as facts show it: `{ value }` or `{ met }`; null for no slot. */
function observedAt(index: SeriesIndex, k: number): { value: string | null } | { met: boolean } | null {
  if (k < 0) return null;
  const met = index.met[k]!;
  return met < 0 ? { value: index.valueAt(k) ?? null } : { met: met === 1 };
}

/** Objects of the shapes observedAt makes, refilled: for a figure read and dropped (a decision), not one kept. */
interface ObservedScratch {
  readonly value: { value: string | null };
  readonly met: { met: boolean };
}
const observedScratch = (): ObservedScratch => ({ value: { value: null }, met: { met: false } });

/** As observedAt, into the scratch objects. */
function observedInto(index: SeriesIndex, k: number, scratch: ObservedScratch): { value: string | null } | { met: boolean } | null {
  if (k < 0) return null;
  const met = index.met[k]!;
  if (met >= 0) {
    scratch.met.met = met === 1;
    return scratch.met;
  }
  scratch.value.value = index.valueAt(k) ?? null;
  return scratch.value;
}

/** A subject refilled in place: one object, and one facts object of a fixed shape, for every key of a fact set. */
function transientSubject<F extends Record<string, unknown>>(facts: F) {
  return {
    entity: "",
    period: undefined as number | undefined,
    locality: undefined as string | undefined,
    name: undefined as unknown as LocalizedText,
    facts,
    transient: true as const,
  };
}

/** The facts an indicator's subject starts with, in this order, written out in each fact set's literal. */
interface IndicatorFacts {
  indicator: string;
  measure: string | null;
  direction: Indicator["direction"];
  locality: string | null;
}

/** Refills what a transient subject of an indicator says of the indicator, its year and its locality. */
function aboutIndicator(
  subject: { entity: string; period: number | undefined; locality: string | undefined; name: LocalizedText; facts: IndicatorFacts },
  x: Indicator,
  period: number | undefined,
  locality: string | undefined,
): void {
  subject.entity = x.id;
  subject.period = period;
  subject.locality = locality;
  subject.name = nameOfIndicator(x);
  const facts = subject.facts;
  facts.indicator = x.id;
  facts.measure = x.measure ?? null;
  facts.direction = x.direction;
  facts.locality = locality ?? null;
}

function milestoneSubjects(context: EvaluationContext, whenMissing: WhenMissing): Subjects {
  const { plan, asOf } = context;
  const index = seriesIndexOf(context);
  const figures = figuresOfContext(context);
  const { period } = index;
  // Each subject is an indicator, one of its targets and a series: listed once, made when asked for, in typed arrays
  // sized by a first count (a national input has hundreds of thousands of subjects, pushed one by one they cost more).
  const assessed = (target: Target) => target.kind !== "none" && `${target.year}-12-31` < asOf;
  let count = 0;
  for (let position = 0; position < plan.indicators.length; position++)
    for (const target of plan.indicators[position]!.targets) if (assessed(target)) count += seriesOf(index, position, target.level ?? "city").length;
  const positions = new Int32Array(count);
  const targets = new Int32Array(count);
  const series = new Int32Array(count);
  // Each key's slots (from `firsts` up to, not including, `ends`) and place (-1: no series), from the index's bounds
  // and places read in list order: the series of a national input lie in no order, and reading `begin[s]`, `end[s]`
  // and the place of each series was a cache miss apiece.
  const firsts = new Int32Array(count);
  const ends = new Int32Array(count);
  const places = new Int32Array(count);
  let n = 0;
  for (let position = 0; position < plan.indicators.length; position++) {
    const x = plan.indicators[position]!;
    const listBounds = index.bounds[position]!;
    const listPlaces = index.places[position]!;
    x.targets.forEach((target, t) => {
      // A milestone is assessed once its year is over.
      if (!assessed(target)) return;
      const list = seriesOf(index, position, target.level ?? "city");
      // The series other than none are the indicator's list, in its order.
      let j = 0;
      for (let i = 0; i < list.length; i++) {
        const s = list[i]!;
        positions[n] = position;
        targets[n] = t;
        series[n] = s;
        firsts[n] = s < 0 ? 0 : listBounds[j]!;
        ends[n] = s < 0 ? 0 : listBounds[j + 1]!;
        places[n++] = s < 0 ? -1 : listPlaces[j]!;
        if (s >= 0) j++;
      }
    });
  }
  // Written out in one literal, not spread from a shared object: V8 builds spread-then-extended literals in a slow
  // mode, which made these subjects three times slower at a million observations. Rows copy it in this key order.
  const facts = {
    asOf,
    indicator: "",
    measure: null as string | null,
    direction: "increase" as Indicator["direction"],
    locality: null as string | null,
    year: 0,
    target: undefined as unknown as Target,
    targetKind: "",
    targetRaw: "",
    targetLevel: "city" as TargetLevel,
    benchmark: false,
    aspirational: false,
    observation: null as ReturnType<typeof observedAt>,
    hasObservation: false,
    observedValue: null as string | null,
    setAsideValue: null as string | null,
    failedChecks: NONE,
    whenMissing,
  };
  const subject = { ...transientSubject(facts), benchmark: false, sources: (): readonly RecordSource[] => NO_SOURCES };
  let slot = -1;
  let setAsideEntry = -1;
  const sources = () => {
    const found: RecordSource[] = [];
    if (slot >= 0) found.push(figures.sourceOf(index.entry[slot]!));
    if (setAsideEntry >= 0) found.push(figures.sourceOf(setAsideEntry));
    return found;
  };
  subject.sources = sources;
  const scratch = observedScratch();
  return {
    count: positions.length,
    at(key, only) {
      const x = plan.indicators[positions[key]!]!;
      const target = x.targets[targets[key]!]!;
      const s = series[key]!;
      // The slot of the target's year, if the series has one.
      let e = -1;
      for (let k = firsts[key]!; k < ends[key]!; k++)
        if (period[k] === target.year) {
          e = k;
          break;
        }
      // A figure of that year set aside as invalid, when no valid one is given.
      setAsideEntry = -1;
      if (e < 0 && s >= 0) for (const a of index.setAside.get(s) ?? NO_ENTRIES) if (figures.periodOf(a) === target.year) setAsideEntry = a;
      slot = e;
      const place = places[key]!;
      const locality = place < 0 ? undefined : index.placeName(place);
      const level = target.level ?? "city";
      const met = e < 0 ? -1 : index.met[e]!;
      aboutIndicator(subject, x, target.year, locality);
      subject.benchmark = level === "city" && locality !== undefined;
      facts.year = target.year;
      facts.target = targetWithDirection(target, x);
      facts.targetKind = target.kind;
      facts.targetRaw = target.raw;
      facts.targetLevel = level;
      facts.benchmark = subject.benchmark;
      facts.aspirational = target.aspirational;
      // While deciding (`only`), the subject is not kept: its figure goes in a refilled object.
      facts.observation = only ? observedInto(index, e, scratch) : observedAt(index, e);
      facts.hasObservation = e >= 0;
      facts.observedValue = e < 0 ? null : met < 0 ? (index.valueAt(e) ?? null) : met === 1 ? "đạt/met" : "không đạt/not met";
      facts.setAsideValue = setAsideEntry < 0 ? null : figures.figureText(setAsideEntry);
      facts.failedChecks = setAsideEntry < 0 ? NONE : (context.invalid?.get(setAsideEntry) ?? NONE);
      return subject;
    },
  };
}

/**
 * Each indicator and milestone year that has passed and has a target, the figures of its localities taken together:
 * how many reported a valid figure, how many meet the target, how many had theirs set aside, the least, greatest and
 * median value (exact decimals). The city's own figure is not a locality's; `cityReported` says whether it was given.
 */
function acrossLocalitiesSubjects(context: EvaluationContext): Subject[] {
  const { plan, asOf } = context;
  const index = seriesIndexOf(context);
  const figures = figuresOfContext(context);
  const subjects: Subject[] = [];
  plan.indicators.forEach((x, position) => {
    const list = index.byIndicator[position]!;
    for (const target of x.targets) {
      if (target.kind === "none" || `${target.year}-12-31` >= asOf) continue;
      const withDirection = targetWithDirection(target, x);
      const slotOf = (s: number) => {
        for (let k = index.begin[s]!; k < index.end[s]!; k++) if (index.period[k] === target.year) return k;
        return -1;
      };
      const city = index.citySeries[position]!;
      const used: number[] = [];
      const values: string[] = [];
      let reported = 0;
      let meeting = 0;
      let setAside = 0;
      for (const s of list) {
        if (index.placeOf(s) === undefined) continue;
        const k = slotOf(s);
        if (k < 0) {
          const aside = (index.setAside.get(s) ?? NO_ENTRIES).find((e) => figures.periodOf(e) === target.year);
          if (aside !== undefined) {
            setAside++;
            used.push(aside);
          }
          continue;
        }
        reported++;
        used.push(index.entry[k]!);
        if (meetsTarget(observedAt(index, k), withDirection)) meeting++;
        const value = index.met[k]! < 0 ? index.valueAt(k) : undefined;
        if (value !== undefined) values.push(value);
      }
      sortDecimals(values);
      const middle = values.length >> 1;
      const median =
        values.length === 0 ? null : values.length % 2 === 1 ? values[middle]! : new Decimal(values[middle - 1]!).plus(values[middle]!).div(2).toFixed();
      subjects.push({
        entity: x.id,
        period: target.year,
        name: nameOfIndicator(x),
        sources: () => used.map((e) => figures.sourceOf(e)),
        facts: {
          asOf,
          indicator: x.id,
          measure: x.measure ?? null,
          direction: x.direction,
          year: target.year,
          target: withDirection,
          targetKind: target.kind,
          targetRaw: target.raw,
          targetLevel: target.level ?? "city",
          cityReported: city >= 0 && slotOf(city) >= 0,
          localitiesReported: reported,
          localitiesMeetingTarget: meeting,
          localitiesSetAside: setAside,
          leastValue: values[0] ?? null,
          greatestValue: values.at(-1) ?? null,
          medianValue: median,
        },
      });
    }
  });
  return subjects;
}

const NO_SOURCES: readonly RecordSource[] = Object.freeze([]);
const NO_ENTRIES: readonly number[] = Object.freeze([]);

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

/** What progress towards an indicator's next target is read against, worked out once per indicator. */
interface NextTarget {
  readonly target: Target;
  readonly withDirection: Target & { direction: Indicator["direction"] };
  readonly value: string | undefined;
}

/** Which of a progress subject's costlier facts a caller reads (all without `only`). */
function progressWants(only: ReadonlySet<string> | undefined) {
  const reads = (...names: string[]) => only === undefined || names.some((n) => only.has(n));
  const changes = reads("actualChangePerYear", "requiredChangePerYear", "yearReachedAtPace");
  return {
    ratio: changes || reads("progressRatio", "progressScore"),
    changes,
    baselineMet: reads("baselineMet"),
    count: reads("observationCount"),
    setAside: reads("setAsideFigures", "failedChecks"),
  };
}

function progressSubjects(context: EvaluationContext, whenMissing: WhenMissing): Subjects {
  const { plan, asOf } = context;
  const index = seriesIndexOf(context);
  const figures = figuresOfContext(context);
  const { period, met, valueAt } = index;
  const asOfYear = Number(asOf.slice(0, 4));
  // The last year whose figure is due: the year before the assessment's, from the plan's own year on (before it,
  // no figure is due yet).
  const dueYear = asOfYear - 1 >= Number(plan.document.issuedOn.slice(0, 4)) ? asOfYear - 1 : null;
  // Each subject is an indicator with a target and one of its series: listed once, made when asked for.
  const nextTargets: (NextTarget | undefined)[] = [];
  let count = 0;
  for (let position = 0; position < plan.indicators.length; position++) {
    const x = plan.indicators[position]!;
    const targets = x.targets.filter((t) => t.kind !== "none");
    if (targets.length === 0) {
      nextTargets.push(undefined);
      continue;
    }
    const next = targets.find((t) => t.year >= asOfYear) ?? targets.at(-1)!;
    nextTargets.push({ target: next, withDirection: targetWithDirection(next, x), value: targetValueOf(next, x.direction) });
    count += seriesOf(index, position, next.level ?? "city").length;
  }
  // Typed arrays sized by that count: hundreds of thousands of keys, pushed one by one they cost more.
  const positions = new Int32Array(count);
  const series = new Int32Array(count);
  // Each key's slots, `first` to `last` (none: 0 and -1), from the index's bounds read in list order: the series
  // of a national input lie in no order, and reading `begin[s]` and `end[s]` for each was a cache miss apiece.
  const firsts = new Int32Array(count);
  const lasts = new Int32Array(count);
  // Each key's place (-1: no series), from the index's places in list order likewise.
  const places = new Int32Array(count);
  let n = 0;
  for (let position = 0; position < plan.indicators.length; position++) {
    const next = nextTargets[position]?.target;
    if (next === undefined) continue;
    const listBounds = index.bounds[position]!;
    const listPlaces = index.places[position]!;
    // The series other than none are the indicator's list, in its order.
    let j = 0;
    const list = seriesOf(index, position, next.level ?? "city");
    for (let i = 0; i < list.length; i++) {
      const s = list[i]!;
      positions[n] = position;
      series[n] = s;
      firsts[n] = s < 0 ? 0 : listBounds[j]!;
      lasts[n] = s < 0 ? -1 : listBounds[j + 1]! - 1;
      places[n++] = s < 0 ? -1 : listPlaces[j]!;
      if (s >= 0) j++;
    }
  }
  const facts = {
    asOf,
    indicator: "",
    measure: null as string | null,
    direction: "increase" as Indicator["direction"],
    locality: null as string | null,
    nextTarget: undefined as unknown as Target,
    nextTargetYear: 0,
    targetLevel: "city" as TargetLevel,
    benchmark: false,
    numericTarget: false,
    targetValue: null as string | null,
    baselineYear: null as number | null,
    baselineValue: null as string | null,
    latestYear: null as number | null,
    latestValue: null as string | null,
    latestObservation: null as ReturnType<typeof observedAt>,
    dueYear,
    hasDueFigure: false,
    baselineMet: false,
    observationCount: 0,
    actualChangePerYear: null as string | null,
    requiredChangePerYear: null as string | null,
    progressRatio: null as string | null,
    progressScore: null as string | null,
    yearReachedAtPace: null as number | null,
    setAsideFigures: NONE as readonly unknown[],
    failedChecks: NONE,
    whenMissing,
  };
  const subject = { ...transientSubject(facts), benchmark: false, sources: (): readonly RecordSource[] => NO_SOURCES };
  let baselineSlot = -1;
  let latestSlot = -1;
  let current = -1;
  const latestScratch = observedScratch();
  const baselineScratch = observedScratch();
  let lastOnly: ReadonlySet<string> | undefined;
  let wants = progressWants(undefined);
  subject.sources = () => {
    const found: RecordSource[] = [];
    if (baselineSlot >= 0) found.push(figures.sourceOf(index.entry[baselineSlot]!));
    if (latestSlot >= 0 && latestSlot !== baselineSlot) found.push(figures.sourceOf(index.entry[latestSlot]!));
    for (const e of current < 0 ? NO_ENTRIES : (index.setAside.get(current) ?? NO_ENTRIES)) if (figures.periodOf(e) < asOfYear) found.push(figures.sourceOf(e));
    return found;
  };
  return {
    count: positions.length,
    at(key, only) {
      if (only !== lastOnly) {
        lastOnly = only;
        wants = progressWants(only);
      }
      const x = plan.indicators[positions[key]!]!;
      const { target: next, withDirection: nextTarget, value: targetValue } = nextTargets[positions[key]!]!;
      const s = series[key]!;
      current = s;
      // The series up to the last year that is over: slots from `first` to `last`, sorted by year. A figure for the
      // year under way is preliminary: were it read, withholding a bad one would raise the score.
      const first = firsts[key]!;
      let last = lasts[key]!;
      while (last >= first && period[last]! >= asOfYear) last--;
      const baseline = last >= first ? first : -1;
      const latest = last >= first ? last : -1;
      baselineSlot = baseline;
      latestSlot = latest;
      const baselineYear = baseline < 0 ? null : period[baseline]!;
      const latestYear = latest < 0 ? null : period[latest]!;
      const baselineValue = baseline < 0 || met[baseline]! >= 0 ? undefined : valueAt(baseline);
      const latestValue = latest < 0 || met[latest]! >= 0 ? undefined : valueAt(latest);
      const progress =
        wants.ratio && baselineValue !== undefined && latestValue !== undefined && targetValue !== undefined && latestYear! > baselineYear! && next.year > baselineYear!
          ? progressRatio(baselineValue, latestValue, targetValue, latestYear! - baselineYear!, next.year - baselineYear!, wants.changes)
          : undefined;
      const place = places[key]!;
      const locality = place < 0 ? undefined : index.placeName(place);
      const level = next.level ?? "city";
      aboutIndicator(subject, x, undefined, locality);
      subject.benchmark = level === "city" && locality !== undefined;
      facts.nextTarget = nextTarget;
      facts.nextTargetYear = next.year;
      facts.targetLevel = level;
      facts.benchmark = subject.benchmark;
      facts.numericTarget = targetValue !== undefined;
      facts.targetValue = targetValue ?? null;
      facts.baselineYear = baselineYear;
      facts.baselineValue = baselineValue ?? null;
      facts.latestYear = latestYear;
      facts.latestValue = latestValue ?? null;
      // While deciding (`only`), the subject is not kept: its figure goes in a refilled object.
      facts.latestObservation = only ? observedInto(index, latest, latestScratch) : observedAt(index, latest);
      facts.hasDueFigure = dueYear === null || latestYear === dueYear;
      facts.progressRatio = progress?.ratio ?? null;
      facts.progressScore = progress?.clamped ?? null;
      if (wants.baselineMet) facts.baselineMet = baseline >= 0 && latest !== baseline && meetsTarget(observedInto(index, baseline, baselineScratch), nextTarget);
      if (wants.count) {
        let years = 0;
        for (let k = first; k <= last; k++) if (k === first || period[k] !== period[k - 1]) years++;
        facts.observationCount = years;
      }
      if (wants.changes) {
        facts.actualChangePerYear = progress?.actual ?? null;
        facts.requiredChangePerYear =
          progress?.required ??
          (baselineValue !== undefined && targetValue !== undefined && next.year > baselineYear! ? changePerYear(baselineValue, targetValue, next.year - baselineYear!) : null);
        facts.yearReachedAtPace =
          progress && latestValue !== undefined && targetValue !== undefined
            ? yearAtPace(latestValue, latestYear!, targetValue, progress.actual!, x.direction === "decrease" ? "decrease" : "increase")
            : null;
      }
      if (wants.setAside) {
        const setAside = setAsideOf(figures, index, s, context.invalid, asOfYear - 1);
        facts.setAsideFigures = setAside.length === 0 ? NONE : setAside;
        facts.failedChecks = setAside.length === 0 ? NONE : [...new Set(setAside.flatMap((f) => f.checks))].sort(byCodeUnits);
      }
      return subject;
    },
  };
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

/**
 * What a task's reports say, as its rules read them. The report judged is the latest that does not say the task
 * was cancelled: an agency's "cancelled" is a claim, and only the People's Committee's amendment of the plan
 * cancels a task, so the task is judged as if that report had not been sent. The claim is kept in
 * `cancellationClaimedOn` when it is the agency's latest word.
 */
function reportFacts(reports: readonly TaskReportFact[]) {
  const judged = latestReport(reports.filter((r) => r.status !== "cancelled"));
  const claim = latestReport(reports.filter((r) => r.status === "cancelled"));
  const claimStands = claim !== undefined && (judged === undefined || (claim.reportedOn ?? "") > (judged.reportedOn ?? ""));
  const completed = judged?.status === "completed" ? latestReport(reports.filter((r) => r.status === "completed")) : undefined;
  return {
    facts: {
      hasReport: judged !== undefined,
      reportStatus: judged?.status ?? null,
      reportedOn: judged?.reportedOn ?? null,
      completedOn: completed ? (completed.completedOn ?? completed.reportedOn ?? null) : null,
      evidence: judged?.evidence ?? null,
      cancellationClaimedOn: claimStands ? (claim.reportedOn ?? null) : null,
    },
    used: [judged, claimStands ? claim : undefined].flatMap((r) => (r?.source ? [r.source] : [])),
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

/** How many days after `due` a date is, or null when it is not after it (or either is absent). */
function daysAfter(date: string | null, due: string | null): number | null {
  if (date === null || due === null || date <= due) return null;
  return daysBetween(due, date);
}

const sourcesOf = (used: readonly RecordSource[]) => () => used;

function taskDeadlineSubjects({ plan, asOf, taskReports }: EvaluationContext): Subject[] {
  const reports = reportIndex(taskReports, asOf);
  const issuedOn = plan.document.issuedOn;
  // Every task that carries its own assignment: the rule skips recurring duties and marks tasks without a date.
  return assessable(plan).map((t) => {
    const due = t.deadline?.due ?? null;
    const { facts, used } = reportFacts(reports.get(t.id) ?? []);
    return {
      entity: t.id,
      name: nameOfTask(t),
      sources: sourcesOf(used),
      facts: {
        asOf,
        task: t.id,
        deadlineKind: t.deadline?.kind ?? null,
        due,
        daysUntilDue: due === null ? null : daysBetween(asOf, due),
        issuedOn,
        dueBeforeSigning: due !== null && due < issuedOn,
        ...facts,
        daysLate: daysAfter(facts.completedOn, due),
      },
    };
  });
}

/**
 * Recurring duties, a subject for each year from the plan's own (or the year a "from" deadline starts) to the year
 * of the assessment: annual tasks (`annual`, `fromYear`) and continuous ones. A year's report is due on
 * `dueMonthDay` of that year and is judged by the day it was sent.
 */
function taskRecurringSubjects({ plan, asOf, taskReports }: EvaluationContext, kind: "annual" | "continuous", dueMonthDay: string): Subject[] {
  const reports = reportIndex(taskReports, asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const planYear = Number(plan.document.issuedOn.slice(0, 4));
  const subjects: Subject[] = [];
  for (const t of assessable(plan)) {
    const d = t.deadline;
    if (!d || (kind === "annual" ? d.kind !== "annual" && d.kind !== "fromYear" : d.kind !== "continuous")) continue;
    const first = d.kind === "fromYear" ? Number(d.from!.slice(0, 4)) : planYear;
    const all = reports.get(t.id) ?? [];
    for (let period = first; period <= asOfYear; period++) {
      const periodDue = `${period}-${dueMonthDay}`;
      // A report names its year; one without a year counts for the year it was made in.
      const forPeriod = all.filter((r) => (r.period ?? (r.reportedOn ? Number(r.reportedOn.slice(0, 4)) : undefined)) === period);
      const { facts, used } = reportFacts(forPeriod);
      subjects.push({
        entity: t.id,
        period,
        name: nameOfTask(t),
        sources: sourcesOf(used),
        facts: {
          asOf,
          task: t.id,
          deadlineKind: d.kind,
          period,
          periodDue,
          daysUntilDue: daysBetween(asOf, periodDue),
          ...facts,
          daysLate: daysAfter(facts.reportedOn, periodDue),
        },
      });
    }
  }
  return subjects;
}

// ---------------------------------------------------------------- observations

/** Figure slots per indicator: one per year from 1900 (a year outside is decided apart). */
export const FIGURE_SLOTS_PER_INDICATOR = 512;
const FIRST_SLOT_YEAR = 1900;

/**
 * The facts of an observation subject that follow from its indicator, year and figure (or are the same for every
 * observation of a run): rules reading only these decide alike on equal figures. Not `locality`.
 */
export const OBSERVATION_KEY_FACTS: ReadonlySet<string> = new Set([
  "asOf",
  "indicator",
  "measure",
  "direction",
  "period",
  "value",
  "met",
  "firstYear",
  "lastTargetYear",
  "conflicting",
  "conflictingValues",
]);

function observationSubjects(context: EvaluationContext, baselineYears: number, known?: (figureSlot: number, figureKey: string, figureId: number) => boolean): Subjects {
  const { plan, asOf, conflicts } = context;
  const figures = figuresOfContext(context);
  const firstYear = Number(plan.document.issuedOn.slice(0, 4)) - baselineYears;
  // One subject and one facts object, refilled for each observation: the checks rarely keep a row, and a
  // million short-lived objects would cost more in garbage collection than the checks themselves.
  const facts = {
    asOf,
    indicator: "",
    measure: null as string | null,
    direction: "increase" as Indicator["direction"],
    locality: null as string | null,
    period: 0,
    value: null as string | null,
    met: null as boolean | null,
    firstYear,
    lastTargetYear: null as number | null,
    conflicting: false,
    conflictingValues: NONE,
  };
  const subject = { ...transientSubject(facts), figureSlot: -1, figureKey: "", figureId: -1, sources: (): readonly RecordSource[] => NO_SOURCES };
  // The record checked: an entry of the table, or a conflict's records.
  let entry = -1;
  let conflictSources: readonly RecordSource[] = NO_SOURCES;
  subject.sources = () => (entry >= 0 ? [figures.sourceOf(entry)] : conflictSources);
  const fill = (x: Indicator, period: number, locality: string | undefined, value: string | undefined, met: boolean | undefined, conflictingValues: readonly string[], slot: number, id: number): Subject => {
    subject.figureSlot = slot;
    subject.figureId = id;
    subject.figureKey = value ?? (met === true ? MET_KEY : NOT_MET_KEY);
    aboutIndicator(subject, x, period, locality);
    facts.period = period;
    facts.value = value ?? null;
    facts.met = met ?? null;
    facts.lastTargetYear = x.targets.at(-1)?.year ?? null;
    facts.conflicting = conflictingValues.length > 0;
    facts.conflictingValues = conflictingValues.length > 0 ? [...conflictingValues] : NONE;
    return subject;
  };
  const { order } = figures;
  // Keys: the accepted observations in order, then the conflicts of known indicators.
  const conflicting = conflicts.flatMap((c) => {
    const x = plan.indicator(c.indicator);
    return x ? [{ x, c }] : [];
  });
  const slotOf = (e: number) => {
    const period = figures.periodOf(e);
    return period >= FIRST_SLOT_YEAR && period < FIRST_SLOT_YEAR + FIGURE_SLOTS_PER_INDICATOR ? figures.indicatorOf(e) * FIGURE_SLOTS_PER_INDICATOR + (period - FIRST_SLOT_YEAR) : -1;
  };
  const figureOf = (e: number) => {
    const met = figures.metOf(e);
    return met < 0 ? figures.valueOf(e)! : met === 1 ? MET_KEY : NOT_MET_KEY;
  };
  return {
    count: order.length + conflicting.length,
    entryOf: (key) => (key < order.length ? order[key]! : -1),
    at(key) {
      if (key >= order.length) {
        const { x, c } = conflicting[key - order.length]!;
        entry = -1;
        conflictSources = c.sources ?? NO_SOURCES;
        return fill(x, c.period, c.locality, undefined, undefined, c.values, -1, -1);
      }
      const e = order[key]!;
      entry = e;
      const met = figures.metOf(e);
      return fill(figures.indicators[figures.indicatorOf(e)]!, figures.periodOf(e), figures.placeOf(e), met < 0 ? figures.valueOf(e) : undefined, met < 0 ? undefined : met === 1, NONE, slotOf(e), figures.valueIdOf(e));
    },
    ...(known
      ? {
          skips(key: number) {
            if (key >= order.length) return false;
            const e = order[key]!;
            const slot = slotOf(e);
            return slot >= 0 && known(slot, figureOf(e), figures.valueIdOf(e));
          },
        }
      : {}),
  };
}

const NONE: readonly string[] = Object.freeze([]);
// Figure keys of met and not met: a value is a decimal and never starts with a NUL.
const MET_KEY = "\u0000met";
const NOT_MET_KEY = "\u0000not met";

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
  return plan.indicators.map((x) => {
    const isHeading = (x.children?.length ?? 0) > 0 && x.targets.length === 0;
    // The years come from the plan's data (its groups' milestone years): each plan has its own.
    const missing = isHeading ? [] : milestoneYearsOf(plan, x).filter((y) => !x.targets.some((t) => t.year === y));
    const duplicates = plan.indicators
      // A plan may repeat an indicator in another group for another horizon; only a repeat within one group is a duplicate.
      .filter((o) => o.id !== x.id && o.group === x.group && folded.get(o) === folded.get(x))
      .map((o) => o.id);
    return {
      entity: x.id,
      name: nameOfIndicator(x),
      facts: {
        indicator: x.id,
        appendix: x.appendix ?? null,
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
