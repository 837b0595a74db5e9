/**
 * The compiled path against a stock json-rules-engine (its own operators and decorators, default options, the
 * library's operators added by addRuleToEngine): generated rules and facts covering every operator and decorator,
 * the standard rules on generated facts of their fact sets, and a whole scorecard. Where the two differ, the rule
 * must have been refused at load with a reason, or the value refused with a RuleValueError: never another answer,
 * never a crash.
 */
import { describe, expect, it } from "vitest";
import { FACT_SETS, loadRules, OPERATORS, RuleFileError, standardRules, type AppFacts, type LoadedRule, type RuleSource, type RuleValueError } from "../../src/index.js";
import { compileRule } from "../../src/rules/compile.js";
import { OPERATOR_DECORATORS, operatorChain } from "../../src/rules/operators.js";
import { compiled, milestoneRuleHeader, stock, verdictOf } from "./engine-helpers.js";

/** A small seeded generator, so that a failure can be replayed. */
function rng(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof rng>;

// ---------------------------------------------------------------- generated rules over every operator and decorator

/** An app's facts of every type, so that generated conditions may read any type. */
const appFacts: AppFacts = {
  indicator: {
    n1: { type: "integer", description: { vi: "x", en: "x" } },
    n2: { type: "integer", description: { vi: "x", en: "x" } },
    d1: { type: "decimal", description: { vi: "x", en: "x" } },
    d2: { type: "decimal", description: { vi: "x", en: "x" } },
    s1: { type: "string", description: { vi: "x", en: "x" } },
    t1: { type: "date", description: { vi: "x", en: "x" } },
    t2: { type: "date", description: { vi: "x", en: "x" } },
    b1: { type: "boolean", description: { vi: "x", en: "x" } },
    l1: { type: "list", description: { vi: "x", en: "x" } },
    l2: { type: "list", description: { vi: "x", en: "x" } },
  },
};
const FACTS: readonly { name: string; type: string }[] = [
  ...Object.entries(appFacts.indicator!).map(([name, def]) => ({ name, type: def.type })),
  // The library's own objects, read by meetsTarget.
  { name: "observation", type: "observation" },
  { name: "target", type: "target" },
];

const NUMBERS = [0, 1, -1, 9, 10, 49, 50, 51, 100, 0.1, 0.3, 0.30000000000000004, 2.5, -2.5, 1e21, 1e-7, 2 ** 53 + 2];
const DECIMAL_TEXTS = ["0", "1", "9", "10", "49.9", "50", "50.0", "51", "100", "0.1", "0.3", "0.30000000000000001", "-5", "007", "123456789012345678901", "2.5"];
const ODD_TEXTS = ["12abc", " 12", "0x1A", "1e3", "", "abc", "Infinity", "+5", ".5", "1,5", "5."];
const DATES = ["2025-01-01", "2025-06-30", "2025-12-31", "2026-01-01"];
const LISTS: unknown[] = [[], [1, 2, 3], [49, 50, 51], ["a", "b"], ["50", "9"], ["2025-01-01"], [[1], [2]], [null], [true, false], ["abc", 50]];
const TARGETS: unknown[] = [
  { raw: "≥ 50", kind: "atLeast", value: "50", year: 2030, aspirational: false },
  { raw: "45-50", kind: "range", min: "45", max: "50", year: 2030, aspirational: false, direction: "decrease" },
  { raw: "đạt", kind: "qualitative", year: 2030, aspirational: false },
];
const OBSERVATIONS: unknown[] = [{ value: "50" }, { value: "49.9" }, { value: "46" }, { met: true }, { met: false }, { value: null }];
const OBJECTS: unknown[] = [{}, ...OBSERVATIONS, ...TARGETS];

function valueOfType(type: string, r: Rng): unknown {
  switch (type) {
    case "integer":
      return r.pick([0, 1, -1, 9, 10, 49, 50, 51, 100, 2030]);
    case "decimal":
      return r.pick(DECIMAL_TEXTS);
    case "string":
      return r.pick(["a", "abc", "percent", "count", "50", "", "b"]);
    case "date":
      return r.pick(DATES);
    case "boolean":
      return r.chance(0.5);
    case "list":
      return r.pick(LISTS);
    case "observation":
      return r.pick(OBSERVATIONS);
    case "target":
      return r.pick(TARGETS);
    default:
      return anyValue(r);
  }
}

function anyValue(r: Rng): unknown {
  return r.pick<() => unknown>([
    () => r.pick(NUMBERS),
    () => r.pick(DECIMAL_TEXTS),
    () => r.pick(ODD_TEXTS),
    () => r.pick(DATES),
    () => r.chance(0.5),
    () => null,
    () => r.pick(LISTS),
    () => r.pick(OBJECTS),
  ])();
}

/** The types an operator reads well, so that most generated conditions are ones a writer would load. */
const GOOD_TYPES: Record<string, readonly string[]> = {
  equal: ["integer", "decimal", "string", "date", "boolean"],
  notEqual: ["integer", "decimal", "string", "date", "boolean"],
  in: ["integer", "decimal", "string", "date"],
  notIn: ["integer", "decimal", "string", "date"],
  contains: ["list"],
  doesNotContain: ["list"],
  lessThan: ["integer", "decimal"],
  lessThanInclusive: ["integer", "decimal"],
  greaterThan: ["integer", "decimal"],
  greaterThanInclusive: ["integer", "decimal"],
  decimalEqual: ["integer", "decimal"],
  decimalGreaterThan: ["integer", "decimal"],
  decimalAtLeast: ["integer", "decimal"],
  decimalLessThan: ["integer", "decimal"],
  decimalAtMost: ["integer", "decimal"],
  dateBefore: ["date"],
  dateOnOrBefore: ["date"],
  dateAfter: ["date"],
  dateOnOrAfter: ["date"],
  meetsTarget: ["observation"],
};

function leaf(r: Rng): Record<string, unknown> {
  const op = r.pick(OPERATORS).name;
  const decorators = Array.from({ length: r.pick([0, 0, 0, 1, 1, 2, 3]) }, () => r.pick(OPERATOR_DECORATORS));
  const listFact = decorators.includes("someFact") || decorators.includes("everyFact");
  const listValue = decorators.includes("someValue") || decorators.includes("everyValue");
  const good = GOOD_TYPES[op]!;
  const fact = listFact ? r.pick(["l1", "l2"]) : r.chance(0.8) ? r.pick(FACTS.filter((f) => good.includes(f.type))).name : r.pick(FACTS).name;
  const type = FACTS.find((f) => f.name === fact)!.type;
  const element = () => {
    if (r.chance(0.15)) return anyValue(r);
    if (op === "in" || op === "notIn") return r.chance(0.7) ? Array.from({ length: r.pick([0, 1, 2, 3]) }, () => valueOfType(listFact ? r.pick(good) : type, r)) : valueOfType("string", r);
    if (op === "contains" || op === "doesNotContain") return valueOfType(r.pick(["integer", "decimal", "string"]), r);
    if (op === "lessThan" || op === "lessThanInclusive" || op === "greaterThan" || op === "greaterThanInclusive") return r.pick(NUMBERS);
    if (op === "meetsTarget") return r.chance(0.8) ? r.pick(TARGETS) : r.pick(OBJECTS);
    return valueOfType(listFact ? r.pick(good) : type, r);
  };
  let value: unknown;
  if (!listValue && r.chance(op === "meetsTarget" ? 0.6 : 0.2))
    value = { fact: op === "meetsTarget" && r.chance(0.8) ? "target" : r.chance(0.7) ? r.pick(FACTS.filter((f) => f.type === type || good.includes(f.type))).name : r.pick(FACTS).name };
  else value = listValue ? Array.from({ length: r.pick([0, 1, 2, 3]) }, element) : element();
  return {
    fact,
    operator: [...decorators, op].join(":"),
    value,
    ...(r.chance(0.2) ? { priority: r.pick([1, 2, 3]) } : {}),
    ...(r.chance(0.05) ? { params: { unit: "x" } } : {}),
    ...(r.chance(0.05) ? { name: "a-condition" } : {}),
  };
}

function condition(r: Rng, depth: number, shared: readonly string[]): Record<string, unknown> {
  if (shared.length > 0 && r.chance(0.08)) return { condition: r.pick(shared), ...(r.chance(0.3) ? { priority: r.pick([1, 2]) } : {}) };
  if (depth >= 3 || r.chance(0.55)) return leaf(r);
  const kind = r.pick(["all", "any", "not"]);
  const priority = r.chance(0.2) ? { priority: r.pick([1, 2, 3]) } : {};
  if (kind === "not") return { not: condition(r, depth + 1, shared), ...priority };
  return { [kind]: Array.from({ length: r.pick([0, 1, 2, 2, 3, 4]) }, () => condition(r, depth + 1, shared)), ...priority };
}

function top(r: Rng, shared: readonly string[]): Record<string, unknown> {
  const c = condition(r, 1, shared);
  return "fact" in c ? { [r.pick(["all", "any"])]: [c] } : "not" in c || "all" in c || "any" in c || "condition" in c ? c : { all: [c] };
}

function generatedRule(r: Rng, n: number): RuleSource {
  const sharedNames = r.chance(0.3) ? ["first", "second"].slice(0, r.pick([1, 2])) : [];
  // A shared condition may refer only to those defined before it, so that none refers back.
  const sharedConditions = Object.fromEntries(sharedNames.map((name, i) => [name, top(r, sharedNames.slice(0, i))]));
  const count = r.pick([1, 2, 3]);
  const cases = Array.from({ length: count }, (_, i) => ({
    name: `c${i}`,
    conditions: i === count - 1 && r.chance(0.4) ? { all: [] } : top(r, sharedNames),
    event: { type: "outcome", params: { verdict: "pass", status: `c${i}`, message: { vi: "x", en: "x" } } },
  }));
  return {
    file: `generated-${n}.json`,
    json: {
      ...milestoneRuleHeader(`test.generated-${n}`),
      ...(sharedNames.length > 0 ? { sharedConditions } : {}),
      cases,
      examples: [{ name: "x", facts: {}, expect: { verdict: "pass", status: "c0" } }],
    },
  };
}

function generatedFacts(r: Rng, complete: boolean): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const { name, type } of FACTS) if (complete || r.chance(0.85)) facts[name] = r.chance(0.75) ? valueOfType(type, r) : anyValue(r);
  return facts;
}

