import { describe, expect, it } from "vitest";
import { createInputAccumulator, mergeInputs, plans, readJsonRecords, type ReadInput } from "../../src/index.js";

const plan = plans["haiphong-142"];

describe("an input accumulator given a whole national input", () => {
  it("keeps every task report and note of an input longer than a call's arguments may be", { timeout: 60_000 }, () => {
    // Twenty files of 10,000 reports, each report with a field the plan does not know (a note each), merged.
    const file = (k: number): ReadInput => {
      const reports = Array.from({ length: 10_000 }, (_, i) => ({ task: "T-1.2", status: "in-progress", period: 2025, reportedOn: "2025-10-01", commune: `Xã ${k}-${i}` }));
      return readJsonRecords(`commune-${k}.json`, JSON.stringify({ taskReports: reports }), plan);
    };
    const input = mergeInputs(...Array.from({ length: 20 }, (_, k) => file(k)));
    expect(input.taskReports).toHaveLength(200_000);
    expect(input.notes).toHaveLength(200_000);
    const accumulator = createInputAccumulator(plan);
    accumulator.addInput(input);
    const all = accumulator.finish();
    expect(all.taskReports).toEqual(input.taskReports);
    expect(all.notes).toEqual(input.notes);
    expect(all.given.taskReports).toBe(200_000);
  });
});
