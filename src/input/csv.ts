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
  const separator = (options.separator ?? ",").charCodeAt(0);
  const rows: CsvRow[] = [];
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowLine = 1;
  let row: string[] = [];
  const endRow = () => {
    rows.push(Object.assign(row, { line: rowLine }));
    row = [];
    rowLine = line;
  };
  while (i < n) {
    let cell = "";
    if (text.charCodeAt(i) === QUOTE) {
      const opened = line;
      let from = i + 1;
      for (;;) {
        const close = text.indexOf('"', from);
        if (close === -1) throw new CsvSyntaxError(`a quoted cell that starts on line ${opened} is never closed`, opened);
        line += lineBreaks(text, from, close);
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
    row.push(cell + text.slice(start, i));
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === separator) {
      i++;
      if (i === n) row.push("");
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    endRow();
  }
  if (row.length > 0) endRow();
  return rows;
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
