/** Running a rule in the compiled path and in a stock json-rules-engine, and comparing what each decided. */
import { Engine } from "json-rules-engine";
import { addRuleToEngine, decidedCase, RuleValueError, type LoadedRule } from "../../src/index.js";
import { compileRule, type CompiledRule } from "../../src/rules/compile.js";

/** What one side decided: a case index (-1: none), or an error. */
export type Decision = { index: number } | { error: unknown };

export async function stock(rule: LoadedRule, facts: Record<string, unknown>): Promise<Decision> {
  try {
    const { results } = await addRuleToEngine(new Engine(), rule).run({ ...facts });
    return { index: decidedCase(rule, results) };
  } catch (error) {
    return { error };
  }
}

export function compiled(rule: LoadedRule | CompiledRule, facts: Record<string, unknown>, complete: boolean): Decision {
  try {
    return { index: ("decideIndex" in rule ? rule : compileRule(rule, { complete })).decideIndex(facts) };
  } catch (error) {
    return { error };
  }
}

/**
 * Whether the compiled decision may stand beside the engine's: the same case; or both stopping (the library with a
 * RuleValueError saying the engine fails too); or the library refusing a value the engine reads otherwise, with a
 * reason. Anything else is a silent difference or a crash.
 */
export function verdictOf(mine: Decision, engine: Decision): "same" | "both-fail" | "refused" | "DIFFERENT" {
  if ("index" in mine) return "index" in engine && engine.index === mine.index ? "same" : "DIFFERENT";
  if (!(mine.error instanceof RuleValueError)) return "DIFFERENT";
  if (mine.error.engineFails) return "error" in engine ? "both-fail" : "DIFFERENT";
  return "refused";
}


/** The metadata of a rule file made by a test: a low-severity rule on the milestone facts, its words placeholders. */
export function milestoneRuleHeader(id: string): Record<string, unknown> {
  const x = { vi: "x", en: "x" };
  return { id, title: x, description: x, rationale: x, severity: "low", weight: 1, appliesTo: "indicator", factSet: "milestone", planClause: x };
}
