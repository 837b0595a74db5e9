import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInputAccumulator, evaluate, plans, renderJsonPieces, type Scorecard } from "../../src/index.js";
import { exitCodeFor } from "../../src/cli/scorecard-commands.js";

const plan = plans["haiphong-142"];
const fixture = JSON.parse(readFileSync("fixtures/report-2025-2026.json", "utf8")) as { observations: unknown[]; taskReports: unknown[] };

/** Observations in several communes over several years, with figures the observation checks flag and a conflict. */
function observations(seed: number): { indicator: string; period: number; value: string; locality?: string }[] {
  const out: { indicator: string; period: number; value: string; locality?: string }[] = [];
  const indicators = ["PL2-1", "PL2-3", "PL1-1", "PL1-8", "PL2-22"];
  for (let place = 0; place < 6; place++)
    for (const [k, indicator] of indicators.entries())
      for (const period of [2024, 2025, 2026]) {
        const value = String(((seed * 31 + place * 17 + k * 7 + period) % 140) - 5);
        out.push({ indicator, period, value, ...(place > 0 ? { locality: `Xã ${String(place).padStart(4, "0")}` } : {}) });
      }
  out.push({ indicator: "PL2-1", period: 2025, value: "12", locality: "Xã 0001" });
  return out;
}

const rowsProperty = (s: Scorecard) => Object.getOwnPropertyDescriptor(s, "rows")!;
const jsonOf = (s: Scorecard) => JSON.parse([...renderJsonPieces(s)].join("")) as Scorecard;

describe("a scorecard's rows, made when read", () => {
  it("are written by renderJsonPieces without being kept, and read afterwards as written", async () => {
    const s = await evaluate({ plan, observations: observations(1), taskReports: fixture.taskReports, asOf: "2026-11-26" });
    const written = jsonOf(s);
    expect(rowsProperty(s).get).toBeTypeOf("function");
    expect(written.rows.length).toBeGreaterThan(100);
    expect(written.rows.some((r) => r.rule.startsWith("observation."))).toBe(true);
    expect(s.rows).toEqual(written.rows);
    expect(rowsProperty(s)).toMatchObject({ value: s.rows, writable: true, enumerable: true });
    expect(s.rows).toBe(s.rows);
    expect(jsonOf(s)).toEqual(written);
  });

  it("are those of the scorecard's own input, whatever is evaluated in between", async () => {
    const a = await evaluate({ plan, observations: observations(1), asOf: "2026-11-26" });
    const b = await evaluate({ plan, observations: observations(2), asOf: "2026-11-26" });
    const again = await evaluate({ plan, observations: observations(1), asOf: "2026-11-26" });
    expect(again.rows.length).toBeGreaterThan(0);
    expect(a.rows).toEqual(again.rows);
    expect(b.rows).not.toEqual(a.rows);
  });

  it("do not change when the records given are changed after evaluate", async () => {
    const given = observations(3);
    const s = await evaluate({ plan, observations: given, asOf: "2026-11-26" });
    for (const o of given) o.value = "1";
    const unchanged = await evaluate({ plan, observations: observations(3), asOf: "2026-11-26" });
    expect(s.rows).toEqual(unchanged.rows);
  });

  it("count in the summaries and the exit code as the rows read say", async () => {
    const s = await evaluate({ plan, observations: observations(4), taskReports: fixture.taskReports, asOf: "2026-11-26" });
    const unread = [exitCodeFor(s, "fail"), exitCodeFor(s, "warn")];
    const performance = new Set(s.rules.filter((r) => r.appliesTo === "task" || r.appliesTo === "indicator").map((r) => r.id));
    const counts = { pass: 0, warn: 0, fail: 0, "no-data": 0, "not-applicable": 0 };
    const cityWide = s.rows.filter((r) => performance.has(r.rule) && r.benchmark !== true);
    for (const r of cityWide) counts[r.verdict] += 1;
    expect(s.summary.overall.counts).toEqual(counts);
    expect(s.summary.overall.rows).toBe(cityWide.length);
    expect(unread).toEqual([exitCodeFor(s, "fail"), exitCodeFor(s, "warn")]);
  });

  it("behave as a plain property: spread, cloned, replaced, frozen", async () => {
    const make = () => evaluate({ plan, observations: fixture.observations, taskReports: fixture.taskReports, asOf: "2026-11-26" });
    const reference = (await make()).rows;
    expect({ ...(await make()) }.rows).toEqual(reference);
    expect(structuredClone(await make()).rows).toEqual(reference);
    expect(JSON.parse(JSON.stringify(await make())).rows).toEqual(JSON.parse(JSON.stringify(reference)));
    const replaced = await make();
    replaced.rows = [];
    expect(replaced.rows).toEqual([]);
    expect(jsonOf(replaced).rows).toEqual([]);
    const frozen = Object.freeze(await make());
    expect(frozen.rows).toEqual(reference);
    expect(frozen.rows).toBe(frozen.rows);
  });
});

describe("a row's message, written when read", () => {
  it("reads, spreads, clones, serializes and is replaced as a plain object of its texts", async () => {
    const s = await evaluate({ plan, observations: observations(5), taskReports: fixture.taskReports, asOf: "2026-11-26" });
    const written = jsonOf(s).rows;
    const row = s.rows.find((r) => r.rule === "indicator.progress" && r.locality !== undefined)!;
    const text = written[s.rows.indexOf(row)]!.message;
    expect(text.vi).toContain(row.locality);
    expect(row.message).toStrictEqual(text);
    expect(Object.keys(row.message)).toEqual(["vi", "en"]);
    expect({ ...row.message }).toStrictEqual(text);
    expect(structuredClone(row.message)).toStrictEqual(text);
    expect(JSON.parse(JSON.stringify(row))).toEqual(written[s.rows.indexOf(row)]);
    // Written from the row's facts as decided, whatever the subjects made after it.
    expect(s.rows.map((r) => r.message)).toEqual(written.map((r) => r.message));
    row.message.en = "replaced";
    expect(row.message).toEqual({ vi: text.vi, en: "replaced" });
    expect(Object.keys(row.message)).toEqual(["vi", "en"]);
    row.message = { vi: "a", en: "b" };
    expect(jsonOf(s).rows[s.rows.indexOf(row)]!.message).toEqual({ vi: "a", en: "b" });
  });
});

describe("an input accumulator", () => {
  it("takes nothing after finish, whose input shares its columns", () => {
    const accumulator = createInputAccumulator(plan);
    accumulator.addObservation({ indicator: "PL2-1", period: 2025, value: "60" }, { index: 0 });
    const input = accumulator.finish();
    expect(() => accumulator.addObservation({ indicator: "PL2-1", period: 2025, value: "70" }, { index: 1 })).toThrow(/finished/);
    expect(() => accumulator.finish()).toThrow(/finished/);
    expect(input.observations.map((o) => o.record.value)).toEqual(["60"]);
  });
});
