/**
 * The compiled path against json-rules-engine, the reference interpreter: over 100,000 generated cases
 * (every fact set, target kind, deadline kind, operator and edge value) both must pick the same case.
 */
import { describe, expect, it } from "vitest";
import { FACT_SETS, loadRules, OPERATORS, standardRules, type LoadedRule, type RuleSource } from "../../src/index.js";
import { compileRule } from "../../src/rules/compile.js";
import { decide } from "../../src/rules/run.js";

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
  return { next, pick: <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]! };
}

const DECIMALS = ["0", "-0.1", "-0.10001", "0.5", "0.49999", "0.95", "0.9500001", "1", "2.2", "3", "45", "50", "59.999", "60", "60.0", "100", "100.01", "300", "-4.5", "1200"];
const DATES = ["2025-03-31", "2025-06-09", "2025-06-30", "2025-09-30", "2025-10-01", "2025-12-31", "2026-01-01", "2026-06-09", "2026-11-26", "2026-11-30", "2027-12-31"];
const EDGE = [null, undefined, "", "abc", true, false, 0, 1, -1, 30, 31, Number.NaN, [], ["60", "65"], {}];
const KINDS = ["atLeast", "greaterThan", "atMost", "lessThan", "exactly", "range", "rankAtMost", "qualitative", "none", "parts", "alternatives"];

function target(r: ReturnType<typeof rng>) {
  const kind = r.pick(KINDS);
  const direction = r.pick(["increase", "decrease"]);
  const bound = () => r.pick(DECIMALS.filter((d) => !d.startsWith("-")));
  const member = (k: string) => (k === "range" ? { raw: "x", kind: k, min: "45", max: "50" } : { raw: "x", kind: k, value: bound() });
  const base = { year: 2030, raw: "x", kind, aspirational: r.next() < 0.3, direction };
  if (kind === "range") return { ...base, min: r.pick(["45", "200", "2"]), max: r.pick(["50", "300", "3"]) };
  if (kind === "parts") return { ...base, parts: [member("greaterThan"), member("atLeast")] };
  if (kind === "alternatives") return { ...base, alternatives: [member("range"), member("rankAtMost")] };
  if (kind === "qualitative" || kind === "none") return base;
  return { ...base, value: bound() };
}

function value(type: string, r: ReturnType<typeof rng>): unknown {
  if (r.next() < 0.15) return r.pick(EDGE);
  switch (type) {
    case "decimal":
      return r.pick(DECIMALS);
    case "integer":
      return r.pick([-400, -31, -1, 0, 1, 7, 29, 30, 31, 365, 2024, 2025, 2026, 2030, 2031, 2046]);
    case "date":
      return r.pick(DATES);
    case "boolean":
      return r.next() < 0.5;
    case "target":
      return target(r);
    case "observation":
      return r.next() < 0.2 ? { met: r.next() < 0.5 } : { value: r.pick(DECIMALS) };
    case "list":
      return r.pick([[], ["PL2-21"], [2045], ["60", "65"]]);
    default:
      return r.pick(["annual", "fromYear", "continuous", "referenced", "month", "range", "completed", "in-progress", "cancelled", "not-started", "percent", "count", "rank", "ratio", "growth", "index", "increase", "decrease", "PL2-1", "T-1.1", "Phường Lê Chân"]);
  }
}

function factsFor(rule: LoadedRule, r: ReturnType<typeof rng>): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(FACT_SETS[rule.definition.factSet].facts)) if (r.next() < 0.95) facts[name] = value(def.type, r);
  return facts;
}

