import { Decimal } from "../decimal.js";
import type { LocalizedText } from "../model/text.js";
import type { Verdict } from "../rules/rule-file.js";
import type { Band, ScorecardRow, Summary, VerdictCounts } from "./schema.js";

/** A band: the lowest score it starts at, and its label. */
export interface BandDefinition {
  readonly id: string;
  /** Decimal string; the first band whose `from` the score reaches is chosen (bands ordered high to low). */
  readonly from: string;
  readonly label: LocalizedText;
}

/** The standard bands, named as Vietnam rates the completion of duties. */
export const STANDARD_BANDS: readonly BandDefinition[] = [
  { id: "excellent", from: "0.9", label: { vi: "Hoàn thành xuất sắc", en: "Excellent" } },
  { id: "good", from: "0.75", label: { vi: "Hoàn thành tốt", en: "Good" } },
  { id: "fair", from: "0.5", label: { vi: "Hoàn thành", en: "Fair" } },
  { id: "poor", from: "0", label: { vi: "Chưa hoàn thành", en: "Poor" } },
];

const NO_DATA_BAND: Band = { id: "insufficient-data", label: { vi: "Chưa đủ dữ liệu", en: "Insufficient data" } };
const SCORED: ReadonlySet<Verdict> = new Set(["pass", "warn", "fail"]);

/**
 * Sums up rows: the weighted mean score of scored rows (weight above 0, a score), the share of rows expecting data
 * that had it (scored rows against scored plus no-data rows), counts per verdict and the band. Rows not scored
 * (not applicable, or a task due soon or in progress) count only in the verdict counts. Exact decimal arithmetic: the result does not depend on row order.
 */
export function summarize(rows: readonly ScorecardRow[], bands: readonly BandDefinition[] = STANDARD_BANDS): Summary {
  const tally = createTally();
  for (const row of rows) addToTally(tally, row);
  return summaryOf(tally, bands);
}

/** Running counts of a set of rows, so that many summaries are made in one pass over the rows. */
export interface Tally {
  readonly counts: VerdictCounts;
  /** Scored rows by `weight|score`: rows share few pairs, so the decimal arithmetic is done once per pair. */
  readonly pairs: Map<string, number>;
  rows: number;
  expected: number;
  withData: number;
}

export function createTally(): Tally {
  return { counts: { pass: 0, warn: 0, fail: 0, "no-data": 0, "not-applicable": 0 }, pairs: new Map(), rows: 0, expected: 0, withData: 0 };
}

export function addToTally(tally: Tally, row: ScorecardRow, pairKey?: string): void {
  tally.rows += 1;
  tally.counts[row.verdict] += 1;
  if (row.weight === "0") return;
  if (row.verdict === "no-data") tally.expected += 1;
  else if (row.score !== null && SCORED.has(row.verdict)) {
    tally.expected += 1;
    tally.withData += 1;
    const key = pairKey ?? `${row.weight}|${row.score}`;
    tally.pairs.set(key, (tally.pairs.get(key) ?? 0) + 1);
  }
}

export function summaryOf(tally: Tally, bands: readonly BandDefinition[] = STANDARD_BANDS): Summary {
  let weighted = new Decimal(0);
  let weights = new Decimal(0);
  for (const [key, n] of tally.pairs) {
    const [weight, score] = key.split("|") as [string, string];
    const w = new Decimal(weight).times(n);
    weights = weights.plus(w);
    weighted = weighted.plus(w.times(score));
  }
  const score = weights.isZero() ? null : weighted.div(weights);
  return {
    score: score === null ? null : fixed(score),
    coverage: tally.expected === 0 ? null : fixed(new Decimal(tally.withData).div(tally.expected)),
    rows: tally.rows,
    counts: { ...tally.counts },
    band: score === null ? NO_DATA_BAND : bandOf(score, bands),
  };
}

function bandOf(score: Decimal, bands: readonly BandDefinition[]): Band {
  const band = bands.find((b) => score.gte(b.from)) ?? bands.at(-1);
  return band ? { id: band.id, label: band.label } : NO_DATA_BAND;
}

const fixed = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
