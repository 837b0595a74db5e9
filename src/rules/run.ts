import type { Engine } from "json-rules-engine";
import { addRuleToEngine, decidedCase } from "./engine.js";
import { RuleFileError, RuleValueError } from "./errors.js";
import type { LoadedRule } from "./load.js";
import type { Outcome, RuleCase } from "./rule-file.js";

/** The case of a rule that decided, and its outcome. */
export interface Decision {
  readonly case: RuleCase;
  readonly outcome: Outcome;
}

const engines = new WeakMap<LoadedRule, Engine>();

/**
 * json-rules-engine, loaded when a rule first runs in it: the compiled path decides every rule without it, so an
 * app's bundle loads it only when asked to run rules in it (a bundler splits it into a chunk of its own).
 */
let engineModule: Promise<typeof import("json-rules-engine")> | undefined;

/** A stock json-rules-engine Engine per rule, default options, set up by {@link addRuleToEngine}. */
async function engineFor(rule: LoadedRule): Promise<Engine> {
  let engine = engines.get(rule);
  if (!engine) {
    const { Engine } = await (engineModule ??= import("json-rules-engine"));
    engines.set(rule, (engine = addRuleToEngine(new Engine(), rule)));
  }
  return engine;
}

/**
 * Runs a rule on one entity's facts in a stock json-rules-engine and returns the first case (in file order) whose
 * conditions hold.
 *
 * @throws {RuleValueError} when json-rules-engine stops with an error (a fact not given, a `TypeError`).
 * @throws {RuleFileError} when no case holds: a rule must end with a case for everything else.
 */
export async function decide(rule: LoadedRule, facts: Readonly<Record<string, unknown>>): Promise<Decision> {
  let index: number;
  try {
    const { results } = await (await engineFor(rule)).run({ ...facts });
    index = decidedCase(rule, results);
  } catch (error) {
    throw new RuleValueError(rule.file, "cases", `json-rules-engine stopped: ${error instanceof Error ? error.message : String(error)}`, true);
  }
  const k = rule.cases[index];
  if (!k) throw new RuleFileError(rule.file, "cases", `no case holds for ${JSON.stringify(facts).slice(0, 300)}; end the rule with a case for everything else`);
  return { case: k, outcome: k.event.params };
}
