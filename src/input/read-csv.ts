import type { DefinedPlan } from "../model/define-plan.js";
import { assembleInput } from "./accept-records.js";
import { checkObservation, checkTaskReport } from "./check-record.js";
import { CsvSyntaxError, parseCsv, type CsvRow, type CsvSeparator } from "./csv.js";
import { canonicalObservationAdder, numberedObservationAdder, type InputAccumulator } from "./accumulate.js";
import { CsvChunkReader } from "./csv-stream.js";
import { ByteRowReader, type ByteColumns, type ByteRowsSink } from "./csv-bytes.js";
import { OptionsError } from "../errors.js";
import { checkFileText, lineAt, notUtf8Note, replacementsIn } from "./file-text.js";
import type { InputNote, ReadInput, RejectedRecord } from "../model/records.js";
import { cutText, quoted } from "../safe-text.js";
import { limitsOf, oversizedRow, rowReason, type InputLimits, type ReadOptions } from "./bounds.js";
import { plainCopy } from "./plain-copy.js";
import { detached, isVisibleName } from "./fields.js";

const OBSERVATION_COLUMNS = ["indicator", "period", "value", "met", "unit", "locality", "source", "reportedOn"] as const;
const TASK_REPORT_COLUMNS = ["task", "status", "period", "reportedOn", "completedOn", "evidence"] as const;
const EXPECTED =
  "observations need indicator, period and value or met (optional: unit, locality, source, reportedOn); " +
  "task reports need task and status (optional: period, reportedOn, completedOn, evidence)";

type Kind = "observation" | "taskReport";

/** How a header row reads: the kind of records and the field each column holds (undefined = ignored). */
interface Layout {
  readonly kind: Kind;
  readonly fields: readonly (string | undefined)[];
  readonly notes: InputNote[];
}

/**
 * Reads a CSV file of observations or of task reports, told apart by the header: `indicator`, `period`
 * and `value` or `met` for observations; `task` and `status` for task reports. Headers are trimmed and
 * case-insensitive (`reportedOn`, `reported_on`, `Reported On` are one), in any order; unknown columns
 * are noted and ignored. Empty cells mean absent, blank lines are skipped, and a row whose number of cells
 * differs from the header's is rejected, as is a row repeating the header (two files joined). A header of
 * neither kind, or an unclosed quote, rejects the whole file. Records are then checked as
 * {@link acceptRecords} does, with the file and line as source.
 *
 * Cells are separated by commas, or by semicolons (as Excel saves CSV under a Vietnamese or European
 * locale) or tabs when the header split at commas is not a valid header but split at semicolons or tabs it
 * is; Excel's first line `sep=;` (or `sep=,`, `sep=<tab>`) says which, and is skipped. Quoted cells work the
 * same with every separator.
 *
 * Read as written, with a note: a UTF-8 byte order mark (removed), Excel's `sep=` line (skipped), cells
 * separated by semicolons or tabs, bytes that were not UTF-8 (kept as U+FFFD), a header without records.
 * Rejected as a whole: a file of more than 10,000,000 characters (about 10 MB), one holding NUL characters
 * (UTF-16 read as UTF-8), and a `sep=` line naming another separator, or one the header does not follow.
 * Rejected with its line and field: a row with a cell of more than 10,000 characters, or of more than 100,000 in all
 * (see {@link INPUT_LIMITS}; `options.limits` gives others).
 *
 * @example
 * const input = readCsvRecords("observations.csv", "indicator,period,value\nPL2-1,2025,60.50\n", plans["haiphong-142"]);
 * input.observations[0]; //=> { record: { indicator: "PL2-1", period: 2025, value: "60.5" }, source: { file: "observations.csv", line: 2 } }
 */
