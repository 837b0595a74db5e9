import { describe, expect, it } from "vitest";
import { acceptRecords, createInputAccumulator, evaluate, plans, type ReadInput } from "../../src/index.js";

const plan = plans["haiphong-142"];
const numeric = plan.indicators.filter((x) => x.measure && x.measure !== "qualitative");
const qualitative = plan.indicators.filter((x) => x.measure === "qualitative");

/** A deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const SPELLINGS = [["Xã An Lão", "xã an lão", "Xã  An Lão "], ["Phường Hồng Bàng"], ["Huyện Thủy Nguyên", "HUYỆN THỦY NGUYÊN"]];

/** Records as an app gives them: repeats, clashes, a locality spelt several ways, extra fields, qualitative figures. */
function records(seed: number, count: number): unknown[] {
  const next = random(seed);
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, () => {
    const quality = next() < 0.1 && qualitative.length > 0;
    const x = quality ? pick(qualitative) : pick(numeric.slice(0, 8));
    const place = next() < 0.2 ? undefined : pick(pick(SPELLINGS));
    const record: Record<string, unknown> = { indicator: x.id, period: pick([2023, 2024, 2025, 2026, 2027]) };
    if (quality) record.met = next() < 0.5;
    // Now and then a figure on either side of where the table's ways of keeping a value change (2,621.44 and
    // 100,000, two places), as given or in another spelling of the same number.
    else if (next() < 0.3) record.value = pick(x.measure === "percent" ? ["0.125", "99.99", "99.990", "12.5"] : ["2621.43", "2621.44", "2621.440", "99999.99", "100000", "123456.5", "0.125"]);
    else record.value = String(1 + Math.floor(next() * 4) * (x.measure === "percent" ? 20 : 1));
    if (place !== undefined) record.locality = place;
    if (next() < 0.1) record.source = "Sở KH&CN";
    if (next() < 0.05) record.unit = "%";
    return record;
  });
}

/** The input with its observations made into plain records, as an app that reads and passes them on would. */
function materialized(input: ReadInput): ReadInput {
  return { ...input, observations: input.observations.map((o) => ({ record: { ...o.record }, source: { ...o.source } })) };
}

describe("observations read into columns", () => {
  it("give the same input as checking all the records at once, duplicates and conflicts included", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const given = records(seed, 400);
      const accumulator = createInputAccumulator(plan);
      // Added out of source order, as several streams interleaved would.
      const order = given.map((_, i) => i).sort((a, b) => ((a * 7919) % 401) - ((b * 7919) % 401));
      for (const i of order) accumulator.addObservation(given[i], { index: i });
      expect(accumulator.finish()).toEqual(acceptRecords(plan, { observations: given }));
    }
  });

  it("score the same as the records they stand for", async () => {
    for (const seed of [11, 12, 13]) {
      const accumulator = createInputAccumulator(plan);
      records(seed, 600).forEach((r, i) => accumulator.addObservation(r, { file: "a.csv", line: i + 2 }));
      const input = accumulator.finish();
      const fromColumns = await evaluate({ plan, input, asOf: "2026-11-26" });
      const fromRecords = await evaluate({ plan, input: materialized(input), asOf: "2026-11-26" });
      expect(fromColumns).toEqual(fromRecords);
      expect(fromColumns.input.observations.accepted).toBe(input.observations.length);
    }
  });

  it("read a locality spelt several ways as one place, named as first written", async () => {
    const x = numeric.find((i) => i.direction === "increase" && i.measure === "percent")!;
    const s = await evaluate({
      plan,
      observations: [
        { indicator: x.id, period: 2024, value: "10", locality: "Xã An Lão" },
        { indicator: x.id, period: 2026, value: "30", locality: "xã  an lão" },
      ],
      asOf: "2027-01-15",
    });
    const progress = s.rows.filter((r) => r.rule === "indicator.progress" && r.entity === x.id && r.locality !== undefined);
    expect(progress.map((r) => [r.locality, r.facts.baselineYear, r.facts.latestYear])).toEqual([["Xã An Lão", 2024, 2026]]);
  });

  it("are read again from the records once an app has changed them", async () => {
    const accumulator = createInputAccumulator(plan);
    accumulator.addObservation({ indicator: "PL2-1", period: 2025, value: "10" }, { index: 0 });
    const input = accumulator.finish();
    input.observations.push({ record: { indicator: "PL2-1", period: 2024, value: "5" }, source: { index: 1 } });
    const s = await evaluate({ plan, input, asOf: "2026-11-26" });
    const progress = s.rows.find((r) => r.rule === "indicator.progress" && r.entity === "PL2-1")!;
    expect([progress.facts.baselineValue, progress.facts.latestValue]).toEqual(["5", "10"]);
  });
});
