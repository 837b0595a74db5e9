import { Nq57Error } from "../errors.js";

/** One row of a CSV file: its cells, and the 1-based line it starts on. */
export type CsvRow = string[] & { readonly line: number };

/** The characters that may separate cells: commas, semicolons (Excel under a Vietnamese or European locale) or tabs. */
export type CsvSeparator = "," | ";" | "\t";

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The character between cells; default `,`. */
  readonly separator?: CsvSeparator;
}

/** CSV text that cannot be split into rows: a quoted cell that is never closed. */
export class CsvSyntaxError extends Nq57Error {
  override name = "CsvSyntaxError";
  constructor(
    readonly reason: string,
    /** 1-based line where the problem starts. */
    readonly line: number,
  ) {
    super(reason);
  }
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text into rows of cells (RFC 4180): quoted cells may hold the separator, doubled quotes and
 * line breaks; rows end with CRLF, LF or CR; a leading UTF-8 byte order mark is removed; a final line break
 * does not make an empty row, and a blank line gives a row of one empty cell. Each row carries the line
 * it starts on. Text after a closing quote is kept as written, as spreadsheets do. Cells are separated by
 * commas unless `options.separator` names a semicolon or a tab.
 *
 * @throws {CsvSyntaxError} when a quoted cell is never closed.
 * @example
 * const rows = parseCsv('indicator,value\r\nPL2-1,"60.5"\r\n');
 * rows.map((r) => [...r]); //=> [["indicator", "value"], ["PL2-1", "60.5"]]
 * rows[1]?.line; //=> 2
 * parseCsv('indicator;value\nPL2-1;"60,5"\n', { separator: ";" }).map((r) => [...r]); //=> [["indicator", "value"], ["PL2-1", "60,5"]]
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRow[] {
  const rows: CsvRow[] = [];
  const splitter = new CsvRowSplitter(options.separator ?? ",", (cells, line) => rows.push(Object.assign(cells, { line })));
  splitter.rows(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, true);
  return rows;
}

/** Takes the cells of one row and the line it starts on; the array is the receiver's to keep, unless the splitter reuses it. */
export type CsvRowSink = (cells: string[], line: number) => void;

/**
 * Splits CSV text into rows as {@link parseCsv} does, a piece at a time: {@link CsvRowSplitter.rows} splits
 * the complete rows of a piece and says where the first unfinished one starts, to be split again once more
 * text has come. Rows on one line without quotes (nearly all) are cut at the separator with `indexOf`;
 * the others are read a character at a time. Internal: used by parseCsv and the streaming readers.
 */
export class CsvRowSplitter {
  /** The line the next row starts on. */
  line: number;
  /** Whether the last unfinished row stopped inside a quoted cell (no closing quote yet). */
  inQuotes = false;
  private readonly separator: number;
  private readonly separatorChar: string;
  /** The array the cells of rows on one line are given in, again and again, when the sink copies what it keeps. */
  private readonly shared: string[] | undefined;

  constructor(
    separator: CsvSeparator,
    private readonly onRow: CsvRowSink,
    /** The line the text starts on. */
    firstLine = 1,
    /** Whether the sink may be given the same array for many rows (it keeps no array): fewer allocations. */
    reuseCells = false,
  ) {
    this.shared = reuseCells ? [] : undefined;
    this.separator = separator.charCodeAt(0);
    // Only the first character counts, as in parseCsv; none (given from JavaScript) splits nothing: a line
    // feed, looked for as the separator, is never found inside a line.
    this.separatorChar = separator.charAt(0) || "\n";
    this.line = firstLine;
  }

