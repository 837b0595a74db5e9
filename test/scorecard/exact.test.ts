import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/index.js";
import { changePerYear, divideRounded, progressRatio, sortDecimals, yearAtPace } from "../../src/scorecard/exact.js";

const decimalText = fc
  .tuple(fc.boolean(), fc.integer({ min: 0, max: 99_999 }), fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg && (int > 0 || frac) ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
const six = (d: Decimal) => d.toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toString();

describe("exact progress arithmetic", () => {
  it("divides with rounding half to even at six places", () => {
    expect(divideRounded(1n, 3n)).toBe("0.333333");
    expect(divideRounded(2n, 3n)).toBe("0.666667");
    expect(divideRounded(-2n, 3n)).toBe("-0.666667");
    expect(divideRounded(1n, 8_000_000n)).toBe("0");
    expect(divideRounded(3n, 2_000_000n)).toBe("0.000002");
    expect(divideRounded(5n, 2_000_000n)).toBe("0.000002");
    expect(divideRounded(22n, 10n)).toBe("2.2");
  });

  it("agrees with decimal.js on every ratio, change and clamp", () => {
    fc.assert(
      fc.property(decimalText, decimalText, decimalText, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), (b, l, t, ya, yr) => {
        const result = progressRatio(b, l, t, ya, yr);
        const required = new Decimal(t).minus(b).div(yr);
        if (required.isZero()) {
          expect(result).toBeUndefined();
          return;
        }
        const actual = new Decimal(l).minus(b).div(ya);
        // One division, so that a tie at the sixth place is seen as a tie (two divisions at 40 digits can miss it).
        const ratio = new Decimal(l).minus(b).times(yr).div(new Decimal(t).minus(b).times(ya));
        expect(result).toEqual({
          ratio: six(ratio),
          clamped: six(Decimal.min(1, Decimal.max(0, ratio))),
          actual: six(actual),
          required: six(required),
        });
        expect(changePerYear(b, t, yr)).toBe(six(required));
        // Asked for the ratio alone, the same ratio and clamp, without the changes per year.
        expect(progressRatio(b, l, t, ya, yr, false)).toEqual({ ...result, actual: undefined, required: undefined });
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("exact progress arithmetic on large whole numbers", () => {
  it("agrees with decimal.js where doubles would round", () => {
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: -999_999_999, max: 999_999_999 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (b, l, t, ya, yr) => {
        const result = progressRatio(String(b), String(l), String(t), ya, yr);
        if (t === b) {
          expect(result).toBeUndefined();
          return;
        }
        const ratio = new Decimal(l).minus(b).times(yr).div(new Decimal(t).minus(b).times(ya));
        expect(result?.ratio).toBe(ratio.toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toString());
        expect(result?.actual).toBe(new Decimal(l).minus(b).div(ya).toDecimalPlaces(6, Decimal.ROUND_HALF_EVEN).toString());
      }),
      { numRuns: 5000 },
    );
  });
});

describe("exact progress arithmetic on decimals of many digits", () => {
  // Up to twelve digits in all, some places each: around the bounds below which plain numbers stay exact.
  const wide = fc
    .tuple(fc.boolean(), fc.stringMatching(/^[1-9]\d{0,8}$|^0$/), fc.option(fc.stringMatching(/^\d{0,5}[1-9]$/), { nil: undefined }))
    .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`)
    .filter((text) => text !== "-0");

  it("agrees with decimal.js on the ratio, the changes and the clamp", () => {
    fc.assert(
      fc.property(wide, wide, wide, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 40 }), (b, l, t, ya, yr) => {
        const result = progressRatio(b, l, t, ya, yr);
        const required = new Decimal(t).minus(b).div(yr);
        expect(changePerYear(b, t, yr)).toBe(six(required));
        if (required.isZero()) {
          expect(result).toBeUndefined();
          return;
        }
        const ratio = new Decimal(l).minus(b).times(yr).div(new Decimal(t).minus(b).times(ya));
        expect(result).toEqual({ ratio: six(ratio), clamped: six(Decimal.min(1, Decimal.max(0, ratio))), actual: six(new Decimal(l).minus(b).div(ya)), required: six(required) });
      }),
      { numRuns: 20_000 },
    );
  });

  it("sorts figures as decimal.js orders them, canonical or not", () => {
    // Canonical figures of up to two places (sorted as integers), and any decimal text among them (sorted as decimals).
    const canonical = fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([whole, cents]) => new Decimal(cents).div(100).plus(whole).toFixed());
    fc.assert(
      fc.property(fc.array(canonical, { maxLength: 60 }), fc.array(decimalText, { maxLength: 3 }), (figures, others) => {
        for (const values of [figures, [...figures, ...others]]) {
          const sorted = [...values];
          sortDecimals(sorted);
          expect(sorted).toEqual([...values].sort((a, b) => new Decimal(a).comparedTo(b)));
        }
      }),
    );
  });
});

describe("the year a pace reaches a target", () => {
  /** The year by decimal.js alone: what the fast path must agree with. */
  const byDecimal = (latest: string, year: number, target: string, actual: string, direction: "increase" | "decrease") => {
    const sign = direction === "increase" ? 1 : -1;
    const gap = new Decimal(target).minus(latest).times(sign);
    const step = new Decimal(actual).times(sign);
    if (gap.lte(0)) return year;
    if (step.lte(0)) return null;
    const years = gap.div(step).ceil().toNumber();
    return years > 100 ? null : year + years;
  };
  const pace = fc.oneof(decimalText, fc.integer({ min: -9_999_999, max: 9_999_999 }).map((n) => new Decimal(n).div(1_000_000).toString()));

  it("agrees with decimal.js on figures of a few digits and of many, exact quotients included", () => {
    fc.assert(
      fc.property(decimalText, decimalText, pace, fc.constantFrom("increase" as const, "decrease" as const), (latest, target, actual, direction) => {
        expect(yearAtPace(latest, 2026, target, actual, direction)).toBe(byDecimal(latest, 2026, target, actual, direction));
      }),
      { numRuns: 20_000 },
    );
    // Quotients that are whole numbers, where a double one off would give a year too many or too few.
    for (const [latest, target, actual] of [["0", "0.3", "0.1"], ["1", "100", "0.33"], ["0.1", "0.7", "0.2"], ["12345678", "12345679.5", "0.000003"]] as const)
      expect(yearAtPace(latest, 2026, target, actual, "increase")).toBe(byDecimal(latest, 2026, target, actual, "increase"));
  });
});
