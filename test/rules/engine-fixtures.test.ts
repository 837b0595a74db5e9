/**
 * The situations json-rules-engine's own test suite exercises (its operators, decorators, nested and shared
 * conditions, fact-to-fact comparisons, params, priorities, missing facts), written as rule files of this library.
 * Each is run through the compiled path and through a stock json-rules-engine: the expected answer is whatever the
 * engine answers in the test, never a value written here. Where the library must differ, the rule file is refused
 * at load with a reason naming the difference, or the value with a RuleValueError.
 */
import { Engine } from "json-rules-engine";
import { describe, expect, it } from "vitest";
import { addRuleToEngine, engineRules, loadRules, RuleFileError, RuleValueError, type AppFacts, type LoadedRule, type RuleSource } from "../../src/index.js";
import { compiled, milestoneRuleHeader, stock, verdictOf, type Decision } from "./engine-helpers.js";

const d = (type: "integer" | "decimal" | "string" | "boolean" | "list" | "date") => ({ type, description: { vi: "x", en: "x" } });
/** The facts the situations read, declared as an app's. */
const appFacts: AppFacts = {
  indicator: {
    age: d("integer"),
    pointBalance: d("integer"),
    income: d("integer"),
    height: d("integer"),
    width: d("integer"),
    gender: d("string"),
    segment: d("string"),
    accountType: d("string"),
    word: d("string"),
    day: d("date"),
    isRetired: d("boolean"),
    requestedOutreach: d("boolean"),
    share: d("decimal"),
    other: d("decimal"),
    numbers: d("list"),
    odds: d("list"),
    evens: d("list"),
  },
};

function source(conditions: unknown, sharedConditions?: unknown): RuleSource {
  return {
    file: "situation.json",
    json: {
      ...milestoneRuleHeader("test.situation"),
      ...(sharedConditions ? { sharedConditions } : {}),
      cases: [
        { name: "holds", conditions, event: { type: "outcome", params: { verdict: "pass", status: "holds", message: { vi: "x", en: "x" } } } },
        { name: "else", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "fail", status: "else", message: { vi: "x", en: "x" } } } },
      ],
      examples: [{ name: "x", facts: {}, expect: { verdict: "fail", status: "else" } }],
    },
  };
}

const leaf = (fact: string, operator: string, value: unknown, extra: object = {}) => ({ all: [{ fact, operator, value, ...extra }] });

