import { Decimal } from "../decimal.js";
import { lazyProperty } from "../lazy.js";
import type { DefinedPlan } from "../model/define-plan.js";
import { isIsoDate } from "../model/text.js";
import { vietnamDate } from "../model/vietnam-time.js";
import { scoringInput } from "../input/for-scoring.js";
import type { ReadInput } from "../model/records.js";
import { loadRules, type LoadedRule, type LoadOptions, type RuleSource } from "../rules/load.js";
import { compileRule, decideCompiled, decimalBoundsOf, type CompiledRule } from "../rules/compile.js";
import { compareDecimals } from "../rules/operators.js";
import { RuleFileError } from "../rules/errors.js";
import { decide } from "../rules/run.js";
import type { FactSetName, Outcome } from "../rules/rule-file.js";
import type { AppliesTo } from "../model/verdict.js";
import { standardRules } from "../rules/standard.js";
import { VERSION } from "../version.js";
import type { Scorecard } from "../model/scorecard.js";
import { FIGURE_SLOTS_PER_INDICATOR, OBSERVATION_KEY_FACTS, subjectParameterProblem, subjectParameters, subjectsFor, type EvaluationContext, type Subject, type SubjectParameters } from "./subjects.js";
import { DEFAULT_MIN_COVERAGE, STANDARD_BANDS, wholeWeight, type BandDefinition } from "./summarize.js";
import { KeptRows, rowsMadeWhenRead, sortObservationRows } from "./rows.js";
import { Tallies } from "./tallies.js";
import { ruleWeight, scoreOf } from "../rules/score.js";
import { OptionsError } from "../errors.js";
import { appFactTable, checkAppFacts, withAppFacts, type AppFactValues } from "./app-facts.js";
import type { AppliedChanges, RowChange, ScoringChanges } from "./plan-changes.js";

/**
 * What {@link evaluate} scores. With `amendments` (or `successions`, `agencies`) each entity is judged by the plan in
 * force on `asOf` (see `planInForce`); with `waivers`, the rows a waiver in force covers are exempted.
 */
export interface EvaluateOptions extends LoadOptions, ScoringChanges {
  readonly plan: DefinedPlan;
  /**
   * Observations as an app holds them, typed or not (an app's own are best typed {@link ObservationInput}); checked,
   * and listed in `rejected` when unusable.
   */
  readonly observations?: readonly unknown[] | undefined;
  /** Task reports as an app holds them ({@link TaskReportInput}), checked likewise. */
  readonly taskReports?: readonly unknown[] | undefined;
  /** Input already read from files (`readCsvRecords`, `readJsonRecords`, `mergeInputs`), used beside the arrays. */
  readonly input?: ReadInput | undefined;
  /** The date to assess the plan on: a `YYYY-MM-DD` Vietnam date or an instant. Default: today in Vietnam. */
  readonly asOf?: string | Date | undefined;
  /** Rule files to use. Default: the standard rules of `rules/`. */
  readonly rules?: readonly RuleSource[] | undefined;
  /** Score bands, highest first. */
  readonly bands?: readonly BandDefinition[] | undefined;
  /**
   * The least coverage (a decimal from 0 to 1) a summary needs for a band; below it the score is marked provisional
   * and given no band. Default `"0.5"`.
   */
  readonly minCoverage?: string | undefined;
  /**
   * How rules run: `compiled` (default) compiles each rule once into plain functions; `interpreter` runs every rule
   * in a stock json-rules-engine (loaded then), the reference the compiled path is tested against.
   */
  readonly engine?: "compiled" | "interpreter" | undefined;
  /** The values of the facts the app declares in `appFacts`, by task, agency, or indicator and locality. */
  readonly appFactValues?: AppFactValues | undefined;
}

