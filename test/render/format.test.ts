import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Decimal } from "../../src/decimal.js";
import { charCount, formatPercent, shorten } from "../../src/render/table.js";

/** The reading formatPercent gives: the decimal times 100, rounded half to even to one place, the place dropped when 0. */
function reference(value: string, lang: "vi" | "en"): string {
  const d = new Decimal(value).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_EVEN);
  const text = d.isInteger() ? d.toFixed(0) : d.toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/** Scores from 0 to 1 as rows and summaries hold them, halves and near-halves included. */
const unitScore = fc.oneof(
  fc.constantFrom("0", "1", "0.5", "0.0005", "0.0015", "0.0025", "0.9995", "0.9985", "0.12345", "0.12355", "0.123451", "0.999999", "0.000001", "0.1", "0.05"),
  fc.stringMatching(/^0\.\d{0,8}[1-9]$/),
  fc.tuple(fc.nat(999), fc.constantFrom("5", "49", "51", "50001", "")).map(([n, tail]) => `0.${String(n).padStart(3, "0")}${tail}`.replace(/0+$/, "").replace(/\.$/, "")),
);

describe("formatPercent", () => {
  it("formats every score from 0 to 1 as decimal.js rounds it, half to even", () => {
    fc.assert(
      fc.property(unitScore, fc.constantFrom("vi" as const, "en" as const), (value, lang) => {
        expect(formatPercent(value, lang)).toBe(reference(value, lang));
      }),
      { numRuns: 20_000 },
    );
  });

  it("formats other decimals through decimal.js", () => {
    for (const value of ["1.5", "0.50", "-0.25", "12", "0.1234567891234"]) expect(formatPercent(value, "en")).toBe(reference(value, "en"));
    expect(formatPercent("0.1032", "vi")).toBe("10,3%");
    expect(formatPercent("0.0005", "en")).toBe("0%");
    expect(formatPercent("0.0015", "en")).toBe("0.2%");
    expect(formatPercent("0.99951", "en")).toBe("100%");
    expect(formatPercent(null, "en")).toBe("—");
  });
});

describe("charCount", () => {
  it("counts code points as the string iterator does, lone surrogates included", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), fc.string()), (text) => {
        expect(charCount(text)).toBe([...text].length);
      }),
      { numRuns: 20_000 },
    );
    expect(charCount("Xã 1 😀\ud800")).toBe(7);
  });
});

describe("shorten", () => {
  /** What shorten gives, by arrays of characters. */
  const reference = (text: string, max: number) => {
    const chars = [...text];
    if (chars.length <= max) return text;
    if (max <= 1) return "…".slice(0, max);
    const cut = chars.slice(0, max - 1).join("");
    const space = cut.lastIndexOf(" ");
    return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
  };

  it("cuts by characters, never inside one, as counting them one by one does", () => {
    const text = fc.oneof(fc.string({ unit: "grapheme", maxLength: 60 }), fc.string({ unit: "binary", maxLength: 60 }), fc.constantFrom("Xã 0001 😀😀 dòng", "😀".repeat(30)));
    fc.assert(
      fc.property(text, fc.integer({ min: 0, max: 70 }), (t, max) => {
        expect(shorten(t, max)).toBe(reference(t, max));
      }),
      { numRuns: 20_000 },
    );
  });
});