  /**
   * Splits the rows of `text` from `from`, which starts a row, giving each to the sink. With `final`, the end
   * of the text ends the last row; otherwise a row is given only once what follows it cannot change it (its
   * line break read, a CR's possible LF included) and the index where the first unfinished row starts is
   * returned (`text.length` when none is).
   *
   * @throws {CsvSyntaxError} when `final` and a quoted cell is never closed.
   */
  rows(text: string, from: number, final: boolean): number {
    const n = text.length;
    const onRow = this.onRow;
    const separator = this.separatorChar;
    const shared = this.shared;
    let pos = from;
    // The next line feed, carriage return, quote and separator at or after `pos` (n when there is none),
    // each looked for again only once `pos` has passed it: every character is looked at once per kind, by
    // indexOf, much faster than charCodeAt a character at a time.
    let nextLf = -1;
    let nextCr = -1;
    let nextQuote = -1;
    let nextSeparator = -1;
    this.inQuotes = false;
    while (pos < n) {
      if (nextLf < pos) nextLf = indexOr(text, "\n", pos, n);
      if (nextCr < pos) nextCr = indexOr(text, "\r", pos, n);
      if (nextQuote < pos) nextQuote = indexOr(text, '"', pos, n);
      const lf = nextLf;
      // A row on one line ended by LF or CRLF, without quotes: its cells lie between separators.
      if (lf < n && nextQuote > lf && (nextCr > lf || nextCr === lf - 1)) {
        const end = nextCr === lf - 1 ? lf - 1 : lf;
        const cells = shared ?? [];
        let count = 0;
        let start = pos;
        if (nextSeparator < start) nextSeparator = indexOr(text, separator, start, n);
        while (nextSeparator < end) {
          cells[count++] = text.slice(start, nextSeparator);
          start = nextSeparator + 1;
          nextSeparator = indexOr(text, separator, start, n);
        }
        cells[count++] = text.slice(start, end);
        if (cells.length !== count) cells.length = count;
        onRow(cells, this.line++);
        pos = lf + 1;
        continue;
      }
      // A row on one line whose quotes only enclose whole cells (a decimal comma, `"62,5"`): cut cell by cell.
      if (lf < n && (nextCr > lf || nextCr === lf - 1) && this.quotedLine(text, pos, nextCr === lf - 1 ? lf - 1 : lf)) {
        pos = lf + 1;
        nextSeparator = -1;
        continue;
      }
      // A quote, a CR alone, or the end of the text: the row is read a character at a time.
      const next = this.row(text, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return n;
  }

  /**
   * Splits the row from `pos` to `end` (its line break) when every quote in it opens a cell, closes it just before a
   * separator or the row's end, and has no quote or line break between, as {@link CsvRowSplitter.row} would read it;
   * false, having given nothing, for any other row.
   */
  private quotedLine(text: string, pos: number, end: number): boolean {
    const cells = this.shared ?? [];
    const separator = this.separatorChar;
    let count = 0;
    let start = pos;
    for (;;) {
      let stop: number;
      if (text.charCodeAt(start) === QUOTE) {
        const close = text.indexOf('"', start + 1);
        if (close < 0 || close >= end) return false;
        const after = close + 1;
        if (after !== end && text.charCodeAt(after) !== this.separator) return false;
        cells[count++] = text.slice(start + 1, close);
        stop = after;
      } else {
        const at = text.indexOf(separator, start);
        stop = at < 0 || at > end ? end : at;
        // A quote inside a cell that does not open with one is kept as written.
        cells[count++] = text.slice(start, stop);
      }
      if (stop >= end) break;
      start = stop + 1;
    }
    // A quote in a cell cut at a separator may have been one that opens a cell in the reading above: none is.
    if (cells.length !== count) cells.length = count;
    this.onRow(cells, this.line++);
    return true;
  }

  /** Splits the row starting at `pos` as parseCsv does, and gives where the next starts, or -1 when it is unfinished. */
  private row(text: string, pos: number, final: boolean): number {
    const n = text.length;
    const separator = this.separator;
    const cells: string[] = [];
    let breaks = 0;
    let i = pos;
    for (;;) {
      let cell = "";
      if (text.charCodeAt(i) === QUOTE) {
        const opened = this.line + breaks;
        let from = i + 1;
        for (;;) {
          const close = text.indexOf('"', from);
          if (close === -1) {
            if (final) throw new CsvSyntaxError(`a quoted cell that starts on line ${opened} is never closed`, opened);
            this.inQuotes = true;
            return -1;
          }
          breaks += lineBreaks(text, from, close);
          cell += text.slice(from, close);
          if (text.charCodeAt(close + 1) === QUOTE) {
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
        if (c === separator || c === LF || c === CR) break;
        i++;
      }
      // The end of the text ends the row only when final (after a closing quote too: it may be doubled).
      if (i >= n && !final) return -1;
      cells.push(cell + text.slice(start, i));
      if (i >= n) break;
      const c = text.charCodeAt(i);
      if (c === separator) {
        i++;
        if (i < n) continue;
        if (!final) return -1;
        cells.push("");
        break;
      }
      // A CR ending the text may be the first half of a CRLF.
      if (c === CR && i + 1 === n && !final) return -1;
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      breaks++;
      break;
    }
    this.onRow(cells, this.line);
    this.line += breaks;
    return i;
  }
}

/** The index of `search` in `text` at or after `from`, or `none`. */
function indexOr(text: string, search: string, from: number, none: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? none : at;
}

/** Line breaks (CRLF, LF or CR) in `text` from `from` up to `to`. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c === LF || (c === CR && text.charCodeAt(k + 1) !== LF)) count++;
  }
  return count;
}
