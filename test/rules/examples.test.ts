import { describe, expect, it } from "vitest";
import { runRuleExamples, standardRules } from "../../src/index.js";

describe("the worked examples of every standard rule", async () => {
  const results = await runRuleExamples(standardRules);

  it("are there, at least two per rule", () => {
    for (const source of standardRules) expect(results.filter((r) => r.file === source.file).length, source.file).toBeGreaterThanOrEqual(2);
  });

  it.each(results.map((r) => [r.rule, r.example, r] as const))("%s: %s", (_rule, _name, result) => {
    expect(result.actual).toMatchObject({
      verdict: result.expected.verdict,
      status: result.expected.status,
      ...(result.expected.score !== undefined ? { score: result.expected.score } : {}),
      ...(result.expected.skip !== undefined ? { skip: result.expected.skip } : {}),
    });
  });
});
