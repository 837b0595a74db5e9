import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/index.js";
import { meetsTarget } from "../../src/rules/operators.js";
import { comparedWith, compareDecimals } from "../../src/rules/operators.js";

const decimalText = fc
  .tuple(fc.boolean(), fc.stringMatching(/^\d{1,6}$/), fc.option(fc.stringMatching(/^\d{1,6}$/), { nil: undefined }))
  .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);

describe("compareDecimals", () => {
  it("orders decimal strings exactly as decimal.js does, leading and trailing zeros included", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        expect(compareDecimals(a, b)).toBe(new Decimal(a).comparedTo(new Decimal(b)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("orders decimals of up to twenty digits exactly, beyond what a double holds", () => {
    const wide = fc
      .tuple(fc.boolean(), fc.stringMatching(/^\d{1,10}$/), fc.option(fc.stringMatching(/^\d{1,10}$/), { nil: undefined }))
      .map(([neg, int, frac]) => `${neg ? "-" : ""}${int}${frac === undefined ? "" : `.${frac}`}`);
    // Pairs that differ only past the fifteenth digit, and pairs of any two.
    const close = wide.chain((a) => fc.constantFrom(a, `${a}1`, a.includes(".") ? `${a}0` : `${a}.0000000001`).map((b) => [a, b] as const));
    fc.assert(
      fc.property(fc.oneof(close, fc.tuple(wide, wide)), ([a, b]) => {
        expect(compareDecimals(a, b)).toBe(new Decimal(a).comparedTo(new Decimal(b)));
        expect(compareDecimals(b, a)).toBe(new Decimal(b).comparedTo(new Decimal(a)));
      }),
      { numRuns: 20_000 },
    );
  });

  it("orders a whole number against a decimal string, either way round, as decimal.js does", () => {
    const whole = fc.oneof(fc.integer({ min: -2000, max: 2000 }), fc.constantFrom(0, -0, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(whole, decimalText, (n, text) => {
        const expected = new Decimal(n).comparedTo(new Decimal(text));
        expect(compareDecimals(n, text)).toBe(expected);
        expect(compareDecimals(text, n)).toBe(-expected || 0);
      }),
      { numRuns: 20_000 },
    );
  });

  it.each([
    ["0", "-0", 0],
    ["0.10", "0.1", 0],
    ["007", "7", 0],
    ["100.0001", "100", 1],
    ["-0.1", "-0.10001", 1],
    ["0.1", 0.1, 0],
    ["1e3", "1000", undefined],
    [null, "1", undefined],
  ] as const)("compares %j with %j as %j", (a, b, expected) => expect(compareDecimals(a, b)).toBe(expected));
});

describe("meetsTarget", () => {
  const t = (kind: string, extra: object, direction = "increase") => ({ year: 2030, raw: "x", kind, aspirational: false, direction, ...extra });
  it.each([
    [{ value: "60" }, t("atLeast", { value: "60" }), true],
    [{ value: "59.9999" }, t("atLeast", { value: "60" }), false],
    [{ value: "60" }, t("greaterThan", { value: "60" }), false],
    [{ value: "46" }, t("range", { min: "45", max: "50" }), true],
    [{ value: "51" }, t("range", { min: "45", max: "50" }), true],
    [{ value: "44" }, t("range", { min: "45", max: "50" }), false],
    [{ value: "250" }, t("range", { min: "200", max: "300" }, "decrease"), true],
    [{ value: "301" }, t("range", { min: "200", max: "300" }, "decrease"), false],
    [{ value: "3" }, t("rankAtMost", { value: "3" }, "decrease"), true],
    [{ value: "4" }, t("rankAtMost", { value: "3" }, "decrease"), false],
    [{ met: true }, t("qualitative", {}), true],
    [{ met: false }, t("qualitative", {}), false],
    [{ value: "93" }, t("parts", { parts: [{ raw: "a", kind: "greaterThan", value: "95" }, { raw: "b", kind: "greaterThan", value: "90" }] }), false],
    [{ value: "96" }, t("parts", { parts: [{ raw: "a", kind: "greaterThan", value: "95" }, { raw: "b", kind: "greaterThan", value: "90" }] }), true],
    [{ value: "3" }, t("alternatives", { alternatives: [{ raw: "a", kind: "range", min: "200", max: "300" }, { raw: "b", kind: "rankAtMost", value: "3" }] }, "decrease"), true],
    [{ value: "60" }, t("none", {}), false],
    [null, t("atLeast", { value: "60" }), false],
    [{ value: null }, t("atLeast", { value: "60" }), false],
  ])("%j against %j: %s", (observation, target, expected) => {
    expect(meetsTarget(observation, target)).toBe(expected);
    // A frozen target is read once into a test of its bounds: the same answers.
    expect(meetsTarget(observation, Object.freeze({ ...target }))).toBe(expected);
  });

  it("answers alike on a frozen target, its bounds read once, and on the same target not frozen", () => {
    const bound = fc.option(fc.oneof(decimalText, fc.constantFrom("1e3", "", "abc")), { nil: undefined });
    const member = fc.record({ kind: fc.constantFrom("atLeast", "greaterThan", "atMost", "rankAtMost", "lessThan", "exactly", "range", "other"), value: bound, min: bound, max: bound });
    const target = fc.record({
      kind: fc.constantFrom("atLeast", "greaterThan", "atMost", "rankAtMost", "lessThan", "exactly", "range", "qualitative", "none", "parts", "alternatives"),
      value: bound,
      min: bound,
      max: bound,
      direction: fc.constantFrom("increase", "decrease", undefined),
      parts: fc.array(member, { maxLength: 3 }),
      alternatives: fc.array(member, { maxLength: 3 }),
    });
    const observation = fc.oneof(
      fc.record({ value: fc.oneof(decimalText, fc.integer(), fc.constantFrom(null, "x")) }),
      fc.record({ met: fc.oneof(fc.boolean(), fc.constant(null)) }),
    );
    fc.assert(
      fc.property(observation, target, (o, x) => {
        expect(meetsTarget(o, Object.freeze({ ...x }))).toBe(meetsTarget(o, { ...x }));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe("comparedWith", () => {
  it("compares with a literal read once exactly as compareDecimals does", () => {
    const anything = fc.oneof(decimalText, fc.stringMatching(/^-?\d{1,14}(\.\d{1,8})?$/), fc.integer(), fc.double(), fc.constantFrom(null, undefined, "", "abc", "1.", ".5", true));
    fc.assert(
      fc.property(anything, anything, (a, literal) => {
        expect(comparedWith(literal)(a)).toBe(compareDecimals(a, literal));
      }),
      { numRuns: 20_000 },
    );
  });
});
