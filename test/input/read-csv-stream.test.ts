import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInputAccumulator, plans, readCsvRecords, readCsvStream } from "../../src/index.js";

const plan = plans["haiphong-142"];

async function streamed(name: string, text: string, chunkSize: number) {
  const accumulator = createInputAccumulator(plan);
  const chunks = Array.from({ length: Math.ceil(text.length / chunkSize) || 1 }, (_, i) => text.slice(i * chunkSize, (i + 1) * chunkSize));
  await readCsvStream(name, chunks, plan, accumulator);
  return accumulator.finish();
}

const csvFixtures = [
  ...readdirSync("fixtures/invalid").filter((f) => f.endsWith(".csv")).map((f) => `fixtures/invalid/${f}`),
  ...readdirSync("fixtures/input-samples").filter((f) => f.endsWith(".csv")).map((f) => `fixtures/input-samples/${f}`),
];

describe("readCsvStream", () => {
  it.each(csvFixtures)("reads %s as readCsvRecords does, in chunks of any size", async (file) => {
    const text = readFileSync(file, "utf8");
    const whole = readCsvRecords(file, text, plan);
    for (const size of [1, 7, 64, 100_000]) expect(await streamed(file, text, size), `${file} in chunks of ${size}`).toEqual(whole);
  });

  it("reads a file larger than the in-memory readers accept", async () => {
    const rows = Array.from({ length: 300_000 }, (_, i) => `PL2-22,${2024 + (i % 3)},${300 + (i % 50)},Phường Xã số ${String(Math.floor(i / 3)).padStart(6, "0")}`);
    const text = `indicator,period,value,locality\n${rows.join("\n")}\n`;
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(readCsvRecords("big.csv", text, plan).rejected[0]?.kind).toBe("file");
    const input = await streamed("big.csv", text, 1 << 20);
    expect(input.given.observations).toBe(300_000);
    expect(input.observations).toHaveLength(300_000);
    expect(input.observations.at(-1)?.source).toEqual({ file: "big.csv", line: 300_001 });
  });
});