/**
 * Scores a plan on what agencies reported, as of a date: runs every rule on every entity it applies to
 * and sums the verdicts up by indicator group, task group, lead agency, locality and overall.
 *
 * Every verdict, score and summary is decided before the promise resolves; the row objects, with their facts and
 * messages, are made when `scorecard.rows` is first read, then kept as a plain property, and so are the input's
 * notes (`scorecard.notes`). An app that sends only
 * `summary` never pays for the half a million rows of a national scorecard; one that reads them gets the same rows.
 *
 * @example
 * const scorecard = await evaluate({
 *   plan: plans["haiphong-142"],
 *   observations: [{ indicator: "PL2-1", period: 2025, value: "62" }],
 *   taskReports: [{ task: "T-2.1", status: "completed", reportedOn: "2025-06-20" }],
 *   asOf: "2026-03-31",
 * });
 * scorecard.summary.overall.score; //=> e.g. "0.4167"
 */
export async function evaluate(options: EvaluateOptions): Promise<Scorecard> {
  const signed = checkPlan(options.plan);
  const asOf = typeof options.asOf === "string" ? checkDate(options.asOf) : checkInstant(options.asOf ?? new Date());
  // The plan's changes, loaded only when there are some: the plan in force, waivers, and the rows they set apart.
  const changes = await changesOf(signed, options, asOf);
  const plan = changes?.plan ?? signed;
  const minCoverage = checkMinCoverage(options.minCoverage ?? DEFAULT_MIN_COVERAGE);
  if (options.appFactValues && !options.appFacts) throw new OptionsError("appFactValues", "values are given for facts no appFacts declares");
  if (options.appFacts) checkAppFacts(options.appFacts);
  const rules = loadRules(options.rules ?? standardRules, options);
  const appFacts = options.appFacts ? appFactTable(plan, options.appFacts, options.appFactValues ?? {}) : undefined;
  for (const rule of rules) {
    const problem = subjectParameterProblem(rule.definition.factSet, rule.parameters);
    if (problem) throw new RuleFileError(rule.file, `parameters.${problem.parameter}`, problem.reason);
  }
  const input = scoringInput(plan, options, asOf);
  // Figures failing a high-severity check of reported figures, found in the first pass, set aside for the rest.
  const invalid = new Map<number, string[]>();
  const context: EvaluationContext = {
    plan,
    asOf,
    observations: input.figures,
    taskReports: input.taskReports,
    conflicts: input.conflicts,
    localityNames: input.localityNames,
    invalid,
  };

  // Rules are listed performance first (tasks and indicators), then the checks of figures, then those of the plan.
  const runners = byKind(rules).map((rule) => runnerFor(rule, options.engine ?? "compiled"));
  // Each rule's rows are kept as the subject's key and the case decided; a row is made when read.
  const kept: KeptRows[] = runners.map(({ rule }) => new KeptRows(rule));
  const tallies = new Tallies(plan);
  // Each rule's weight as text and as a whole number, worked out once rather than for each row.
  const weights = runners.map(({ rule }) => ruleWeight(rule));
  const wholeWeights = weights.map(wholeWeight);
  // Rules reading the same fact set share one pass over its subjects; the checks of reported figures go first, so
  // that the figures they find invalid are set aside before milestones and progress are read.
  for (const group of groupByFactSet(runners)) {
    const members = group.members;
    const checksFigures = group.factSet === "observation";
    const memo = checksFigures ? observationMemo(members.map((i) => runners[i]!), plan.indicators.length) : undefined;
    const made = subjectsFor(group.factSet, context, group.parameters, memo?.skips);
    const subjects = appFacts ? withAppFacts(made, group.factSet, plan, appFacts) : made;
    for (const i of members) kept[i]!.subjects = subjects;
    const only = factsDecidedOn(members.map((i) => runners[i]!));
    for (let key = 0; key < subjects.count; key++) {
      if (subjects.skips?.(key)) continue;
      const subject = subjects.at(key, only);
      const decided = memo?.decide(subject);
      for (let m = 0; m < members.length; m++) {
        const runner = runners[members[m]!]!;
        // The case decided, kept as its number while the row's outcome is that case's own.
        let index = decided ? decided[m]! : runner.compiled ? caseOf(runner.compiled, subject.facts) : -1;
        let outcome = index >= 0 ? runner.rule.cases[index]!.event.params : (await decide(runner.rule, subject.facts)).outcome;
        if (outcome.skip) continue;
        let change: RowChange | undefined;
        if (changes) {
          const decidedOutcome = outcome;
          ({ outcome, change } = changes.adjust(subject, runner.rule.definition.appliesTo, outcome, runner.rule.definition.statuses));
          if (outcome !== decidedOutcome) index = -1;
        }
        const rows = kept[members[m]!]!;
        const score = scoreOf(outcome, subject.facts, runner.rule.parameters);
        rows.add(key, index, outcome, subject.benchmark === true);
        const definition = runner.rule.definition;
        if (checksFigures && outcome.verdict === "fail" && definition.severity === "high") setAside(invalid, subjects.entryOf?.(key) ?? -1, runner.rule.id);
        tallies.add(subject, definition.appliesTo, outcome, score, weights[members[m]!]!, change, wholeWeights[members[m]!]!);
      }
    }
  }
  // Observation checks follow the input's order; sort their rows so that the scorecard does not.
  for (const rows of kept) if (rows.rule.definition.factSet === "observation") sortObservationRows(rows);

  const scorecard: Scorecard = {
    plan: { id: plan.id, number: plan.document.number },
    asOf,
    // Scorecards made with other rules than the standard set say so in their version.
    rulesVersion: (options.rules ?? standardRules).every((r) => standardRules.includes(r)) ? VERSION : `${VERSION}+custom`,
    rules: runners.map(({ rule: r, compiled }) => ({
      id: r.id,
      title: r.definition.title,
      severity: r.definition.severity,
      appliesTo: r.definition.appliesTo,
      weight: ruleWeight(r),
      file: r.file,
      engine: compiled ? ("compiled" as const) : ("json-rules-engine" as const),
      statuses: changes ? changes.statuses(r.definition.statuses, r.definition.appliesTo) : r.definition.statuses,
    })),
    rows: [],
    summary: tallies.summaries({ bands: options.bands ?? STANDARD_BANDS, minCoverage }),
    minCoverage,
    input: input.counts,
    rejected: input.rejected,
    notes: [],
    ...changes?.report(),
  };
  // The input's notes, like the rows, are made when first read.
  lazyProperty(scorecard, "notes", () => input.notes);
  rowsMadeWhenRead(scorecard, kept, changes?.annotate);
  return scorecard;
}

