/**
 * Differential tests of the streaming CSV readers: CSV text of every shape the readers meet (quotes, doubled
 * quotes and line breaks in quoted cells, CRLF, LF and CR, blank lines, a byte order mark, semicolons and tabs,
 * Excel's sep= line, the header repeated, rows of the wrong width), cut into chunks at random places (inside
 * a CRLF and inside quoted cells included), must read as the whole text does.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createInputAccumulator, plans, readCsvRecords, readCsvStream } from "../../src/index.js";
import { CsvSyntaxError, parseCsv, type CsvSeparator } from "../../src/input/csv.js";
import { csvRowsOf } from "../../src/input/csv-stream.js";
import { cut } from "./cut.js";

const plan = plans["haiphong-142"];


/** Cut places: a few anywhere, or many (every CRLF and quoted cell likely split). */
const places = fc.oneof(fc.array(fc.nat(), { maxLength: 8 }), fc.array(fc.nat(), { minLength: 20, maxLength: 200 }));

/** A cell as written in a file: quoted when it must be, and sometimes when it need not be. */
function written(value: string, quote: boolean, separator: CsvSeparator): string {
  const must = value.includes(separator) || value.includes('"') || value.includes("\n") || value.includes("\r") || value.startsWith('"');
  return must || quote ? `"${value.replace(/"/g, '""')}"` : value;
}

const separator = fc.constantFrom<CsvSeparator>(",", ";", "\t");
const eol = fc.constantFrom("\n", "\r\n", "\r");

/**
 * Cell values, some with separators, quotes, line breaks, spaces, a quote inside an unquoted cell (`stray`),
 * or U+FFFD (`stray` too: a stream notes those of its head only, and a quote inside a cell can make it end
 * its head inside a quoted cell).
 */
function cellValue(stray: boolean) {
  return fc.oneof(
    fc.constantFrom("PL2-1", "PL2-22", "PL1-2", "PL2-43", "PL9-99", "2024", "2025", " 2025 ", "60.5", "60,5", "310", "", "  ", "có", "Xã 0001", "Phường Lê Chân"),
    fc.constantFrom('Sở KH&CN, báo cáo "quý III"', "hai\ndòng", "crlf\r\nở giữa", "cr\rở giữa", "a;b", "a\tb"),
    ...(stray ? [fc.constantFrom('5"', 'a"b', 'x""y', "\uFFFD")] : []),
    fc.string({ maxLength: 4 }),
  );
}

const OBSERVATION_HEADERS = [
  ["indicator", "period", "value", "locality"],
  ["Period", "Indicator", "Value", "Met", "Locality", "Source", "ReportedOn", "Unit"],
  ["indicator", "period", "value", "note"],
  ["INDICATOR", "period", "met"],
];
const TASK_HEADERS = [
  ["task", "status", "period", "reportedOn", "completedOn", "evidence"],
  ["Task", "Status"],
];

/** A CSV file: header, then records, blank lines, repeated headers and rows of the wrong width, in any mix. */
function csvFile(options: { stray: boolean; head?: boolean }) {
  const header = fc.constantFrom(...OBSERVATION_HEADERS, ...TASK_HEADERS);
  return fc
    .record({
      separator,
      eol,
      mixedEol: fc.boolean(),
      bom: fc.boolean(),
      sepLine: fc.boolean(),
      header,
      final: fc.boolean(),
      rows: fc.array(
        fc.oneof(
          { weight: 6, arbitrary: fc.array(fc.tuple(cellValue(options.stray), fc.boolean()), { maxLength: 9 }).map((cells) => ({ kind: "cells" as const, cells })) },
          { weight: 1, arbitrary: fc.constantFrom("", "  ", ",,,", ";;", "\t").map((line) => ({ kind: "line" as const, line })) },
          { weight: 1, arbitrary: fc.boolean().map((shout) => ({ kind: "header" as const, shout })) },
        ),
        { maxLength: 25 },
      ),
      eols: fc.array(eol, { minLength: 30, maxLength: 30 }),
      headEnd: fc.integer({ min: 0, max: 1500 }),
    })
    .map((f) => {
      const row = (cells: readonly string[]) => cells.join(f.separator);
      const lines: string[] = [];
      if (f.sepLine) lines.push(`sep=${f.separator}`);
      lines.push(row(f.header));
      // Records up to just before the 64 KB of the head a stream is first read in, for the head to end inside
      // the rows below, and a few after them.
      const filler = (length: number) => {
        for (let i = 0; length > 0; i++) {
          // Spaces, trimmed away, make the lines long and the records few.
          const line = `${row(["PL2-22", String(2024 + (i % 3)), String(300 + (i % 50)), `Phường ${lines.length}`, "", "", "", ""].slice(0, f.header.length))}${" ".repeat(200)}`;
          lines.push(line);
          length -= line.length + 1;
        }
      };
      if (options.head) filler(65_536 - f.headEnd);
      for (const r of f.rows) {
        if (r.kind === "line") lines.push(r.line);
        else if (r.kind === "header") lines.push(row(r.shout ? f.header.map((h) => ` ${h.toUpperCase()} `) : f.header));
        else {
          // Most rows have the header's width: cells missing are empty, cells beyond it are dropped.
          const width = r.cells.length === 0 || r.cells.length > 6 ? r.cells.length : f.header.length;
          const cells = Array.from({ length: width }, (_, i): [string, boolean] => r.cells[i] ?? ["", false]);
          lines.push(row(cells.map(([value, quote]) => written(value, quote, f.separator))));
        }
      }
      if (options.head) filler(3000);
      const ends = lines.map((_, i) => (f.mixedEol ? f.eols[i % f.eols.length]! : f.eol));
      const text = lines.map((line, i) => (i === lines.length - 1 && !f.final ? line : line + ends[i])).join("");
      return (f.bom ? "\uFEFF" : "") + text;
    });
}

