/**
 * Rule decisions per second on the same subjects, three ways: the compiled rules, plain json-rules-engine
 * (one `engine.run` per decision, the way the engine is usually used) and a hand-written loop making the same
 * comparisons. Subjects come from synthetic observations, so the indicator rules and the observation checks
 * are what is measured.
 */
import { loadRules, standardRules } from "../../src/index.js";
import { compileRule } from "../../src/rules/compile.js";
import { compareDecimals, meetsTarget } from "../../src/rules/operators.js";
import { decide } from "../../src/rules/run.js";
import { subjectList, subjectsFor, type EvaluationContext, type Subject } from "../../src/scorecard/subjects.js";
import { plans } from "../../src/index.js";
import { syntheticObservations } from "../synthetic.js";
import { report } from "./common.js";

const count = Number(process.argv[2] ?? 100_000);
const plan = plans["haiphong-142"];
const observations = [...syntheticObservations(count)].map(([indicator, period, value, locality]) => ({ indicator, period, value, locality }));
const context: EvaluationContext = { plan, asOf: "2026-11-26", observations, taskReports: [], conflicts: [] };
const rules = loadRules(standardRules).filter((r) => ["milestone", "progress", "observation"].includes(r.definition.factSet));
const work: { rule: (typeof rules)[number]; subjects: Subject[] }[] = rules.map((rule) => ({ rule, subjects: subjectList(subjectsFor(rule.definition.factSet, context, rule.parameters)) }));
const decisions = work.reduce((n, w) => n + w.subjects.length, 0);

// Compiled: each rule's cases as closures, run synchronously.
const compiled = work.map((w) => ({ c: compileRule(w.rule), subjects: w.subjects }));
let sink = 0;
const runCompiled = () => {
  for (const { c, subjects } of compiled) for (const s of subjects) sink += c.decideIndex(s.facts);
};

// Hand-written: the same decisions as plain code, with the same exact comparisons.
const le = (a: unknown, b: unknown) => (compareDecimals(a, b) ?? 1) <= 0;
const ge = (a: unknown, b: unknown) => (compareDecimals(a, b) ?? -1) >= 0;
const lt = (a: unknown, b: unknown) => (compareDecimals(a, b) ?? 1) < 0;
const gt = (a: unknown, b: unknown) => (compareDecimals(a, b) ?? -1) > 0;
const byHand: Record<string, (f: Record<string, unknown>) => number> = {
  "indicator.milestone-met": (f) => {
    const strict = f.whenMissing === "not-met";
    if (f.hasObservation === false) return f.setAsideValue !== null ? (strict ? 0 : 1) : strict ? 2 : 3;
    return meetsTarget(f.observation, f.target) ? 4 : f.aspirational === true ? 5 : 6;
  },
  "indicator.progress": (f) => {
    if (f.hasDueFigure === true && meetsTarget(f.latestObservation, f.nextTarget)) return 0;
    if (f.numericTarget === false) return 1;
    if (f.hasDueFigure === false) return (f.whenMissing === "not-met" ? 2 : 4) + (f.latestYear === null ? 0 : 1);
    if (f.baselineMet === true) return 6;
    if (f.progressRatio === null) return 7;
    return ge(f.progressRatio, "0.95") ? 8 : ge(f.progressRatio, "0.5") ? 9 : ge(f.progressRatio, "-0.1") ? 10 : 11;
  },
  "observation.percent-in-range": (f) => (f.measure === "percent" && (lt(f.value, "0") || gt(f.value, "100")) ? 0 : 1),
  "observation.not-negative": (f) => (["count", "ratio", "index"].includes(f.measure as string) && lt(f.value, "0") ? 0 : 1),
  "observation.rank-at-least-one": (f) => (f.measure === "rank" && lt(f.value, "1") ? 0 : 1),
  "observation.year-in-plan": (f) => (gt(f.period, f.lastTargetYear) ? 0 : lt(f.period, f.firstYear) ? 1 : 2),
  "observation.consistent-values": (f) => (f.conflicting === true ? 0 : 1),
};
void le;
const runByHand = () => {
  for (const { rule, subjects } of work) {
    const fn = byHand[rule.id]!;
    for (const s of subjects) sink += fn(s.facts as Record<string, unknown>);
  }
};

/** The best of several timed passes after a warm-up pass, so that neither side pays for the JIT alone. */
function best(run: () => void, passes = 5): number {
  run();
  let fastest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}
const compiledMs = best(runCompiled);
const handMs = best(runByHand);

// The hand-written loop must agree with the compiled rules, or the comparison means nothing.
for (const { rule, subjects } of work) {
  const c = compileRule(rule);
  for (const s of subjects.slice(0, 2000)) if (c.decideIndex(s.facts) !== byHand[rule.id]!(s.facts as Record<string, unknown>)) throw new Error(`hand-written loop disagrees on ${rule.id}`);
}

// json-rules-engine: one run per decision, on a sample (it is slow), extrapolated per decision.
const sampleEvery = Math.max(1, Math.floor(decisions / 30_000));
let sampled = 0;
const t0 = performance.now();
for (const { rule, subjects } of work)
  for (let i = 0; i < subjects.length; i += sampleEvery) {
    await decide(rule, subjects[i]!.facts);
    sampled++;
  }
const engineMs = performance.now() - t0;

const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
report({
  scenario: "decisions",
  observations: count,
  decisions,
  compiledPerSecond: perSecond(decisions, compiledMs),
  handWrittenPerSecond: perSecond(decisions, handMs),
  jsonRulesEnginePerSecond: perSecond(sampled, engineMs),
  jsonRulesEngineSampled: sampled,
  sink,
});
