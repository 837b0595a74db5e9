import { CsvRowSplitter, CsvSyntaxError, type CsvRow, type CsvRowSink, type CsvSeparator } from "./csv.js";
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
  /** An unfinished row longer than this cannot be within the row limit: it is passed over, not held. */
  private readonly maxTail: number;
  /** The row being passed over, if any. */
  private skipping: RowSkipper | undefined;
  /** Whether a line feed starting the next chunk ends the row passed over (its line ended with a CR). */
  private dropLineFeed = false;

  constructor(
    private readonly separator: CsvSeparator,
    onRow: CsvRowSink,
    private readonly options: {
      readonly firstLine?: number;
      readonly reuseCells?: boolean;
      /**
       * The most characters a row's cells and separators may hold. A row whose text is so long that its cells cannot be
       * within it is passed over as it comes, without being held, and given to `onOversized` with the line it starts
       * on; shorter rows are given to the sink whole, for the reader to measure. Default: no limit.
       */
      readonly maxRowChars?: number;
      readonly onOversized?: (line: number) => void;
    } = {},
  ) {
    const firstLine = options.firstLine ?? 1;
    this.splitter = new CsvRowSplitter(separator, onRow, firstLine, options.reuseCells);
    this.started = firstLine !== 1;
    // A row's text holds at most two characters per character of its cells (doubled quotes), two quotes per cell
    // and its separators: text longer than 4n + 2 cannot be a row of n characters.
    this.maxTail = options.maxRowChars === undefined ? Infinity : 4 * options.maxRowChars + 2;
  }

  /** The line the next row starts on, once no row is unfinished ({@link CsvChunkReader.idle}). */
  get line(): number {
    return this.splitter.line;
  }

  /** Whether the text pushed so far ended with a row's line break: no row is unfinished or passed over. */
  get idle(): boolean {
    return this.tail === "" && this.skipping === undefined && !this.dropLineFeed;
  }

  /** Goes on from a row starting on `line`, the rows before it read by other means; only when idle. */
  resumeAt(line: number): void {
    this.started = true;
    this.splitter.line = line;
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
    if (this.dropLineFeed) {
      this.dropLineFeed = false;
      if (chunk.charCodeAt(from) === 10) from++;
    }
    if (this.skipping) {
      const end = this.skipping.scan(chunk, from);
      if (end < 0) return;
      this.endSkip();
      if (end >= chunk.length) return;
      from = end;
    }
    const tail = this.tail;
    if (tail.length > LONG_ROW && !this.mayEnd(chunk)) {
      this.tail = tail + chunk.slice(from);
      if (this.tail.length > this.maxTail) this.startSkip();
      return;
    }
    const text = tail.length === 0 ? chunk : tail + chunk.slice(from);
    const unfinished = this.splitter.rows(text, tail.length === 0 ? from : 0, false);
    this.tail = unfinished === 0 ? text : text.slice(unfinished);
    if (this.tail.length > this.maxTail) this.startSkip();
  }

  /** Splits the last row, ended by the end of the text. @throws {CsvSyntaxError} when a quoted cell is never closed. */
  end(): void {
    const skipping = this.skipping;
    if (skipping) {
      if (skipping.unclosed) throw new CsvSyntaxError(`a quoted cell that starts on line ${skipping.quoteLine} is never closed`, skipping.quoteLine);
      this.endSkip();
      return;
    }
    const tail = this.tail;
    this.tail = "";
    if (tail.length > 0) this.splitter.rows(tail, 0, true);
  }

  /** Passes over the unfinished row from here on, its text so far read for where it stands and then dropped. */
  private startSkip(): void {
    const skipper = new RowSkipper(this.separator, this.splitter.line);
    this.skipping = skipper;
    const text = this.tail;
    this.tail = "";
    const end = skipper.scan(text, 0);
    if (end < 0) return;
    // The row ended in its own text (at a CR that waited for a possible LF): what follows is split again.
    this.endSkip();
    if (end < text.length) this.push(text.slice(end));
  }

  /** Ends passing over a row: it is reported, and the next row starts on the line after it. */
  private endSkip(): void {
    const skipper = this.skipping!;
    this.skipping = undefined;
    this.dropLineFeed = skipper.endedAtCr;
    this.splitter.line = skipper.line + skipper.breaks;
    this.options.onOversized?.(skipper.line);
  }

  /** Whether `chunk` may end the long unfinished row: it holds a line break (and a quote, inside a quoted cell), or the row waits on its next character. */
  private mayEnd(chunk: string): boolean {
    const last = this.tail.charCodeAt(this.tail.length - 1);
    if (last === 13 || last === 34) return true;
    if (this.splitter.inQuotes) return chunk.includes('"');
    return chunk.includes("\n") || chunk.includes("\r");
  }
}

