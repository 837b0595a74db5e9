import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { plans } from "../../src/index.js";
import { checkObservationFully, checkTaskReportFully } from "../../src/input/check-record.js";
import { fastObservation, fastTaskReport } from "../../src/input/fast-path.js";

const plan = plans["haiphong-142"];
const ids = [...plan.indicators.map((x) => x.id), "PL9-1", " PL2-1", "pl2-1", "T-1.1"];
const values = fc.oneof(
  fc.constantFrom("0", "1", "60", "60.5", "60.50", "100", "100.0", "100.5", "101", "-1", "007", "1.200", "1.234", "1,5", "0.77", " 60", "60%", "", "1e3"),
  // Written as agencies write decimals: fixed places, a decimal comma, a minus sign, and their edges.
  fc.constantFrom("8.0", "0.0", "0.10", "-3.5", "-3,50", "-0.0", "-0", "-07", "60,5", "60,50", "0,77", "100,0", "100,5", "1,234", "1,2345", "1.2000", "1.20", "2.000", "12,", ",5", "1,5,0", "1.5,0"),
  fc.tuple(fc.constantFrom("", "-"), fc.integer({ min: 0, max: 1200 }), fc.constantFrom(".", ","), fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: 1, maxLength: 5 })).map(([sign, whole, mark, fraction]) => `${sign}${whole}${mark}${fraction}`),
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

/**
 * Holds a fast path to the full checks over generated records: whenever it answers, it answers what they give, keys
 * in the same order (outputs show them so); and it answers often enough for its edges to be reached.
 */
function agreesWithFullChecks(records: fc.Arbitrary<Record<string, unknown>>, fast: typeof fastObservation | typeof fastTaskReport, full: typeof checkObservationFully | typeof checkTaskReportFully) {
  let answered = 0;
  fc.assert(
    fc.property(records, fc.nat(1000), (r, index) => {
      const source = { file: "x.csv", line: index + 2, index };
      const answer = fast(plan, r, source);
      if (answer) {
        answered++;
        const expected = full(plan, r, source);
        expect(answer).toEqual(expected);
        expect(JSON.stringify(answer)).toBe(JSON.stringify(expected));
      }
    }),
    { numRuns: 20_000 },
  );
  expect(answered).toBeGreaterThan(100);
}

describe("the fast path for canonical observations", () => {
  it("gives exactly what the full checks give, whenever it answers", () => {
    agreesWithFullChecks(fc.oneof(record, nearCanonical, nearCanonical), fastObservation, checkObservationFully);
  });

  it("answers for the plain records a large CSV holds", () => {
    expect(fastObservation(plan, { indicator: "PL2-22", period: "2025", value: "310", locality: "Xã 12" }, { index: 0 })).toEqual({
      accepted: { record: { indicator: "PL2-22", period: 2025, value: "310", locality: "Xã 12" }, source: { index: 0 } },
      notes: [],
    });
  });

  it("answers for decimals as agencies write them, with the note on a decimal comma", () => {
    const source = { file: "x.csv", line: 2 };
    const read = (indicator: string, value: string) => fastObservation(plan, { indicator, period: "2025", value }, source);
    expect(read("PL2-1", "62.50")).toEqual({ accepted: { record: { indicator: "PL2-1", period: 2025, value: "62.5" }, source }, notes: [] });
    expect(read("PL2-1", "62,50")).toEqual({
      accepted: { record: { indicator: "PL2-1", period: 2025, value: "62.5" }, source },
      notes: [{ source, field: "value", note: 'value "62,50" is read as 62.5 (the comma is the decimal mark, as Vietnamese writes it)' }],
    });
    expect(read("PL1-20", "-3,5")?.accepted.record.value).toBe("-3.5");
    // Left to the full checks, which note or refuse them: a negative percentage, 1.200 for a count, 1,234.
    expect(read("PL2-1", "-3.5")).toBeUndefined();
    expect(read("PL2-22", "1.200")).toBeUndefined();
    expect(read("PL2-1", "1,234")).toBeUndefined();
  });
});

