import { foldName, type DefinedPlan } from "../model/define-plan.js";
import type { Indicator } from "../model/entities.js";
import type { AcceptedObservation, Observation, RecordSource } from "../model/records.js";
import { detached } from "./fields.js";

/** No entry: the end of a series' list, a record without a locality, a source without an index. */
const NONE = -1;

/** Values below 2,621.44 have their number looked up in an array (1 MB), larger ones in a map. */
const SMALL_HUNDREDTHS = 1 << 18;

/** Indicator ids to their position in the plan, made once per plan. */
const indicatorPositions = new WeakMap<DefinedPlan, Map<string, number>>();

function positionsOf(plan: DefinedPlan): Map<string, number> {
  let positions = indicatorPositions.get(plan);
  if (!positions) indicatorPositions.set(plan, (positions = new Map(plan.indicators.map((x, i) => [x.id, i]))));
  return positions;
}

/**
 * Accepted observations held as columns rather than one object per record: a national input of a million
 * figures is a few typed arrays, not millions of objects for the garbage collector to trace. Entries are kept
 * in the order they were added and linked per series (one indicator in one place, the place being the locality
 * folded as the duplicate policy folds it, or the city), which is what the scorer walks.
 *
 * Only the fields the scorer reads are columns; a record carrying more (`unit`, `source`, `reportedOn`) is
 * also kept whole, so that {@link ObservationTable.accepted} gives back exactly what was accepted.
 */
export class ObservationTable {
  /** Entries added, removed ones included. */
  count = 0;
  /** Entries removed (a conflict turned them all away). */
  removedCount = 0;
  /** Per entry: the indicator's position in `plan.indicators`. */
  indicator = new Uint16Array(1024);
  period = new Int16Array(1024);
  /** Per entry: 1 met, 0 not met, -1 a value instead. */
  met = new Int8Array(1024);
  /** Per entry: the locality as written (a position in `spellings`), or -1 for the city. */
  spelling = new Int32Array(1024);
  /**
   * Per entry: the entry of its series added before it, or -1. Linked backwards, so that adding an entry writes its
   * own slot only: a forward link wrote the slot of the series' last entry, anywhere in the table for shuffled input.
   */
  previous = new Int32Array(1024);
  /** Per entry: the file (a position in `files`), line and index it was read at, each -1 when absent. */
  file = new Int32Array(1024);
  line = new Int32Array(1024);
  index = new Int32Array(1024);
  removed = new Uint8Array(1024);
  /**
   * Per entry: its value's number among the canonical values of up to two places below 100,000 (hundredthsOf), one
   * number per text, given in the order first added; -1 for any other value, or none. The scorer finds what it
   * decided on a figure by this number, without reading the text.
   */
  valueId = new Int32Array(1024);
  /** Per entry: its series (one indicator in one place). */
  seriesOfEntry = new Int32Array(1024);
  /**
   * Values without a number (valueId -1) by entry: a figure of more than two places or above 100,000. Every other
   * entry's value is its number's text, so a million figures add no column of strings for the garbage collector.
   */
  private readonly otherValues = new Map<number, string>();
  /** Records with fields beyond the columns, kept whole by entry. */
  readonly whole = new Map<number, Observation>();

  /** Localities as written; `placeOfSpelling` gives each one's place. */
  readonly spellings: string[] = [];
  readonly placeOfSpelling: number[] = [];
  /** Places: the city (0, named "") and each locality folded; named as first written. */
  readonly placeNames: string[] = [""];
  /** Per series: its indicator and place. */
  seriesIndicator = new Uint16Array(256);
  seriesPlace = new Int32Array(256);
  seriesCount = 0;

  readonly files: string[] = [];
  readonly indicators: readonly Indicator[];
  private readonly positions: Map<string, number>;
  private readonly spellingIds = new Map<string, number>();
  private readonly placeIds = new Map<string, number>();
  private readonly fileIds = new Map<string, number>();
  /**
   * The canonical values added, by their hundredths (hundredthsOf): each one's number + 1 (0: none yet), in an array
   * for values below SMALL_HUNDREDTHS / 100 (most figures, read without hashing), in a map for larger ones; the text
   * of each by its number.
   */
  private readonly smallValueIds = new Int32Array(SMALL_HUNDREDTHS);
  private readonly valueIds = new Map<number, number>();
  readonly valueTexts: string[] = [];
  /**
   * Per place and indicator position (`at = place * indicators + position`), four numbers side by side, read together
   * for each figure added (one cache line, where four arrays cost four misses on input in no order):
   * `slots[4 * at]` its series + 1 (0: none yet), `+ 1` the series' last entry, `+ 2` the latest period of its
   * entries (removed ones included), `+ 3` the periods of its entries within 31 years before the latest, bit `d` for
   * `latest - d` (so that a figure given again is found without a search, input in any order).
   */
  private slots = new Int32Array(0);
  /** The last locality and file looked up, and their ids (undefined: none yet). */
  private lastSpelling: string | undefined = undefined;
  private lastSpellingId = NONE;
  private lastFile: string | undefined = undefined;
  private lastFileId = NONE;
  /** Indicator ids by position; per position, the one positionOf was asked for after it, and the last asked for. */
  private readonly ids: readonly string[];
  private readonly following: Int32Array;
  private lastPosition = NONE;

