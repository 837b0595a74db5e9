import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createInputAccumulator, OptionsError, plans, readCsvRecords, readCsvStream } from "../../src/index.js";

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

describe("readCsvStream on bytes", () => {
  /** The bytes cut into chunks of `size`: characters of two and three bytes are cut between chunks. */
  const byteChunks = (bytes: Uint8Array, size: number) => Array.from({ length: Math.ceil(bytes.length / size) || 1 }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
  async function fromBytes(name: string, chunks: Iterable<Uint8Array>) {
    const accumulator = createInputAccumulator(plan);
    await readCsvStream(name, chunks, plan, accumulator);
    return accumulator.finish();
  }

  it.each(csvFixtures)("reads %s from its bytes as from its text, the chunks cut anywhere", async (file) => {
    const bytes = readFileSync(file);
    const whole = readCsvRecords(file, new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes), plan);
    for (const size of [1, 2, 7, 64, 100_000]) expect(await fromBytes(file, byteChunks(bytes, size)), `${file} in chunks of ${size} bytes`).toEqual(whole);
  });

  it("decodes bytes that are not UTF-8 as U+FFFD and notes them, a byte order mark removed with a note", async () => {
    const text = "\uFEFFindicator,period,value,locality\nPL2-22,2025,301,Xã Đông\nPL2-22,2025,302,Ph";
    const bytes = new Uint8Array([...new TextEncoder().encode(text), 0xc6, 0xb0, 0xe1, 0xbb, 0x9d, 0x6e, 0x67, 0x0a, ...new TextEncoder().encode("PL2-22,2025,303,X"), 0xe3, 0x20, 0xff, 0x0a, 0xe1, 0xbb]);
    const decoded = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(decoded).toContain("Phường");
    const whole = readCsvRecords("bytes.csv", decoded, plan);
    expect(whole.notes.map((n) => n.note)).toEqual(expect.arrayContaining([expect.stringContaining("byte order mark"), expect.stringContaining("not UTF-8")]));
    for (const size of [1, 3, 5, 1 << 20]) expect(await fromBytes("bytes.csv", byteChunks(bytes, size))).toEqual(whole);
  });

  it("refuses a stream that mixes text and bytes, or gives anything else", async () => {
    const header = new TextEncoder().encode("indicator,period,value\n");
    await expect(readCsvStream("mixed.csv", [header, "PL2-22,2025,301\n"] as never, plan, createInputAccumulator(plan))).rejects.toThrow(OptionsError);
    await expect(readCsvStream("mixed.csv", [[1, 2, 3]] as never, plan, createInputAccumulator(plan))).rejects.toThrow(/chunks: a chunk is object/);
  });
});
