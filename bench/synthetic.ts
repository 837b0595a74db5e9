/**
 * Synthetic observations at national scale.
 *
 * `writeRealisticCsv` writes what agencies send: the numeric indicators of Plan 142 for 2024, 2025 and 2026, the
 * city's own figures, then those of communes across Vietnam (about 3,300), commune after commune until the count is
 * reached. Percentages, indexes,
 * ratios and growth rates are decimals of one or two places, counts and ranks integers; each commune writes its
 * figures its own way: with a decimal dot and a fixed number of places (`42.30`, as a spreadsheet's number format
 * gives), in the shortest form (`42.3`, as an app gives), or with the Vietnamese decimal comma in a quoted cell
 * (`"42,3"`, as a spreadsheet under a Vietnamese locale saves CSV). About 2% of the figures were never sent, and
 * about 3% of the rows are unusable or suspect: an empty value, a dash or `N/A`, a percentage above 100, a misspelt
 * indicator id. The same records come in three orders: year by year (an export by year), commune by commune (one
 * file per commune, joined) and shuffled.
 *
 * Deterministic: every figure follows from its commune, indicator and year alone, and the shuffle from a fixed
 * seed, so that the same count and order always give the same file.
 *
 * `syntheticObservations` gives the older, kinder input (whole numbers, year after year) that the rule
 * decisions are measured on.
 */
import { createWriteStream } from "node:fs";
import { plans } from "../src/index.js";

export const LOCALITIES = 3300;
const YEARS = [2024, 2025, 2026];

/** The orders a national file comes in. */
export const ORDERS = ["year-major", "commune-major", "shuffled"] as const;
export type Order = (typeof ORDERS)[number];

/** Bumped whenever the realistic file changes, so that a file written by an older generator is never reused. */
export const GENERATOR_VERSION = 1;

const numericIndicators = () => plans["haiphong-142"].indicators.filter((x) => x.measure && x.measure !== "qualitative");

/** The observations, one at a time, as CSV cells: indicator, period, value, locality. */
export function* syntheticObservations(count: number): Generator<[string, number, string, string]> {
  const numeric = numericIndicators();
  let n = 0;
  for (const year of YEARS)
    for (let l = 0; l < LOCALITIES; l++)
      for (const x of numeric) {
        if (n >= count) return;
        const seed = (l * 2654435761 + n * 40503) % 1000;
        const base = x.measure === "percent" ? 40 + (seed % 60) : x.measure === "rank" ? 1 + (seed % 20) : seed;
        const drift = year === 2024 ? 0 : year === 2025 ? (seed % 7) : (seed % 13);
        const value = x.measure === "percent" ? Math.min(100, base + drift) : x.measure === "rank" ? Math.max(1, base - (drift % 3)) : base + drift;
        yield [x.id, year, String(value), `Xã ${String(l + 1).padStart(4, "0")}`];
        n++;
      }
}

// ------------------------------------------------------------------- realistic input

