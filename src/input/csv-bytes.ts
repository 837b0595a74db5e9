import type { NumberedObservationAdder } from "./accumulate.js";
import type { CsvSeparator } from "./csv.js";
import { isVisibleName } from "./fields.js";

const LF = 10;
const CR = 13;
const QUOTE = 34;
/** No locality: the city. */
const NONE = -1;
/** Rows longer than this are left to the text reader, which passes over rows too long to hold. */
const LONG_ROW = 1 << 16;
/** From row(): the row is one the text reader must read, and every row after it. */
const TO_TEXT = -2;

/** The columns of an observation file's header that rows read from bytes use. */
export interface ByteColumns {
  readonly indicator: number;
  readonly period: number;
  readonly value: number;
  /** -1 when the file has no locality column. */
  readonly locality: number;
  /** Columns of fields the byte reader does not read (met, unit, source, reportedOn): a row with any of them filled is left to the text reader. */
  readonly others: readonly number[];
  /** Columns the header names nothing the library reads: ignored, whatever they hold. */
  readonly ignored: readonly number[];
}

/** Where the byte reader sends what it does not read itself. */
export interface ByteRowsSink {
  /** Text to be read as the text reader reads it, starting a row on `line`: a row it left, or the rest of the file. */
  text(text: string, line: number): void;
  /** A row read as a figure. */
  taken(): void;
  /** Characters U+FFFD (bytes that were not UTF-8) in a row read here, on `line`. */
  replacements(count: number, line: number): void;
}

/** What the byte reader knows of a locality cell as written (its bytes, spaces around them cut). */
interface Locality {
  /** -1: the cell is empty once trimmed as `String.prototype.trim` does (the city), or the name is not visible. */
  readonly spelling: number;
  /** False for a name of invisible characters alone (isVisibleName): its rows are left to the text reader. */
  readonly visible: boolean;
  /** Its characters U+FFFD. */
  readonly replacements: number;
}

/**
 * Reads the rows of an observation CSV file from its bytes (UTF-8), as the text reader (CsvChunkReader, then the
 * direct path of readCsvStream) reads the same rows once decoded, for the commonest rows: one line, cells
 * unquoted or quoted whole, of the header's width, a known numeric indicator, a year, a plain figure of up to two
 * places (a dot or a decimal comma), the other fields read empty. Such a row becomes a figure without its text ever
 * being made: no decoding, no cells, no strings but a locality's first time. Every other row is decoded and given
 * to the text reader at its line, and from a row the text reader must read in context (a quoted cell holding a
 * quote or a line break, a CR alone, a row too long), so is the rest of the file. The result is the same either way;
 * a test holds the two to that.
 */
export class ByteRowReader {
  private line: number;
  private readonly separator: number;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  /** The unfinished row's bytes, carried to the next chunk. */
  private carry = new Uint8Array(1024);
  private carried = 0;
  /** Set once the rest of the file goes to the text reader: decodes it as it comes. */
  private decoder: TextDecoder | undefined;
  /** Decodes a row left to the text reader (a row ends at a line break, which ends any UTF-8 sequence). */
  private readonly rowDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
  private readonly ids: IdTable;
  private readonly localities: LocalityTable;
  /** The value cells written with a decimal comma, by hundredths × 3 + places given. */
  private readonly commaCells = new Map<number, string>();
  private readonly measures: NumberedObservationAdder["measures"];

  constructor(
    separator: CsvSeparator,
    private readonly width: number,
    private readonly columns: ByteColumns,
    private readonly adder: NumberedObservationAdder,
    private readonly sink: ByteRowsSink,
    private readonly file: string,
    /** Whether a first cell of these bytes may be a header's, which the text reader rejects as the header repeated. */
    private readonly mayRepeatHeader: (bytes: Uint8Array, start: number, end: number) => boolean,
    /** Rows of more bytes than this are left to the text reader, which measures them against the limits. */
    private readonly maxRowBytes: number,
    /** The line the first row pushed starts on. */
    line: number,
  ) {
    this.line = line;
    this.separator = separator.charCodeAt(0);
    this.starts = new Int32Array(width + 1);
    this.ends = new Int32Array(width + 1);
    this.ids = new IdTable(adder.ids);
    this.localities = new LocalityTable(adder);
    this.measures = adder.measures;
  }

