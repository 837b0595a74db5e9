import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { checkObservationFully } from "../../src/input/check-record.js";
import { fastObservation } from "../../src/input/fast-path.js";

const plan = plans["haiphong-142"];
const ids = [...plan.indicators.map((x) => x.id), "PL9-1", " PL2-1", "pl2-1", "T-1.1"];
const values = fc.oneof(
  fc.constantFrom("0", "1", "60", "60.5", "60.50", "100", "100.0", "100.5", "101", "-1", "007", "1.200", "1.234", "1,5", "0.77", " 60", "60%", "", "1e3"),
  fc.integer({ min: -5, max: 5000 }).map(String),
  fc.integer({ min: -5, max: 5000 }),
  fc.double({ noNaN: false }),
  fc.string(),
);
const record = fc.record(
  {
    indicator: fc.constantFrom(...ids),
    period: fc.oneof(fc.constantFrom(2024, 2025, 2026, 1899, 2201, "2025", "2025 ", 2025.5), fc.integer()),
    value: values,
    met: fc.boolean(),
    unit: fc.constantFrom("%", " %", ""),
    locality: fc.constantFrom("Phường Lê Chân", " Phường Lê Chân", "", "Xã 1"),
    source: fc.constantFrom("Sở KH&CN", ""),
    reportedOn: fc.constantFrom("2026-01-15", "2026-02-30", "15/01/2026", "2026-1-15"),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);

/** Records close to canonical, so that the fast path answers often and its edges are reached. */
const nearCanonical = fc.record(
  {
    indicator: fc.constantFrom(...ids),
    period: fc.constantFrom(2024, 2025, 2026, "2025", 1899, "2025 "),
    value: values,
    locality: fc.constantFrom("Phường Lê Chân", " Phường Lê Chân", "Xã 1", ""),
    reportedOn: fc.constantFrom("2026-01-15", "2026-02-30", "2024-02-29", "2025-02-29"),
  },
  { requiredKeys: ["indicator", "period", "value"] },
);

describe("the fast path for canonical observations", () => {
  it("gives exactly what the full checks give, whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(record, nearCanonical, nearCanonical), fc.nat(1000), (r, index) => {
        const source = { file: "x.csv", line: index + 2, index };
        const fast = fastObservation(plan, r, source);
        if (fast) {
          answered++;
          expect(fast).toEqual(checkObservationFully(plan, r, source));
        }
      }),
      { numRuns: 20_000 },
    );
    expect(answered).toBeGreaterThan(100);
  });

  it("answers for the plain records a large CSV holds", () => {
    expect(fastObservation(plan, { indicator: "PL2-22", period: "2025", value: "310", locality: "Xã 12" }, { index: 0 })).toEqual({
      accepted: { record: { indicator: "PL2-22", period: 2025, value: "310", locality: "Xã 12" }, source: { index: 0 } },
      notes: [],
    });
  });
});