/** The changes of the plan an evaluation applies, or undefined when it has none (nor does the plan carry any). */
async function changesOf(plan: DefinedPlan, options: EvaluateOptions, asOf: string): Promise<AppliedChanges | undefined> {
  const marked = (e: { amendedBy?: unknown; inactive?: unknown; successions?: unknown }) => e.amendedBy !== undefined || e.inactive !== undefined || e.successions !== undefined;
  const given = options.amendments ?? options.successions ?? options.agencies ?? options.waivers;
  if (given === undefined && !plan.tasks.some(marked) && !plan.indicators.some(marked)) return undefined;
  const { applyChanges } = await import("./plan-changes.js");
  return applyChanges(plan, asOf, options);
}

interface FactSetGroup {
  readonly factSet: FactSetName;
  readonly parameters: SubjectParameters;
  /** Indexes of the runners in this group, in rule order. */
  readonly members: number[];
}

const KIND_ORDER: Readonly<Record<AppliesTo, number>> = { indicator: 0, task: 0, observation: 1, plan: 2 };

/** The rules in the order a scorecard lists them: performance, then checks of the figures, then of the plan; else as given. */
function byKind(rules: readonly LoadedRule[]): LoadedRule[] {
  return rules.map((rule, i) => ({ rule, i })).sort((a, b) => KIND_ORDER[a.rule.definition.appliesTo] - KIND_ORDER[b.rule.definition.appliesTo] || a.i - b.i).map(({ rule }) => rule);
}