  /** Reads the rows a chunk completes. */
  push(given: Uint8Array): void {
    if (this.decoder !== undefined) return this.toText(given);
    // A plain view of the bytes: every function then sees one kind of array (Node's chunks are Buffers, the carry is
    // not), and is compiled once for it, where two kinds cost a recompilation of each.
    const chunk = given.constructor === Uint8Array ? given : new Uint8Array(given.buffer, given.byteOffset, given.length);
    let from = 0;
    if (this.carried > 0) {
      const lf = chunk.indexOf(LF);
      if (lf < 0) {
        this.keep(chunk, 0);
        if (this.carried > LONG_ROW) this.carryToText();
        return;
      }
      this.keep(chunk.subarray(0, lf + 1), 0);
      const carry = this.carry;
      const n = this.carried;
      this.carried = 0;
      const stop = this.rows(carry, 0, n);
      if (stop < n) {
        this.startText(carry.subarray(stop, n));
        return this.toText(chunk.subarray(lf + 1));
      }
      from = lf + 1;
    }
    const last = chunk.lastIndexOf(LF);
    if (last >= from) {
      const stop = this.rows(chunk, from, last + 1);
      if (stop <= last) return this.startText(chunk.subarray(stop));
      from = last + 1;
    }
    if (from < chunk.length) {
      this.keep(chunk, from);
      if (this.carried > LONG_ROW) this.carryToText();
    }
  }

  /** Reads the last row, ended by the end of the file; what goes to the text reader is all given to it. */
  end(): void {
    if (this.decoder === undefined && this.carried > 0) {
      const carry = this.carry.subarray(0, this.carried);
      this.carried = 0;
      // The last row has no line break: one ending with a CR (the text reader's line break too) is its to read.
      if (carry[carry.length - 1] === CR || this.row(carry, 0, carry.length) === TO_TEXT) this.startText(carry);
    }
    if (this.decoder !== undefined) {
      // A character cut short by the end of the file, in the text the text reader is reading: it goes on with it.
      const rest = this.decoder.decode();
      if (rest !== "") this.sink.text(rest, -1);
    }
  }

  /** Reads the rows of `bytes` from `from` to `end` (just after a LF): the index of the row the text reader must read from, or `end`. */
  private rows(bytes: Uint8Array, from: number, end: number): number {
    let s = from;
    while (s < end) {
      const lf = bytes.indexOf(LF, s);
      if (this.row(bytes, s, lf) === TO_TEXT) return s;
      s = lf + 1;
    }
    return end;
  }

  /** Reads one row, from `s` to its LF at `lf` (or the end of the file): TO_TEXT, or 0 when it was read or given to the text reader. */
  private row(bytes: Uint8Array, s: number, lf: number): number {
    const end = lf > s && bytes[lf - 1] === CR ? lf - 1 : lf;
    const count = this.cells(bytes, s, end);
    if (count < 0) return TO_TEXT;
    if (count !== this.width || end - s > this.maxRowBytes || !this.figure(bytes)) this.leave(bytes, s, lf);
    this.line++;
    return 0;
  }

