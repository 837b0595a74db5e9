/** One Plan 142 scorecard on the bundled fixture in a fresh process: the time includes loading the library. */
export {};
const t0 = performance.now();
const { evaluate, plans, readJsonRecords } = await import("../../src/index.js");
const { readFileSync } = await import("node:fs");
const { report } = await import("./common.js");
const plan = plans["haiphong-142"];
const s = await evaluate({ plan, input: readJsonRecords("report.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan), asOf: "2026-11-26" });
// The rows are made when read: timed with them.
const rows = s.rows.length;
report({ scenario: "plan-cold", ms: performance.now() - t0, rows });
