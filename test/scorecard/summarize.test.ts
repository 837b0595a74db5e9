import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/decimal.js";
import { summarize, type ScorecardRow } from "../../src/index.js";
import { addToTally, createTally, mergeTally, millionthsOf, summaryInDecimals, summaryOf, wholeWeight, type Tally } from "../../src/scorecard/summarize.js";

const VERDICTS = ["pass", "warn", "fail", "no-data", "not-applicable"] as const;

/** Weights as rules give them: mostly whole, some decimal, some zero. */
const weight = fc.oneof(fc.constantFrom("0", "1", "2", "3", "10"), fc.constantFrom("0.5", "1.25", "999999", "1000000"));
/** Scores from 0 to 1: short ones, six-place ones, and longer ones the whole-number path must leave to decimals. */
const score = fc.oneof(
  fc.constantFrom("0", "1", "0.5", "0.25"),
  fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(1_000_000).toString()),
  fc.integer({ min: 0, max: 10_000_000 }).map((n) => new Decimal(n).div(10_000_000).toString()),
  fc.constantFrom("0.3333333333333333333", "0.0000001"),
);
const row = fc.record({ verdict: fc.constantFrom(...VERDICTS), weight, score }).map(
  ({ verdict, weight, score }) =>
    ({
      rule: "r",
      entity: "e",
      verdict,
      status: "s",
      score: verdict === "no-data" || verdict === "not-applicable" ? null : score,
      weight,
      facts: {},
      message: { vi: "", en: "" },
    }) as ScorecardRow,
);

/** The weighted mean the summary promises, worked out plainly with decimals. */
function reference(rows: readonly ScorecardRow[]): { score: string | null; coverage: string | null } {
  let weighted = new Decimal(0);
  let weights = new Decimal(0);
  let expected = 0;
  let withData = 0;
  for (const r of rows) {
    if (r.weight === "0") continue;
    if (r.verdict === "no-data") expected++;
    else if (r.score !== null && (r.verdict === "pass" || r.verdict === "warn" || r.verdict === "fail")) {
      expected++;
      withData++;
      weights = weights.plus(r.weight);
      weighted = weighted.plus(new Decimal(r.weight).times(r.score));
    }
  }
  const fixed = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
  return {
    score: weights.isZero() ? null : fixed(weighted.div(weights)),
    coverage: expected === 0 ? null : fixed(new Decimal(withData).div(expected)),
  };
}

describe("summarize", () => {
  it("gives the exact weighted mean and coverage, whatever the weights, scores and order of the rows", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
        const s = summarize(rows);
        expect({ score: s.score, coverage: s.coverage }).toEqual(reference(rows));
        expect(summarize([...rows].reverse())).toEqual(s);
      }),
      { numRuns: 2_000 },
    );
  });

  it("stays exact where sums of millionths would pass what a double holds", () => {
    // A mean of exactly 0.99995, on the rounding boundary: an inexact sum would tip it to 0.9999.
    const heavy: ScorecardRow = { rule: "r", entity: "e", verdict: "warn", status: "s", score: "0.99995", weight: "999999", facts: {}, message: { vi: "", en: "" } };
    for (const count of [9_000, 20_000, 33_333]) {
      const rows = Array.from({ length: count }, () => heavy);
      expect(summarize(rows).score).toBe("1.0000");
      expect(reference(rows).score).toBe("1.0000");
    }
  });

  it("gives the same summary from runs of rows tallied apart and merged, however the rows are cut and merged", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), (rows, cuts, order) => {
        const points = [...new Set(cuts.map((c) => c % (rows.length + 1)))].sort((a, b) => a - b);
        const runs = [0, ...points, rows.length].slice(1).map((end, i, ends) => rows.slice(i === 0 ? 0 : ends[i - 1], end));
        const tallies = runs.map((run) => {
          const tally = createTally();
          for (const r of run) addToTally(tally, r);
          return tally;
        });
        // Merged in a rotated order, some into a tally that already holds rows.
        const into = tallies.length > 0 ? tallies[order % tallies.length]! : createTally();
        for (const t of tallies) if (t !== into) mergeTally(into, t);
        expect(summaryOf(into)).toEqual(summarize(rows));
      }),
      { numRuns: 2_000 },
    );
  });

  it("stays exact when merged runs together pass what a double holds", () => {
    const heavy: ScorecardRow = { rule: "r", entity: "e", verdict: "warn", status: "s", score: "0.99995", weight: "999999", facts: {}, message: { vi: "", en: "" } };
    const run = (count: number): Tally => {
      const tally = createTally();
      for (let i = 0; i < count; i++) addToTally(tally, heavy);
      return tally;
    };
    // Each run alone is within 2^53 millionths; together they pass it, and the merged sums of merged tallies too.
    const a = run(5_000);
    const b = run(5_000);
    const c = run(5_000);
    mergeTally(a, b);
    mergeTally(c, a);
    expect(c.spilled).toBeDefined();
    expect(c.rows).toBe(15_000);
    expect(summaryOf(c)).toEqual(summarize(Array.from({ length: 15_000 }, () => heavy)));
    expect(summaryOf(c).score).toBe("1.0000");
  });
});

