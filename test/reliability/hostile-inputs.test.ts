import { mkdtempSync, truncateSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  acceptRecords,
  createInputAccumulator,
  evaluateStream,
  INPUT_LIMITS,
  OptionsError,
  plans,
  readCsvRecords,
  readCsvStream,
  readJsonRecords,
  type ReadInput,
  type ReadOptions,
} from "../../src/index.js";
import { cli, terminalUnsafe } from "./hostile.js";

/**
 * Every reader holds a file, a record and a field to a size (INPUT_LIMITS, or an app's own), so that a hostile file
 * costs neither minutes nor gigabytes: what is larger is rejected with its file, line and field, never read, and
 * nothing else in the file is lost. The largest inputs are made in memory, a chunk at a time, never committed.
 */
const plan = plans["haiphong-142"];
const { maxFieldChars, maxRecordChars } = INPUT_LIMITS;
const long = (n: number, c = "a") => c.repeat(n);

/** The input a CSV text gives through the streaming reader, cut into chunks of `size`. */
async function streamed(text: string | Iterable<string>, options?: ReadOptions, size = 4096): Promise<ReadInput> {
  const accumulator = createInputAccumulator(plan, options);
  const chunks = typeof text === "string" ? Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size)) : text;
  await readCsvStream("big.csv", chunks, plan, accumulator, options);
  return accumulator.finish();
}

/** Every way a CSV text is read: whole, and streamed (general and direct paths alike). */
const CSV_READERS: readonly [string, (text: string, options?: ReadOptions) => Promise<ReadInput>][] = [
  ["readCsvRecords", async (text, options) => readCsvRecords("big.csv", text, plan, options)],
  ["readCsvStream", (text, options) => streamed(text, options)],
];

/** Every way records given as objects are read: a JSON file, an app's arrays, an accumulator, a stream scored. */
const OBJECT_READERS: readonly [string, (observations: unknown[], options?: ReadOptions) => Promise<ReadInput>][] = [
  ["readJsonRecords", async (observations, options) => readJsonRecords("big.json", JSON.stringify({ observations }, null, 1), plan, options)],
  ["acceptRecords", async (observations, options) => acceptRecords(plan, { observations }, { file: "app", ...options })],
  [
    "createInputAccumulator",
    async (observations, options) => {
      const accumulator = createInputAccumulator(plan, options);
      observations.forEach((o, index) => accumulator.addObservation(o, { file: "stream", index }));
      return accumulator.finish();
    },
  ],
];

const countsAddUp = (input: ReadInput) =>
  expect(input.observations.length + input.rejected.filter((r) => r.kind === "observation").length).toBe(input.given.observations);

describe.each(CSV_READERS)("%s: CSV cells and rows are bounded", (_, read) => {
  it(`rejects a cell of more than ${maxFieldChars.toLocaleString("en")} characters, naming its field and line, and reads the rest`, async () => {
    const text = `indicator,period,value,locality\nPL2-1,2025,60,${long(maxFieldChars + 1)}\nPL2-1,2026,61,${long(maxFieldChars)}\nPL2-22,2025,310,\n`;
    const input = await read(text);
    expect(input.rejected).toHaveLength(1);
    expect(input.rejected[0]).toMatchObject({ kind: "observation", source: { file: "big.csv", line: 2 }, field: "locality" });
    expect(input.rejected[0]!.reason).toBe(
      `the cell of locality holds ${(maxFieldChars + 1).toLocaleString("en")} characters, more than the ${maxFieldChars.toLocaleString("en")} a field may hold (a whole document, or a quote without its closing mark?); the record was not read`,
    );
    // The copy kept of the row is cut, not the whole cell again.
    expect(JSON.stringify(input.rejected[0]!.record).length).toBeLessThan(1000);
    expect(input.observations.map((o) => o.source.line)).toEqual([3, 4]);
    countsAddUp(input);
  });

  it("names an ignored column's cell by its header", async () => {
    const input = await read(`indicator,period,value,Ghi chú\nPL2-1,2025,60,${long(maxFieldChars + 1)}\n`);
    expect(input.rejected[0]).toMatchObject({ field: "Ghi chú", source: { line: 2 } });
  });

  it(`rejects a row of more than ${maxRecordChars.toLocaleString("en")} characters in all`, async () => {
    const cells = Array.from({ length: 11 }, () => long(maxFieldChars - 10)).join(",");
    const input = await read(`indicator,period,value,${Array.from({ length: 11 }, (_, i) => `c${i}`).join(",")}\nPL2-1,2025,60,${cells}\nPL2-22,2025,310,${",".repeat(10)}\n`);
    expect(input.rejected).toHaveLength(1);
    expect(input.rejected[0]!.source.line).toBe(2);
    expect(input.rejected[0]!.reason).toMatch(/^the row holds [\d,]+ characters, more than the 100,000 a row may hold/);
    expect(input.observations).toHaveLength(1);
  });

  it("takes larger limits when an app gives them, and smaller ones", async () => {
    const text = `indicator,period,value,locality\nPL2-1,2025,60,${long(maxFieldChars + 1)}\n`;
    expect((await read(text, { limits: { maxFieldChars: 20_000 } })).observations).toHaveLength(1);
    expect((await read("indicator,period,value,locality\nPL2-1,2025,60,Huyện Kiến Thụy\n", { limits: { maxFieldChars: 12 } })).rejected[0]?.field).toBe("locality");
    await expect(read(text, { limits: { maxFieldChars: 0 } })).rejects.toThrow(OptionsError);
  });

  it("rejects a header row too large to be one, and nothing under it is read", async () => {
    const input = await read(`indicator,period,value,${long(maxFieldChars + 1)}\nPL2-1,2025,60,\n`);
    expect(input.rejected).toEqual([expect.objectContaining({ kind: "file", source: { file: "big.csv", line: 1 } })]);
    expect(input.rejected[0]!.reason).toMatch(/^the header row is too large: .*; nothing in the file was read$/);
  });
});