  /**
   * Reads the row as a figure when it is one the text reader's direct path reads, as it would: true when read;
   * false, having done nothing, for any other.
   */
  private figure(bytes: Uint8Array): boolean {
    const { starts, ends, columns } = this;
    if (this.mayRepeatHeader(bytes, starts[0]!, ends[0]!)) return false;
    for (const k of columns.others) if (trimStart(bytes, starts[k]!, ends[k]!) < ends[k]!) return false;
    // Bytes beyond ASCII are read only in the locality, whose U+FFFD are counted once: elsewhere the row is decoded.
    for (const k of columns.ignored) for (let i = starts[k]!; i < ends[k]!; i++) if (bytes[i]! >= 0x80) return false;
    let a = trimStart(bytes, starts[columns.indicator]!, ends[columns.indicator]!);
    let z = trimEnd(bytes, a, ends[columns.indicator]!);
    const position = this.ids.find(bytes, a, z);
    if (position < 0) return false;
    const measure = this.measures[position];
    if (measure === undefined || measure === "qualitative") return false;
    a = trimStart(bytes, starts[columns.period]!, ends[columns.period]!);
    z = trimEnd(bytes, a, ends[columns.period]!);
    const year = z - a === 4 ? digits(bytes, a, z) : -1;
    if (year < 1900 || year > 2200) return false;
    a = trimStart(bytes, starts[columns.value]!, ends[columns.value]!);
    z = trimEnd(bytes, a, ends[columns.value]!);
    const hundredths = figureHundredths(bytes, a, z, measure);
    if (hundredths < 0) return false;
    let locality: Locality | undefined;
    if (columns.locality >= 0) {
      const la = trimStart(bytes, starts[columns.locality]!, ends[columns.locality]!);
      const lz = trimEnd(bytes, la, ends[columns.locality]!);
      if (la < lz) {
        locality = this.localities.find(bytes, la, lz);
        if (!locality.visible) return false;
      }
    }
    // A mark before the last one or two digits, within the cell: a comma there is noted.
    const comma = z - 2 > a && bytes[z - 2] === 0x2c ? 1 : z - 3 > a && bytes[z - 3] === 0x2c ? 2 : 0;
    const given = comma > 0 ? this.commaCell(bytes, a, z, 3 * hundredths + comma) : undefined;
    this.adder.add(position, year, hundredths, given, locality?.spelling ?? NONE, this.file, this.line);
    this.sink.taken();
    if (locality !== undefined && locality.replacements > 0) this.sink.replacements(locality.replacements, this.line);
    return true;
  }

  /**
   * Cuts the row from `s` to `end` into cells, as the text reader's splitter cuts a row on one line whose quotes only
   * enclose whole cells (a quote inside a cell that does not open with one is kept as written): their count, more
   * than the width when there are more, or -1 for a row that reader must read in context (a quoted cell holding a
   * quote, or not closed on this line; a CR).
   */
  private cells(bytes: Uint8Array, s: number, end: number): number {
    const sep = this.separator;
    const { starts, ends } = this;
    const max = this.width + 1;
    let count = 0;
    let i = s;
    for (;;) {
      let stop: number;
      if (i < end && bytes[i] === QUOTE) {
        let close = i + 1;
        while (close < end && bytes[close] !== QUOTE) if (bytes[close++] === CR) return -1;
        if (close >= end) return -1;
        stop = close + 1;
        if (stop !== end && bytes[stop] !== sep) return -1;
        if (count < max) {
          starts[count] = i + 1;
          ends[count] = close;
        }
      } else {
        stop = i;
        for (let c: number; stop < end && (c = bytes[stop]!) !== sep; stop++) if (c === CR) return -1;
        if (count < max) {
          starts[count] = i;
          ends[count] = stop;
        }
      }
      count++;
      if (stop >= end) return count;
      i = stop + 1;
    }
  }

  /** The value's cell as written with a decimal comma, made once per form. */
  private commaCell(bytes: Uint8Array, a: number, z: number, key: number): string {
    let cell = this.commaCells.get(key);
    if (cell === undefined) {
      cell = String.fromCharCode(...bytes.subarray(a, z));
      this.commaCells.set(key, cell);
    }
    return cell;
  }

  /** Gives a row (from `s` to its LF at `lf`, or the end of the file) to the text reader, decoded. */
  private leave(bytes: Uint8Array, s: number, lf: number): void {
    this.sink.text(this.rowDecoder.decode(bytes.subarray(s, lf < bytes.length ? lf + 1 : lf)), this.line);
  }

