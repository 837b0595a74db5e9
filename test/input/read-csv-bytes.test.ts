/**
 * Differential tests of the byte reader readCsvStream takes, past the head, for an observation file given as bytes:
 * files of every kind of row (see observation-csv.ts), with bytes that are not UTF-8, characters of two to four
 * bytes, quotes, CRs and byte order marks put anywhere, cut into byte chunks of any size (characters cut between
 * chunks included), must read exactly as readCsvRecords reads the decoded text, and as the same text given as text.
 * The head is made small, so that the byte reader takes over within a few rows.
 */
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createInputAccumulator, plans, readCsvRecords, readCsvStream, type ReadInput, type ReadOptions } from "../../src/index.js";
import { ByteRowReader, figureHundredths } from "../../src/input/csv-bytes.js";
import { plainFigure } from "../../src/input/fast-path.js";
import { hundredthsOf } from "../../src/input/observation-table.js";
import { streamHead } from "../../src/input/read-csv.js";
import { csvText, VALUES } from "./observation-csv.js";

const plan = plans["haiphong-142"];
const decode = (bytes: Uint8Array) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);

/** Bytes put into a file: not UTF-8, cut or overlong sequences, a BOM, CR, quote, line feed, a literal U+FFFD, a character of four bytes. */
const ODD_BYTES: readonly (readonly number[])[] = [[0xff], [0xc3], [0xe1, 0xbb], [0xc0, 0xaf], [0xef, 0xbb, 0xbf], [0x0d], [0x22], [0x0a], [0xef, 0xbf, 0xbd], [0xf0, 0x9f, 0x98, 0x80], [0x2c], [0x20], [0x09], [0xc2, 0xa0]];

const file = fc
  .record({
    text: csvText,
    inserts: fc.array(fc.record({ at: fc.nat(), bytes: fc.constantFrom(...ODD_BYTES) }), { maxLength: 4 }),
  })
  .map(({ text, inserts }) => {
    let bytes = new TextEncoder().encode(text);
    for (const insert of inserts) {
      // After the header line, which the head reads as text.
      const headerEnd = bytes.indexOf(10) + 1;
      if (headerEnd === 0) break;
      const at = headerEnd + (insert.at % (bytes.length - headerEnd + 1));
      bytes = new Uint8Array([...bytes.subarray(0, at), ...insert.bytes, ...bytes.subarray(at)]);
    }
    return { bytes, odd: inserts.length > 0 };
  });

const byteChunkSizes = fc.oneof(fc.constant([1 << 20]), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 8 }), fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 3 }));

function byteChunks(bytes: Uint8Array, sizes: readonly number[]): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let from = 0, k = 0; from < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    // A buffer reused by its producer, as some streams do: the reader must copy what it keeps.
    chunks.push(bytes.slice(from, from + size));
    from += size;
  }
  return chunks;
}

/** The chunks given one at a time, each overwritten once the reader has asked for the next. */
async function* reused(chunks: readonly Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const chunk of chunks) {
    yield chunk;
    chunk.fill(0x41);
  }
}

async function fromBytes(bytes: Uint8Array, sizes: readonly number[], options?: ReadOptions) {
  const accumulator = createInputAccumulator(plan, options);
  await readCsvStream("bytes.csv", reused(byteChunks(bytes, sizes)), plan, accumulator, options);
  return accumulator.finish();
}

/** The same chunks decoded one by one, as text: what readCsvStream reads the same way whether given bytes or text. */
async function fromDecodedChunks(bytes: Uint8Array, sizes: readonly number[], options?: ReadOptions) {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const chunks = [...byteChunks(bytes, sizes).map((chunk) => decoder.decode(chunk, { stream: true })), decoder.decode()];
  const accumulator = createInputAccumulator(plan, options);
  await readCsvStream("bytes.csv", chunks, plan, accumulator, options);
  return accumulator.finish();
}

const anyNoteOrder = (input: ReadInput) => ({ ...input, notes: input.notes.map((note) => JSON.stringify(note)).sort() });

