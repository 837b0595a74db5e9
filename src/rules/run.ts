import type { Engine, RuleProperties } from "json-rules-engine";
import { RuleFileError } from "./errors.js";
import type { LoadedRule } from "./load.js";
import { OPERATORS } from "./operators.js";
import type { Outcome, RuleCase } from "./rule-file.js";

/** The case of a rule that decided, and its outcome. */
export interface Decision {
  readonly case: RuleCase;
  readonly outcome: Outcome;
}

const engines = new WeakMap<LoadedRule, Engine>();

/**
 * json-rules-engine, loaded when a rule first runs in it: the compiled path decides the standard rules without it,
 * so an app's bundle loads it only for the rules it leaves to the engine (a bundler splits it into a chunk of its own).
 */
let engineModule: Promise<typeof import("json-rules-engine")> | undefined;

/** One json-rules-engine Engine per rule: each case a rule, earlier cases with higher priority. */
async function engineFor(rule: LoadedRule): Promise<Engine> {
  let engine = engines.get(rule);
  if (!engine) {
    const { Engine } = await (engineModule ??= import("json-rules-engine"));
    engine = new Engine([], { allowUndefinedFacts: true, replaceFactsInEventParams: false });
    for (const op of OPERATORS) engine.addOperator(op.name, op.fn);
    rule.cases.forEach((k, i) =>
      engine!.addRule({ name: String(i), priority: rule.cases.length - i, conditions: k.conditions, event: k.event } as RuleProperties),
    );
    engines.set(rule, engine);
  }
  return engine;
}

/**
 * Runs a rule on one entity's facts with json-rules-engine and returns the first case (in file order)
 * whose conditions hold.
 *
 * @throws {RuleFileError} when no case holds: a rule must end with a case for everything else.
 */
export async function decide(rule: LoadedRule, facts: Readonly<Record<string, unknown>>): Promise<Decision> {
  const { results } = await (await engineFor(rule)).run({ ...facts });
  // Priorities count down from the first case, so the highest priority that held is the earliest case.
  const chosen = results.length ? Math.min(...results.map((r) => rule.cases.length - (r.priority ?? 0))) : -1;
  const k = rule.cases[chosen];
  if (!k) throw new RuleFileError(rule.file, "cases", `no case holds for ${JSON.stringify(facts).slice(0, 300)}; end the rule with a case for everything else`);
  return { case: k, outcome: k.event.params };
}