  /** Gives the rest of the file, from these bytes on (a row's start), to the text reader. */
  private startText(bytes: Uint8Array): void {
    this.decoder = new TextDecoder("utf-8", { ignoreBOM: true });
    this.toText(bytes, true);
  }

  private carryToText(): void {
    const carry = this.carry.subarray(0, this.carried);
    this.carried = 0;
    this.startText(carry);
  }

  private toText(bytes: Uint8Array, first = false): void {
    const text = this.decoder!.decode(bytes, { stream: true });
    // The line matters only to the first text given: the text reader counts lines on from there.
    if (text !== "" || first) this.sink.text(text, first ? this.line : -1);
  }

  /** Appends `chunk` from `from` to the unfinished row. */
  private keep(chunk: Uint8Array, from: number): void {
    const n = chunk.length - from;
    if (this.carried + n > this.carry.length) {
      const bigger = new Uint8Array(Math.max(2 * this.carry.length, this.carried + n));
      bigger.set(this.carry.subarray(0, this.carried));
      this.carry = bigger;
    }
    this.carry.set(chunk.subarray(from), this.carried);
    this.carried += n;
  }
}

/** Whether a byte is one of the ASCII characters `String.prototype.trim` removes (tab, LF, VT, FF, CR, space). */
const isAsciiSpace = (c: number) => c === 32 || (c >= 9 && c <= 13);

function trimStart(bytes: Uint8Array, a: number, z: number): number {
  while (a < z && isAsciiSpace(bytes[a]!)) a++;
  return a;
}

function trimEnd(bytes: Uint8Array, a: number, z: number): number {
  while (z > a && isAsciiSpace(bytes[z - 1]!)) z--;
  return z;
}