describe("readCsvStream: a row too long to hold is passed over as it comes, never gathered", () => {
  // 600 chunks of 1 MB: more than a JavaScript string may hold, so a reader gathering the row would fail, not pass.
  const MB = long(1 << 20);
  const QUOTED_MB = `${long(1023)}\n`.repeat(1024);
  function* rows(open: string, chunk: string, count = 600) {
    yield `indicator,period,value,locality\nPL2-1,2025,60,${open}`;
    for (let i = 0; i < count; i++) yield chunk;
    yield `${open}\nPL2-22,2025,310,\n`;
  }

  it("a 600 MB cell without quotes: rejected with its line, the next row read", async () => {
    const input = await streamed(rows("", MB));
    expect(input.rejected).toEqual([expect.objectContaining({ kind: "observation", source: { file: "big.csv", line: 2 } })]);
    expect(input.rejected[0]!.reason).toBe("the row holds more than the 100,000 characters a row may hold (a quote without its closing mark?); it was not read");
    expect(input.observations.map((o) => [o.record.indicator, o.source.line])).toEqual([["PL2-22", 3]]);
    countsAddUp(input);
  });

  it("a 600 MB quoted cell of 614,400 lines: the next row is read on its own line", async () => {
    const input = await streamed(rows('"', QUOTED_MB));
    expect(input.rejected.map((r) => r.source.line)).toEqual([2]);
    expect(input.observations.map((o) => o.source.line)).toEqual([2 + 600 * 1024 + 1]);
  });

  it("a quote never closed: the file is rejected at the line it opens, after the rows before it", async () => {
    function* chunks() {
      yield 'indicator,period,value,locality\nPL2-22,2025,310,\nPL2-1,2025,60,"';
      for (let i = 0; i < 100; i++) yield MB;
    }
    const input = await streamed(chunks());
    expect(input.rejected).toEqual([expect.objectContaining({ kind: "file", source: { file: "big.csv", line: 3 } })]);
    expect(input.rejected[0]!.reason).toMatch(/^a quoted cell that starts on line 3 is never closed/);
    expect(input.observations).toHaveLength(1);
  });

  it("line ends of every kind around a long row, cut anywhere into chunks", async () => {
    for (const eol of ["\n", "\r\n", "\r"])
      for (const size of [1000, 4096, 65_537]) {
        const text = `indicator,period,value,locality${eol}PL2-1,2025,60,"${long(250_000)}${eol}${long(250_000)}"${eol}PL2-22,2025,310,${eol}PL2-5,2025,40,${eol}`;
        const input = await streamed(text, undefined, size);
        expect(input.rejected.map((r) => r.source.line), `${JSON.stringify(eol)} ${size}`).toEqual([2]);
        expect(input.observations.map((o) => o.source.line), `${JSON.stringify(eol)} ${size}`).toEqual([4, 5]);
      }
  });

  it("a file whose first line never ends: rejected at once, not read to its end", async () => {
    let read = 0;
    function* chunks() {
      for (let i = 0; i < 600; i++) {
        read++;
        yield MB;
      }
    }
    const input = await streamed(chunks());
    expect(input.rejected).toEqual([expect.objectContaining({ kind: "file", source: { file: "big.csv", line: 1 } })]);
    expect(input.rejected[0]!.reason).toMatch(/hold no complete line/);
    expect(read).toBeLessThan(5);
  });
});