/** Records that an entry of the observation table failed a check: its figure is set aside. */
function setAside(invalid: Map<number, string[]>, entry: number, rule: string): void {
  if (entry < 0) return;
  const checks = invalid.get(entry);
  if (!checks) invalid.set(entry, [rule]);
  else if (!checks.includes(rule)) checks.push(rule);
}

function checkMinCoverage(value: unknown): string {
  if (typeof value !== "string" || !/^(?:0(?:\.\d+)?|1(?:\.0+)?)$/.test(value))
    throw new OptionsError("minCoverage", `${JSON.stringify(value)} is not a decimal from 0 to 1, such as "0.5"`);
  return new Decimal(value).toString();
}

function checkPlan(plan: unknown): DefinedPlan {
  const p = plan as Partial<DefinedPlan> | undefined;
  if (typeof p !== "object" || p === null || !Array.isArray(p.indicators) || typeof p.task !== "function")
    throw new OptionsError("plan", "a plan is needed: one of the bundled plans (plans[id]) or one made by definePlan");
  return p as DefinedPlan;
}

function checkInstant(value: unknown): string {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new OptionsError("asOf", `${String(value)} is not a date: give YYYY-MM-DD or a valid Date`);
  return vietnamDate(value);
}

/**
 * Rules of one fact set whose subjects are made alike (the same subject parameters, defaults applied) share a pass;
 * the checks of reported figures come first.
 */
function groupByFactSet(runners: readonly Runner[]): FactSetGroup[] {
  const groups = new Map<string, FactSetGroup>();
  runners.forEach(({ rule }, i) => {
    const factSet = rule.definition.factSet;
    const parameters = subjectParameters(factSet, rule.parameters);
    const key = `${factSet}|${JSON.stringify(parameters)}`;
    const group = groups.get(key);
    if (group) group.members.push(i);
    else groups.set(key, { factSet, parameters, members: [i] });
  });
  const all = [...groups.values()];
  return [...all.filter((g) => g.factSet === "observation"), ...all.filter((g) => g.factSet !== "observation")];
}

/**
 * The facts that rules' decisions and scores read, or undefined when a rule runs in json-rules-engine (which may read
 * any): the rest are left out of the subjects while deciding, and made for the rows read.
 */
function factsDecidedOn(runners: readonly Runner[]): ReadonlySet<string> | undefined {
  const facts = new Set<string>();
  for (const { rule, compiled } of runners) {
    if (!compiled) return undefined;
    for (const f of compiled.factsRead) facts.add(f);
    for (const k of rule.cases) {
      const score = k.event.params.score;
      if (typeof score === "object" && "fact" in score) facts.add(score.fact);
    }
  }
  return facts;
}

interface Runner {
  readonly rule: LoadedRule;
  /** Absent when the rules run in json-rules-engine, as asked. */
  readonly compiled?: CompiledRule;
}

function runnerFor(rule: LoadedRule, engine: "compiled" | "interpreter"): Runner {
  return engine === "interpreter" ? { rule } : { rule, compiled: compileRule(rule) };
}

/** How many distinct observation figures are remembered (each an entry of a map); beyond, the rest are decided one by one. */
const MEMO_LIMIT = 2_000_000;

/**
 * Decisions on an observation depend on its indicator, year and figure alone, unless a rule reads its locality
 * (or it is a conflict, decided apart): each distinct figure is decided once, and a million observations of a few
 * thousand distinct figures take a few thousand decisions. Gives the case index of each rule, or undefined when
 * the observation must be decided on its own. Undefined when a rule runs in json-rules-engine or reads the locality.
 */
