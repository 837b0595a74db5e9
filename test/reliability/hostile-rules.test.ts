import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { checkRuleFile, loadRules, RULE_LIMITS, RuleFileError, ruleSourceFromText, standardRules, type RuleSource } from "../../src/index.js";
import { cli } from "./hostile.js";

/**
 * Rule files may come from outside (an app's own rules, `nq57 scorecard --rules`), so they are checked before
 * anything runs them: each hostile or broken file below is refused with a RuleFileError naming the file, the
 * path inside it and what is wrong, and nothing is polluted on the way.
 */
const deadline = standardRules.find((r) => r.file === "rules/task.deadline.json") as RuleSource;
/** A fresh, plain copy of the standard rule task.deadline, to break one way. */
const copy = (): Record<string, unknown> & { cases: { conditions: unknown }[] } => JSON.parse(JSON.stringify(deadline.json)) as never;
const first = (rule: ReturnType<typeof copy>) => rule.cases[0] as { conditions: { all: unknown[] } };

function refusal(json: unknown): RuleFileError {
  try {
    checkRuleFile({ file: "hostile.json", json });
  } catch (error) {
    if (error instanceof RuleFileError) return error;
    throw error;
  }
  throw new Error("the rule file was accepted");
}

describe("rule files that could do harm are refused before they run", () => {
  it("accepts the standard rule the hostile ones are made from", () => expect(checkRuleFile({ file: "ok.json", json: copy() }).id).toBe("task.deadline"));

  it.each(["__proto__", "constructor", "prototype"])("refuses the key %s anywhere in the file, as JSON.parse gives it", (key) => {
    const text = JSON.stringify(copy()).replace('"conditions":{', `"conditions":{"${key}":{"polluted":true},`);
    const error = refusal(JSON.parse(text));
    expect(error).toMatchObject({ file: "hostile.json", path: `cases[0].conditions.${key}`, reason: `the key "${key}" is not allowed` });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(`refuses a file nested deeper than ${RULE_LIMITS.maxDepth} levels, whatever its content`, () => {
    const rule = copy();
    let nested: unknown = { fact: "due", operator: "equal", value: "2025-09-30" };
    for (let i = 0; i < 30; i++) nested = { not: nested };
    rule.cases[0]!.conditions = nested;
    expect(refusal(rule).reason).toBe(`nested deeper than ${RULE_LIMITS.maxDepth} levels`);
    // And 10,000 levels neither overflow the stack nor get past the check.
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(refusal({ ...copy(), title: deep }).reason).toBe(`nested deeper than ${RULE_LIMITS.maxDepth} levels`);
  });

  it(`refuses more than ${RULE_LIMITS.maxConditions} conditions`, () => {
    const rule = copy();
    first(rule).conditions.all = Array.from({ length: RULE_LIMITS.maxConditions + 1 }, () => ({ fact: "due", operator: "equal", value: "2025-09-30" }));
    expect(refusal(rule).reason).toBe(`more than ${RULE_LIMITS.maxConditions} conditions`);
  });

  it(`refuses a text longer than ${RULE_LIMITS.maxStringLength} characters`, () => {
    const error = refusal({ ...copy(), title: { vi: "x".repeat(RULE_LIMITS.maxStringLength + 1), en: "x" } });
    expect(error).toMatchObject({ path: "title.vi", reason: `a text longer than ${RULE_LIMITS.maxStringLength} characters` });
  });

  it(`refuses more than ${RULE_LIMITS.maxCases} cases`, () => {
    const rule = copy();
    rule.cases = Array.from({ length: RULE_LIMITS.maxCases + 1 }, () => rule.cases[0]!);
    expect(refusal(rule)).toMatchObject({ path: "cases", reason: `more than ${RULE_LIMITS.maxCases} cases` });
  });

  it("refuses a number that is not finite, as an app may put in an object", () =>
    expect(refusal({ ...copy(), weight: Number.POSITIVE_INFINITY })).toMatchObject({ path: "weight", reason: "a number that is not finite" }));

  it("refuses an unknown operator, an unknown fact and an unknown parameter, naming the path", () => {
    const withCondition = (condition: unknown) => {
      const rule = copy();
      first(rule).conditions.all = [condition];
      return refusal(rule);
    };
    expect(withCondition({ fact: "due", operator: "regexMatch", value: ".*" })).toMatchObject({
      path: "cases[0].conditions.all[0].operator",
      reason: expect.stringMatching(/^unknown operator "regexMatch"; known operators: /),
    });
    expect(withCondition({ fact: "process", operator: "equal", value: 1 })).toMatchObject({
      path: "cases[0].conditions.all[0].fact",
      reason: expect.stringMatching(/^unknown fact "process" for fact set /),
    });
    expect(withCondition({ fact: "due", operator: "equal", value: { param: "nope" } })).toMatchObject({
      path: "cases[0].conditions.all[0].value.param",
      reason: expect.stringMatching(/^unknown parameter "nope"; declared parameters: /),
    });
  });

  it("refuses overrides of parameters and weights for rules that are not loaded, or of the wrong type", () => {
    // @ts-expect-error -- the compiler refuses it too: dueSoonDays is a number
    expect(() => loadRules([deadline], { parameters: { "task.deadline": { dueSoonDays: "30" } } })).toThrow(RuleFileError);
    expect(() => loadRules([deadline], { weights: { "no.such-rule": 1 } })).toThrow(RuleFileError);
    expect(() => loadRules([deadline, deadline])).toThrow(/duplicate rule id "task.deadline"/);
  });
});

describe("a key given twice in a rule file is refused, as data files refuse it", () => {
  const text = JSON.stringify(deadline.json, null, 2);

  function refusalOf(source: string): RuleFileError {
    try {
      ruleSourceFromText("twice.json", source);
    } catch (error) {
      if (error instanceof RuleFileError) return error;
      throw error;
    }
    throw new Error("the rule file was read");
  }

  it('refuses "weight": 0 then "weight": 50, which JSON.parse would load as 50, naming the file, the path, the key and the lines', () => {
    const twice = text.replace(/"weight": \d+,/, '"weight": 0,\n  "weight": 50,');
    expect(JSON.parse(twice).weight).toBe(50);
    const error = refusalOf(twice);
    expect(error).toMatchObject({ file: "twice.json", path: "weight" });
    expect(error.reason).toMatch(/^the key "weight" is given twice in one object \(lines \d+ and \d+\): JSON keeps only the last/);
  });

  it("finds it at any depth, with the path to it", () => {
    const nested = text.replace('"verdict": "fail",', '"verdict": "pass",\n "verdict": "fail",');
    expect(refusalOf(nested).path).toMatch(/^cases\[\d+\]\.event\.params\.verdict$/);
    const at = text.indexOf('"name":', text.indexOf('"examples"'));
    const inExample = `${text.slice(0, at)}"name": "first", ${text.slice(at)}`;
    expect(refusalOf(inExample).path).toBe("examples[0].name");
  });

  it("reads the standard rule files, which give no key twice, as loadRules reads them", () => {
    for (const source of standardRules) {
      const file = new URL(`../../${source.file}`, import.meta.url);
      expect(ruleSourceFromText(source.file, readFileSync(file, "utf8")).json).toEqual(source.json);
    }
  });

  it("refuses text that is not JSON with its line, and a file larger than a rule file may be", () => {
    expect(refusalOf('{\n  "id": "x",\n  oops\n}').reason).toMatch(/^not valid JSON \(line 3\): /);
    expect(refusalOf(" ".repeat(RULE_LIMITS.maxFileChars + 1)).reason).toMatch(/more than the 1,000,000 a rule file may hold/);
  });

  it("nq57 rules test and scorecard --rules refuse the corpus file, exit code 2", async () => {
    const file = fileURLToPath(new URL("../../fixtures/hostile/rule-weight-twice.json", import.meta.url));
    for (const argv of [["rules", "test", file], ["scorecard", "--data", fileURLToPath(new URL("../../fixtures/hostile/spellings.csv", import.meta.url)), "--rules", file]]) {
      const { code, stderr } = await cli(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(/^nq57: .*rule-weight-twice\.json at weight: the key "weight" is given twice in one object \(lines 17 and 18\)/);
    }
  });
});