const annual = plan.tasks.find((t) => t.deadline?.kind === "annual")!.id;
const fromYear = plan.tasks.find((t) => t.deadline?.kind === "fromYear")!.id;
const taskIds = [...plan.tasks.slice(0, 40).map((t) => t.id), annual, fromYear, "T-99.9", " T-2.1", "t-2.1", "PL2-1"];
const statuses = ["completed", "in-progress", "not-started", "cancelled", "Completed", " completed", "in progress", "hoàn thành", "done", ""];
const dates = ["2025-06-28", "2024-02-29", "2025-02-29", "2026-13-01", "28/06/2025", "2025-6-28", " 2025-06-28", "0000-02-29", "0001-01-01", "1999-12-31", "2026-11-20", ""];
const taskReport = fc.record(
  {
    task: fc.constantFrom(...taskIds),
    status: fc.oneof(fc.constantFrom(...statuses), fc.string()),
    period: fc.oneof(fc.constantFrom(2025, 2026, "2025", "2025 ", 1899, 2201, 2025.5, "", null), fc.integer()),
    reportedOn: fc.oneof(fc.constantFrom(...dates), fc.integer()),
    completedOn: fc.constantFrom(...dates),
    evidence: fc.constantFrom("Kế hoạch số 01/KH-SKHCN", " Kế hoạch", "", 7),
    extra: fc.string(),
  },
  { requiredKeys: [] },
);
const nearCanonicalReport = fc.record(
  {
    task: fc.constantFrom(...taskIds),
    status: fc.constantFrom("completed", "in-progress", "not-started", "cancelled", "Completed"),
    period: fc.constantFrom(2025, 2026, "2025", 1899),
    reportedOn: fc.constantFrom("2025-06-28", "2024-02-29", "2025-02-29", "2026-11-20", "1999-12-31"),
    completedOn: fc.constantFrom("2025-06-25", "2025-02-30", "2026-12-01", "0001-01-01"),
    evidence: fc.constantFrom("Kế hoạch số 01/KH-SKHCN", " Kế hoạch"),
  },
  { requiredKeys: ["task", "status"] },
);

describe("the fast path for canonical task reports", () => {
  it("gives exactly what the full checks give, whenever it answers", () => {
    agreesWithFullChecks(fc.oneof(taskReport, nearCanonicalReport, nearCanonicalReport), fastTaskReport, checkTaskReportFully);
  });

  it("answers for the reports of the bundled fixture, and leaves what needs a note to the full checks", () => {
    expect(fastTaskReport(plan, { task: "T-2.1", status: "completed", reportedOn: "2025-06-28", completedOn: "2025-06-25" }, { index: 0 })).toEqual({
      accepted: { record: { task: "T-2.1", status: "completed", reportedOn: "2025-06-28", completedOn: "2025-06-25" }, source: { index: 0 } },
      notes: [],
    });
    // Noted by the full checks: an annual task without its year, completedOn on a task not completed, a cancellation.
    const on = { reportedOn: "2025-06-28" };
    expect(fastTaskReport(plan, { task: annual, status: "completed", ...on }, { index: 0 })).toBeUndefined();
    expect(checkTaskReportFully(plan, { task: annual, status: "completed", ...on }, { index: 0 }).notes).toHaveLength(1);
    expect(fastTaskReport(plan, { task: "T-2.1", status: "in-progress", completedOn: "2025-06-25", ...on }, { index: 0 })).toBeUndefined();
    expect(fastTaskReport(plan, { task: "T-2.1", status: "cancelled", ...on }, { index: 0 })).toBeUndefined();
    // Refused by the full checks: no report date, a completion after it.
    expect(fastTaskReport(plan, { task: "T-2.1", status: "completed" }, { index: 0 })).toBeUndefined();
    expect(fastTaskReport(plan, { task: "T-2.1", status: "completed", reportedOn: "2025-06-20", completedOn: "2025-06-25" }, { index: 0 })).toBeUndefined();
  });
});