  constructor(readonly plan: DefinedPlan) {
    this.positions = positionsOf(plan);
    this.indicators = plan.indicators;
    this.ids = plan.indicators.map((x) => x.id);
    this.following = new Int32Array(plan.indicators.length).fill(NONE);
  }

  /** A table of records already accepted (and already through the duplicate policy). */
  static of(plan: DefinedPlan, observations: readonly AcceptedObservation[]): ObservationTable {
    const table = new ObservationTable(plan);
    for (const o of observations) table.add(o.record, o.source);
    return table;
  }

  /** Entries that are not removed. */
  get size(): number {
    return this.count - this.removedCount;
  }

  /** Adds an accepted record and gives its entry. */
  add(record: Observation, source: RecordSource): number {
    return this.addUnlessFound(record, source, false);
  }

  /**
   * Adds a record unless an entry already gives a figure for its indicator, period and place; gives -1 when
   * added, else that entry (the record is then not added).
   */
  addNew(record: Observation, source: RecordSource): number {
    return this.addUnlessFound(record, source, true);
  }

  /**
   * Adds a figure with a value, given as its fields rather than a record (a CSV row read directly), unless an
   * entry already gives a figure for its indicator, period and place: as {@link ObservationTable.addNew} does
   * with the record `{ indicator, period, value, locality }` read at `{ file, line }`.
   *
   * @param position the indicator's position in `plan.indicators` ({@link ObservationTable.positionOf}).
   */
  addNewValue(position: number, period: number, value: string, locality: string | undefined, file: string, line: number): number {
    const spelling = locality === undefined ? NONE : this.spellingOf(locality);
    return this.insertNumbered(position, period, NONE, valueHundredths(value), value, spelling, this.fileOf(file), line, NONE, undefined, true);
  }

  /**
   * Adds a figure read from a CSV file's bytes ({@link ObservationTable.addNewValue} on its parts): its canonical value
   * given as its hundredths (below 10,000,000), its locality as a spelling (spellingOf, or -1 for the city).
   */
  addNewNumbered(position: number, period: number, hundredths: number, spelling: number, file: string, line: number): number {
    return this.insertNumbered(position, period, NONE, hundredths, undefined, spelling, this.fileOf(file), line, NONE, undefined, true);
  }

  /**
   * The number of the canonical value of `hundredths` (hundredthsOf its text), its text made by `text` only the first
   * time.
   */
  private valueNumberOf(hundredths: number, text: (hundredths: number) => string): number {
    if (hundredths < SMALL_HUNDREDTHS) {
      const known = this.smallValueIds[hundredths]!;
      if (known > 0) return known - 1;
      this.smallValueIds[hundredths] = this.valueTexts.length + 1;
      return this.valueTexts.push(text(hundredths)) - 1;
    }
    let id = this.valueIds.get(hundredths);
    if (id === undefined) {
      id = this.valueTexts.length;
      this.valueTexts.push(text(hundredths));
      this.valueIds.set(hundredths, id);
    }
    return id;
  }

  /**
   * The number of a canonical value (see valueId), or -1. Its text is kept once, and entries share it: a national
   * file holds a million figures of a few thousand values, which kept once each cost the garbage collector far less.
   */
  private valueIdOf(value: string | undefined): number {
    const key = valueHundredths(value);
    return key < 0 ? NONE : this.valueNumberOf(key, () => value!);
  }

  /** The value of an entry, or undefined when it gives `met` instead. */
  valueOf(e: number): string | undefined {
    const id = this.valueId[e]!;
    return id >= 0 ? this.valueTexts[id] : this.otherValues.get(e);
  }

  /** The position of an indicator in `plan.indicators`, or undefined when the plan has no indicator of that id. */
  positionOf(indicator: string): number | undefined {
    // A file lists the indicators in the same order place after place: the one that followed the last one
    // before is compared first, and the map of ids, slower for a string just read, is asked only when it differs.
    const last = this.lastPosition;
    const guess = last === NONE ? NONE : this.following[last]!;
    if (guess !== NONE && this.ids[guess] === indicator) return (this.lastPosition = guess);
    const position = this.positions.get(indicator);
    if (position === undefined) return undefined;
    if (last !== NONE) this.following[last] = position;
    return (this.lastPosition = position);
  }

