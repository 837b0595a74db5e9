/**
 * Differential tests of the direct path readCsvStream takes for observation rows already in canonical form (the
 * record, its source and its checked result are never made): files mixing canonical rows with every kind of row
 * the general checks must see (values written another way, unknown and qualitative indicators, headings, years
 * out of range, duplicates and conflicts, localities spelled differently, unit, source and reportedOn cells),
 * streamed in chunks of any size, must read exactly as readCsvRecords reads the whole text, and as the stream
 * reads when every row takes the general path.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInputAccumulator, plans, readCsvRecords, readCsvStream, type InputAccumulator } from "../../src/index.js";
import { canonicalObservationAdder } from "../../src/input/accumulate.js";
import { fastObservation, isCanonicalFigure, yearOf } from "../../src/input/fast-path.js";
import { isVisibleName } from "../../src/input/fields.js";
import { chunkSizes, csvText, inChunks, PERIODS, row, VALUES } from "./observation-csv.js";

const plan = plans["haiphong-142"];

async function streamed(chunks: readonly string[], accumulator: InputAccumulator) {
  await readCsvStream("direct.csv", chunks, plan, accumulator);
  return accumulator.finish();
}

/** An accumulator that reads every row through addObservation: a copy of one is not the one the direct path is for. */
function generalOnly(): InputAccumulator {
  const accumulator = createInputAccumulator(plan);
  return { ...accumulator };
}

describe("readCsvStream's direct path for canonical observation rows", () => {
  it("reads every file as readCsvRecords reads the whole text, and as the general path does, however it is cut", async () => {
    await fc.assert(
      fc.asyncProperty(csvText, chunkSizes, async (text, sizes) => {
        const chunks = inChunks(text, sizes);
        expect(chunks.join("")).toBe(text);
        const whole = readCsvRecords("direct.csv", text, plan);
        const direct = await streamed(chunks, createInputAccumulator(plan));
        expect(direct).toEqual(whole);
        expect(JSON.stringify(direct)).toBe(JSON.stringify(whole));
        expect(direct).toEqual(await streamed(chunks, generalOnly()));
      }),
      { numRuns: 1500 },
    );
  });

  it("takes a row exactly when the fast path would accept its record, and then keeps what addObservation keeps", () => {
    let taken = 0;
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 30 }), (rows) => {
        const direct = createInputAccumulator(plan);
        const general = createInputAccumulator(plan);
        const add = canonicalObservationAdder(direct)!;
        rows.forEach((r, i) => {
          const cells = { indicator: r.indicator.trim(), period: r.period.trim(), value: r.value.trim(), locality: r.locality.trim() };
          const record = Object.fromEntries(Object.entries(cells).filter(([, c]) => c !== ""));
          const source = { file: "direct.csv", line: i + 2 };
          const accepted = fastObservation(plan, record, source) !== undefined;
          // readCsvStream gives the adder no locality of invisible characters alone: those take addObservation.
          if (cells.locality !== "" && !isVisibleName(cells.locality)) direct.addObservation(record, source);
          else {
            expect(add(cells.indicator, cells.period, cells.value, cells.locality || undefined, source.file, source.line)).toBe(accepted);
            if (accepted) taken++;
            else direct.addObservation(record, source);
          }
          general.addObservation(record, source);
        });
        expect(JSON.stringify(direct.finish())).toBe(JSON.stringify(general.finish()));
      }),
      { numRuns: 1000 },
    );
    expect(taken).toBeGreaterThan(1000);
  });

  it("is only for the accumulators createInputAccumulator makes, as they are made", () => {
    const accumulator = createInputAccumulator(plan);
    expect(canonicalObservationAdder(accumulator)).toBeTypeOf("function");
    expect(canonicalObservationAdder({ ...accumulator })).toBeUndefined();
    accumulator.addObservation = () => undefined;
    expect(canonicalObservationAdder(accumulator)).toBeUndefined();
  });

  it("keeps the duplicate policy: a figure given again with the same value is one, with another value none", async () => {
    const text = "indicator,period,value,locality\nPL1-7,2025,310,Xã 1\nPL1-7,2025,310,xã  1\nPL1-8,2025,60.5,\nPL1-8,2025,61,\nPL1-8,2025,60.5,\n";
    const input = await streamed([text], createInputAccumulator(plan));
    expect(input).toEqual(readCsvRecords("direct.csv", text, plan));
    expect(input.observations).toEqual([{ record: { indicator: "PL1-7", period: 2025, value: "310", locality: "Xã 1" }, source: { file: "direct.csv", line: 2 } }]);
    expect(input.rejected.map((r) => [r.source.line, r.clash])).toEqual([
      [3, "duplicate"],
      [4, "conflict"],
      [5, "conflict"],
      [6, "conflict"],
    ]);
    expect(input.given.observations).toBe(5);
  });
});