/** A rule that uses every operator, fact-to-fact comparisons, nesting, `not` and empty groups. */
const everyOperator: RuleSource = {
  file: "test/every-operator.json",
  json: {
    id: "test.every-operator",
    title: { vi: "x", en: "x" },
    description: { vi: "x", en: "x" },
    rationale: { vi: "x", en: "x" },
    severity: "low",
    weight: 1,
    appliesTo: "task",
    factSet: "taskDeadline",
    planClause: { vi: "x", en: "x" },
    parameters: { days: { default: 30, description: { vi: "x", en: "x" } } },
    cases: [
      ...OPERATORS.map((op, i) => ({
        name: `op-${op.name}`,
        conditions: {
          all: [
            { fact: i % 2 ? "due" : "daysUntilDue", operator: op.name, value: i % 3 === 0 ? { fact: "completedOn" } : i % 3 === 1 ? { param: "days" } : ["completed", "2025-09-30"] },
            { not: { fact: "reportStatus", operator: "equal", value: "cancelled" } },
          ],
        },
        event: { type: "outcome", params: { verdict: "pass", status: op.name, message: { vi: "x", en: "x" } } },
      })),
      { name: "empty-any", conditions: { any: [] }, event: { type: "outcome", params: { verdict: "warn", status: "empty-any", message: { vi: "x", en: "x" } } } },
    ],
    examples: [{ name: "x", facts: {}, expect: { verdict: "warn", status: "empty-any" } }],
  },
};

describe("the compiled path and json-rules-engine", () => {
  const rules = loadRules([...standardRules, everyOperator]);
  const CASES = 100_000;

  it(`choose the same case over ${CASES.toLocaleString("en")} generated cases`, async () => {
    const r = rng(20250609);
    const compiled = rules.map((rule) => compileRule(rule));
    const disagreements: string[] = [];
    const seen = new Map<string, Set<number>>();
    for (let n = 0; n < CASES; n++) {
      const i = n % rules.length;
      const rule = rules[i]!;
      const facts = factsFor(rule, r);
      const fast = compiled[i]!.decideIndex(facts);
      const reference = rule.cases.indexOf((await decide(rule, facts)).case);
      if (fast !== reference && disagreements.length < 5) disagreements.push(`${rule.id}: compiled ${fast}, reference ${reference}, facts ${JSON.stringify(facts)}`);
      const set = seen.get(rule.id) ?? new Set();
      set.add(reference);
      seen.set(rule.id, set);
    }
    expect(disagreements).toEqual([]);
    // The generated facts reach most cases of every rule, so agreement is not agreement on one case.
    for (const rule of rules) expect(seen.get(rule.id)!.size, rule.id).toBeGreaterThanOrEqual(Math.min(2, rule.cases.length));
  }, 120_000);

  it("leave a rule with a decorated operator to json-rules-engine, and say so", async () => {
    const decorated = structuredClone(everyOperator) as { file: string; json: Record<string, unknown> };
    decorated.file = "test/decorated.json";
    (decorated.json as { id: string }).id = "test.decorated";
    (decorated.json as { cases: unknown[] }).cases = [
      { name: "all-dates", conditions: { all: [{ fact: "due", operator: "everyValue:dateOnOrBefore", value: ["2026-01-01", "2027-01-01"] }] }, event: { type: "outcome", params: { verdict: "pass", status: "early", message: { vi: "x", en: "x" } } } },
      { name: "else", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "fail", status: "late", message: { vi: "x", en: "x" } } } },
    ];
    const [rule] = loadRules([decorated as RuleSource]);
    expect(() => compileRule(rule!)).toThrow(/left to json-rules-engine/);
    const { evaluate, plans } = await import("../../src/index.js");
    const s = await evaluate({ plan: plans["haiphong-142"], asOf: "2025-07-01", rules: [decorated as RuleSource] });
    expect(s.rules[0]).toMatchObject({ id: "test.decorated", engine: "json-rules-engine", engineReason: expect.stringContaining("everyValue:dateOnOrBefore") });
    const early = s.rows.find((row) => row.entity === "T-2.1")!;
    expect(early.status).toBe("early");
    expect(s.rows.find((row) => row.entity === "T-2.7")!.status).toBe("late");
  });

  it("give the same scorecard on the bundled fixture", async () => {
    const { evaluate, plans, readJsonRecords } = await import("../../src/index.js");
    const { readFileSync } = await import("node:fs");
    const plan = plans["haiphong-142"];
    const input = readJsonRecords("f.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan);
    const a = await evaluate({ plan, input, asOf: "2026-11-26" });
    const b = await evaluate({ plan, input, asOf: "2026-11-26", engine: "interpreter" });
    expect(a.rows).toEqual(b.rows);
    expect(a.summary).toEqual(b.summary);
    expect(b.rules.every((rule) => rule.engine === "json-rules-engine")).toBe(true);
  });
});