/**
 * Reads through one CSV row a chunk at a time without keeping any of it, only where it stands (inside a quoted cell
 * or not, at the start of a cell) and how many line breaks it has passed, as {@link CsvRowSplitter} counts them, so
 * that a row of any length costs no memory. Quoted cells, doubled quotes and line breaks inside them read as the
 * splitter reads them; text is searched with `indexOf`, so that passing over 50 MB takes milliseconds.
 */
class RowSkipper {
  private inQuotes = false;
  /** The line the quoted cell being read opened on. */
  quoteLine: number;
  /** Line breaks passed, the row's own last one included once it is found. */
  breaks = 0;
  /** Whether the row ended with a CR that ended its chunk: a LF starting the next one belongs to it. */
  endedAtCr = false;
  private atCellStart = true;
  /** A quote read inside a quoted cell at the end of a chunk: closing, or the first of a doubled quote. */
  private quotePending = false;
  /** A CR inside a quoted cell ended the last chunk: a LF starting this one is the same line break. */
  private crPending = false;
  private readonly separatorQuote: string;

  constructor(
    private readonly separator: string,
    /** The line the row starts on. */
    readonly line: number,
  ) {
    this.separatorQuote = `${separator}"`;
    this.quoteLine = line;
  }

  /** Reads `text` from `from`: the index after the row's end, or -1 when the row goes on past the text. */
  scan(text: string, from: number): number {
    const n = text.length;
    let i = from;
    if (this.crPending && i < n) {
      this.crPending = false;
      if (text.charCodeAt(i) === 10) i++;
    }
    while (i < n) {
      if (this.quotePending) {
        this.quotePending = false;
        // A doubled quote stays inside the cell; any other character follows the closing quote.
        if (text.charCodeAt(i) === 34) {
          i++;
          continue;
        }
        this.inQuotes = false;
      }
      if (this.inQuotes) {
        const quote = text.indexOf('"', i);
        const stop = quote < 0 ? n : quote;
        this.breaks += breaksIn(text, i, stop);
        if (stop === n && text.charCodeAt(n - 1) === 13) this.crPending = true;
        if (quote < 0) return -1;
        this.quotePending = true;
        i = quote + 1;
        continue;
      }
      if (this.atCellStart && text.charCodeAt(i) === 34) {
        this.enterQuotes();
        i++;
        continue;
      }
      this.atCellStart = false;
      // Outside quotes only a line break ends the row, and only a separator followed by a quote opens a quoted cell.
      const lf = indexOr(text, "\n", i, n);
      const cr = indexOr(text, "\r", i, Math.min(lf, n));
      const end = Math.min(lf, cr);
      const opens = indexOr(text, this.separatorQuote, i, end);
      if (opens < end) {
        this.enterQuotes();
        i = opens + 2;
        continue;
      }
      if (end === n) {
        this.atCellStart = text.endsWith(this.separator);
        return -1;
      }
      this.breaks++;
      if (end === lf) return lf + 1;
      if (cr + 1 < n) return text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1;
      this.endedAtCr = true;
      return n;
    }
    return -1;
  }

  /** Whether the text so far ends inside a quoted cell, its closing quote not yet read. */
  get unclosed(): boolean {
    return this.inQuotes && !this.quotePending;
  }

  private enterQuotes(): void {
    this.inQuotes = true;
    this.atCellStart = false;
    this.quoteLine = this.line + this.breaks;
  }
}

/** The index of `search` in `text` at or after `from` and before `before`, or `before`. */
function indexOr(text: string, search: string, from: number, before: number): number {
  const at = text.indexOf(search, from);
  return at === -1 || at >= before ? before : at;
}

/** Line breaks (CRLF, LF or CR) in `text` from `from` up to `to`; a CR ending the text counts, a LF after it will not. */
function breaksIn(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = text.indexOf("\n", from); k !== -1 && k < to; k = text.indexOf("\n", k + 1)) count++;
  for (let k = text.indexOf("\r", from); k !== -1 && k < to; k = text.indexOf("\r", k + 1)) if (text.charCodeAt(k + 1) !== 10) count++;
  return count;
}