  private addUnlessFound(record: Observation, source: RecordSource, unique: boolean): number {
    const position = this.positions.get(record.indicator);
    // A bug, not bad input: every caller keeps records of indicators the plan lacks out of the table.
    if (position === undefined) throw new RangeError(`indicator "${record.indicator}" is not in plan ${this.plan.id}`);
    const spelling = record.locality === undefined ? NONE : this.spellingOf(record.locality);
    const met = record.met === undefined ? NONE : record.met ? 1 : 0;
    const file = source.file === undefined ? NONE : this.fileOf(source.file);
    const whole = record.unit !== undefined || record.source !== undefined || record.reportedOn !== undefined ? record : undefined;
    return this.insertNumbered(position, record.period, met, valueHundredths(record.value), record.value, spelling, file, source.line ?? NONE, source.index ?? NONE, whole, unique);
  }

  /**
   * Adds an entry of these columns (unless, when `unique`, one for the same figure is found: see addNew), its value
   * given as its hundredths (hundredthsOf), and as its text when it has none (-1).
   */
  private insertNumbered(
    position: number,
    period: number,
    met: number,
    hundredths: number,
    value: string | undefined,
    spelling: number,
    file: number,
    line: number,
    index: number,
    whole: Observation | undefined,
    unique: boolean,
  ): number {
    const place = spelling === NONE ? 0 : this.placeOfSpelling[spelling]!;
    // Series by place, then indicator, in one array: plain indexing, where one map of all series cost a cache miss per
    // record, and an array per place two.
    const at = 4 * (place * this.indicators.length + position);
    if (at >= this.slots.length) this.growPlaces(place);
    const slots = this.slots;
    const series = slots[at]! - 1;
    if (unique && series >= 0 && period <= slots[at + 2]!) {
      const back = slots[at + 2]! - period;
      if (back > 31 || (slots[at + 3]! & (1 << back)) !== 0)
        for (let e = slots[at + 1]!; e !== NONE; e = this.previous[e]!) if (this.period[e] === period && this.removed[e] === 0) return e;
    }
    if (this.count === this.indicator.length) this.grow();
    const e = this.count++;
    // Numbered only once added: values are numbered in the order their first figure was kept.
    const valueId = hundredths < 0 ? NONE : this.valueNumberOf(hundredths, value === undefined ? textOfHundredths : () => value);
    this.indicator[e] = position;
    this.period[e] = period;
    this.met[e] = met;
    if (valueId < 0 && value !== undefined) this.otherValues.set(e, value);
    this.valueId[e] = valueId;
    this.spelling[e] = spelling;
    this.file[e] = file;
    this.line[e] = line;
    this.index[e] = index;
    if (whole !== undefined) this.whole.set(e, whole);
    if (series < 0) {
      if (this.seriesCount === this.seriesPlace.length) this.growSeries();
      const s = this.seriesCount++;
      this.seriesIndicator[s] = position;
      this.seriesPlace[s] = place;
      this.previous[e] = NONE;
      slots[at] = s + 1;
      this.seriesOfEntry[e] = s;
      slots[at + 1] = e;
      slots[at + 2] = period;
      slots[at + 3] = 1;
    } else {
      this.seriesOfEntry[e] = series;
      this.previous[e] = slots[at + 1]!;
      slots[at + 1] = e;
      const latest = slots[at + 2]!;
      if (period > latest) {
        const ahead = period - latest;
        slots[at + 3] = (ahead > 31 ? 0 : slots[at + 3]! << ahead) | 1;
        slots[at + 2] = period;
      } else if (latest - period <= 31) slots[at + 3]! |= 1 << (latest - period);
    }
    return unique ? NONE : e;
  }

  /**
   * Every entry (removed ones included) by series, each series' in the order added, with its period: series `s`
   * holds `entries[start[s]]` to `entries[start[s + 1] - 1]`. Two passes in entry order: walking each series' list
   * instead jumps across the whole table at every step when the input came in another order than by series.
   */
  bySeries(): { start: Int32Array; entries: Int32Array; periods: Int16Array } {
    const start = new Int32Array(this.seriesCount + 1);
    // An entry's series is its place's and indicator's: replace() keeps both.
    const seriesOf = this.seriesOfEntry;
    for (let e = 0; e < this.count; e++) {
      const s = seriesOf[e]!;
      start[s + 1] = start[s + 1]! + 1;
    }
    for (let s = 0; s < this.seriesCount; s++) start[s + 1] = start[s + 1]! + start[s]!;
    const next = start.slice(0, this.seriesCount);
    const entries = new Int32Array(this.count);
    const periods = new Int16Array(this.count);
    for (let e = 0; e < this.count; e++) {
      const k = next[seriesOf[e]!]!;
      next[seriesOf[e]!] = k + 1;
      entries[k] = e;
      periods[k] = this.period[e]!;
    }
    return { start, entries, periods };
  }

