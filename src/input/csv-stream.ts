import { CsvRowSplitter, type CsvRow, type CsvRowSink, type CsvSeparator } from "./csv.js";
import { lineAt } from "./file-text.js";

/**
 * Splits CSV text arriving in chunks (a file read as a stream) into rows, with the same cells and line numbers
 * as {@link parseCsv} on the whole text, holding no more than one chunk and one unfinished row at a time.
 *
 * @throws {CsvSyntaxError} when a quoted cell is never closed.
 */
export async function* csvRowsOf(
  chunks: AsyncIterable<string> | Iterable<string>,
  separator: CsvSeparator = ",",
  /** The line the text starts on, when it continues a file already read in part. */
  firstLine = 1,
): AsyncGenerator<CsvRow> {
  const rows: CsvRow[] = [];
  const reader = new CsvChunkReader(separator, (cells, line) => rows.push(Object.assign(cells, { line })), { firstLine });
  for await (const chunk of chunks) {
    reader.push(chunk);
    yield* rows.splice(0);
  }
  reader.end();
  yield* rows;
}

/** Unfinished rows longer than this are split again only when a chunk brings what could end them. */
const LONG_ROW = 1 << 16;

/**
 * Splits CSV text given a chunk at a time into rows, as {@link parseCsv} does on the whole text: each row goes to
 * the sink with the line it starts on as soon as it is complete, and only the unfinished row is kept between
 * chunks. A byte order mark starting the text (on line 1) is removed. With `reuseCells`, the sink may be given the
 * same array for many rows, and must copy what it keeps. Internal: used by {@link csvRowsOf} and
 * readCsvStream, which takes rows without an await for each.
 */
export class CsvChunkReader {
  private readonly splitter: CsvRowSplitter;
  /** The text of the unfinished row. */
  private tail = "";
  private started: boolean;

  constructor(separator: CsvSeparator, onRow: CsvRowSink, options: { readonly firstLine?: number; readonly reuseCells?: boolean } = {}) {
    const firstLine = options.firstLine ?? 1;
    this.splitter = new CsvRowSplitter(separator, onRow, firstLine, options.reuseCells);
    this.started = firstLine !== 1;
  }

  /** The line of a position in the next chunk to be pushed, counted from the unfinished row's line. */
  lineIn(chunk: string, position: number): number {
    const text = this.tail + chunk.slice(0, position);
    return this.splitter.line + lineAt(text, text.length) - 1;
  }

  /** Splits the rows that `chunk` completes. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    let from = 0;
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) from = 1;
    }
    const tail = this.tail;
    if (tail.length > LONG_ROW && !this.mayEnd(chunk)) {
      this.tail = tail + chunk;
      return;
    }
    const text = tail.length === 0 ? chunk : tail + chunk;
    const unfinished = this.splitter.rows(text, from, false);
    this.tail = unfinished === 0 ? text : text.slice(unfinished);
  }

  /** Splits the last row, ended by the end of the text. @throws {CsvSyntaxError} when a quoted cell is never closed. */
  end(): void {
    const tail = this.tail;
    this.tail = "";
    if (tail.length > 0) this.splitter.rows(tail, 0, true);
  }

  /** Whether `chunk` may end the long unfinished row: it holds a line break (and a quote, inside a quoted cell), or the row waits on its next character. */
  private mayEnd(chunk: string): boolean {
    const last = this.tail.charCodeAt(this.tail.length - 1);
    if (last === 13 || last === 34) return true;
    if (this.splitter.inQuotes) return chunk.includes('"');
    return chunk.includes("\n") || chunk.includes("\r");
  }
}