async function streamed(text: string, chunks: readonly string[]) {
  const accumulator = createInputAccumulator(plan);
  await readCsvStream("chunks.csv", chunks, plan, accumulator);
  return accumulator.finish();
}

/** An async stream of the chunks, as a file read with createReadStream gives them. */
async function* asStream(chunks: readonly string[]) {
  for (const chunk of chunks) yield chunk;
}

describe("readCsvStream", () => {
  it("reads what readCsvRecords reads from the whole text, however the text is cut", async () => {
    await fc.assert(
      fc.asyncProperty(csvFile({ stray: true }), places, async (text, at) => {
        const whole = readCsvRecords("chunks.csv", text, plan);
        expect(await streamed(text, cut(text, at))).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it("reads as readCsvRecords does when the head it first reads ends inside the rows of every shape", async () => {
    // 64 KB of records come first: the stream's head ends in the rows that follow, wherever the chunks end.
    await fc.assert(
      fc.asyncProperty(csvFile({ stray: false, head: true }), fc.array(fc.integer({ min: 1, max: 3000 }), { minLength: 1, maxLength: 40 }), async (text, sizes) => {
        const chunks: string[] = [];
        for (let from = 0, k = 0; from < text.length; k++) {
          const size = k === 0 ? 50_000 : sizes[k % sizes.length]!;
          chunks.push(text.slice(from, from + size));
          from += size;
        }
        expect(text.length).toBeGreaterThan(65_536);
        const whole = readCsvRecords("chunks.csv", text, plan);
        expect(await streamed(text, chunks)).toEqual(whole);
      }),
      { numRuns: 30 },
    );
  });

  it("reads chunks from an async stream as from a list", async () => {
    const text = "indicator;period;value\r\nPL2-1;2025;\"60,5\"\r\nPL2-22;2025;310\r\n";
    const accumulator = createInputAccumulator(plan);
    await readCsvStream("chunks.csv", asStream(cut(text, [5, 24, 25, 33])), plan, accumulator);
    expect(accumulator.finish()).toEqual(await streamed(text, [text]));
  });

  it("rejects a file with a quoted cell never closed: as a whole in its head, else from the line it starts on", async () => {
    const rows = 'PL2-1,2025,60,\rPL2-22,2025,"310,\nPL2-43,2025,1,\n';
    const small = `indicator,period,value,locality\r\n${rows}`;
    for (const at of [[], [10], [30, 31, 40], [38, 39, 41, 47, 48]]) expect(await streamed(small, cut(small, at))).toEqual(readCsvRecords("chunks.csv", small, plan));
    const before = Array.from({ length: 5000 }, (_, i) => `PL2-22,2025,${300 + (i % 50)},Xã ${i}\r\n`).join("");
    const large = `indicator,period,value,locality\r\n${before}${rows}`;
    for (const size of [1000, 65_536, 1 << 20]) {
      const input = await streamed(large, cut(large, Array.from({ length: Math.ceil(large.length / size) }, (_, i) => (i + 1) * size)));
      expect(input.given.observations).toBe(5001);
      expect(input.observations.at(-1)?.source.line).toBe(5002);
      expect(input.rejected).toEqual([{ kind: "file", source: { file: "chunks.csv", line: 5003 }, reason: "a quoted cell that starts on line 5003 is never closed; the file was read up to there" }]);
    }
  });
});

/** parseCsv as it was written before it shared its splitter with the streaming readers: the reference. */
function referenceParseCsv(text: string, separatorChar: CsvSeparator): { cells: string[]; line: number }[] {
  const separator = separatorChar.charCodeAt(0);
  const rows: { cells: string[]; line: number }[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowLine = 1;
  let row: string[] = [];
  const lineBreaks = (from: number, to: number) => {
    let count = 0;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) count++;
    }
    return count;
  };
  const endRow = () => {
    rows.push({ cells: row, line: rowLine });
    row = [];
    rowLine = line;
  };
  while (i < n) {
    let cell = "";
    if (text.charCodeAt(i) === 34) {
      const opened = line;
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new CsvSyntaxError(`a quoted cell that starts on line ${opened} is never closed`, opened);
        line += lineBreaks(from, close);
        cell += text.slice(from, close);
        if (text.charCodeAt(close + 1) === 34) {
          cell += '"';
          from = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
    }
    const start = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === separator || c === 10 || c === 13) break;
      i++;
    }
    row.push(cell + text.slice(start, i));
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === separator) {
      i++;
      if (i === n) row.push("");
      continue;
    }
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    line++;
    endRow();
  }
  if (row.length > 0) endRow();
  return rows;
}

/** Rows, or the syntax error that stops them. */
function outcome(read: () => { cells: string[]; line: number }[]) {
  try {
    return { rows: read() };
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return { error: error.message, line: error.line };
  }
}

/** Text made mostly of the characters that matter to CSV, so that every way of meeting them occurs. */
const rawCsv = fc.array(fc.constantFrom('"', '"', ",", ";", "\t", "\n", "\r", "\r\n", " ", "a", "bc", "\uFEFF", "Xã"), { maxLength: 40 }).map((parts) => parts.join(""));

describe("parseCsv", () => {
  it("splits any text as its reference does, with every separator", () => {
    fc.assert(
      fc.property(fc.oneof(rawCsv, csvFile({ stray: true })), separator, (text, sep) => {
        const rows = () => parseCsv(text, { separator: sep }).map((row) => ({ cells: [...row], line: row.line }));
        expect(outcome(rows)).toEqual(outcome(() => referenceParseCsv(text, sep)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe("csvRowsOf", () => {
  async function rowsOf(chunks: readonly string[], sep: CsvSeparator) {
    const rows: { cells: string[]; line: number }[] = [];
    try {
      for await (const row of csvRowsOf(chunks, sep)) rows.push({ cells: [...row], line: row.line });
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      return { rows, error: error.message, line: error.line };
    }
    return { rows };
  }

  it("gives the rows parseCsv gives for any text with CR, LF and CRLF, however it is cut", async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(rawCsv, csvFile({ stray: true })), separator, places, async (text, sep, at) => {
        const whole = outcome(() => parseCsv(text, { separator: sep }).map((row) => ({ cells: [...row], line: row.line })));
        const got = await rowsOf(cut(text, at), sep);
        if ("rows" in whole && whole.rows) expect(got).toEqual(whole);
        else {
          // A quoted cell never closed: the same error, after the rows before the one it starts in (those of
          // the text with the cell closed at the end, where that row is the last).
          expect({ error: got.error, line: got.line }).toEqual(whole);
          expect(got.rows).toEqual(referenceParseCsv(`${text}"`, sep).slice(0, -1));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("removes a byte order mark that a first empty chunk delays", async () => {
    expect(await rowsOf(["", "\uFEFFa,b\n", "c"], ",")).toEqual({ rows: [{ cells: ["a", "b"], line: 1 }, { cells: ["c"], line: 2 }] });
  });

  it("reads a row far longer than a chunk, and a file with CR line endings, a chunk at a time", async () => {
    const long = `"${"x\n".repeat(200_000)}"`;
    const text = `a,${long},b\rc\r`;
    const chunks = cut(text, Array.from({ length: 60 }, (_, i) => i * 7000 + 1));
    expect(await rowsOf(chunks, ",")).toEqual({ rows: [{ cells: ["a", "x\n".repeat(200_000), "b"], line: 1 }, { cells: ["c"], line: 200_002 }] });
  });
});
