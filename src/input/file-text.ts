import { INPUT_LIMITS } from "./bounds.js";
import type { InputNote } from "../model/records.js";

/**
 * The most characters a data file read whole may hold by default: 10,000,000 (about 10 MB of CSV or JSON, some
 * 300,000 CSV rows; `INPUT_LIMITS.maxFileChars`). Reading keeps every record and its source in memory and reads
 * about 1 MB a second on a slow machine, so a larger file is rejected at once, as a whole, instead of taking minutes
 * and gigabytes and possibly running out of memory. Split a larger file by year or by kind of record, stream it, or
 * give the readers a larger `limits.maxFileChars`.
 */
export const MAX_INPUT_CHARS = INPUT_LIMITS.maxFileChars;

const REPLACEMENT = "\uFFFD";

/** What looking at a file's text as a whole gives: why the file cannot be read, and notes. */
export interface FileTextCheck {
  /** Set when nothing in the file can be read. */
  readonly reject?: string;
  readonly notes: InputNote[];
}

/**
 * Checks a data file's text before it is split into records: not above {@link MAX_INPUT_CHARS}, not
 * UTF-16 read as UTF-8 (NUL characters), and notes bytes that were not UTF-8 (U+FFFD, the replacement
 * character a UTF-8 decoder puts in their place, as a file saved in TCVN3 or Windows-1258 gives).
 */
export function checkFileText(file: string, text: string, options: { readonly limit?: boolean; readonly maxChars?: number } = {}): FileTextCheck {
  // A stream is read a chunk at a time, so only text read whole is held to the size limit.
  const max = options.maxChars ?? MAX_INPUT_CHARS;
  if (options.limit !== false && text.length > max)
    return {
      reject: `the file holds ${text.length.toLocaleString("en")} characters, more than the ${max.toLocaleString("en")} (about ${Math.max(1, Math.round(max / 1_000_000))} MB) a data file may hold: split it into smaller files, e.g. one per year; nothing in the file was read`,
      notes: [],
    };
  const nul = text.indexOf("\u0000");
  if (nul !== -1)
    return {
      reject: `the file holds NUL characters (the first on line ${lineAt(text, nul)}), so it is not UTF-8 text: it is probably saved as UTF-16 ("Unicode text"); save it as "CSV UTF-8" or UTF-8 JSON; nothing in the file was read`,
      notes: [],
    };
  const bad = text.indexOf(REPLACEMENT);
  if (bad === -1) return { notes: [] };
  return { notes: [notUtf8Note(file, replacementsIn(text, bad), lineAt(text, bad))] };
}

/** How many U+FFFD `text` holds from `from`, the first of them. */
export function replacementsIn(text: string, from = 0): number {
  let count = 0;
  for (let k = text.indexOf(REPLACEMENT, from); k !== -1; k = text.indexOf(REPLACEMENT, k + 1)) count++;
  return count;
}

/** The note on bytes that were not UTF-8: how many, and the line of the first. */
export function notUtf8Note(file: string, count: number, line: number): InputNote {
  return {
    source: { file, line },
    note: `the file holds ${count} ${count === 1 ? "byte sequence" : "byte sequences"} that ${count === 1 ? "is" : "are"} not UTF-8, shown as ${REPLACEMENT} (the first on line ${line}): it may be saved in an older encoding such as TCVN3 or Windows-1258; save it as UTF-8 so that names read correctly`,
  };
}

/** 1-based line of a position in `text`; lines end with CRLF, LF or CR, as in CSV. */
export function lineAt(text: string, position: number): number {
  let line = 1;
  for (let k = 0; k < position && k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) line++;
  }
  return line;
}