export function readCsvRecords(name: string, text: string, plan: DefinedPlan, options?: ReadOptions): ReadInput {
  const limits = limitsOf(options);
  const checked = checkFileText(name, text, { maxChars: limits.maxFileChars });
  if (checked.reject !== undefined) return rejectFile(name, undefined, checked.reject, []);
  const notes: InputNote[] = [];
  if (text.charCodeAt(0) === 0xfeff) notes.push({ source: { file: name, line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" });
  notes.push(...checked.notes);
  const split = splitFile(name, text);
  if ("reject" in split) return rejectFile(name, split.line, split.reject, notes);
  const { header, body, layout, separator } = split;
  const headerTooLarge = oversizedHeader(header, limits);
  if (headerTooLarge) return rejectFile(name, header.line, headerTooLarge, notes);
  notes.push(...split.notes, ...layout.notes);
  if (body.length === 0) notes.push({ source: { file: name, line: header.line }, note: "the file has a header row but no records" });

  const rejected: RejectedRecord[] = [];
  const records: { record: Record<string, string>; line: number }[] = [];
  const headerText = header.map(foldHeader).join(",");
  const names = columnNames(header, layout);
  for (const row of body) {
    const source = { file: name, line: row.line };
    const tooLarge = oversizedRow(row, names, limits);
    if (tooLarge) rejected.push({ kind: layout.kind, source, ...(tooLarge.field ? { field: tooLarge.field } : {}), reason: tooLarge.reason, record: plainCopy([...row]) });
    else if (row.map(foldHeader).join(",") === headerText)
      rejected.push({ kind: layout.kind, source, reason: `the row repeats the header of line ${header.line} (were two files joined?); it is not a record`, record: [...row] });
    else if (row.length !== header.length) rejected.push({ kind: layout.kind, source, reason: cellCountReason(row.length, header.length, separator), record: [...row] });
    else records.push({ record: recordOf(row, layout.fields), line: row.line });
  }
  const sourceOf = (r: (typeof records)[number]) => ({ file: name, line: r.line });
  return assembleInput({
    observations: layout.kind === "observation" ? records.map((r) => checkObservation(plan, r.record, sourceOf(r))) : [],
    taskReports: layout.kind === "taskReport" ? records.map((r) => checkTaskReport(plan, r.record, sourceOf(r))) : [],
    rejected,
    notes,
  });
}

/**
 * How much of a stream is read before its header is looked at: enough for any real header line and more. Internal:
 * tests lower it, to reach with small files what comes after the head (the byte reader).
 */
export const streamHead = { chars: 64 * 1024 };

/**
 * Reads a CSV file arriving as a stream of chunks (a file of any size read with `createReadStream`, a browser's
 * `file.stream()`) into an accumulator, with the same readings, notes and rejections as {@link readCsvRecords}, except that there is
 * no limit on the file's size: memory holds one chunk at a time and what the accumulator keeps. Rows are held to the
 * same limits: one too long to hold is passed over as it comes, never gathered, and rejected with its line (the
 * accumulator checks the records it is given against its own limits: give both the same `limits`). The
 * separator and the header are worked out from the start of the stream.
 *
 * Chunks are text, or the file's bytes as they come (`Uint8Array`s of UTF-8, as `createReadStream(file)` without an
 * encoding or a browser's `file.stream()` gives them), decoded as they come (a character cut between two chunks
 * included; bytes that are not UTF-8 become U+FFFD and are noted); one stream gives one or the other.
 *
 * @example
 * const accumulator = createInputAccumulator(plan);
 * await readCsvStream("observations.csv", createReadStream("observations.csv"), plan, accumulator);
 * const input = accumulator.finish();
 */
export async function readCsvStream(
  name: string,
  chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>,
  plan: DefinedPlan,
  accumulator: InputAccumulator,
  options?: ReadOptions,
): Promise<void> {
  const limits = limitsOf(options);
  // The head is whole rows, and its first line ends within a row's limit (or is rejected, not gathered without end).
  const headLimit = streamHead.chars + 4 * limits.maxRecordChars + 2;
  const source = new TextChunks(chunks);
  // The head: whole rows from the start, enough to hold the sep= line, the header and a few records. It ends
  // at the last line feed after an even number of quotes (outside quoted cells), found a chunk at a time.
  let read = "";
  let done = false;
  let quotes = 0;
  let boundary = -1;
  while (!done && (read.length < streamHead.chars || boundary < 0) && read.length <= headLimit) {
    const next = await source.next();
    if (next.done) done = true;
    else {
      const chunk = next.value;
      const inChunk = countOf(chunk, '"');
      const last = lastEvenLineFeed(chunk, quotes + inChunk);
      if (last >= 0) boundary = read.length + last;
      quotes += inChunk;
      read += chunk;
    }
  }
  const head = read.slice(0, done ? read.length : boundary + 1);

  const checked = checkFileText(name, head, { limit: false });
  if (checked.reject !== undefined) return accumulator.addRejected({ kind: "file", source: { file: name }, reason: checked.reject }, "none");
  if (!done && boundary < 0) {
    const reason = `the file's first ${read.length.toLocaleString("en")} characters hold no complete line, where a CSV file starts with a header line of column names (${rowReason(limits)}); nothing in the file was read`;
    return accumulator.addRejected({ kind: "file", source: { file: name, line: 1 }, reason }, "none");
  }
  if (head.charCodeAt(0) === 0xfeff) accumulator.addNote({ source: { file: name, line: 1 }, note: "the UTF-8 byte order mark (BOM) at the start of the file was removed" });
  // Bytes that were not UTF-8 are counted over the whole stream as it is split (below); a file rejected for its
  // head is not read further, and has them counted in the head.
  const split = splitFile(name, head);
  if ("reject" in split) for (const note of checked.notes) accumulator.addNote(note);
  if ("reject" in split) return accumulator.addRejected({ kind: "file", source: { file: name, ...(split.line !== undefined ? { line: split.line } : {}) }, reason: split.reject }, "none");
  const { header, layout, separator } = split;
  const headerTooLarge = oversizedHeader(header, limits);
  if (headerTooLarge) return accumulator.addRejected({ kind: "file", source: { file: name, line: header.line }, reason: headerTooLarge }, "none");
  for (const note of [...split.notes, ...layout.notes]) accumulator.addNote(note);

  // The records are split from the start of the file again, the head included, by the streaming splitter
  // (its rows are those of parseCsv on the whole text); the rows up to the header are passed over.
  const headerLine = header.line;
  const width = header.length;
  const isObservation = layout.kind === "observation";
  const direct = isObservation ? directObservation(layout.fields, accumulator, name) : undefined;
  const names = columnNames(header, layout);
  const headerText = header.map(foldHeader).join(",");
  const firstHeaderCell = foldHeader(header[0] ?? "");
  // A row repeats the header only if its first cell does: the full comparison is left for those rows, and
  // folding is left for first cells that could match (an indicator id such as PL2-1 cannot match "indicator").
  const mayFoldTo = foldsCandidate(firstHeaderCell);
  const repeatsHeader = (cells: string[]) => mayFoldTo.text(cells[0]!) && foldHeader(cells[0]!) === firstHeaderCell && cells.map(foldHeader).join(",") === headerText;
  let records = 0;
  const take = (cells: string[], line: number) => {
    if (line <= headerLine) return;
    const tooLarge = oversizedRow(cells, names, limits);
    if (tooLarge !== undefined && !isBlank(cells)) {
      records++;
      const rejected = { kind: layout.kind, source: { file: name, line }, ...(tooLarge.field ? { field: tooLarge.field } : {}), reason: tooLarge.reason, record: plainCopy(cells.map(detached)) };
      return accumulator.addRejected(rejected, layout.kind);
    }
    if (cells.length === width) {
      if (repeatsHeader(cells)) {
        records++;
        const reason = `the row repeats the header of line ${headerLine} (were two files joined?); it is not a record`;
        return accumulator.addRejected({ kind: layout.kind, source: { file: name, line }, reason, record: cells.map(detached) }, layout.kind);
      }
      if (direct !== undefined && direct(cells, line)) {
        records++;
        return;
      }
      if (isBlank(cells)) return;
      const record = recordOf(cells, layout.fields);
      records++;
      if (isObservation) accumulator.addObservation(record, { file: name, line });
      else accumulator.addTaskReport(record, { file: name, line });
    } else {
      if (isBlank(cells)) return;
      records++;
      accumulator.addRejected({ kind: layout.kind, source: { file: name, line }, reason: cellCountReason(cells.length, width, separator), record: cells.map(detached) }, layout.kind);
    }
  };
  // Rows come in one array, reused: take keeps copies only.
  const passedOver = (line: number) => {
    records++;
    accumulator.addRejected({ kind: layout.kind, source: { file: name, line }, reason: rowReason(limits) }, layout.kind);
  };
  const reader = new CsvChunkReader(separator, take, { reuseCells: true, maxRowChars: limits.maxRecordChars, onOversized: passedOver });
  let notUtf8 = 0;
  let notUtf8Line = 0;
  const push = (text: string) => {
    const bad = text.indexOf("\uFFFD");
    if (bad >= 0) {
      if (notUtf8 === 0) notUtf8Line = reader.lineIn(text, bad);
      notUtf8 += replacementsIn(text, bad);
    }
    reader.push(text);
  };
  try {
    const head = source.endHead();
    const numbered = direct !== undefined && !done && head !== undefined && !read.includes("\uFFFD") ? numberedObservationAdder(accumulator) : undefined;
    if (numbered === undefined || head === undefined) {
      push(read);
      read = "";
      for (let next = await source.next(); !next.done; next = await source.next()) push(next.value);
    } else {
      // A file given as bytes: past the head's whole rows, its rows are read from the bytes (see ByteRowReader).
      // From the first row after the head's first 64 KB: the rest of the first chunk (a megabyte) is read as bytes too.
      const early = firstEvenLineFeed(read, streamHead.chars);
      const cut = early >= 0 && early < boundary ? early + 1 : boundary + 1;
      push(read.slice(0, cut));
      if (!reader.idle || reader.line <= headerLine) {
        push(read.slice(cut));
        read = "";
        for (let next = await source.next(); !next.done; next = await source.next()) push(next.value);
      } else {
        const sink: ByteRowsSink = {
          text: (text, line) => {
            if (line >= 0) reader.resumeAt(line);
            push(text);
          },
          taken: () => void records++,
          replacements: (count, line) => {
            if (notUtf8 === 0) notUtf8Line = line;
            notUtf8 += count;
          },
        };
        const columns = byteColumns(layout.fields);
        const maxRowBytes = Math.min(limits.maxFieldChars, limits.maxRecordChars);
        const bytes = new ByteRowReader(separator, width, columns, numbered, sink, name, mayFoldTo.bytes, maxRowBytes, reader.line);
        bytes.push(head.subarray(utf8Length(read, cut)));
        read = "";
        for (let next = await source.nextBytes(); !next.done; next = await source.nextBytes()) bytes.push(next.value);
        bytes.end();
      }
    }
    reader.end();
  } catch (error) {
    if (!(error instanceof CsvSyntaxError)) throw error;
    return accumulator.addRejected({ kind: "file", source: { file: name, line: error.line }, reason: `${error.reason}; the file was read up to there` }, "none");
  } finally {
    if (notUtf8 > 0) accumulator.addNote(notUtf8Note(name, notUtf8, notUtf8Line));
  }
  if (records === 0) accumulator.addNote({ source: { file: name, line: headerLine }, note: "the file has a header row but no records" });
}

/**
 * Reads an observation row of the header's width straight into the accumulator, without making its record, when
 * its cells are in a form the fast path reads (see canonicalObservationAdder) and those of `met`, `unit`, `source` and
 * `reportedOn` are empty: true when read; false for a row to make the record of and give to addObservation. Undefined
 * (every row takes addObservation) for an accumulator not made by createInputAccumulator, or a header without value.
 */
function directObservation(fields: readonly (string | undefined)[], accumulator: InputAccumulator, file: string): ((cells: readonly string[], line: number) => boolean) | undefined {
  const add = canonicalObservationAdder(accumulator);
  const indicator = fields.indexOf("indicator");
  const period = fields.indexOf("period");
  const value = fields.indexOf("value");
  const locality = fields.indexOf("locality");
  const others = fields.flatMap((field, column) => (field !== undefined && !DIRECT_FIELDS.has(field) ? [column] : []));
  if (add === undefined || indicator < 0 || period < 0 || value < 0) return undefined;
  return (cells, line) => {
    for (let k = 0; k < others.length; k++) if (trimmed(cells[others[k]!]!) !== "") return false;
    const place = locality < 0 ? "" : trimmed(cells[locality]!);
    // A locality of invisible characters alone takes the general path, which rejects it.
    if (place !== "" && !isVisibleName(place)) return false;
    return add(trimmed(cells[indicator]!), trimmed(cells[period]!), trimmed(cells[value]!), place === "" ? undefined : place, file, line);
  };
}

/**
 * The chunks of a stream as text: bytes are decoded as UTF-8 as they come, a character cut between chunks included.
 * The bytes of the chunks read until {@link TextChunks.endHead} are kept too, so that a reader may go on from them.
 */
class TextChunks {
  private readonly iterator: AsyncIterator<unknown> | Iterator<unknown>;
  private kind: "text" | "bytes" | undefined;
  private decoder: TextDecoder | undefined;
  private flushed = false;
  /** Copies of the byte chunks read so far (an app may reuse a chunk's buffer for the next), until endHead. */
  private head: Uint8Array[] | undefined = [];

  constructor(chunks: AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>) {
    this.iterator = Symbol.asyncIterator in chunks ? chunks[Symbol.asyncIterator]() : (chunks as Iterable<unknown>)[Symbol.iterator]();
  }

  async next(): Promise<IteratorResult<string, undefined>> {
    const next = await this.iterator.next();
    if (next.done) {
      // The end of the bytes ends a character cut short: it reads as U+FFFD, as decoding the whole file would.
      if (this.decoder !== undefined && !this.flushed) {
        this.flushed = true;
        const rest = this.decoder.decode();
        if (rest !== "") return { done: false, value: rest };
      }
      return { done: true, value: undefined };
    }
    const chunk = this.checked(next.value);
    if (typeof chunk === "string") return { done: false, value: chunk };
    this.head?.push(chunk.slice());
    // ignoreBOM keeps a byte order mark as U+FEFF, for the reader to remove and note, as it does in text.
    this.decoder ??= new TextDecoder("utf-8", { ignoreBOM: true });
    return { done: false, value: this.decoder.decode(chunk, { stream: true }) };
  }

  /** The next chunk as the bytes it is, after endHead: a stream of bytes only. */
  async nextBytes(): Promise<IteratorResult<Uint8Array, undefined>> {
    const next = await this.iterator.next();
    if (next.done) return { done: true, value: undefined };
    return { done: false, value: this.checked(next.value) as Uint8Array };
  }

  /** The bytes read so far, in one array, when the stream is of bytes (else undefined); no more are kept. */
  endHead(): Uint8Array | undefined {
    const head = this.head;
    this.head = undefined;
    if (this.kind !== "bytes" || head === undefined) return undefined;
    // Already copies: one needs no joining.
    if (head.length === 1) return head[0];
    const all = new Uint8Array(head.reduce((n, chunk) => n + chunk.length, 0));
    let at = 0;
    for (const chunk of head) {
      all.set(chunk, at);
      at += chunk.length;
    }
    return all;
  }

  private checked(chunk: unknown): string | Uint8Array {
    const kind = typeof chunk === "string" ? "text" : chunk instanceof Uint8Array ? "bytes" : undefined;
    if (kind === undefined) throw new OptionsError("chunks", `a chunk is ${chunk === null ? "null" : typeof chunk}: give text (strings) or bytes (Uint8Array)`);
    if (this.kind !== undefined && kind !== this.kind) throw new OptionsError("chunks", `a chunk of ${kind} follows chunks of ${this.kind}: give one or the other`);
    this.kind = kind;
    return chunk as string | Uint8Array;
  }
}

/** The fields a row read directly may have; a row with any other (met, unit, source, reportedOn) takes the general path. */
const DIRECT_FIELDS = new Set(["indicator", "period", "value", "locality"]);

/** The last line break (LF, or CR: files saved with CR line ends) in `chunk` after an even number of quotes, given the quotes up to its end, or -1. */
function lastEvenLineFeed(chunk: string, quotesToEnd: number): number {
  // Between two quotes the count is the same: from the last stretch back, the first even one with a line break.
  let quotes = quotesToEnd;
  let end = chunk.length;
  while (end > 0) {
    const quote = chunk.lastIndexOf('"', end - 1);
    if ((quotes & 1) === 0) {
      const lf = Math.max(chunk.lastIndexOf("\n", end - 1), chunk.lastIndexOf("\r", end - 1));
      if (lf > quote) return lf;
    }
    if (quote < 0) return -1;
    end = quote;
    quotes--;
  }
  return -1;
}

/** The first LF at or after `from` with an even number of quotes before it in `text`, or -1. */
function firstEvenLineFeed(text: string, from: number): number {
  let quotes = 0;
  for (let q = text.indexOf('"'); q !== -1 && q < from; q = text.indexOf('"', q + 1)) quotes++;
  for (let at = from; ; ) {
    const lf = text.indexOf("\n", at);
    if (lf < 0) return -1;
    for (let q = text.indexOf('"', at); q !== -1 && q < lf; q = text.indexOf('"', q + 1)) quotes++;
    if ((quotes & 1) === 0) return lf;
    at = lf + 1;
  }
}

function countOf(text: string, char: string): number {
  let count = 0;
  for (let at = text.indexOf(char); at !== -1; at = text.indexOf(char, at + 1)) count++;
  return count;
}

/** Whether every cell of a row is empty or spaces (a blank line, or one of separators only). */
function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (trimmed(cell) !== "") return false;
  return true;
}

/** `cell.trim()`, without the call for the usual cell that starts and ends with a visible ASCII character. */
function trimmed(cell: string): string {
  const first = cell.charCodeAt(0);
  const last = cell.charCodeAt(cell.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127 ? cell : cell.trim();
}

/**
 * A quick test that `foldHeader(name)` may be `folded`, false only when it cannot be: when `name` holds an ASCII
 * character that folding keeps (as itself, or lowercased) and `folded` lacks. Other characters are not judged:
 * a non-ASCII one may lowercase to ASCII (K, the Kelvin sign, to k).
 */
function foldsCandidate(folded: string): { text: (name: string) => boolean; bytes: (bytes: Uint8Array, start: number, end: number) => boolean } {
  // For each ASCII character: whether folding drops it (spaces, `_`, `-`) or keeps it as one `folded` holds.
  const allowed = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    const char = String.fromCharCode(c);
    allowed[c] = /[\s_-]/.test(char) || folded.includes(char.toLowerCase()) ? 1 : 0;
  }
  return {
    text: (name) => {
      for (let i = 0; i < name.length; i++) {
        const c = name.charCodeAt(i);
        if (c < 128 && allowed[c] === 0) return false;
      }
      return true;
    },
    // The same on a name's UTF-8 bytes: those of characters beyond ASCII are 128 or more.
    bytes: (bytes, start, end) => {
      for (let i = start; i < end; i++) {
        const c = bytes[i]!;
        if (c < 128 && allowed[c] === 0) return false;
      }
      return true;
    },
  };
}

/** The columns a ByteRowReader reads, by the fields of an observation file's header. */
function byteColumns(fields: readonly (string | undefined)[]): ByteColumns {
  const columns = (keep: (field: string | undefined) => boolean) => fields.flatMap((field, column) => (keep(field) ? [column] : []));
  return {
    indicator: fields.indexOf("indicator"),
    period: fields.indexOf("period"),
    value: fields.indexOf("value"),
    locality: fields.indexOf("locality"),
    others: columns((field) => field !== undefined && !DIRECT_FIELDS.has(field)),
    ignored: columns((field) => field === undefined),
  };
}

/** The number of UTF-8 bytes of `text` up to `end` (text decoded from UTF-8, so without lone surrogates). */
function utf8Length(text: string, end: number): number {
  let bytes = end;
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    // Two bytes below U+0800, three above; a surrogate pair, two code units, four.
    bytes += c < 0x800 ? 1 : 2;
    if (c >= 0xd800 && c < 0xdc00) i++;
  }
  return bytes;
}

/** A file split into its header and record rows, with the separator used and what is worth noting about it. */
interface SplitFile {
  readonly header: CsvRow;
  readonly body: readonly CsvRow[];
  readonly layout: Layout;
  readonly separator: CsvSeparator;
  readonly notes: InputNote[];
}

/** Why a file cannot be split into a header and records, and the line it is about. */
interface Unsplit {
  readonly reject: string;
  readonly line?: number;
}

/** The rows of the text split at `separator` that hold something, or the syntax error that stops it. */
function filledRows(text: string, separator: CsvSeparator): CsvRow[] | CsvSyntaxError {
  try {
    return parseCsv(text, { separator }).filter((row) => row.some((cell) => cell.trim() !== ""));
  } catch (error) {
    if (error instanceof CsvSyntaxError) return error;
    throw error;
  }
}

/**
 * Splits the text at the separator its `sep=` line names, else at commas, else at the first of semicolons
 * and tabs under which the header is a valid one: a separator is never chosen for a header it does not make
 * valid, so a file whose header reads under none of them is rejected with the reason the comma split gives.
 */
function splitFile(name: string, text: string): SplitFile | Unsplit {
  const named = SEP_LINE.exec(text)?.[1];
  if (named !== undefined) {
    const line = `sep=${named}`;
    if (!isSeparator(named))
      return { line: lineOfSepLine(text), reject: `the file's first line ${JSON.stringify(line)} says its cells are separated by ${separatorName(named)}: save it as CSV with commas, semicolons or tabs (${EXPECTED})` };
    const rows = filledRows(text, named);
    if (rows instanceof CsvSyntaxError) return syntaxRejection(rows);
    const [sepRow, header, ...body] = rows;
    const skipped: InputNote = { source: { file: name, line: sepRow?.line ?? 1 }, note: `the line ${JSON.stringify(line)} that Excel writes before the header was skipped` + (named === "," ? "" : `; cells are read as separated by ${separatorName(named)}, as it says`) };
    if (!header) return { reject: `the file has no header row: ${EXPECTED}` };
    const layout = readHeader(header, name);
    if (typeof layout === "string")
      return { line: header.line, reject: named === "," ? layout : `the file's first line ${JSON.stringify(line)} says its cells are separated by ${separatorName(named)}, but ${layout}` };
    return { header, body, layout, separator: named, notes: [skipped] };
  }

  const rows = filledRows(text, ",");
  const comma = rows instanceof CsvSyntaxError ? undefined : rows;
  const commaLayout = comma?.[0] ? readHeader(comma[0], name) : undefined;
  if (comma?.[0] && commaLayout !== undefined && typeof commaLayout !== "string") return { header: comma[0], body: comma.slice(1), layout: commaLayout, separator: ",", notes: [] };

  let otherReason: string | undefined;
  for (const separator of OTHER_SEPARATORS) {
    if (!text.includes(separator)) continue;
    const other = filledRows(text, separator);
    const header = other instanceof CsvSyntaxError ? headerBefore(text, separator, other.line) : other[0];
    if (!header) continue;
    const layout = readHeader(header, name);
    if (typeof layout !== "string") {
      // Split at this separator the header is valid, but a quote further on is never closed.
      if (other instanceof CsvSyntaxError) return syntaxRejection(other);
      const note = `the cells are separated by ${separatorName(separator)}, not commas (${separator === ";" ? "as Excel saves CSV under a Vietnamese or European locale" : "as a spreadsheet copies cells, or a .tsv file"}): the file was read with ${separatorName(separator)}`;
      return { header, body: other.slice(1), layout, separator, notes: [{ source: { file: name, line: header.line }, note }] };
    }
    // A header that is one cell at commas but several at this separator: the file was meant to be split there.
    if (otherReason === undefined && comma?.[0]?.length === 1 && header.length > 1) otherReason = `the file seems to separate cells with ${separatorName(separator)}, but ${layout}`;
  }

  if (rows instanceof CsvSyntaxError) return syntaxRejection(rows);
  const header = comma?.[0];
  if (!header) return { reject: `the file has no header row: ${EXPECTED}` };
  return { line: header.line, reject: otherReason ?? (commaLayout as string) };
}

/** The header of text whose quoted cell opened on `line` is never closed: the first filled row of the lines before it. */
function headerBefore(text: string, separator: CsvSeparator, line: number): CsvRow | undefined {
  // One pass to the start of `line`; lines end with CRLF, LF or CR, as parseCsv counts them.
  let at = 0;
  for (let n = 1; n < line && at < text.length; ) {
    const c = text.charCodeAt(at++);
    if (c === 10 || (c === 13 && text.charCodeAt(at) !== 10)) n++;
  }
  const rows = filledRows(text.slice(0, at), separator);
  return rows instanceof CsvSyntaxError ? undefined : rows[0];
}

function syntaxRejection(error: CsvSyntaxError): Unsplit {
  return { line: error.line, reject: `${error.reason}; nothing in the file was read` };
}

const OTHER_SEPARATORS = [";", "\t"] as const;

/** Excel's first line naming the separator, `sep=;`, after a byte order mark and blank lines if any. */
const SEP_LINE = /^\uFEFF?(?:[ \t]*(?:\r\n|\n|\r))*[ ]*sep=([^\r\n])[ ]*(?:\r\n|\n|\r|$)/iu;

function lineOfSepLine(text: string): number {
  const at = text.search(/sep=/i);
  return lineAt(text, Math.max(0, at));
}

function isSeparator(c: string): c is CsvSeparator {
  return c === "," || c === ";" || c === "\t";
}

/** Reads the header row, or says why it is of neither kind. */
function readHeader(header: CsvRow, file: string): Layout | string {
  const folded = header.map(foldHeader);
  const has = (column: string) => folded.includes(column.toLowerCase());
  const isObservation = has("indicator") && has("period") && (has("value") || has("met"));
  const isTaskReport = has("task") && has("status");
  if (isObservation && isTaskReport)
    return "the header has the columns of both observations (indicator, period, value or met) and task reports (task, status): put each kind in its own file";
  if (!isObservation && !isTaskReport) {
    const names = header.map((h) => h.trim()).filter((h) => h !== "");
    return `the header (${cutText(names.join(", "), 200)}) is not that of observations or task reports: ${EXPECTED}`;
  }
  const kind: Kind = isObservation ? "observation" : "taskReport";
  const known: readonly string[] = isObservation ? OBSERVATION_COLUMNS : TASK_REPORT_COLUMNS;
  const notes: InputNote[] = [];
  const fields = folded.map((f, column) => {
    const field = known.find((k) => k.toLowerCase() === f);
    if (field === undefined) {
      const title = header[column]?.trim();
      const note = title ? `column ${quoted(title)} is not one of ${known.join(", ")}; it is ignored` : `column ${column + 1} has no name; it is ignored`;
      notes.push({ source: { file, line: header.line }, note });
    }
    return field;
  });
  const twice = fields.find((f, i) => f !== undefined && fields.indexOf(f) !== i);
  if (twice !== undefined) return `the column ${twice} appears twice in the header`;
  return { kind, fields, notes };
}

function separatorName(separator: string): string {
  return separator === ";" ? "semicolons" : separator === "\t" ? "tabs" : separator === "," ? "commas" : JSON.stringify(separator);
}

/** Each column's name for a reason: the field it holds, or its header as written when it is ignored. */
function columnNames(header: CsvRow, layout: Layout): string[] {
  return header.map((title, i) => layout.fields[i] ?? (title.trim() || `column ${i + 1}`));
}

/** Why a header row is too large to be one, if it is: nothing under it is read then. */
function oversizedHeader(header: CsvRow, limits: InputLimits): string | undefined {
  const tooLarge = oversizedRow(header, header, limits);
  return tooLarge && `the header row is too large: ${tooLarge.reason.replace(/; (the record|it) was not read$/, "")}; nothing in the file was read`;
}

/** Header names compare without case, spaces, underscores, hyphens or a byte order mark (files joined keep theirs). */
function foldHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s_\-\uFEFF]+/g, "");
}

/** The record of a row: its cells trimmed under their fields' names, empty cells and ignored columns left out. */
function recordOf(row: readonly string[], fields: readonly (string | undefined)[]): Record<string, string> {
  const record: Record<string, string> = {};
  fields.forEach((field, i) => {
    const cell = row[i]?.trim();
    if (field !== undefined && cell) record[field] = detached(cell);
  });
  return record;
}

function cellCountReason(cells: number, columns: number, separator: CsvSeparator): string {
  const reason = `the row has ${cells} cells but the header has ${columns}`;
  if (cells < columns) return reason;
  const holding = separator === "," ? "a comma, such as 60,5," : separator === ";" ? "a semicolon" : "a tab";
  return `${reason}; a cell holding ${holding} must be in double quotes`;
}

function rejectFile(file: string, line: number | undefined, reason: string, notes: InputNote[]): ReadInput {
  const rejected: RejectedRecord = { kind: "file", source: { file, ...(line !== undefined ? { line } : {}) }, reason };
  return assembleInput({ observations: [], taskReports: [], rejected: [rejected], notes });
}