/** What the engine's suite checks: a condition on facts, each a situation of its own. */
const AGREE: readonly (readonly [string, unknown, Record<string, unknown>, unknown?])[] = [
  ["equal: 50 is 50", leaf("age", "equal", 50), { age: 50 }],
  ["equal: 5 is not 50", leaf("age", "equal", 50), { age: 5 }],
  ["equal: a fact that is null, against null", leaf("word", "equal", null), { word: null }],
  ["notEqual: 50", leaf("age", "notEqual", 50), { age: 50 }],
  ["notEqual: 5", leaf("age", "notEqual", 50), { age: 5 }],
  ["in: 15 in [5, 10, 15, 20]", leaf("age", "in", [5, 10, 15, 20]), { age: 15 }],
  ["in: 99 in [5, 10, 15, 20]", leaf("age", "in", [5, 10, 15, 20]), { age: 99 }],
  ["notIn: 15", leaf("age", "notIn", [5, 10, 15, 20]), { age: 15 }],
  ["notIn: 99", leaf("age", "notIn", [5, 10, 15, 20]), { age: 99 }],
  ["in with a text as value: a part of it", leaf("word", "in", "percent,count"), { word: "count" }],
  ["in with a text as value: the empty text is part of every text", leaf("word", "in", "percent"), { word: "" }],
  ["notIn with a text as value", leaf("word", "notIn", "percent,count"), { word: "rank" }],
  ["contains: 10 in [5, 10, 15]", leaf("numbers", "contains", 10), { numbers: [5, 10, 15] }],
  ["contains: 10 in [1, 2, 3]", leaf("numbers", "contains", 10), { numbers: [1, 2, 3] }],
  ["doesNotContain: [5, 10, 15]", leaf("numbers", "doesNotContain", 10), { numbers: [5, 10, 15] }],
  ["doesNotContain: [1, 2, 3]", leaf("numbers", "doesNotContain", 10), { numbers: [1, 2, 3] }],
  ["contains on a fact that is not a list", leaf("numbers", "contains", 10), { numbers: null }],
  ["doesNotContain on a fact that is not a list", leaf("numbers", "doesNotContain", 10), { numbers: null }],
  ...(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"] as const).flatMap((op) => [
    ...[49, 50, 51].map((age) => [`${op}: ${age} against 50`, leaf("age", op, 50), { age }] as const),
    [`${op}: null`, leaf("age", op, 50), { age: null }] as const,
    [`${op}: a text that is no number`, leaf("age", op, 50), { age: "non-number" }] as const,
    [`${op}: an empty list`, leaf("age", op, 50), { age: [] }] as const,
    [`${op}: an object`, leaf("age", op, 50), { age: {} }] as const,
    [`${op}: "12abc", which parseFloat reads as 12`, leaf("age", op, 50), { age: "12abc" }] as const,
    [`${op}: a decimal text against a number`, leaf("share", op, 0.5), { share: "0.75" }] as const,
  ]),
  [
    "nested conditions: all of two comparisons and any of two",
    {
      all: [
        { fact: "age", operator: "lessThan", value: 45 },
        { fact: "pointBalance", operator: "greaterThanInclusive", value: 1000 },
        { any: [{ fact: "gender", operator: "equal", value: "female" }, { fact: "income", operator: "greaterThanInclusive", value: 50000 }] },
      ],
    },
    { age: 30, pointBalance: 1200, gender: "male", income: 60000 },
  ],
  ["all of nothing holds", { all: [] }, {}],
  ["any of nothing holds", { any: [] }, {}],
  ["any of one that fails", { any: [{ fact: "age", operator: "equal", value: 1 }] }, { age: 2 }],
  ["not of a condition", { not: { fact: "age", operator: "lessThan", value: 18 } }, { age: 20 }],
  ["not of not", { not: { not: { fact: "age", operator: "lessThan", value: 18 } } }, { age: 20 }],
  ["fact against fact: height at most width", leaf("height", "lessThanInclusive", { fact: "width" }), { height: 1, width: 2 }],
  ["fact against fact: the other way", leaf("height", "lessThanInclusive", { fact: "width" }), { height: 2, width: 1 }],
  ["params on a fact that is a value change nothing", leaf("height", "equal", { fact: "width", params: { multiplier: 4 } }, { params: { multiplier: 2 } }), { height: 5, width: 5 }],
  ["a named condition", leaf("age", "equal", 50, { name: "fifty" }), { age: 50 }],
  ["shared condition referred to", { all: [{ condition: "over60" }, { fact: "isRetired", operator: "equal", value: true }] }, { age: 65, isRetired: true }, { over60: { all: [{ fact: "age", operator: "greaterThanInclusive", value: 60 }] } }],
  ["shared condition not holding", { all: [{ condition: "over60" }, { fact: "isRetired", operator: "equal", value: true }] }, { age: 55, isRetired: true }, { over60: { all: [{ fact: "age", operator: "greaterThanInclusive", value: 60 }] } }],
  [
    "shared condition referring to another, under not",
    { all: [{ condition: "earlyRetirement" }, { fact: "requestedOutreach", operator: "equal", value: true }] },
    { age: 55, isRetired: true, requestedOutreach: true },
    {
      over60: { all: [{ fact: "age", operator: "greaterThanInclusive", value: 60 }] },
      earlyRetirement: { all: [{ not: { condition: "over60" } }, { fact: "isRetired", operator: "equal", value: true }] },
    },
  ],
  ["a shared condition as the whole of a case", { condition: "retired" }, { isRetired: true }, { retired: { all: [{ fact: "isRetired", operator: "equal", value: true }] } }],
  ["everyFact:someValue:not:greaterThanInclusive, odds against evens", leaf("odds", "everyFact:someValue:not:greaterThanInclusive", [2, 4, 6, 8]), { odds: [1, 3, 5, 7] }],
  ["swap:contains: 1 in [1, 2, 3]", leaf("age", "swap:contains", [1, 2, 3]), { age: 1 }],
  ["someFact on a fact that is not a list", leaf("numbers", "someFact:equal", 1), { numbers: 1 }],
  ["everyFact on an empty list", leaf("numbers", "everyFact:equal", 1), { numbers: [] }],
  ["someValue over an empty list", leaf("age", "someValue:equal", []), { age: 1 }],
  ["everyValue over an empty list", leaf("age", "everyValue:equal", []), { age: 1 }],
  ["not:in", leaf("age", "not:in", [1, 2]), { age: 3 }],
  ["someValue:in, lists in a list", leaf("age", "someValue:in", [[1, 2], [3]]), { age: 3 }],
  ["everyFact:decimalAtLeast, the library's operator decorated", leaf("numbers", "everyFact:decimalAtLeast", "0.5"), { numbers: ["0.5", "0.75", 1] }],
  ["swap:dateBefore", leaf("day", "swap:dateBefore", "2025-06-30"), { day: "2025-12-31" }],
  [
    "priority: the first to fail stops an all, and a fact not given after it is never read",
    {
      all: [
        { fact: "age", operator: "greaterThanInclusive", value: 18, priority: 100 },
        { fact: "segment", operator: "equal", value: "human", priority: 50 },
        { fact: "accountType", operator: "equal", value: "admin", priority: 25 },
      ],
    },
    { age: 10 },
  ],
  [
    "priority: the first to hold settles an any",
    {
      any: [
        { fact: "age", operator: "greaterThanInclusive", value: 18, priority: 100 },
        { fact: "segment", operator: "equal", value: "human", priority: 50 },
      ],
    },
    { age: 20 },
  ],
  ["priority: every condition of one priority is read, so a fact not given stops the engine", { all: [{ fact: "age", operator: "equal", value: 1 }, { fact: "segment", operator: "equal", value: "human" }] }, { age: 2 }],
  ["a fact not given stops the engine", leaf("age", "equal", 50), {}],
  ["a value's fact not given stops the engine", leaf("height", "equal", { fact: "width" }), { height: 1 }],
  ["in with a list fact whose value is a number: the engine stops with a TypeError", leaf("word", "in", { fact: "numbers" }), { word: "a", numbers: 5 }],
  ["someValue with a list fact whose value is a text: the engine stops with a TypeError", leaf("word", "someValue:equal", { fact: "numbers" }), { word: "a", numbers: "abc" }],
];