describe("millionths of a score", () => {
  // The reading it replaced: a pattern, then the whole part and the fraction as numbers.
  const SIX_PLACES = /^(?:0|[1-9]\d{0,5})(?:\.\d{1,6})?$/;
  const byPattern = (score: string) => {
    if (!SIX_PLACES.test(score)) return -1;
    const dot = score.indexOf(".");
    return dot < 0 ? Number(score) * 1_000_000 : Number(score.slice(0, dot)) * 1_000_000 + Number(score.slice(dot + 1).padEnd(6, "0"));
  };
  it("reads digit by digit what the pattern reads, and the exact decimal's millionths", () => {
    const text = fc.oneof(
      fc.stringMatching(/^-?\d{0,8}(\.\d{0,8})?$/),
      fc.tuple(fc.integer({ min: 0, max: 999_999 }), fc.integer({ min: 0, max: 999_999 })).map(([w, f]) => `${w}.${String(f).padStart(6, "0").replace(/0+$/, "") || "0"}`),
      fc.constantFrom("0", "1", "0.5", "00", "01", "1.", ".5", "", "1e3", "0.0000001", "999999.999999", "1000000"),
    );
    fc.assert(
      fc.property(text, (score) => {
        const m = millionthsOf(score);
        expect(m).toBe(byPattern(score));
        if (m >= 0) expect(new Decimal(score).times(1_000_000).toNumber()).toBe(m);
        expect(wholeWeight(score)).toBe(m >= 0 && !score.includes(".") ? m / 1_000_000 : -1);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("summaries in whole numbers", () => {
  // Whole weights and six-place scores only, so that the tally stays in whole numbers; scores near the ties of four
  // places and bounds near the scores.
  const wholeRow = fc
    .record({
      verdict: fc.constantFrom(...VERDICTS),
      weight: fc.constantFrom("0", "1", "2", "3", "7", "10"),
      score: fc.oneof(fc.integer({ min: 0, max: 1_000_000 }).map((n) => new Decimal(n).div(1_000_000).toString()), fc.constantFrom("0.00005", "0.00015", "0.99995", "0.5")),
      missingData: fc.boolean(),
    })
    .map(({ verdict, weight, score, missingData }) => ({ verdict, weight, score: verdict === "no-data" || verdict === "not-applicable" ? null : score, ...(missingData ? { missingData: true as const } : {}) }));
  const bound = fc.oneof(
    fc.constantFrom("0", "0.5", "0.75", "0.9", "1", "0.33333333333333333333", "0.333333333333333333334", "1e-3", "0.66666666666666666667"),
    fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(10_000).toString()),
  );
  it("are the summaries decimal.js gives, bands and coverage included", () => {
    fc.assert(
      fc.property(fc.array(wholeRow, { maxLength: 40 }), fc.array(bound, { minLength: 0, maxLength: 4 }), bound, (rows, froms, minCoverage) => {
        const tally = createTally();
        for (const r of rows) addToTally(tally, r);
        const bands = froms.map((from, i) => ({ id: `b${i}`, from, label: { vi: "", en: "" } }));
        const options = { bands, minCoverage };
        let expected: unknown;
        try {
          expected = summaryInDecimals(tally, options);
        } catch (error) {
          expected = error;
        }
        if (expected instanceof Error) expect(() => summaryOf(tally, options)).toThrow();
        else expect(summaryOf(tally, options)).toEqual(expected);
      }),
      { numRuns: 20_000 },
    );
  });
});