/** The canonical forms as the fast path first wrote them, with regular expressions: the reference. */
const CANONICAL = /^(0|[1-9]\d*)(\.\d*[1-9])?$/;
const THOUSANDS = /^[1-9]\d{0,2}\.\d{3}$/;

function referenceFigure(measure: string | undefined, period: number, value: string): boolean {
  if (!measure || measure === "qualitative") return false;
  if (!Number.isInteger(period) || period < 1900 || period > 2200) return false;
  if (!CANONICAL.test(value)) return false;
  const dot = value.indexOf(".");
  const whole = dot < 0 ? value : value.slice(0, dot);
  if (measure === "percent" && (whole.length > 3 || Number(whole) > 100 || (whole === "100" && dot >= 0))) return false;
  if (measure === "rank" && whole === "0") return false;
  if ((measure === "count" || measure === "rank") && THOUSANDS.test(value)) return false;
  return true;
}

describe("isCanonicalFigure and yearOf", () => {
  const figureText = fc.oneof(
    fc.string({ unit: fc.constantFrom(..."0123456789."), maxLength: 8 }),
    fc.string({ unit: fc.constantFrom(..."0123456789.,-+e %\u0660\uff11"), maxLength: 6 }),
    fc.constantFrom(...VALUES),
  );
  const measures = fc.constantFrom(undefined, "percent", "count", "rank", "index", "ratio", "growth", "qualitative" as const);

  it("accept exactly what the regular expressions did", () => {
    fc.assert(
      fc.property(measures, fc.oneof(fc.integer({ min: 1890, max: 2210 }), fc.constantFrom(2025.5, Number.NaN)), figureText, (measure, period, value) => {
        expect(isCanonicalFigure(measure, period, value)).toBe(referenceFigure(measure, period, value));
      }),
      { numRuns: 20_000 },
    );
  });

  it("read a year of four ASCII digits only", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: fc.constantFrom(..."0123456789 .-\u0660\uff12"), maxLength: 6 }), fc.constantFrom(...PERIODS)), (text) => {
        expect(yearOf(text)).toBe(/^\d{4}$/.test(text) ? Number(text) : Number.NaN);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("unusable figures repeated across localities", () => {
  it("are rejected each with its own line, record and reason, as readCsvRecords rejects them", async () => {
    const rows = ["", "-", "N/A", "abc", "60%"].flatMap((value, v) =>
      ["Xã 0001", "Phường Lê Chân", "\u200B", "", "Xã 0002"].flatMap((locality, l) => [`PL1-8,2025,${value},${locality}`, `pl1-8,${2024 + ((v + l) % 3)},60,${locality}`]),
    );
    const text = `indicator,period,value,locality\n${[...rows, ...rows].join("\n")}\n`;
    const whole = readCsvRecords("direct.csv", text, plan);
    expect(whole.rejected.length).toBeGreaterThan(80);
    const read = await streamed([text], createInputAccumulator(plan));
    expect(JSON.stringify(read)).toBe(JSON.stringify(whole));
    // Each rejection names its own row: a reason remembered from an earlier row carries the later row's record.
    expect(new Set(read.rejected.map((r) => r.source.line)).size).toBe(read.rejected.length);
  });
});
