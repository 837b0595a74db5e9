import { foldName, type DefinedPlan } from "../model/define-plan.js";
import type { Indicator } from "../model/entities.js";
import type { RecordSource } from "../model/records.js";
import { inOrderAdded, ObservationTable, type TableInput } from "./observation-table.js";

/** An observation as the scorer reads it, when an app's records are given as objects rather than read into a table. */
export interface ObservationFact {
  readonly indicator: string;
  readonly period: number;
  readonly value?: string;
  readonly met?: boolean;
  readonly locality?: string;
}

/** The accepted observations: records, or the table an accumulator read them into. */
export type AcceptedFigures = readonly ObservationFact[] | TableInput;

/**
 * The accepted observations as the scorer reads them, by entry: this is all of the input layer the scorer sees, so
 * that the table's columns may change without it.
 */
export interface Figures {
  /** The plan's indicators, by the positions `indicatorOf` gives. */
  readonly indicators: readonly Indicator[];
  /** The entries in source order. */
  readonly order: Int32Array;
  /** The position of an entry's indicator in `indicators`. */
  indicatorOf(e: number): number;
  periodOf(e: number): number;
  /** 1 met, 0 not met, -1 a value instead. */
  metOf(e: number): number;
  valueOf(e: number): string | undefined;
  /** The number of an entry's value, one per text (up to the table's count of canonical values), or -1 when it has none. */
  valueIdOf(e: number): number;
  /** The figure as a row shows it: the value, or `đạt/met`, `không đạt/not met`. */
  figureText(e: number): string;
  /** The entry's locality, named as every row names that place; undefined for the whole city. */
  placeOf(e: number): string | undefined;
  sourceOf(e: number): RecordSource;
  /** The figures by indicator and place, sorted by year, with the entries of `setAside` listed apart. */
  series(setAside?: ReadonlyMap<number, unknown>): SeriesIndex;
}

/**
 * Each indicator's series, a place each, their figures copied out in the order the scorer reads them (indicator by
 * indicator, place by place): a national table's columns are in input order, and reading them through the entries
 * cost a cache miss for each figure. Figures set aside (as invalid) are not in the slots; each series lists them apart.
 */
export interface SeriesIndex {
  /** Per indicator position: its series with at least one entry, by place name in code-unit order, the city first. */
  readonly byIndicator: readonly (readonly number[])[];
  /**
   * Per indicator position: where the slots of each series of `byIndicator` begin, then where the last ends (the
   * `begin` and `end` of its series, in list order): read in order where `begin[s]` is a cache miss per series.
   */
  readonly bounds: readonly Int32Array[];
  /**
   * Per indicator position: the place of each series of `byIndicator`, in list order (0 the city; named by
   * `placeName`): read in order where the place of each series apart is a cache miss apiece.
   */
  readonly places: readonly Int32Array[];
  /** The name of a place of `places` (undefined for the city). */
  placeName(place: number): string | undefined;
  /** Per indicator position: its city series (with at least one entry, kept or set aside), or -1. */
  readonly citySeries: Int32Array;
  /** Series `s` holds slots `begin[s]` up to (not including) `end[s]`, sorted by year. */
  readonly begin: Int32Array;
  readonly end: Int32Array;
  /** Per slot: the year of its entry, its `met` (-1 for a value) and its entry. */
  readonly period: Int16Array;
  readonly met: Int8Array;
  readonly entry: Int32Array;
  /** The value of a slot (by the value number copied into the slot, the text kept once in the table). */
  valueAt(k: number): string | undefined;
  /** Per series: the entries set aside, sorted by year (none for most). */
  readonly setAside: ReadonlyMap<number, readonly number[]>;
  /** The place of a series (undefined for the city, and for -1, no series). */
  placeOf(s: number): string | undefined;
}

const tablesOfFacts = new WeakMap<readonly ObservationFact[], TableInput>();

/** The observations as a table: the accumulator's own, or one made once from records given as objects. */
function tableOf(observations: AcceptedFigures, plan: DefinedPlan): TableInput {
  if (!Array.isArray(observations)) return observations as TableInput;
  const facts = observations as readonly ObservationFact[];
  let found = tablesOfFacts.get(facts);
  if (!found) {
    const table = new ObservationTable(plan);
    const known = new Set(plan.indicators.map((x) => x.id));
    for (const o of facts) if (known.has(o.indicator)) table.add(o, {});
    tablesOfFacts.set(facts, (found = inOrderAdded(table)));
  }
  return found;
}

