import { compileRule } from "./compile.js";
import { decidedCase, addRuleToEngine } from "./engine.js";
import { RuleValueError } from "./errors.js";
import { loadRules, type LoadedRule, type LoadOptions, type RuleSource } from "./load.js";
import type { RuleExample } from "./rule-file.js";
import { scoreOf } from "./score.js";

/** How one worked example of a rule fared. */
export interface ExampleResult {
  readonly rule: string;
  readonly file: string;
  readonly example: string;
  readonly passed: boolean;
  readonly expected: RuleExample["expect"];
  /** What the rule gave, or null when it could not decide (see `error`). */
  readonly actual: { verdict: string; status: string; score: string | null; skip: boolean } | null;
  /** Why the rule could not decide: no case holds, or a condition json-rules-engine would stop on. */
  readonly error?: string;
}

/** Each example of each rule file, with the rule loaded with the example's parameters. */
function* examplesOf(sources: readonly RuleSource[], options: LoadOptions): Generator<{ rule: LoadedRule; example: RuleExample; source: RuleSource }> {
  for (const source of sources) {
    const [base] = loadRules([source], { appFacts: options.appFacts });
    for (const example of base!.definition.examples) {
      const [rule] = example.parameters ? loadRules([source], { appFacts: options.appFacts, parameters: { [base!.id]: example.parameters } }) : [base!];
      yield { rule: rule!, example, source };
    }
  }
}

/** The case a rule's compiled path decides for an example's facts (as written: a fact not given is an error), or why none. */
export function exampleCase(rule: LoadedRule, facts: Readonly<Record<string, unknown>>): { index: number } | { error: string; engineFails: boolean } {
  try {
    const index = compileRule(rule, { complete: false }).decideIndex(facts);
    return index < 0 ? { error: "no case holds; end the rule with a case for everything else", engineFails: true } : { index };
  } catch (error) {
    if (error instanceof RuleValueError) return { error: error.message, engineFails: error.engineFails };
    throw error;
  }
}

/**
 * Runs the worked examples of rule files through the rules, as `nq57 rules test` and the test suite do, so
 * that no example in the docs can be false. The facts are taken as written: a fact the rule reads and the example
 * does not give fails the example, as it would stop json-rules-engine.
 */
export async function runRuleExamples(sources: readonly RuleSource[], options: LoadOptions = {}): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const { rule, example, source } of examplesOf(sources, options)) {
    const e = example.expect;
    const decided = exampleCase(rule, example.facts);
    const base = { rule: rule.id, file: source.file, example: example.name, expected: e };
    if ("error" in decided) {
      results.push({ ...base, passed: false, actual: null, error: decided.error });
      continue;
    }
    const outcome = rule.cases[decided.index]!.event.params;
    const actual = { verdict: outcome.verdict, status: outcome.status, score: scoreOf(outcome, example.facts, rule.parameters), skip: outcome.skip === true };
    const passed =
      actual.verdict === e.verdict && actual.status === e.status && (e.score === undefined || actual.score === e.score) && (e.skip === undefined || actual.skip === e.skip);
    results.push({ ...base, passed, actual });
  }
  return results;
}

/** What one side of {@link verifyRuleExamples} decided: a case, or the error it stopped with. */
export type VerifiedDecision = { readonly case: string; readonly index: number } | { readonly error: string };

/** An example run through the compiled path and through a stock json-rules-engine. */
export interface VerifiedExample {
  readonly rule: string;
  readonly file: string;
  readonly example: string;
  readonly compiled: VerifiedDecision;
  readonly engine: VerifiedDecision;
  /** The same case, or both stopped with an error. */
  readonly agree: boolean;
}

/**
 * Runs every worked example of rule files through the compiled path and through a stock json-rules-engine `Engine`
 * (default options, the library's operators added, see `addRuleToEngine`), and says whether they decide alike: the
 * same case, or both stopping on the example's facts. What `nq57 rules verify` prints. Loads json-rules-engine.
 */
export async function verifyRuleExamples(sources: readonly RuleSource[], options: LoadOptions = {}): Promise<VerifiedExample[]> {
  const { Engine } = await import("json-rules-engine");
  const out: VerifiedExample[] = [];
  for (const { rule, example, source } of examplesOf(sources, options)) {
    const mine = exampleCase(rule, example.facts);
    const compiled: VerifiedDecision = "error" in mine ? { error: mine.error } : { case: rule.cases[mine.index]!.name, index: mine.index };
    let engine: VerifiedDecision;
    try {
      const { results } = await addRuleToEngine(new Engine(), rule).run({ ...example.facts });
      const index = decidedCase(rule, results);
      engine = index < 0 ? { error: "no case holds" } : { case: rule.cases[index]!.name, index };
    } catch (error) {
      engine = { error: error instanceof Error ? error.message : String(error) };
    }
    const agree =
      "index" in compiled && "index" in engine
        ? compiled.index === engine.index
        : "error" in compiled && "error" in engine && ("engineFails" in mine ? mine.engineFails : true);
    out.push({ rule: rule.id, file: source.file, example: example.name, compiled, engine, agree });
  }
  return out;
}