/** The number the ASCII digits from `a` to `z` make, or -1 when one is not a digit. */
function digits(bytes: Uint8Array, a: number, z: number): number {
  let n = 0;
  for (let i = a; i < z; i++) {
    const d = bytes[i]! - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * The hundredths of a value cell (trimmed) that plainFigure reads with nothing to note but a decimal comma, for an
 * indicator of this numeric measure: `0` or digits not starting with 0, at most five, then a dot or a comma and one
 * or two digits if any, within the measure's range. -1 for any other cell, which the text reader then reads (a
 * minus sign, more places or digits, a count that may be thousands are all its).
 */
export function figureHundredths(bytes: Uint8Array, a: number, z: number, measure: string): number {
  if (a >= z) return -1;
  let i = a;
  let whole = 0;
  let c = bytes[i]!;
  if (c === 48) i++;
  else
    for (; i < z && (c = bytes[i]!) >= 48 && c <= 57; i++) {
      if (i - a === 5) return -1;
      whole = whole * 10 + (c - 48);
    }
  if (i === a) return -1;
  const wholeDigits = i - a;
  let hundredths = whole * 100;
  if (i < z) {
    const mark = bytes[i]!;
    const places = z - i - 1;
    if ((mark !== 46 && mark !== 44) || places < 1 || places > 2) return -1;
    const d1 = bytes[i + 1]! - 48;
    const d2 = places === 2 ? bytes[i + 2]! - 48 : 0;
    if (d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return -1;
    hundredths += 10 * d1 + d2;
  }
  const cents = hundredths % 100;
  // The ranges isCanonicalFigure holds the figure to, as plainFigure gives it (trailing zeros dropped).
  if (measure === "percent" && (wholeDigits > 3 || whole > 100 || (whole === 100 && cents > 0))) return -1;
  if (measure === "rank" && whole === 0) return -1;
  return hundredths;
}

/** FNV-1a of bytes, as a 32-bit signed integer (which V8 keeps unboxed, in arrays too). */
function hashOf(bytes: Uint8Array, a: number, z: number): number {
  let h = 0x811c9dc5 | 0;
  for (let i = a; i < z; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}

/** Indicator ids by their bytes (ASCII): a position, or -1. */
class IdTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(private readonly ids: readonly string[]) {
    let size = 64;
    while (size < 4 * ids.length) size *= 2;
    this.slots = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    const bytes = new Uint8Array(256);
    ids.forEach((id, position) => {
      // An id beyond ASCII is never found here: its rows take the text reader, as an unknown id does.
      if (id.length > bytes.length || [...id].some((ch) => ch.charCodeAt(0) >= 0x80 || ch.length > 1)) return;
      for (let i = 0; i < id.length; i++) bytes[i] = id.charCodeAt(i);
      let k = hashOf(bytes, 0, id.length) & this.mask;
      while (this.slots[k] !== -1) k = (k + 1) & this.mask;
      this.slots[k] = position;
    });
  }

  find(bytes: Uint8Array, a: number, z: number): number {
    for (let k = hashOf(bytes, a, z) & this.mask; ; k = (k + 1) & this.mask) {
      const position = this.slots[k]!;
      if (position < 0) return -1;
      if (sameAscii(this.ids[position]!, bytes, a, z)) return position;
    }
  }
}

function sameAscii(id: string, bytes: Uint8Array, a: number, z: number): boolean {
  if (id.length !== z - a) return false;
  for (let i = 0; i < id.length; i++) if (id.charCodeAt(i) !== bytes[a + i]) return false;
  return true;
}

/** Locality cells by their bytes: each decoded once, the first time it is read. */
class LocalityTable {
  private slots = new Int32Array(1024).fill(-1);
  private readonly hashes: number[] = [];
  private readonly starts: number[] = [];
  private readonly lengths: number[] = [];
  private readonly entries: Locality[] = [];
  private pool = new Uint8Array(1 << 14);
  private used = 0;
  private readonly decoder = new TextDecoder("utf-8", { ignoreBOM: true });

  constructor(private readonly adder: NumberedObservationAdder) {}

  find(bytes: Uint8Array, a: number, z: number): Locality {
    const h = hashOf(bytes, a, z);
    const mask = this.slots.length - 1;
    let k = h & mask;
    for (let e: number; (e = this.slots[k]!) !== -1; k = (k + 1) & mask) if (this.hashes[e] === h && this.same(e, bytes, a, z)) return this.entries[e]!;
    const text = this.decoder.decode(bytes.subarray(a, z));
    const name = text.trim();
    const visible = name === "" || isVisibleName(name);
    const entry: Locality = { spelling: name === "" || !visible ? NONE : this.adder.spelling(name), visible, replacements: countReplacements(text) };
    const e = this.entries.push(entry) - 1;
    this.hashes.push(h);
    this.starts.push(this.used);
    this.lengths.push(z - a);
    if (this.used + (z - a) > this.pool.length) {
      const bigger = new Uint8Array(Math.max(2 * this.pool.length, this.used + (z - a)));
      bigger.set(this.pool.subarray(0, this.used));
      this.pool = bigger;
    }
    this.pool.set(bytes.subarray(a, z), this.used);
    this.used += z - a;
    this.slots[k] = e;
    if (2 * this.entries.length > this.slots.length) this.rehash();
    return entry;
  }

  private same(e: number, bytes: Uint8Array, a: number, z: number): boolean {
    const n = this.lengths[e]!;
    if (n !== z - a) return false;
    const pool = this.pool;
    const start = this.starts[e]!;
    for (let i = 0; i < n; i++) if (pool[start + i] !== bytes[a + i]) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length).fill(-1);
    const mask = slots.length - 1;
    this.hashes.forEach((h, e) => {
      let k = h & mask;
      while (slots[k] !== -1) k = (k + 1) & mask;
      slots[k] = e;
    });
    this.slots = slots;
  }
}

function countReplacements(text: string): number {
  let count = 0;
  for (let at = text.indexOf("\uFFFD"); at !== -1; at = text.indexOf("\uFFFD", at + 1)) count++;
  return count;
}
