import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, plans, readJsonRecords, renderJsonPieces, type Scorecard } from "../../src/index.js";
import { scorecardJsonParts } from "../../src/render/json.js";

async function fixtureScorecard(): Promise<Scorecard> {
  const plan = plans["haiphong-142"];
  const input = readJsonRecords("r.json", readFileSync("fixtures/report-2025-2026.json", "utf8"), plan);
  return evaluate({ plan, input, asOf: "2026-11-26" });
}

/** The layout renderJsonPieces promises, written the plain way: JSON.stringify of each entry, the rest indented by two. */
function plainLayout(scorecard: Scorecard): string {
  const fields = Object.entries(scorecard)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      const text =
        ["rows", "rejected", "notes"].includes(key) && Array.isArray(value) && value.length > 0
          ? `[\n${value.map((entry) => `    ${JSON.stringify(entry) ?? "null"}`).join(",\n")}\n  ]`
          : JSON.stringify(value, null, 2).replace(/\n/g, "\n  ");
      return `  ${JSON.stringify(key)}: ${text}`;
    });
  return `{\n${fields.join(",\n")}\n}\n`;
}

describe("renderJsonPieces", () => {
  it("writes exactly the text of JSON.stringify for each entry, for the fixture and for odd entries", async () => {
    const scorecard = await fixtureScorecard();
    expect([...renderJsonPieces(scorecard)].join("")).toBe(plainLayout(scorecard));
    // The parts the CLI writes one by one are the same text, cut finer.
    expect([...scorecardJsonParts(scorecard)].join("")).toBe(plainLayout(scorecard));
    const target = Object.freeze({ year: 2030, raw: "Top 3 «dẫn đầu»", kind: "rankAtMost", value: "3", aspirational: false });
    const odd = [
      { rule: "r", facts: { target, nextTarget: target, quote: 'a "b" \\ c\n\t\u0001', lone: "x\ud800y\udc00", emoji: "😀 Xã" } },
      { rule: "r", facts: { target, missing: undefined, fn: () => 1, nan: Number.NaN, inf: -Infinity, zero: -0, date: new Date(0) } },
      { rule: "r", facts: { list: [1, undefined, null, [target], "s"], nested: { a: { b: {} } }, empty: [] }, toJSON: () => ({ swapped: true }) },
      undefined,
      null,
    ];
    const withOdd = { ...scorecard, rows: odd, rejected: [], notes: [] } as unknown as Scorecard;
    expect([...renderJsonPieces(withOdd)].join("")).toBe(plainLayout(withOdd));
  });

  it("writes exactly the text of JSON.stringify for any JSON-like entries", () => {
    // Characters JSON escapes or that take two code units, beside any UTF-16 code unit (lone surrogates included).
    const unit = fc.oneof(
      fc.constantFrom('"', "\\", "\n", "\u0000", "\u001f", "\u007f", "\ud800", "\udfff", "😀", "ạ", "Xã"),
      fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
    );
    const value = fc.jsonValue({ maxDepth: 4, stringUnit: unit });
    fc.assert(
      fc.property(fc.array(value, { maxLength: 8 }), fc.array(fc.oneof(value, fc.object()), { maxLength: 4 }), (rows, notes) => {
        const scorecard = { plan: { id: "p", number: "1" }, rows, rejected: [], notes } as unknown as Scorecard;
        expect([...renderJsonPieces(scorecard)].join("")).toBe(plainLayout(scorecard));
    // The parts the CLI writes one by one are the same text, cut finer.
    expect([...scorecardJsonParts(scorecard)].join("")).toBe(plainLayout(scorecard));
      }),
    );
  });

  it("writes JSON that parses back to the scorecard, ending with a line break", async () => {
    const scorecard = await fixtureScorecard();
    expect(scorecard.rows.length).toBeGreaterThan(100);
    expect(scorecard.rejected.length).toBeGreaterThan(0);
    expect(scorecard.notes.length).toBeGreaterThan(0);
    const text = [...renderJsonPieces(scorecard)].join("");
    expect(JSON.parse(text)).toEqual(scorecard);
    expect(text.endsWith("}\n")).toBe(true);
  });

  it("writes each row, rejected record and note compact on a line of its own", async () => {
    const scorecard = await fixtureScorecard();
    const lines = [...renderJsonPieces(scorecard)].join("").split("\n");
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
    const text = [...renderJsonPieces(scorecard)].join("");
    expect(text.startsWith(`{\n  "plan": ${JSON.stringify(scorecard.plan, null, 2).replace(/\n/g, "\n  ")},\n`)).toBe(true);
    expect(text).toContain(`\n  "summary": ${JSON.stringify(scorecard.summary, null, 2).replace(/\n/g, "\n  ")},\n`);
  });

  it("writes empty rows, rejected records and notes as empty lists", async () => {
    const scorecard = await evaluate({ plan: plans["haiphong-142"], asOf: "2025-07-01" });
    const empty: Scorecard = { ...scorecard, rows: [], rejected: [], notes: [] };
    const text = [...renderJsonPieces(empty)].join("");
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
    const pieces = [...renderJsonPieces(scorecard)];
    expect(pieces.length).toBeGreaterThan(1);
    expect(pieces.length).toBeLessThan(20);
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(2 * 1024 * 1024);
    const text = pieces.join("");
    expect(JSON.parse(text)).toEqual(scorecard);
    expect(text.split("\n").filter((line) => line.startsWith('    {"rule":'))).toHaveLength(rows.length);
  });
});