/** Byte order of code units, the empty name (the city) first. */
const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The accepted observations as the scorer reads them. `localityNames` gives each place's name by its folded spelling
 * (default: as its first record by source writes it).
 */
export function figuresOf(observations: AcceptedFigures, plan: DefinedPlan, localityNames?: ReadonlyMap<string, string>): Figures {
  const { table, order } = tableOf(observations, plan);
  const nameOf = (spelling: string) => localityNames?.get(foldName(spelling)) ?? spelling;
  // Each spelling's place name, looked up once: an entry names its place as every other row does.
  const named = table.spellings.map(nameOf);
  const series = (setAside?: ReadonlyMap<number, unknown>) => seriesIndex(table, order, nameOf, setAside);
  return {
    indicators: table.indicators,
    order,
    indicatorOf: (e) => table.indicator[e]!,
    periodOf: (e) => table.period[e]!,
    metOf: (e) => table.met[e]!,
    valueOf: (e) => table.valueOf(e),
    valueIdOf: (e) => table.valueId[e]!,
    figureText: (e) => table.valueOf(e) ?? (table.met[e] === 1 ? "đạt/met" : "không đạt/not met"),
    placeOf(e) {
      const spelling = table.spelling[e]!;
      return spelling < 0 ? undefined : named[spelling];
    },
    sourceOf: (e) => table.source(e),
    series,
  };
}