describe.each(OBJECT_READERS)("%s: records given as objects are bounded", (name, read) => {
  it(`rejects a text of more than ${maxFieldChars.toLocaleString("en")} characters, naming its field`, async () => {
    const input = await read([
      { indicator: "PL2-1", period: 2025, value: "60", locality: long(maxFieldChars + 1) },
      { indicator: "PL2-22", period: 2025, value: "310", locality: long(maxFieldChars) },
    ]);
    expect(input.rejected).toHaveLength(1);
    expect(input.rejected[0]).toMatchObject({ kind: "observation", field: "locality" });
    expect(input.rejected[0]!.source.index).toBe(0);
    if (name === "readJsonRecords") expect(input.rejected[0]!.source.line).toBe(3);
    expect(input.rejected[0]!.reason).toMatch(/^locality holds 10,001 characters, more than the 10,000 a field may hold/);
    expect(JSON.stringify(input.rejected[0]!.record).length).toBeLessThan(1000);
    expect(input.observations).toHaveLength(1);
    countsAddUp(input);
  });

  it(`rejects a record of more than ${maxRecordChars.toLocaleString("en")} characters: many keys, or a deep value`, async () => {
    const manyKeys = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, "xxxx"]));
    const deep = { indicator: "PL2-1", period: 2025, value: { a: Array.from({ length: 20 }, () => long(9000)) } };
    const input = await read([{ indicator: "PL2-1", period: 2025, value: "60", ...manyKeys }, deep, { indicator: "PL2-22", period: 2025, value: "310" }]);
    expect(input.rejected.map((r) => r.reason)).toEqual([
      "the record holds more than 100,000 characters, the most a record may hold; it was not read",
      "the record holds more than 100,000 characters, the most a record may hold; it was not read",
    ]);
    // The copies are cut: a thousand keys and a note, not twenty thousand.
    expect(JSON.stringify(input.rejected[0]!.record).length).toBeLessThan(30_000);
    expect(input.observations).toHaveLength(1);
    countsAddUp(input);
  });

  it("takes larger limits when an app gives them", async () => {
    const input = await read([{ indicator: "PL2-1", period: 2025, value: "60", locality: long(maxFieldChars + 1) }], { limits: { maxFieldChars: 50_000 } });
    expect(input.observations).toHaveLength(1);
  });
});

describe("evaluateStream and the file limit", () => {
  it("evaluateStream rejects an oversized record from a stream as the accumulator does", async () => {
    async function* observations() {
      yield { indicator: "PL2-1", period: 2025, value: "60", source: long(maxFieldChars + 1) };
      yield { indicator: "PL2-22", period: 2025, value: "310" };
    }
    const scorecard = await evaluateStream({ plan, observations: observations(), asOf: "2026-11-26" });
    expect(scorecard.input.observations).toEqual({ given: 2, accepted: 1, rejected: 1 });
    expect(scorecard.rejected[0]).toMatchObject({ field: "source", source: { index: 0 } });
  });

  it("a file read whole is held to maxFileChars, which an app may raise", () => {
    const text = `indicator,period,value\nPL2-1,2025,60\n${" ".repeat(1000)}`;
    expect(readCsvRecords("f.csv", text, plan, { limits: { maxFileChars: 1000 } }).rejected[0]?.reason).toMatch(/more than the 1,000 \(about 1 MB\) a data file may hold/);
    expect(readJsonRecords("f.json", JSON.stringify({ observations: [] }), plan, { limits: { maxFileChars: 10 } }).rejected[0]?.kind).toBe("file");
    expect(readCsvRecords("f.csv", text, plan, { limits: { maxFileChars: 2000 } }).observations).toHaveLength(1);
  });
});

describe("the CLI: what it prints of a hostile value is short, and says how long it was", () => {
  const dir = mkdtempSync(join(tmpdir(), "nq57-hostile-in-"));

  it("nq57 validate quotes a long value cut to 100 characters with its length, and prints a 50 MB cell's row in one short line", async () => {
    const file = join(dir, "long.csv");
    const out = createWriteStream(file);
    out.write(`indicator,period,value,Ghi chú\nPL2-1,2025,${long(5000, "9")}x,\nPL2-22,2025,310,`);
    for (let i = 0; i < 50; i++) out.write(long(1 << 20, "n"));
    out.write("\nPL2-5,2025,40,\n");
    await new Promise<void>((resolve) => out.end(resolve));
    const { code, stdout } = await cli(["validate", "--data", file, "--lang", "en"]);
    expect(code).toBe(1);
    expect(stdout.length).toBeLessThan(2000);
    expect(stdout).toContain(`:2: value: value "${long(100, "9")}…" (5,001 characters) is not a number`);
    expect(stdout).toContain(":3: the row holds more than the 100,000 characters a row may hold");
    expect(stdout).toContain("1 accepted, 2 rejected");
    expect(terminalUnsafe(stdout)).toBeUndefined();
  });

  it("a JSON data file too large to read whole is rejected from its size, unread", async () => {
    const file = join(dir, "huge.json");
    writeFileSync(file, "");
    truncateSync(file, 31_000_000);
    const { code, stdout } = await cli(["validate", "--data", file, "--lang", "en"]);
    expect(code).toBe(1);
    expect(stdout).toContain("the file holds 31,000,000 bytes, more than the 10,000,000 characters (about 10 MB) a JSON data file may hold");
  });
});