/** The operators and decorators of a rule's conditions, shared ones included. */
function usedIn(json: unknown): string[] {
  const found: string[] = [];
  const walk = (c: unknown) => {
    if (typeof c !== "object" || c === null) return;
    const o = c as Record<string, unknown>;
    if (typeof o.operator === "string") {
      const chain = operatorChain(o.operator);
      if (chain) found.push(chain.operator.name, ...chain.decorators.map((d) => `${d}:`));
    }
    for (const v of Object.values(o)) if (typeof v === "object") walk(v);
  };
  walk(json);
  return found;
}

describe("the compiled path and a stock json-rules-engine, on generated rules", () => {
  const RULES = 5000;

  it(`never answer otherwise over ${RULES.toLocaleString("en")} generated rules covering every operator and decorator`, async () => {
    const r = rng(20250609);
    const problems: string[] = [];
    const tally = { refusedAtLoad: 0, loaded: 0, same: 0, bothFail: 0, refused: 0 };
    const compared = new Map<string, number>();
    const refusals = new Set<string>();
    for (let n = 0; n < RULES; n++) {
      const source = generatedRule(r, n);
      let rule: LoadedRule;
      try {
        [rule] = loadRules([source], { appFacts }) as [LoadedRule];
      } catch (error) {
        // A refusal names the file, where in it, and why.
        if (!(error instanceof RuleFileError) || !error.path || !error.reason) problems.push(`load of ${JSON.stringify(source.json)} threw ${String(error)}`);
        tally.refusedAtLoad++;
        continue;
      }
      tally.loaded++;
      for (const complete of [false, true, true]) {
        const facts = generatedFacts(r, complete);
        const mine = compiled(rule, facts, complete);
        const engine = await stock(rule, facts);
        const verdict = verdictOf(mine, engine);
        if (verdict === "DIFFERENT" && problems.length < 10)
          problems.push(
            `${JSON.stringify((source.json as { cases: unknown }).cases)} shared ${JSON.stringify((source.json as { sharedConditions?: unknown }).sharedConditions)} on ${JSON.stringify(facts)} (complete: ${complete}): compiled ${"index" in mine ? mine.index : String(mine.error)}, engine ${"index" in engine ? engine.index : String(engine.error)}`,
          );
        if (verdict === "same") {
          tally.same++;
          for (const name of usedIn(source.json)) compared.set(name, (compared.get(name) ?? 0) + 1);
        } else if (verdict === "both-fail") tally.bothFail++;
        else if (verdict === "refused") {
          tally.refused++;
          refusals.add((mine as { error: RuleValueError }).error.reason.replace(/.*: /, "").slice(0, 40));
        }
      }
    }
    expect(problems).toEqual([]);
    // Most generated rules load and are compared, every operator and decorator many times over.
    expect(tally.loaded).toBeGreaterThan(RULES / 3);
    for (const op of OPERATORS) expect(compared.get(op.name) ?? 0, op.name).toBeGreaterThan(50);
    for (const d of OPERATOR_DECORATORS) expect(compared.get(`${d}:`) ?? 0, d).toBeGreaterThan(50);
    // The generator reaches the places where the engine fails, and where it reads a value otherwise.
    expect(tally.bothFail).toBeGreaterThan(50);
    expect(tally.refused).toBeGreaterThan(10);
  }, 120_000);
});

