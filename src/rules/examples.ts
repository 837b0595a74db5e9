import { scoreOf } from "./score.js";
import { loadRules, type RuleSource } from "./load.js";
import { decide } from "./run.js";
import type { RuleExample } from "./rule-file.js";

/** How one worked example of a rule fared. */
export interface ExampleResult {
  readonly rule: string;
  readonly file: string;
  readonly example: string;
  readonly passed: boolean;
  readonly expected: RuleExample["expect"];
  readonly actual: { verdict: string; status: string; score: string | null; skip: boolean };
}

/**
 * Runs the worked examples of rule files through the rules, as `nq57 rules test` and the test suite do, so
 * that no example in the docs can be false.
 */
export async function runRuleExamples(sources: readonly RuleSource[]): Promise<ExampleResult[]> {
  const results: ExampleResult[] = [];
  for (const source of sources) {
    const [base] = loadRules([source]);
    for (const example of base!.definition.examples) {
      const [rule] = example.parameters ? loadRules([source], { parameters: { [base!.id]: example.parameters } }) : [base!];
      const { outcome } = await decide(rule!, example.facts);
      const actual = {
        verdict: outcome.verdict,
        status: outcome.status,
        score: scoreOf(outcome, example.facts, rule!.parameters),
        skip: outcome.skip === true,
      };
      const e = example.expect;
      const passed =
        actual.verdict === e.verdict &&
        actual.status === e.status &&
        (e.score === undefined || actual.score === e.score) &&
        (e.skip === undefined || actual.skip === e.skip);
      results.push({ rule: rule!.id, file: source.file, example: example.name, passed, expected: e, actual });
    }
  }
  return results;
}
