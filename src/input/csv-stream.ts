import { parseCsv, type CsvRow, type CsvSeparator } from "./csv.js";

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * Splits CSV text arriving in chunks (a file read as a stream) into rows, with the same cells and line numbers
 * as {@link parseCsv} on the whole text, holding no more than one chunk and one unfinished row at a time.
 * A row ends at a line feed outside quotes: inside a quoted cell quotes come in pairs, so a line feed after an
 * even number of quotes is a row boundary.
 *
 * @throws {CsvSyntaxError} when a quoted cell is never closed.
 */
export async function* csvRowsOf(
  chunks: AsyncIterable<string> | Iterable<string>,
  separator: CsvSeparator = ",",
  /** The line the text starts on, when it continues a file already read in part. */
  firstLine = 1,
): AsyncGenerator<CsvRow> {
  let buffer = "";
  let lineOffset = firstLine - 1;
  let first = firstLine === 1;
  for await (const chunk of chunks) {
    buffer += first && chunk.charCodeAt(0) === 0xfeff ? chunk.slice(1) : chunk;
    first = false;
    const boundary = lastRowBoundary(buffer);
    if (boundary < 0) continue;
    const complete = buffer.slice(0, boundary + 1);
    buffer = buffer.slice(boundary + 1);
    for (const row of parseCsv(complete, { separator })) yield withLine(row, row.line + lineOffset);
    lineOffset += lineBreaksIn(complete);
  }
  if (buffer.length > 0) for (const row of parseCsv(buffer, { separator })) yield withLine(row, row.line + lineOffset);
}

/** The index of the last line feed outside quotes, or -1. */
function lastRowBoundary(text: string): number {
  let quotes = 0;
  let boundary = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) quotes++;
    else if (c === LF && (quotes & 1) === 0) boundary = i;
  }
  return boundary;
}

function lineBreaksIn(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) count++;
  }
  return count;
}

function withLine(row: CsvRow, line: number): CsvRow {
  return Object.assign([...row], { line });
}
