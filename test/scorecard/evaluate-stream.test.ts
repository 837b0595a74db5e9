import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, evaluateStream, plans } from "../../src/index.js";

const plan = plans["haiphong-142"];
const fixture = JSON.parse(readFileSync("fixtures/report-2025-2026.json", "utf8")) as { observations: unknown[]; taskReports: unknown[] };

async function* slowly<T>(items: readonly T[]): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe("evaluateStream", () => {
  it("gives the scorecard evaluate gives for the same records", async () => {
    const whole = await evaluate({ plan, observations: fixture.observations, taskReports: fixture.taskReports, asOf: "2026-11-26" });
    const streamed = await evaluateStream({ plan, observations: slowly(fixture.observations), taskReports: slowly(fixture.taskReports), asOf: "2026-11-26" });
    expect(streamed).toEqual(whole);
  });

  it("keeps one record per fact however often it repeats, and reports the copies", async () => {
    const copies = Array.from({ length: 25_000 }, () => ({ indicator: "PL2-22", period: 2025, value: "310" }));
    let progress = 0;
    const s = await evaluateStream({ plan, observations: copies, asOf: "2026-11-26", onProgress: (n) => (progress = n) });
    expect(s.input.observations).toEqual({ given: 25_000, accepted: 1, rejected: 24_999 });
    expect(s.rejected.every((r) => r.clash === "duplicate")).toBe(true);
    expect(progress).toBe(20_000);
  });
});
