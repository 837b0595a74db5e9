import type { Engine, RuleProperties, RuleResult, TopLevelCondition } from "json-rules-engine";
import type { LoadedRule } from "./load.js";
import { OPERATORS } from "./operators.js";

/**
 * A rule file's cases as json-rules-engine rules, in the form `engine.addRule` takes: each case's `conditions` and
 * `event` as the file writes them (parameters `{ "param": … }` replaced by their values), named by the case, the
 * first case with the highest priority.
 */
export function engineRules(rule: LoadedRule): RuleProperties[] {
  const n = rule.cases.length;
  return rule.cases.map((k, i) => ({ name: k.name, priority: n - i, conditions: k.conditions as TopLevelCondition, event: k.event }));
}

/**
 * Makes a stock json-rules-engine `Engine` (one of its own, made by the caller, with the engine's default options)
 * run a rule file as the library does: the library's operators (`decimalAtLeast`, `dateOnOrBefore`, `meetsTarget` …,
 * beside the engine's own), the file's shared conditions (`engine.setCondition`), its cases as rules
 * ({@link engineRules}), and a listener that stops the engine at the first case that holds, so that, as in the library,
 * the cases after it are not looked at. The facts are values: give an example's `facts`, or a scorecard row's, to
 * `engine.run`; {@link decidedCase} reads which case decided. Use one engine per rule file.
 *
 * The library's own package does not load json-rules-engine for this: the caller's engine is used, so that an auditor
 * can check a rule against the engine they trust.
 *
 * @example
 * import { Engine } from "json-rules-engine";
 * const [rule] = loadRules([source]);
 * const engine = new Engine();
 * addRuleToEngine(engine, rule);
 * const { results } = await engine.run(example.facts);
 * rule.cases[decidedCase(rule, results)]?.name; //=> the case that decided
 */
export function addRuleToEngine(engine: Engine, rule: LoadedRule): Engine {
  for (const op of OPERATORS) if (!op.engine) engine.addOperator(op.name, op.fn);
  for (const [name, condition] of Object.entries(rule.sharedConditions)) engine.setCondition(name, condition as TopLevelCondition);
  for (const properties of engineRules(rule)) engine.addRule(properties);
  engine.on("success", () => {
    engine.stop();
  });
  return engine;
}

/** The index of the case that decided, from `engine.run`'s `results` on an engine set up by {@link addRuleToEngine}; -1 if none held. */
export function decidedCase(rule: LoadedRule, results: readonly RuleResult[]): number {
  const n = rule.cases.length;
  // Each case's priority counts down from the first: the highest that held is the earliest case.
  return results.length === 0 ? -1 : n - Math.max(...results.map((r) => r.priority ?? 0));
}
