import type { Table } from "../model/tables.js";

/** Options of {@link formatCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads Vietnamese right. Default `true`. */
  bom?: boolean;
  /** Line ending. Default `"\r\n"` (RFC 4180). */
  eol?: "\r\n" | "\n";
}

/**
 * Writes a table as CSV (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled,
 * empty cells left empty.
 *
 * @example
 * formatCsv({ columns: ["id", "name"], rows: [["T-1.1", 'a "b", c']] }, { bom: false });
 * //=> 'id,name\r\nT-1.1,"a ""b"", c"\r\n'
 */
export function formatCsv(table: Table, options: CsvOptions = {}): string {
  const eol = options.eol ?? "\r\n";
  const lines = [table.columns, ...table.rows].map(csvLine);
  return (options.bom === false ? "" : "\uFEFF") + lines.join(eol) + eol;
}

/**
 * One line of {@link formatCsv}, without its line ending.
 *
 * @internal
 */
export function csvLine(cells: ReadonlyArray<string | number | boolean | undefined>): string {
  return cells.map(csvCell).join(",");
}

function csvCell(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  const text = String(value);
  // A leading = + - @ would be run as a formula by spreadsheets; a quote-prefixed cell is shown as text.
  const safe = /^[=+\-@\t\r]/.test(text) && !/^-?\d/.test(text) && text !== "-" ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
