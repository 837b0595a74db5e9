import { describe, expect, it } from "vitest";
import { evaluate, plans, standardRules, type RuleSource } from "../../src/index.js";

const plan = plans["haiphong-142"];
const byMeasure = (measure: string) => plan.indicators.filter((x) => x.measure === measure).slice(0, 3);
const indicators = [...byMeasure("percent"), ...byMeasure("rank"), ...byMeasure("count")];
const FIGURES = ["0", "1", "0.5", "45", "100", "100.5", "120", "3", "250"];

/** Many observations sharing few figures, across localities and years (inside and outside the plan's span). */
function observations(): unknown[] {
  const out: unknown[] = [];
  let n = 0;
  for (const x of indicators)
    for (const period of [2010, 2014, 2015, 2024, 2025, 2026, 2045, 2046]) {
      // Every locality reports the same figure for an indicator and year.
      const value = FIGURES[n++ % FIGURES.length];
      for (let l = 0; l < 12; l++) out.push({ indicator: x.id, period, value, locality: `Xã ${l}` });
    }
  return out;
}

/** An observation check that reads the locality: deciding each figure once would be wrong for it. */
const byLocality: RuleSource = {
  file: "test/observation-by-locality.json",
  json: {
    id: "test.observation-by-locality",
    title: { vi: "x", en: "x" },
    description: { vi: "x", en: "x" },
    rationale: { vi: "x", en: "x" },
    severity: "low",
    weight: 0,
    appliesTo: "observation",
    factSet: "observation",
    planClause: { vi: "x", en: "x" },
    parameters: {},
    cases: [
      { name: "watched", conditions: { all: [{ fact: "locality", operator: "equal", value: "Xã 3" }] }, event: { type: "outcome", params: { verdict: "warn", status: "watched", message: { vi: "{locality}", en: "{locality}" } } } },
      { name: "other", conditions: { all: [] }, event: { type: "outcome", params: { verdict: "pass", status: "other", skip: true, message: { vi: "x", en: "x" } } } },
    ],
    examples: [
      { name: "watched", facts: { locality: "Xã 3" }, expect: { verdict: "warn", status: "watched" } },
      { name: "other", facts: { locality: "Xã 1" }, expect: { verdict: "pass", status: "other" } },
    ],
  },
};

describe("observation checks", () => {
  it("give the rows json-rules-engine gives when many observations share a figure", async () => {
    const given = observations();
    const compiled = await evaluate({ plan, observations: given, asOf: "2026-11-26" });
    const reference = await evaluate({ plan, observations: given, asOf: "2026-11-26", engine: "interpreter" });
    const checks = (rows: typeof compiled.rows) => rows.filter((r) => r.rule.startsWith("observation."));
    expect(checks(compiled.rows).length).toBeGreaterThan(100);
    expect(checks(compiled.rows)).toEqual(checks(reference.rows));
  });

  it("decide each observation on its own when a rule reads its locality", async () => {
    const s = await evaluate({ plan, observations: observations(), asOf: "2026-11-26", rules: [...standardRules, byLocality] });
    const watched = s.rows.filter((r) => r.rule === "test.observation-by-locality");
    expect(watched.length).toBe(indicators.length * 8);
    expect(new Set(watched.map((r) => r.locality))).toEqual(new Set(["Xã 3"]));
  });
});

/** An observation rule of the given cases, each an outcome with its status. */
function observationRule(id: string, cases: { name: string; conditions: unknown; verdict: string; skip?: boolean; example: string }[]): RuleSource {
  return {
    file: `test/${id}.json`,
    json: {
      id,
      title: { vi: "x", en: "x" },
      description: { vi: "x", en: "x" },
      rationale: { vi: "x", en: "x" },
      severity: "low",
      weight: 0,
      appliesTo: "observation",
      factSet: "observation",
      planClause: { vi: "x", en: "x" },
      parameters: {},
      cases: cases.map((k) => ({
        name: k.name,
        conditions: k.conditions,
        event: { type: "outcome", params: { verdict: k.verdict, status: k.name, ...(k.skip ? { skip: true } : {}), message: { vi: "{value}", en: "{value}" } } },
      })),
      examples: cases.map((k) => ({ name: k.name, facts: { value: k.example, measure: "count" }, expect: { verdict: k.verdict, status: k.name } })),
    },
  };
}