describe("readCsvStream's byte reader", () => {
  const chars = streamHead.chars;
  beforeEach(() => {
    streamHead.chars = 1;
  });
  afterEach(() => {
    streamHead.chars = chars;
    vi.restoreAllMocks();
  });

  it("reads every file as readCsvRecords reads its decoded text, however its bytes are cut", async () => {
    const pushed = vi.spyOn(ByteRowReader.prototype, "push");
    // Rows read as figures from their bytes, not given to the text reader.
    const figures = vi.spyOn(ByteRowReader.prototype as unknown as { figure(bytes: Uint8Array): boolean }, "figure");
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(file, byteChunkSizes, fc.integer({ min: 1, max: 300 }), async ({ bytes, odd }, sizes, head) => {
        streamHead.chars = head;
        const read = await fromBytes(bytes, sizes);
        const asText = await fromDecodedChunks(bytes, sizes);
        expect(read).toEqual(asText);
        expect(JSON.stringify(read)).toBe(JSON.stringify(asText));
        // The head is cut at a line break after an even number of quotes, which a quote made to stand inside a cell
        // by an odd byte can put within a quoted cell: the stream then reads otherwise than the whole text, bytes or
        // text alike. Files as written (no odd bytes) read the same streamed or whole.
        // The note on bytes that were not UTF-8 comes after the other notes of its line from a stream, before them from
        // the whole text: the notes are compared in any order.
        if (!odd) expect(anyNoteOrder(read)).toEqual(anyNoteOrder(readCsvRecords("bytes.csv", decode(bytes), plan)));
        runs++;
      }),
      { numRuns: 1500 },
    );
    // The byte reader took over in most files (not in those read whole as the head, nor with an odd byte in it).
    expect(pushed.mock.calls.length).toBeGreaterThan(runs / 2);
    expect(figures.mock.results.filter((r) => r.value === true).length).toBeGreaterThan(runs / 4);
  });

  it("holds rows to the limits as the text reader does", async () => {
    const options: ReadOptions = { limits: { maxFieldChars: 12, maxRecordChars: 40 } };
    await fc.assert(
      fc.asyncProperty(file, byteChunkSizes, async ({ bytes }, sizes) => {
        expect(await fromBytes(bytes, sizes, options)).toEqual(await fromDecodedChunks(bytes, sizes, options));
      }),
      { numRuns: 500 },
    );
  });

  it("reads a national file's rows from bytes as from text: decimal commas, Vietnamese names, a city row", async () => {
    streamHead.chars = chars;
    const names = ["Xã An Bắc (Nam Bộ)", "Phường Hòa", "Đặc khu Hưng Yên (Hải đảo)", " Xã An Bắc (Nam Bộ) ", "xã an bắc (nam bộ)"];
    const values = ["60", "60.5", "60.50", '"60,5"', '"62,50"', "0", "100", "7.25", '"0,77"', "1.200"];
    const rows = Array.from({ length: 20_000 }, (_, i) => `PL${1 + (i % 2)}-${1 + (i % 7)},${2024 + (i % 3)},${values[i % values.length]},${i % 11 === 0 ? "" : names[i % names.length]}`);
    const text = `indicator,period,value,locality\n${rows.join("\n")}\n`;
    const bytes = new TextEncoder().encode(text);
    const pushed = vi.spyOn(ByteRowReader.prototype, "push");
    for (const size of [1 << 20, 4096, 37]) {
      const read = await fromBytes(bytes, [size]);
      expect(JSON.stringify(read), `in chunks of ${size} bytes`).toBe(JSON.stringify(readCsvRecords("bytes.csv", text, plan)));
    }
    expect(pushed).toHaveBeenCalled();
  });
});

describe("figureHundredths", () => {
  it("reads a value cell as plainFigure does, every cell of up to two places below 100,000 that it reads", () => {
    const cells = [...VALUES, ...["0,5", "99999.99", "100000", "12345,6", "5,", ",5", "1.2.3", "100.00", "100,01", "0.01", "00.5", "1,20", "99999,9"]];
    const measures = ["percent", "count", "rank", "index", "ratio", "growth"];
    for (const cell of cells.map((c) => c.trim()).filter((c) => c !== ""))
      for (const measure of measures) {
        const value = plainFigure(measure as never, 2025, cell);
        const expected = value === undefined ? -1 : hundredthsOf(value);
        // More places than two as given (1.200), or a minus sign, are the text reader's, whatever they read as.
        const left = /[.,]\d{3,}$/.test(cell) || cell.startsWith("-");
        expect(figureHundredths(new TextEncoder().encode(cell), 0, cell.length, measure), `${cell} as ${measure}`).toBe(left ? -1 : expected);
      }
  });
});