function observationMemo(runners: readonly Runner[], indicators: number): ObservationMemo | undefined {
  const compiled = runners.map((r) => r.compiled);
  if (compiled.some((c) => c === undefined || [...c.factsRead].some((f) => !OBSERVATION_KEY_FACTS.has(f)))) return undefined;
  const rules = compiled as CompiledRule[];
  // When every rule compares the value only with literal bounds, a value decides as any other value ordered alike
  // against every bound: a slot's figures fall in a few classes (below, at, between, above the bounds), decided once
  // each, where most of a national input's values are distinct and each was decided anew. Values with a number
  // (figureId, non-negative canonical decimals) are classed, once per number; the rest are found by their text.
  const bounds = valueBounds(rules);
  const classCount = bounds === undefined ? 0 : 2 * bounds.length + 1;
  // Per value number: its class + 1 (0: not classed yet).
  let classes = new Uint8Array(bounds === undefined ? 0 : 1024);
  const classOf = (figure: string, id: number): number => {
    if (id >= classes.length) {
      const bigger = new Uint8Array(Math.max(2 * classes.length, 1 << Math.ceil(Math.log2(id + 1))));
      bigger.set(classes);
      classes = bigger;
    }
    let c = classes[id]!;
    if (c === 0) classes[id] = c = valueClass(figure, bounds!) + 1;
    return c - 1;
  };
  // Per slot: the decision of each class (made when the slot's first figure is decided).
  const byClass: (Decided | undefined)[][] = [];
  // By indicator and year, then by figure: each rule's case, and whether every one skips. A slot holds the number
  // of its map in `maps` (0: none yet): a zeroed typed array is quick to make for a plan scorecard of a few figures.
  // A figure with a number (figureId) is found by it in the slot's array of decisions instead, without reading its text.
  const slots = new Int32Array(indicators * FIGURE_SLOTS_PER_INDICATOR);
  const maps: Map<string, Decided>[] = [];
  const mapOf = (slot: number): Map<string, Decided> | undefined => {
    const n = slots[slot]!;
    return n === 0 ? undefined : maps[n - 1];
  };
  // Per slot, by figure number: the decision's place in `decisions` + 1 (0: not decided yet).
  const byId: (Int32Array | undefined)[] = [];
  const decisions: Decided[] = [];
  const decisionNumbers = new Map<Decided, number>();
  const find = (slot: number, figure: string, id: number): Decided | undefined => {
    if (id >= 0 && classCount > 0) return byClass[slot]?.[classOf(figure, id)];
    if (id < 0 || id >= MEMO_IDS) return mapOf(slot)?.get(figure);
    const ids = byId[slot];
    const n = ids === undefined || id >= ids.length ? 0 : ids[id]!;
    return n === 0 ? undefined : decisions[n - 1];
  };
  const remember = (slot: number, figure: string, id: number, decided: Decided) => {
    if (id >= 0 && classCount > 0) {
      (byClass[slot] ??= new Array<Decided | undefined>(classCount).fill(undefined))[classOf(figure, id)] = decided;
      return;
    }
    if (id >= 0 && id < MEMO_IDS) {
      let ids = byId[slot];
      if (ids === undefined || id >= ids.length) {
        const bigger = new Int32Array(Math.min(MEMO_IDS, Math.max(64, 2 * (ids?.length ?? 0), 1 << Math.ceil(Math.log2(id + 1)))));
        if (ids) bigger.set(ids);
        byId[slot] = ids = bigger;
      }
      let n = decisionNumbers.get(decided);
      if (n === undefined) {
        decisions.push(decided);
        decisionNumbers.set(decided, (n = decisions.length));
      }
      ids[id] = n;
      return;
    }
    let byFigure = mapOf(slot);
    if (!byFigure) {
      maps.push((byFigure = new Map()));
      slots[slot] = maps.length;
    }
    byFigure.set(figure, decided);
  };
  // Figures decided alike share one decision, by the rules' cases: a national input has hundreds of thousands of
  // figures, and few decisions.
  const distinct = new Map<number | string, Decided>();
  const cases = new Int32Array(rules.length);
  // The figure `skips` last looked up, and what it found: the scorer asks `decide` for the same figure next.
  let lastSlot = -1;
  let lastFigure = "";
  let lastId = -1;
  let lastFound: Decided | undefined;
  let size = 0;
  return {
    skips(slot, figure, id) {
      lastSlot = slot;
      lastFigure = figure;
      lastId = id;
      lastFound = find(slot, figure, id);
      return lastFound?.skipped === true;
    },
    decide(subject) {
      const slot = subject.figureSlot ?? -1;
      if (slot < 0) return undefined;
      const figure = subject.figureKey!;
      const id = subject.figureId ?? -1;
      // Entries are only ever added, by this function, which forgets the last lookup: one remembered stays true.
      let decided = slot === lastSlot && id === lastId && figure === lastFigure ? lastFound : find(slot, figure, id);
      lastSlot = -1;
      if (!decided) {
        // Each rule's case as one number while it fits (a few rules of fewer than 64 cases), else as text.
        let signature = 0;
        let wide = rules.length > 8;
        for (let m = 0; m < rules.length; m++) {
          const c = rules[m]!;
          const index = c.decideIndex(subject.facts);
          if (index < 0) compiledOutcome(c, subject.facts);
          cases[m] = index;
          if (index >= 64) wide = true;
          signature = signature * 64 + index;
        }
        const key = wide ? cases.join(",") : signature;
        decided = distinct.get(key);
        if (!decided) distinct.set(key, (decided = { cases: cases.slice(), skipped: rules.every((c, m) => c.rule.cases[cases[m]!]!.event.params.skip === true) }));
        if (size < MEMO_LIMIT) {
          remember(slot, figure, id, decided);
          size++;
        }
      }
      return decided.cases;
    },
  };
}

