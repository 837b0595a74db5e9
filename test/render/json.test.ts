import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evaluate, plans, readJsonRecords, scorecardJson, type Scorecard } from "../../src/index.js";

async function fixtureScorecard(): Promise<Scorecard> {
  const plan = plans["haiphong-142"];
  const input = readJsonRecords("r.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan);
  return evaluate({ plan, input, asOf: "2026-11-26" });
}

describe("scorecardJson", () => {
  it("writes JSON that parses back to the scorecard, ending with a line break", async () => {
    const scorecard = await fixtureScorecard();
    expect(scorecard.rows.length).toBeGreaterThan(100);
    expect(scorecard.rejected.length).toBeGreaterThan(0);
    expect(scorecard.notes.length).toBeGreaterThan(0);
    const text = [...scorecardJson(scorecard)].join("");
    expect(JSON.parse(text)).toEqual(scorecard);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("writes each row, rejected record and note compact on a line of its own", async () => {
    const scorecard = await fixtureScorecard();
    const lines = [...scorecardJson(scorecard)].join("").split("\n");
    for (const key of ["rows", "rejected", "notes"] as const) {
      const start = lines.indexOf(`  "${key}": [`);
      expect(start, key).toBeGreaterThan(0);
      const list = scorecard[key];
      const entries = lines.slice(start + 1, start + 1 + list.length);
      expect(entries).toEqual(list.map((entry, i) => `    ${JSON.stringify(entry)}${i < list.length - 1 ? "," : ""}`));
      expect(lines[start + 1 + list.length]).toMatch(/^ {2}\],?$/);
    }
  });

  it("keeps the rest indented by two spaces as JSON.stringify does", async () => {
    const scorecard = await fixtureScorecard();
    const text = [...scorecardJson(scorecard)].join("");
    expect(text.startsWith(`{\n  "plan": ${JSON.stringify(scorecard.plan, null, 2).replace(/\n/g, "\n  ")},\n`)).toBe(true);
    expect(text).toContain(`\n  "summary": ${JSON.stringify(scorecard.summary, null, 2).replace(/\n/g, "\n  ")},\n`);
  });

  it("writes empty rows, rejected records and notes as empty lists", async () => {
    const scorecard = await evaluate({ plan: plans["haiphong-142"], asOf: "2025-07-01" });
    const empty: Scorecard = { ...scorecard, rows: [], rejected: [], notes: [] };
    const text = [...scorecardJson(empty)].join("");
    expect(JSON.parse(text)).toEqual(empty);
    expect(text).toContain('\n  "rows": [],\n');
    expect(text).toContain('\n  "rejected": [],\n');
    expect(text.endsWith('\n  "notes": []\n}\n')).toBe(true);
  });

  it("yields pieces of many rows, not one piece per row", () => {
    const row = {
      rule: "indicator.milestone-met",
      entity: "PL2-1",
      period: 2025,
      locality: "Phường Hồng Bàng",
      verdict: "pass",
      status: "met",
      score: "1",
      weight: "3",
      facts: { indicator: "PL2-1", target: { year: 2025, raw: "≥60%", kind: "atLeast", value: "60" }, observedValue: "70" },
      message: { vi: "Năm 2025, PL2-1 đạt 70: đạt chỉ tiêu ≥60%.", en: "In 2025, PL2-1 reached 70: the target ≥60% is met." },
    } as const;
    const rows = Array.from({ length: 8_000 }, (_, i) => ({ ...row, period: 2000 + (i % 30) }));
    const scorecard = { plan: { id: "haiphong-142", number: "142/KH-UBND" }, rows, rejected: [], notes: [] } as unknown as Scorecard;
    const pieces = [...scorecardJson(scorecard)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.length).toBeLessThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 * 1024 * 1024);
    const text = pieces.join("");
    expect(JSON.parse(text)).toEqual(scorecard);
    expect(text.split("\n").filter((line) => line.startsWith('    {"rule":'))).toHaveLength(rows.length);
  });
});