/** Where the engine answers otherwise than exact decimals: the library refuses the value, with the reason. */
const REFUSED_VALUES: readonly (readonly [string, unknown, Record<string, unknown>, RegExp])[] = [
  ["a decimal text the float rounds", leaf("share", "lessThanInclusive", 0.3), { share: "0.30000000000000001" }, /binary float 0.3/],
  ["two texts compared letter by letter", leaf("age", "lessThan", { fact: "height" }), { age: "10", height: "9" }, /letter by letter/],
  ["a text JavaScript reads as a number: \" 12\"", leaf("age", "lessThan", 50), { age: " 12" }, /reads " 12" as the number 12/],
  ["hexadecimal: \"0x1A\" is 26", leaf("age", "greaterThan", 20), { age: "0x1A" }, /reads "0x1A" as the number 26/],
  ["a list of one number", leaf("age", "lessThan", 50), { age: [12] }, /reads \[12\] as the number 12/],
  ["null read as 0 when it is the value", leaf("age", "greaterThan", { fact: "height" }), { age: 5, height: null }, /reads null as the number 0/],
];

/** Rule files json-rules-engine runs otherwise (or fails on when running): refused at load, naming the difference. */
const REFUSED_FILES: readonly (readonly [string, unknown, RegExp, unknown?])[] = [
  ["a JSONPath path", leaf("numbers", "equal", 50, { path: "$.[0].id" }), /JSONPath "path" is not part of the format/],
  ["a JSONPath path on a value's fact", leaf("height", "equal", { fact: "width", path: "$.meters" }), /JSONPath "path"/],
  ["in with a number as value", leaf("age", "in", 5), /json-rules-engine stops with a TypeError/],
  ["in with null as value", leaf("age", "in", null), /json-rules-engine stops with a TypeError/],
  ["someValue with a value that is not a list", leaf("age", "someValue:equal", 5), /someValue needs a list as its value/],
  ["in with a whole-number fact as value", leaf("word", "in", { fact: "height" }), /json-rules-engine stops with a TypeError/],
  ["someValue with a text fact as value", leaf("word", "someValue:equal", { fact: "word" }), /someValue needs a list as its value/],
  ["dateBefore on a text fact", leaf("word", "swap:dateBefore", "2025-06-30"), /dateBefore compares dates/],
  ["a shared condition that is not there", { all: [{ condition: "over60" }] }, /no shared condition "over60"/],
  ["shared conditions in a ring", { condition: "a" }, /refer to each other in a ring/, { a: { condition: "b" }, b: { all: [{ condition: "a" }] } }],
  ["a comparison without a value", { all: [{ fact: "age", operator: "equal" }] }, /a comparison needs a value/],
  ["two decimal texts with lessThan", leaf("share", "lessThan", { fact: "other" }), /letter by letter/],
  ["a decimal text written with quotes for lessThan", leaf("age", "lessThan", "50"), /letter by letter/],
  ["a text fact with contains", leaf("word", "contains", "a"), /contains looks inside a list/],
  ["a boolean fact equal to a text", leaf("isRetired", "equal", "yes"), /never "yes"/],
  ["a decimal fact equal to a number", leaf("share", "equal", 60), /write "60", or compare numbers with decimalEqual/],
  ["an unknown operator", leaf("age", "startsWithLetter", "t"), /unknown operator/],
  ["an unknown decorator", leaf("age", "never:equal", 1), /unknown operator/],
];