function seriesIndex(table: ObservationTable, order: Int32Array, nameOf: (spelling: string) => string, aside: ReadonlyMap<number, unknown> | undefined): SeriesIndex {
  // The entries set aside as a flag per entry: looked up for every entry, a byte is cheaper than a map.
  let asideFlags: Uint8Array | undefined;
  if (aside !== undefined && aside.size > 0) {
    // By entry number, removed entries included: `count`, not `size`.
    asideFlags = new Uint8Array(table.count);
    for (const e of aside.keys()) asideFlags[e] = 1;
  }
  // The table is read in entry order only (twice): on an input in no order, reading it series by series was a cache
  // miss per figure and column. First each series' figures kept are counted, and those set aside listed.
  const seriesOf = table.seriesOfEntry;
  const kept = new Int32Array(table.seriesCount);
  const setAside = new Map<number, number[]>();
  for (let e = 0; e < table.count; e++) {
    if (table.removed[e] === 1) continue;
    const s = seriesOf[e]!;
    if (asideFlags !== undefined && asideFlags[e] === 1) {
      const list = setAside.get(s);
      if (list) list.push(e);
      else setAside.set(s, [e]);
    } else kept[s]!++;
  }
  for (const list of setAside.values()) list.sort((a, b) => table.period[a]! - table.period[b]!);
  // A place is named as its first record by source writes it, whatever order the records were added in.
  const names = new Array<string>(table.placeNames.length).fill("");
  const named = new Uint8Array(names.length);
  // Indexed loops over the entries and series: this runs once, mostly before it is optimized, where a for-of made
  // an iterator result per element (~40 MB for a national input).
  for (let i = 0; i < order.length; i++) {
    const e = order[i]!;
    const spelling = table.spelling[e]!;
    if (spelling < 0) continue;
    const place = table.placeOfSpelling[spelling]!;
    if (named[place] === 0) {
      named[place] = 1;
      names[place] = nameOf(table.spellings[spelling]!);
    }
  }
  const rank = new Int32Array(names.length);
  Int32Array.from(names.keys())
    .sort((a, b) => byCodeUnits(names[a]!, names[b]!))
    .forEach((place, i) => (rank[place] = i));
  const byIndicator: number[][] = table.indicators.map(() => []);
  const citySeries = new Int32Array(table.indicators.length).fill(-1);
  for (let s = 0; s < table.seriesCount; s++) {
    if (kept[s]! > 0 || setAside.has(s)) byIndicator[table.seriesIndicator[s]!]!.push(s);
    if (table.seriesPlace[s] === 0 && (kept[s]! > 0 || setAside.has(s))) citySeries[table.seriesIndicator[s]!] = s;
  }
  // Each list sorted by its places' rank, and its places in list order, from the ranks the sort reads.
  const placeOfRank = new Int32Array(rank.length);
  for (let place = 0; place < rank.length; place++) placeOfRank[rank[place]!] = place;
  const places = byIndicator.map((list) => sortByRank(list, (s) => rank[table.seriesPlace[s]!]!, rank.length, placeOfRank));
  // The slots in the order the scorer reads them: each series' place, list by list.
  const begin = new Int32Array(table.seriesCount);
  const end = new Int32Array(table.seriesCount);
  const bounds = byIndicator.map((list) => new Int32Array(list.length + 1));
  let n = 0;
  for (let position = 0; position < byIndicator.length; position++) {
    const list = byIndicator[position]!;
    const listBounds = bounds[position]!;
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      listBounds[j] = begin[s] = n;
      end[s] = n += kept[s]!;
    }
    listBounds[list.length] = n;
  }
  // Then each kept entry is copied to its series' next slot, in entry order; its year, met and value number beside
  // it, so that the scorer reads values series by series too.
  const period = new Int16Array(n);
  const met = new Int8Array(n);
  const entry = new Int32Array(n);
  const valueIds = new Int32Array(n);
  const next = begin.slice();
  for (let e = 0; e < table.count; e++) {
    if (table.removed[e] === 1 || (asideFlags !== undefined && asideFlags[e] === 1)) continue;
    const k = next[seriesOf[e]!]!++;
    period[k] = table.period[e]!;
    met[k] = table.met[e]!;
    valueIds[k] = table.valueId[e]!;
    entry[k] = e;
  }
  // Each series sorted by year, after entries of the same year (a stable insertion sort: a series holds a few years).
  for (const list of byIndicator)
    for (let j = 0; j < list.length; j++) {
      const s = list[j]!;
      for (let i = begin[s]! + 1; i < end[s]!; i++) {
        const p = period[i]!;
        if (period[i - 1]! <= p) continue;
        const m = met[i]!;
        const v = valueIds[i]!;
        const e = entry[i]!;
        let k = i;
        for (; k > begin[s]! && period[k - 1]! > p; k--) {
          period[k] = period[k - 1]!;
          met[k] = met[k - 1]!;
          valueIds[k] = valueIds[k - 1]!;
          entry[k] = entry[k - 1]!;
        }
        period[k] = p;
        met[k] = m;
        valueIds[k] = v;
        entry[k] = e;
      }
    }
  const texts = table.valueTexts;
  const valueAt = (slot: number) => {
    const id = valueIds[slot]!;
    return id >= 0 ? texts[id] : table.valueOf(entry[slot]!);
  };
  const placeName = (place: number) => {
    const name = names[place]!;
    return name === "" ? undefined : name;
  };
  const placeOf = (s: number) => (s < 0 ? undefined : placeName(table.seriesPlace[s]!));
  return { byIndicator, bounds, places, placeName, citySeries, begin, end, period, met, entry, valueAt, setAside, placeOf };
}

/**
 * Sorts series by a rank (their place's, from 0 to `ranks` - 1), in place, as a stable sort by rank does: a counting
 * sort, the ranks being small whole numbers; hundreds of thousands of series are sorted for a national input. Gives
 * the place of each series sorted (`placeOfRank` of its rank).
 */
function sortByRank(list: number[], rankOf: (s: number) => number, ranks: number, placeOfRank: Int32Array): Int32Array {
  const n = list.length;
  if (n < 2) return Int32Array.from(list, (s) => placeOfRank[rankOf(s)]!);
  const rank = new Int32Array(n);
  // starts[r + 1] counts rank r, then, summed, starts[r] is where rank r begins.
  const starts = new Int32Array(ranks + 1);
  for (let i = 0; i < n; i++) starts[(rank[i] = rankOf(list[i]!)) + 1]!++;
  for (let r = 1; r <= ranks; r++) starts[r]! += starts[r - 1]!;
  const sorted = new Int32Array(n);
  const places = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const at = starts[rank[i]!]!++;
    sorted[at] = list[i]!;
    places[at] = placeOfRank[rank[i]!]!;
  }
  for (let i = 0; i < n; i++) list[i] = sorted[i]!;
  return places;
}
