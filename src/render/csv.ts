import type { Table } from "../model/tables.js";
import { csvNeedsQuotes, spreadsheetText } from "../safe-text.js";

/** Options of {@link formatCsv}. */
export interface CsvOptions {
  /** Start with a UTF-8 byte order mark so that Excel reads Vietnamese right. Default `true`. */
  bom?: boolean;
  /** Line ending. Default `"\r\n"` (RFC 4180). */
  eol?: "\r\n" | "\n";
}

/**
 * Writes a table as CSV (RFC 4180): cells with a comma, quote or line break are quoted, quotes doubled,
 * empty cells left empty. A text cell a spreadsheet would run as a formula (one starting with `=`, `+`, `-`, `@`,
 * a tab or a carriage return, as OWASP lists them) is written with a leading apostrophe and in quotes, so that it is
 * shown as text; numbers, and text that is a plain number such as `-12.5`, are written as they are.
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
  // Numbers and booleans are the library's own; text may come from data and is never left to run as a formula. A
  // cell so neutralised is also quoted, as OWASP advises: both marks say "text" to a spreadsheet.
  const text = typeof value === "string" ? spreadsheetText(value) : String(value);
  return csvNeedsQuotes(text) || (typeof value === "string" && text !== value) ? `"${text.replaceAll('"', '""')}"` : text;
}