async function decisions(rule: LoadedRule, facts: Record<string, unknown>): Promise<{ mine: Decision; engine: Decision }> {
  return { mine: compiled(rule, facts, false), engine: await stock(rule, facts) };
}

const load = (conditions: unknown, shared?: unknown) => loadRules([source(conditions, shared)], { appFacts })[0]!;
const shown = (x: Decision) => ("index" in x ? (x.index === 0 ? "holds" : "does not hold") : `fails: ${String(x.error)}`);

describe("json-rules-engine's own situations", () => {
  it.each(AGREE)("%s: the compiled path answers as the engine does", async (_name, conditions, facts, shared) => {
    const { mine, engine } = await decisions(load(conditions, shared), facts as Record<string, unknown>);
    expect(verdictOf(mine, engine), `compiled ${shown(mine)}; engine ${shown(engine)}`).toMatch(/^(same|both-fail)$/);
  });

  it("reach both answers and the engine's failures, so that agreement means something", async () => {
    const seen = new Set<string>();
    for (const [, conditions, facts, shared] of AGREE) seen.add(shown((await decisions(load(conditions, shared), facts)).engine).replace(/:.*/, ""));
    expect([...seen].sort()).toEqual(["does not hold", "fails", "holds"]);
  });

  it.each(REFUSED_VALUES)("%s: the engine answers, the library refuses the value with the reason", async (_name, conditions, facts, reason) => {
    const { mine, engine } = await decisions(load(conditions), facts);
    expect("index" in engine).toBe(true);
    expect("error" in mine && mine.error).toBeInstanceOf(RuleValueError);
    const error = (mine as { error: RuleValueError }).error;
    expect(error.engineFails).toBe(false);
    expect(error.message).toMatch(reason);
    expect(error.message).toMatch(/^situation\.json at cases\[0\]\.conditions\.all\[0\]: /);
  });

  it.each(REFUSED_FILES)("%s: refused at load, naming the difference", async (_name, conditions, reason, shared) => {
    const s = source(conditions, shared);
    expect(() => loadRules([s], { appFacts })).toThrow(RuleFileError);
    expect(() => loadRules([s], { appFacts })).toThrow(reason);
  });

  it("a rule file runs unchanged in a stock engine: the cases are the file's conditions and events, parameters written in", async () => {
    const s = source({ all: [{ fact: "age", operator: "decimalAtLeast", value: { param: "adult" } }] });
    (s.json as { parameters: unknown }).parameters = { adult: { default: 18, description: { vi: "x", en: "x" } } };
    const [rule] = loadRules([s], { appFacts, parameters: { "test.situation": { adult: 21 } } });
    const rules = engineRules(rule!);
    expect(rules.map((r) => [r.name, r.priority])).toEqual([
      ["holds", 2],
      ["else", 1],
    ]);
    expect(rules[0]!.conditions).toEqual({ all: [{ fact: "age", operator: "decimalAtLeast", value: 21 }] });
    expect(rules[0]!.event).toEqual((s.json as { cases: { event: unknown }[] }).cases[0]!.event);
    // The first case that holds stops the engine: the catch-all after it is never looked at.
    const { results, failureResults } = await addRuleToEngine(new Engine(), rule!).run({ age: 21 });
    expect(results.map((r) => r.name)).toEqual(["holds"]);
    expect(failureResults).toEqual([]);
    const younger = await addRuleToEngine(new Engine(), rule!).run({ age: 20 });
    expect(younger.results.map((r) => r.name)).toEqual(["else"]);
  });
});