  /** The accepted record of an entry, as it was given. */
  accepted(e: number): AcceptedObservation {
    return { record: this.record(e), source: this.source(e) };
  }

  record(e: number): Observation {
    const whole = this.whole.get(e);
    if (whole) return whole;
    const record: Observation = { indicator: this.indicators[this.indicator[e]!]!.id, period: this.period[e]! };
    const met = this.met[e]!;
    if (met === NONE) record.value = this.valueOf(e)!;
    else record.met = met === 1;
    const spelling = this.spelling[e]!;
    if (spelling !== NONE) record.locality = this.spellings[spelling]!;
    return record;
  }

  source(e: number): RecordSource {
    const source: { file?: string; line?: number; index?: number } = {};
    if (this.file[e] !== NONE) source.file = this.files[this.file[e]!]!;
    if (this.line[e] !== NONE) source.line = this.line[e]!;
    if (this.index[e] !== NONE) source.index = this.index[e]!;
    return source;
  }

  /** The locality of an entry as written, or undefined for the city. */
  locality(e: number): string | undefined {
    const spelling = this.spelling[e]!;
    return spelling === NONE ? undefined : this.spellings[spelling];
  }

  /** Puts another accepted record for the same figure in an entry's place (the one the duplicate policy kept). */
  replace(e: number, accepted: AcceptedObservation): void {
    const { record, source } = accepted;
    this.whole.delete(e);
    if (record.unit !== undefined || record.source !== undefined || record.reportedOn !== undefined) this.whole.set(e, record);
    const valueId = this.valueIdOf(record.value);
    if (valueId < 0 && record.value !== undefined) this.otherValues.set(e, record.value);
    else this.otherValues.delete(e);
    this.valueId[e] = valueId;
    this.met[e] = record.met === undefined ? NONE : record.met ? 1 : 0;
    this.spelling[e] = record.locality === undefined ? NONE : this.spellingOf(record.locality);
    this.setSource(e, source);
  }

  /** Takes an entry out (its figure is in conflict). */
  remove(e: number): void {
    if (this.removed[e] === 1) return;
    this.removed[e] = 1;
    this.removedCount += 1;
  }

  /** Compares two entries by source: file name, then line, then index, as `compareSources` does. */
  compareSources(a: number, b: number): number {
    const fa = this.file[a] === NONE ? "" : this.files[this.file[a]!]!;
    const fb = this.file[b] === NONE ? "" : this.files[this.file[b]!]!;
    if (fa !== fb) return fa < fb ? -1 : 1;
    const byLine = Math.max(0, this.line[a]!) - Math.max(0, this.line[b]!);
    return byLine !== 0 ? byLine : this.index[a]! - this.index[b]!;
  }

  /** The entries that are not removed, in source order (entries at the same place in the order added). */
  inSourceOrder(): Int32Array {
    const order = new Int32Array(this.size);
    let n = 0;
    let sorted = true;
    for (let e = 0; e < this.count; e++) {
      if (this.removed[e] === 1) continue;
      if (n > 0 && sorted && this.compareSources(order[n - 1]!, e) > 0) sorted = false;
      order[n++] = e;
    }
    // Records read in order are already sorted; a stable sort only when they are not.
    if (!sorted) return Int32Array.from([...order].sort((a, b) => this.compareSources(a, b) || a - b));
    return order;
  }

  private setSource(e: number, source: RecordSource): void {
    this.file[e] = source.file === undefined ? NONE : this.fileOf(source.file);
    this.line[e] = source.line ?? NONE;
    this.index[e] = source.index ?? NONE;
  }

  spellingOf(locality: string): number {
    // Rows come grouped by locality more often than not: the last one is looked for first.
    if (locality === this.lastSpelling) return this.lastSpellingId;
    let id = this.spellingIds.get(locality);
    if (id === undefined) {
      locality = detached(locality);
      id = this.spellings.length;
      this.spellings.push(locality);
      this.spellingIds.set(locality, id);
      const folded = foldName(locality);
      let place = this.placeIds.get(folded);
      if (place === undefined) {
        place = this.placeNames.length;
        this.placeNames.push(locality);
        this.placeIds.set(folded, place);
      }
      this.placeOfSpelling.push(place);
    }
    this.lastSpelling = locality;
    this.lastSpellingId = id;
    return id;
  }

