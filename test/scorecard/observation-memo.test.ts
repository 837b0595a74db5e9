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