/**
 * The bounds every rule compares an observation's value with, sorted and each once, or undefined when a rule reads the
 * value otherwise (then each figure is decided on its own).
 */
function valueBounds(rules: readonly CompiledRule[]): unknown[] | undefined {
  const bounds: unknown[] = [];
  for (const c of rules) {
    const own = decimalBoundsOf(c.rule, "value");
    if (own === undefined) return undefined;
    for (const b of own) if (!bounds.some((x) => compareDecimals(x, b) === 0)) bounds.push(b);
  }
  // A class is kept in a byte.
  if (bounds.length > 100) return undefined;
  return bounds.sort((a, b) => compareDecimals(a, b)!);
}

/**
 * A decimal's class among sorted bounds: 2i when it lies between bound i - 1 and bound i (below the first for 0,
 * above the last for 2n), 2i + 1 when it equals bound i. Values of one class compare alike with every bound.
 */
function valueClass(value: string, bounds: readonly unknown[]): number {
  let i = 0;
  for (; i < bounds.length; i++) {
    const c = compareDecimals(value, bounds[i])!;
    if (c <= 0) return c === 0 ? 2 * i + 1 : 2 * i;
  }
  return 2 * i;
}

/** Figure numbers below this are found in an array per slot; beyond, by their text. */
const MEMO_IDS = 1 << 16;

/** What each rule decided for a figure, and whether every rule skips it (then it makes no row). */
interface Decided {
  readonly cases: Int32Array;
  readonly skipped: boolean;
}

interface ObservationMemo {
  /** Whether a figure is known to make no row: its observations need not even be made into subjects. */
  skips(figureSlot: number, figureKey: string, figureId: number): boolean;
  /** Each rule's case for the subject's figure, decided once per figure; undefined when the subject is decided apart. */
  decide(subject: Subject): Int32Array | undefined;
}

/** The number of the case a compiled rule decides on some facts; throws as compiledOutcome does when none holds. */
function caseOf(compiled: CompiledRule, facts: Readonly<Record<string, unknown>>): number {
  const index = compiled.decideIndex(facts);
  if (index < 0) compiledOutcome(compiled, facts);
  return index;
}

function compiledOutcome(compiled: CompiledRule, facts: Readonly<Record<string, unknown>>): Outcome {
  const outcome = decideCompiled(compiled, facts);
  if (!outcome)
    throw new RuleFileError(compiled.rule.file, "cases", `no case holds for ${JSON.stringify(facts).slice(0, 300)}; end the rule with a case for everything else`);
  return outcome;
}

function checkDate(value: string): string {
  if (!isIsoDate(value)) throw new OptionsError("asOf", `"${value}" is not a date (YYYY-MM-DD)`);
  return value;
}