  private fileOf(file: string): number {
    if (file === this.lastFile) return this.lastFileId;
    let id = this.fileIds.get(file);
    if (id === undefined) {
      id = this.files.length;
      this.files.push(file);
      this.fileIds.set(file, id);
    }
    this.lastFile = file;
    this.lastFileId = id;
    return id;
  }

  private grow(): void {
    const size = this.indicator.length * 2;
    this.indicator = grown(this.indicator, Uint16Array, size);
    this.period = grown(this.period, Int16Array, size);
    this.met = grown(this.met, Int8Array, size);
    this.spelling = grown(this.spelling, Int32Array, size);
    this.previous = grown(this.previous, Int32Array, size);
    this.file = grown(this.file, Int32Array, size);
    this.line = grown(this.line, Int32Array, size);
    this.index = grown(this.index, Int32Array, size);
    this.removed = grown(this.removed, Uint8Array, size);
    this.valueId = grown(this.valueId, Int32Array, size);
    this.seriesOfEntry = grown(this.seriesOfEntry, Int32Array, size);
  }

  /** Makes room in slots for a place and more. */
  private growPlaces(place: number): void {
    const bigger = new Int32Array(Math.max(2 * this.slots.length, 4 * (place + 1) * this.indicators.length));
    bigger.set(this.slots);
    this.slots = bigger;
  }

  private growSeries(): void {
    const size = this.seriesPlace.length * 2;
    this.seriesIndicator = grown(this.seriesIndicator, Uint16Array, size);
    this.seriesPlace = grown(this.seriesPlace, Int32Array, size);
  }
}

/** Accepted observations as a table, with its entries in source order. */
export interface TableInput {
  readonly table: ObservationTable;
  readonly order: Int32Array;
}

/** A table with its entries in the order added: records already in source order. */
export function inOrderAdded(table: ObservationTable): TableInput {
  return { table, order: Int32Array.from({ length: table.count }, (_, i) => i) };
}

/** The tables behind inputs read by an accumulator, so that the scorer reads the columns, not the records. */
const tables = new WeakMap<object, TableInput>();

/**
 * The table an input's observations were read into, while its `observations` have not been made into records
 * (once they have, an app may have changed them, and they are read instead).
 */
export function tableOfInput(input: object): TableInput | undefined {
  const found = tables.get(input);
  return found && Object.getOwnPropertyDescriptor(input, "observations")?.get ? found : undefined;
}

/** Links an input to the table its observations are in. */
export function rememberTable(input: object, table: ObservationTable, order: Int32Array): void {
  tables.set(input, { table, order });
}

/** The hundredths of a value (hundredthsOf), -1 for none. */
function valueHundredths(value: string | undefined): number {
  return value === undefined ? NONE : hundredthsOf(value);
}

/** The canonical text of a number of hundredths (`6050` is `60.5`): the text hundredthsOf reads it from. */
export function textOfHundredths(hundredths: number): string {
  const whole = Math.floor(hundredths / 100);
  const cents = hundredths - 100 * whole;
  if (cents === 0) return String(whole);
  return cents % 10 === 0 ? `${whole}.${cents / 10}` : `${whole}.${cents < 10 ? "0" : ""}${cents}`;
}

/**
 * A canonical figure of up to two places below 100,000 (`0`, `60`, `60.5`, `99999.99`) as its number of hundredths,
 * one number per text; -1 for any other text.
 */
export function hundredthsOf(value: string): number {
  const n = value.length;
  let i = 0;
  let units = 0;
  for (; i < n && i < 6; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) break;
    units = units * 10 + digit;
  }
  const whole = i;
  if (whole === 0 || whole > 5 || (whole > 1 && value.charCodeAt(0) === 48)) return -1;
  if (i === n) return units * 100;
  const places = n - i - 1;
  if (value.charCodeAt(i) !== 46 || places < 1 || places > 2 || value.charCodeAt(n - 1) === 48) return -1;
  for (i++; i < n; i++) {
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    units = units * 10 + digit;
  }
  return places === 1 ? units * 10 : units;
}

type Column = Uint16Array | Int16Array | Int8Array | Int32Array | Uint8Array;

/** A column copied into a new one of `size` entries. */
function grown<T extends Column>(column: T, make: new (n: number) => T, size: number): T {
  const bigger = new make(size);
  bigger.set(column);
  return bigger;
}