// ---------------------------------------------------------------- the standard rules

const DECIMALS = ["0", "-0.1", "-0.10001", "0.5", "0.49999", "0.95", "0.9500001", "1", "2.2", "3", "45", "50", "59.999", "60", "60.0", "100", "100.01", "300", "-4.5", "1200"];
const EDGE = [null, undefined, "", "abc", true, false, 0, 1, -1, 30, 31, [], ["60", "65"], {}];
const KINDS = ["atLeast", "greaterThan", "atMost", "lessThan", "exactly", "range", "rankAtMost", "qualitative", "none", "parts", "alternatives"];

function target(r: Rng) {
  const kind = r.pick(KINDS);
  const direction = r.pick(["increase", "decrease"]);
  const bound = () => r.pick(DECIMALS.filter((d) => !d.startsWith("-")));
  const member = (k: string) => (k === "range" ? { raw: "x", kind: k, min: "45", max: "50" } : { raw: "x", kind: k, value: bound() });
  const base = { year: 2030, raw: "x", kind, aspirational: r.chance(0.3), direction };
  if (kind === "range") return { ...base, min: r.pick(["45", "200", "2"]), max: r.pick(["50", "300", "3"]) };
  if (kind === "parts") return { ...base, parts: [member("greaterThan"), member("atLeast")] };
  if (kind === "alternatives") return { ...base, alternatives: [member("range"), member("rankAtMost")] };
  if (kind === "qualitative" || kind === "none") return base;
  return { ...base, value: bound() };
}