/** Values either side of and at the bounds 10, 20 and 50.5, each reported by a locality of its own, in every slot. */
const NEAR_BOUNDS = ["0", "3", "9.99", "10", "10.01", "19.99", "20", "20.01", "45", "50.49", "50.5", "50.51", "120", "-1", "20.001"];

function nearBounds(): unknown[] {
  const out: unknown[] = [];
  for (const x of indicators)
    for (const period of [2015, 2024, 2025])
      NEAR_BOUNDS.forEach((value, l) => out.push({ indicator: x.id, period, value, locality: `Xã ${l}` }));
  return out;
}

// Bounds read by two rules, one written 20.0 and one 20: a value at a bound is decided apart from those either side.
const banded = observationRule("test.observation-banded", [
  { name: "at-twenty", conditions: { all: [{ fact: "value", operator: "decimalEqual", value: "20.0" }] }, verdict: "warn", example: "20" },
  { name: "high", conditions: { all: [{ fact: "value", operator: "decimalAtLeast", value: "50.5" }, { fact: "measure", operator: "notEqual", value: "rank" }] }, verdict: "fail", example: "60" },
  { name: "low", conditions: { any: [{ fact: "value", operator: "decimalLessThan", value: "10" }, { fact: "value", operator: "equal", value: null }] }, verdict: "warn", example: "5" },
  { name: "middle", conditions: { all: [] }, verdict: "pass", skip: true, example: "15" },
]);
const atMost = observationRule("test.observation-at-most", [
  { name: "at-most-twenty", conditions: { not: { fact: "value", operator: "decimalGreaterThan", value: "20" } }, verdict: "warn", example: "20" },
  { name: "above", conditions: { all: [] }, verdict: "pass", skip: true, example: "21" },
]);
// A list of values: not a comparison with bounds, so each figure is decided on its own.
const listed = observationRule("test.observation-listed", [
  { name: "listed", conditions: { all: [{ fact: "value", operator: "in", value: ["45", "3"] }] }, verdict: "warn", example: "45" },
  { name: "other", conditions: { all: [] }, verdict: "pass", skip: true, example: "46" },
]);

describe("observation checks comparing values with bounds", () => {
  const rowsOf = async (rules: RuleSource[], engine: "compiled" | "interpreter") => {
    const s = await evaluate({ plan, observations: nearBounds(), asOf: "2026-11-26", rules, engine });
    return s.rows.filter((r) => r.rule.startsWith("test.") || r.rule.startsWith("observation."));
  };

  it("decide values at, below and above each bound as json-rules-engine does", async () => {
    const rules = [...standardRules, banded, atMost];
    const compiled = await rowsOf(rules, "compiled");
    expect(compiled).toEqual(await rowsOf(rules, "interpreter"));
    // Every value but those from 10 to 20 and from 20.01 to 50.49 makes a row of the banded rule in every slot.
    const bandedRows = compiled.filter((r) => r.rule === "test.observation-banded");
    expect(new Set(bandedRows.map((r) => r.facts.value))).toEqual(new Set(["0", "3", "9.99", "20", "50.5", "50.51", "120", "-1"]));
    expect(bandedRows.filter((r) => r.facts.value === "20").every((r) => r.status === "at-twenty")).toBe(true);
    const atMostRows = compiled.filter((r) => r.rule === "test.observation-at-most");
    expect(new Set(atMostRows.map((r) => r.facts.value))).toEqual(new Set(["0", "3", "9.99", "10", "10.01", "19.99", "20", "-1"]));
  });

  it("decide each value on its own beside a rule that reads the value otherwise", async () => {
    const rules = [...standardRules, banded, listed];
    const compiled = await rowsOf(rules, "compiled");
    expect(compiled).toEqual(await rowsOf(rules, "interpreter"));
    expect(new Set(compiled.filter((r) => r.rule === "test.observation-listed").map((r) => r.facts.value))).toEqual(new Set(["45", "3"]));
  });
});
