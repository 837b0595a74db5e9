import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, plans, readJsonRecords, scorecardJson } from "../../src/index.js";

describe("scorecardJson", () => {
  it("writes exactly JSON.stringify(scorecard, null, 2), in pieces", async () => {
    const plan = plans["haiphong-142"];
    const input = readJsonRecords("r.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan);
    const scorecard = await evaluate({ plan, input, asOf: "2026-11-26" });
    const pieces = [...scorecardJson(scorecard)];
    expect(pieces.length).toBeGreaterThan(scorecard.rows.length);
    expect(pieces.join("")).toBe(`${JSON.stringify(scorecard, null, 2)}\n`);
  });

  it("writes empty lists as JSON.stringify does", async () => {
    const scorecard = await evaluate({ plan: plans["haiphong-142"], asOf: "2025-07-01" });
    expect([...scorecardJson(scorecard)].join("")).toBe(`${JSON.stringify(scorecard, null, 2)}\n`);
  });
});