function standardValue(type: string, r: Rng): unknown {
  if (r.chance(0.15)) return r.pick(EDGE);
  switch (type) {
    case "decimal":
      return r.pick(DECIMALS);
    case "integer":
      return r.pick([-400, -31, -1, 0, 1, 7, 29, 30, 31, 365, 2024, 2025, 2026, 2030, 2031, 2046]);
    case "date":
      return r.pick(["2025-03-31", "2025-06-09", "2025-06-30", "2025-09-30", "2025-10-01", "2025-12-31", "2026-01-01", "2026-06-09", "2026-11-26", "2027-12-31"]);
    case "boolean":
      return r.chance(0.5);
    case "target":
      return target(r);
    case "observation":
      return r.chance(0.2) ? { met: r.chance(0.5) } : { value: r.pick(DECIMALS) };
    case "list":
      return r.pick([[], ["PL2-21"], [2045], ["60", "65"]]);
    default:
      return r.pick(["annual", "fromYear", "continuous", "referenced", "month", "completed", "in-progress", "not-started", "not-met", "no-data", "percent", "count", "rank", "ratio", "index", "increase", "decrease", "PL2-1", "T-1.1", "Phường Lê Chân"]);
  }
}

describe("the compiled path and a stock json-rules-engine, on the standard rules", () => {
  const rules = loadRules(standardRules);
  const CASES = 20_000;

  it(`choose the same case over ${CASES.toLocaleString("en")} generated subjects`, async () => {
    const r = rng(20250610);
    const fast = rules.map((rule) => compileRule(rule));
    const disagreements: string[] = [];
    const seen = new Map<string, Set<number>>();
    for (let n = 0; n < CASES; n++) {
      const i = n % rules.length;
      const rule = rules[i]!;
      // A scorecard's subjects carry every fact of their fact set.
      const facts = Object.fromEntries(Object.entries(FACT_SETS[rule.definition.factSet].facts).map(([name, def]) => [name, standardValue(def.type, r)]));
      const mine = compiled(fast[i]!, facts, true);
      const engine = await stock(rule, facts);
      if (verdictOf(mine, engine) !== "same" && disagreements.length < 5)
        disagreements.push(`${rule.id}: compiled ${JSON.stringify(mine)}, engine ${JSON.stringify("index" in engine ? engine : String(engine.error))}, facts ${JSON.stringify(facts)}`);
      if ("index" in engine) {
        const set = seen.get(rule.id) ?? new Set();
        set.add(engine.index);
        seen.set(rule.id, set);
      }
    }
    expect(disagreements).toEqual([]);
    // The generated facts reach most cases of every rule, so agreement is not agreement on one case.
    for (const rule of rules) expect(seen.get(rule.id)?.size ?? 0, rule.id).toBeGreaterThanOrEqual(Math.min(2, rule.cases.length));
  }, 120_000);

  it("give the same scorecard on the bundled fixture", async () => {
    const { evaluate, plans, readJsonRecords } = await import("../../src/index.js");
    const { readFileSync } = await import("node:fs");
    const plan = plans["haiphong-142"];
    const input = readJsonRecords("f.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan);
    const a = await evaluate({ plan, input, asOf: "2026-11-26" });
    const b = await evaluate({ plan, input, asOf: "2026-11-26", engine: "interpreter" });
    expect(a.rows).toEqual(b.rows);
    expect(a.summary).toEqual(b.summary);
    expect(a.rules.every((rule) => rule.engine === "compiled")).toBe(true);
    expect(b.rules.every((rule) => rule.engine === "json-rules-engine")).toBe(true);
  });
});