/** A 32-bit hash of a few small integers (murmur3's finaliser over each): the same numbers, the same hash. */
function hash(...values: number[]): number {
  let h = 0x811c9dc5;
  for (const v of values) {
    h = Math.imul(h ^ v, 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** A seeded pseudo-random generator (mulberry32), for the shuffle. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ["Xã", "Phường", "Đặc khu"];
const FIRST = ["An", "Bình", "Cát", "Đông", "Hòa", "Hưng", "Kim", "Lạc", "Long", "Minh", "Nam", "Ngọc", "Phú", "Phúc", "Quang", "Sơn", "Tân", "Thạnh", "Thuận", "Tiên"];
const SECOND = ["Bắc", "Châu", "Điền", "Giang", "Hải", "Hiệp", "Khánh", "Lâm", "Lợi", "Mỹ", "Nghĩa", "Phong", "Quý", "Thành", "Thịnh", "Thới", "Trung", "Vinh", "Xuân", "Yên"];
const REGIONS = ["Bắc Bộ", "Trung Bộ", "Nam Bộ", "Tây Nguyên", "Duyên hải", "Đồng bằng", "Miền núi", "Hải đảo", "Biên giới"];

/** A commune's name, as Vietnamese as its registry writes it, one of its own for each number. */
export function communeName(l: number): string {
  const pair = l % (FIRST.length * SECOND.length);
  const rest = Math.floor(l / (FIRST.length * SECOND.length));
  return `${KINDS[rest % KINDS.length]} ${FIRST[pair % FIRST.length]} ${SECOND[Math.floor(pair / FIRST.length)]} (${REGIONS[Math.floor(rest / KINDS.length)]})`;
}

/** How a commune writes decimals: a dot and a fixed number of places, the shortest form, or a comma (fixed places). */
type Style = "fixed" | "shortest" | "comma";
const styleOf = (l: number): Style => {
  const h = hash(l, 7) % 10;
  return h < 4 ? "fixed" : h < 7 ? "shortest" : "comma";
};
/** A commune writes one or two places throughout. */
const placesOf = (l: number): 1 | 2 => (hash(l, 8) % 2 === 0 ? 1 : 2);

/** Hundredths as a decimal of `places` places (the last rounded half up), in a commune's style; `"-"` never. */
function decimalText(hundredths: number, places: 1 | 2, style: Style): string {
  const negative = hundredths < 0;
  let units = Math.abs(hundredths);
  if (places === 1) units = Math.floor((units + 5) / 10);
  const scale = places === 1 ? 10 : 100;
  const whole = Math.floor(units / scale);
  let fraction = String(units % scale).padStart(places, "0");
  if (style === "shortest") fraction = fraction.replace(/0+$/, "");
  const text = `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `${style === "comma" ? "," : "."}${fraction}`}`;
  // A decimal comma is quoted: the cell holds the file's separator.
  return style === "comma" && fraction !== "" ? `"${text}"` : text;
}

/** The figure of a commune's indicator for a year, as the commune writes it: its level, plus progress year on year. */
function figure(l: number, i: number, measure: string, year: number): string {
  const level = hash(l, i, 1);
  const step = hash(l, i, 2);
  const y = year - YEARS[0]!;
  const places = placesOf(l);
  const style = styleOf(l);
  switch (measure) {
    case "percent":
      return decimalText(Math.min(10_000, (level % 9_000) + y * (step % 600)), places, style);
    case "index":
      return decimalText(Math.min(100, 40 + (level % 50) + y * (step % 4)), 2, style);
    case "ratio":
      return decimalText(50 + (level % 2_500) + y * (step % 200), places, style);
    case "growth":
      return decimalText((level % 3_000) - 500 + y * ((step % 400) - 100), places, style);
    case "rank":
      return String(Math.max(1, 1 + (level % 63) - y * (step % 3)));
    default:
      return String((level % 600) + y * (step % 40));
  }
}

/**
 * One row of the realistic file, or undefined for a figure never sent. A few rows in a thousand are unusable or
 * suspect, as the agencies' own are: an empty value, a dash or `N/A`, a percentage above 100, an id in lower case.
 */
function realisticRow(l: number, i: number, id: string, measure: string, year: number, locality: string): string | undefined {
  const h = hash(l, i, year, 3) % 1000;
  if (h < 20) return undefined;
  let value = figure(l, i, measure, year);
  let indicator = id;
  if (h < 35) value = "";
  else if (h < 38) value = "-";
  else if (h < 40) value = "N/A";
  else if (h < 43 && measure === "percent") value = decimalText(10_000 + (hash(l, i, year, 4) % 900) + 1, placesOf(l), styleOf(l));
  else if (h < 45) indicator = id.toLowerCase();
  return `${indicator},${year},${value},${locality}\n`;
}

/**
 * The rows of the realistic file of `count` records in an order (without the header): the first `count` rows
 * commune by commune, then put in that order.
 */
export function realisticRows(count: number, order: Order): string[] {
  const numeric = numericIndicators();
  const rows: string[] = [];
  const years: number[] = [];
  // The city's own figures first (no locality), then each commune's.
  outer: for (let l = -1; ; l++) {
    const locality = l < 0 ? "" : communeName(l);
    for (const year of YEARS)
      for (let i = 0; i < numeric.length; i++) {
        if (rows.length >= count) break outer;
        const x = numeric[i]!;
        const row = realisticRow(l, i, x.id, x.measure!, year, locality);
        if (row === undefined) continue;
        rows.push(row);
        years.push(year);
      }
  }
  if (order === "year-major") {
    // Year by year, each year's rows commune by commune as before.
    return YEARS.flatMap((year) => rows.filter((_, k) => years[k] === year));
  }
  if (order === "shuffled") {
    const next = random(57_142);
    for (let k = rows.length - 1; k > 0; k--) {
      const j = Math.floor(next() * (k + 1));
      [rows[k], rows[j]] = [rows[j]!, rows[k]!];
    }
  }
  return rows;
}

/** Writes `rows` under the observation header to a CSV file; resolves when it is on disk. */
async function writeRows(path: string, rows: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once("drain", () => resolve())));
  await write("indicator,period,value,locality\n");
  let batch = "";
  let i = 0;
  for (const row of rows) {
    batch += row;
    if (++i % 10_000 === 0) {
      await write(batch);
      batch = "";
    }
  }
  await write(batch);
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** Writes the realistic file of `count` records in an order; resolves when it is on disk. */
export function writeRealisticCsv(path: string, count: number, order: Order): Promise<void> {
  return writeRows(path, realisticRows(count, order));
}

/** Writes `count` of the older synthetic observations (whole numbers, year after year) to a CSV file. */
export function writeSyntheticCsv(path: string, count: number): Promise<void> {
  return writeRows(
    path,
    (function* () {
      for (const [indicator, period, value, locality] of syntheticObservations(count)) yield `${indicator},${period},${value},${locality}\n`;
    })(),
  );
}
