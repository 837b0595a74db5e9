import { describe, expect, it } from "vitest";
import { checkRuleFile, evaluate, plans, RuleFileError, standardRules, type RuleSource } from "../../src/index.js";

/**
 * Rule files are data from outside. These are written as an attacker would write them, as JSON text, and each
 * must be refused at load, leave every global object as it was, and run nothing.
 */
const deadline = JSON.stringify((standardRules.find((r) => r.file === "rules/task.deadline.json") as RuleSource).json);
/** The standard rule task.deadline as JSON text with one piece of text replaced. */
const hostile = (from: string, to: string) => {
  if (!deadline.includes(from)) throw new Error(`"${from}" is not in the rule`);
  return deadline.replace(from, to);
};
const LEAF = '{"fact":"deadlineKind","operator":"in","value":["annual","fromYear","continuous"]}';

const cases: ReadonlyArray<readonly [string, string, RegExp]> = [
  ["a __proto__ key holding a polluting object", hostile(LEAF, `{"__proto__":{"polluted":true},"fact":"deadlineKind","operator":"in","value":[]}`), /"__proto__" is not allowed/],
  ["a constructor.prototype key", hostile('"severity":"high"', '"severity":"high","constructor":{"prototype":{"polluted":true}}'), /"constructor" is not allowed/],
  ["a prototype key in a case's outcome", hostile('"verdict":"pass"', '"prototype":{"polluted":true},"verdict":"pass"'), /"prototype" is not allowed/],
  ["a JSONPath filter expression on a fact", hostile(LEAF, '{"fact":"deadlineKind","path":"$..[?(@.constructor.constructor(\'return process\')())]","operator":"in","value":[]}'), /path|Unrecognized key/i],
  ["a JSONPath expression in a compared fact", hostile(LEAF, '{"fact":"deadlineKind","operator":"equal","value":{"fact":"due","path":"$[?(@)]"}}'), /unknown fact|not allowed|path/i],
  ["a regular expression operator built to backtrack", hostile(LEAF, '{"fact":"task","operator":"matches","value":"^(a+)+$"}'), /unknown operator "matches"/],
  ["a number too large to be finite", hostile('"weight":2', '"weight":1e400'), /not finite/],
  ["a fact named to reach the prototype chain", hostile(LEAF, '{"fact":"__defineGetter__","operator":"equal","value":1}'), /unknown fact "__defineGetter__"/],
  ["an operator named after an Object method", hostile(LEAF, '{"fact":"task","operator":"constructor","value":1}'), /unknown operator|not allowed/],
];

describe("hostile rule files", () => {
  it.each(cases)("refuses %s, naming the file", (_what, text, reason) => {
    const before = { proto: Object.getOwnPropertyNames(Object.prototype).sort(), globals: Object.getOwnPropertyNames(globalThis).sort(), fn: Function.prototype.toString };
    let error: unknown;
    try {
      checkRuleFile({ file: "their-rule.json", json: JSON.parse(text) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleFileError);
    expect((error as Error).message).toMatch(/^their-rule\.json/);
    expect((error as Error).message).toMatch(reason);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before.proto);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(before.globals);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Function.prototype.toString).toBe(before.fn);
  });

  it("refuses them in evaluate too, before any rule runs", async () => {
    for (const [, text] of cases)
      await expect(evaluate({ plan: plans["haiphong-142"], asOf: "2026-01-01", rules: [...standardRules, { file: "their-rule.json", json: JSON.parse(text) }] })).rejects.toThrow(RuleFileError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("gives a message template no way to run code: placeholders only read facts and parameters", async () => {
    const text = hostile('"{label} chưa đến hạn ({due}).","en":"{label} is not due yet ({due})."', '"${process.exit(1)} {constructor} {__proto__}","en":"x"');
    expect(() => checkRuleFile({ file: "their-rule.json", json: JSON.parse(text) })).toThrow(/unknown placeholder \{constructor\}/);
  });
});
