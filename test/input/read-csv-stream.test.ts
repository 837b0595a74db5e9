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

describe("readCsvStream on bytes that were not UTF-8", () => {
  it("counts them over the whole file, past its head, as readCsvRecords does, wherever the chunks are cut", async () => {
    const rows = Array.from({ length: 6_000 }, (_, i) => `PL2-22,2025,${300 + (i % 50)},Xã ${String(i).padStart(5, "0")}`);
    // Bytes of an older encoding on lines far past the first 64 KB, one just after a CR line break.
    rows[4_000] = "PL2-22,2025,301,X\uFFFD \uFFFD\uFFFDng";
    rows[5_500] = "PL2-22,2025,302,Ph\uFFFDờng";
    const text = `indicator,period,value,locality\r\n${rows.join("\r")}\n`;
    expect(text.indexOf("\uFFFD")).toBeGreaterThan(64 * 1024);
    const whole = readCsvRecords("old.csv", text, plan);
    expect(whole.notes.filter((n) => n.note.includes("not UTF-8"))).toEqual([
      expect.objectContaining({ source: { file: "old.csv", line: 4_002 }, note: expect.stringContaining("4 byte sequences") }),
    ]);
    for (const size of [4_096, 65_536 + 17, 1 << 20]) expect(await streamed("old.csv", text, size), `in chunks of ${size}`).toEqual(whole);
    // A chunk that starts with the byte right after the CR ending the line before.
    const cr = text.indexOf("\uFFFD") - "PL2-22,2025,301,X".length;
    const accumulator = createInputAccumulator(plan);
    await readCsvStream("old.csv", [text.slice(0, cr), text.slice(cr)], plan, accumulator);
    expect(accumulator.finish()).toEqual(whole);
  });
});
