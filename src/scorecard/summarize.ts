import { Decimal, NUMBER_POWERS } from "../decimal.js";
import type { LocalizedText } from "../model/text.js";
import type { Verdict } from "../model/verdict.js";
import { NO_DATA_BAND_ID, type Band, type CheckSummary, type ScorecardRow, type StandardBandId, type Summary, type VerdictCounts } from "../model/scorecard.js";

/** A band: the lowest score it starts at, and its label. */
export interface BandDefinition {
  readonly id: string;
  /** Decimal string; the first band whose `from` the score reaches is chosen (bands ordered high to low). */
  readonly from: string;
  readonly label: LocalizedText;
}

/**
 * The standard bands: words for how high the score is, the library's own (the plan sets no bands). Thresholds at half
 * the weighted points and at three quarters and nine tenths of them; see docs/rules/README.md for their basis.
 */
export const STANDARD_BANDS: readonly (BandDefinition & { readonly id: StandardBandId })[] = [
  { id: "high", from: "0.9", label: { vi: "Cao", en: "High" } },
  { id: "fairly-high", from: "0.75", label: { vi: "Khá", en: "Fairly high" } },
  { id: "medium", from: "0.5", label: { vi: "Trung bình", en: "Medium" } },
  { id: "low", from: "0", label: { vi: "Thấp", en: "Low" } },
];

/** The least coverage a summary needs for a band, unless `evaluate({ minCoverage })` says otherwise. */
export const DEFAULT_MIN_COVERAGE = "0.5";

const NO_DATA_BAND: Band = { id: NO_DATA_BAND_ID, label: { vi: "Chưa đủ dữ liệu", en: "Insufficient data" } };
const SCORED: ReadonlySet<Verdict> = new Set(["pass", "warn", "fail"]);

/** How a summary is made: its bands, highest first, and the least coverage a band needs. */
export interface SummaryOptions {
  readonly bands?: readonly BandDefinition[];
  /** Decimal string from 0 to 1. Default {@link DEFAULT_MIN_COVERAGE}. */
  readonly minCoverage?: string;
}

/**
 * Sums up rows: the weighted mean score of scored rows (weight above 0, a score), the share of rows needing a figure
 * or a report that had one (coverage: scored rows not marked `missingData`, against scored plus no-data rows), counts
 * per verdict and the band, given only when coverage reaches the minimum (else the score is provisional). Rows not
 * scored (not applicable, or a task due soon or in progress) count only in the verdict counts. Exact decimal
 * arithmetic: the result does not depend on row order.
 */
export function summarize(rows: readonly ScorecardRow[], options: SummaryOptions | readonly BandDefinition[] = {}): Summary {
  const tally = createTally();
  for (const row of rows) addToTally(tally, row);
  return summaryOf(tally, Array.isArray(options) ? { bands: options } : (options as SummaryOptions));
}

/** What a tally reads of a row; `change` when a waiver or an amendment set the row apart (it is then not applicable). */
export type ScoredShare = Pick<ScorecardRow, "verdict" | "score" | "weight" | "missingData"> & { readonly change?: "exempted" | "outOfPlan" | undefined };

/** Running counts of a set of rows, so that many summaries are made in one pass over the rows. */
export interface Tally {
  readonly counts: VerdictCounts;
  /**
   * Scored rows of a whole-number weight and a score of at most six decimals (nearly all): the sums of weights and
   * of weight × score in millionths, whole numbers that doubles hold exactly (checked on each addition).
   */
  weightSum: number;
  weightedMillionths: number;
  /** Other scored rows counted by weight, then score, for decimal arithmetic once per pair. */
  readonly pairs: Map<string, Map<string, number>>;
  /** Whole-number sums of merged tallies that doubles could no longer hold exactly, added as decimals. */
  spilled: { weightSum: Decimal; weightedMillionths: Decimal } | undefined;
  rows: number;
  expected: number;
  withData: number;
  /** Rows set apart by a waiver in force, and by an amendment in force. */
  exempted: number;
  outOfPlan: number;
}

export function createTally(): Tally {
  return {
    counts: { pass: 0, warn: 0, fail: 0, "no-data": 0, "not-applicable": 0 },
    weightSum: 0,
    weightedMillionths: 0,
    pairs: new Map(),
    spilled: undefined,
    rows: 0,
    expected: 0,
    withData: 0,
    exempted: 0,
    outOfPlan: 0,
  };
}

/**
 * Adds the rows of one tally to another: a run of rows is tallied once, then added to every summary it counts in.
 * Exact as adding each row would be.
 */
export function mergeTally(into: Tally, from: Tally): void {
  into.rows += from.rows;
  into.expected += from.expected;
  into.withData += from.withData;
  into.exempted += from.exempted;
  into.outOfPlan += from.outOfPlan;
  for (const verdict of VERDICT_KEYS) into.counts[verdict] += from.counts[verdict];
  const weightSum = into.weightSum + from.weightSum;
  const weightedMillionths = into.weightedMillionths + from.weightedMillionths;
  if (Number.isSafeInteger(weightSum) && Number.isSafeInteger(weightedMillionths)) {
    into.weightSum = weightSum;
    into.weightedMillionths = weightedMillionths;
  } else spill(into, from.weightSum, from.weightedMillionths);
  if (from.spilled) spill(into, from.spilled.weightSum, from.spilled.weightedMillionths);
  for (const [weight, scores] of from.pairs) {
    let own = into.pairs.get(weight);
    if (!own) into.pairs.set(weight, (own = new Map()));
    for (const [score, n] of scores) own.set(score, (own.get(score) ?? 0) + n);
  }
}

const VERDICT_KEYS = ["pass", "warn", "fail", "no-data", "not-applicable"] as const;

function spill(into: Tally, weightSum: number | Decimal, weightedMillionths: number | Decimal): void {
  const spilled = (into.spilled ??= { weightSum: new Decimal(0), weightedMillionths: new Decimal(0) });
  spilled.weightSum = spilled.weightSum.plus(weightSum);
  spilled.weightedMillionths = spilled.weightedMillionths.plus(weightedMillionths);
}

/**
 * A score string as a whole number of millionths, or -1 unless it is `0` or a whole number of up to six digits
 * without leading zeros, with up to six decimals: read digit by digit, as it is for every row (no regex, no cache
 * keyed by a fresh string).
 */
export function millionthsOf(score: string): number {
  const n = score.length;
  let i = 0;
  let whole = 0;
  if (n > 0 && score.charCodeAt(0) === 48) i = 1;
  else {
    for (; i < n; i++) {
      const digit = score.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) break;
      whole = whole * 10 + digit;
    }
    if (i === 0 || i > 6) return -1;
  }
  if (i === n) return whole * 1_000_000;
  if (score.charCodeAt(i) !== 46) return -1;
  const places = n - i - 1;
  if (places < 1 || places > 6) return -1;
  let fraction = 0;
  for (i++; i < n; i++) {
    const digit = score.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    fraction = fraction * 10 + digit;
  }
  return whole * 1_000_000 + fraction * NUMBER_POWERS[6 - places]!;
}

/** A weight as a whole number, or -1 unless it is `0` or up to six digits without leading zeros: worked out once per rule. */
export function wholeWeight(weight: string): number {
  const m = weight.indexOf(".") < 0 ? millionthsOf(weight) : -1;
  return m >= 0 ? m / 1_000_000 : -1;
}

/**
 * A row's weight and score as whole numbers (the weight, the score in millionths), or -1 when either is not such a
 * number: worked out once per row by a caller that adds the row to several tallies. `weight` is the row's weight as
 * {@link wholeWeight} gives it, when the caller knows it.
 */
export function wholeShares(row: ScoredShare, weight = wholeWeight(row.weight)): { weight: number; millionths: number } {
  const whole = row.score !== null && weight >= 0;
  return { weight: whole ? weight : -1, millionths: whole ? millionthsOf(row.score!) : -1 };
}

export function addToTally(tally: Tally, row: ScoredShare, shares: { weight: number; millionths: number } = wholeShares(row)): void {
  tally.rows += 1;
  tally.counts[row.verdict] += 1;
  if (row.change !== undefined) tally[row.change] += 1;
  if (row.weight === "0") return;
  if (row.verdict === "no-data") tally.expected += 1;
  else if (row.score !== null && SCORED.has(row.verdict)) {
    tally.expected += 1;
    if (row.missingData !== true) tally.withData += 1;
    const m = shares.millionths;
    if (m >= 0 && shares.weight >= 0) {
      const weight = shares.weight;
      const weighted = tally.weightedMillionths + weight * m;
      if (Number.isSafeInteger(weighted)) {
        tally.weightSum += weight;
        tally.weightedMillionths = weighted;
        return;
      }
    }
    let scores = tally.pairs.get(row.weight);
    if (!scores) tally.pairs.set(row.weight, (scores = new Map()));
    scores.set(row.score, (scores.get(row.score) ?? 0) + 1);
  }
}

export function summaryOf(tally: Tally, options: SummaryOptions = {}): Summary {
  return summaryInWholeNumbers(tally, options) ?? summaryInDecimals(tally, options);
}

/** A band's start or a minimum coverage this exact: integer digits, then up to 20 decimals. */
const EXACT_BOUND = /^(\d{1,15})(?:\.(\d{1,20}))?$/;

/** Whether `numerator / denominator` (denominator above 0) is at least `bound`, exactly; undefined for another bound. */
function atLeast(numerator: bigint, denominator: bigint, bound: string): boolean | undefined {
  const m = EXACT_BOUND.exec(bound);
  if (!m) return undefined;
  const fraction = m[2] ?? "";
  return numerator * 10n ** BigInt(fraction.length) >= BigInt(m[1]! + fraction) * denominator;
}

/** `numerator / denominator` (both at least 0, denominator above 0) over 10^4, rounded half to even, with four decimals. */
function fourPlaces(numerator: bigint, denominator: bigint): string {
  let q = numerator / denominator;
  const twice = (numerator - q * denominator) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n === 1n)) q += 1n;
  const digits = q.toString().padStart(5, "0");
  return `${digits.slice(0, -4)}.${digits.slice(-4)}`;
}

/**
 * The summary of a tally held in whole numbers (no pairs, nothing spilled), in BigInt, or undefined for another tally
 * or bounds: a scorecard makes thousands of summaries. The same as decimal.js gives: its quotients from 0 to 1 at 40
 * digits are off by less than 10^-40, and a quotient of whole numbers with a denominator below 10^18 either equals a
 * bound of up to 20 decimals (or a tie at four) or is at least 1 / (10^20 · 10^18) from it; so no rounding and no
 * comparison differs.
 */
function summaryInWholeNumbers(tally: Tally, options: SummaryOptions): Summary | undefined {
  // Quotients from 0 to 1 (scores and coverage), where decimal.js's 40 digits are 40 decimals at most.
  if (tally.pairs.size > 0 || tally.spilled !== undefined || tally.weightSum >= 1e12 || tally.expected >= 1e12) return undefined;
  if (tally.weightedMillionths < 0 || tally.weightedMillionths > tally.weightSum * 1_000_000 || tally.withData < 0 || tally.withData > tally.expected) return undefined;
  const bands = options.bands ?? STANDARD_BANDS;
  const weights = BigInt(tally.weightSum);
  const weighted = BigInt(tally.weightedMillionths);
  let provisional = true;
  if (tally.expected > 0) {
    const covered = atLeast(BigInt(tally.withData), BigInt(tally.expected), options.minCoverage ?? DEFAULT_MIN_COVERAGE);
    if (covered === undefined) return undefined;
    provisional = !covered;
  }
  let band = NO_DATA_BAND;
  if (weights > 0n && !provisional) {
    let found: BandDefinition | undefined;
    for (const b of bands) {
      const reached = atLeast(weighted, weights * 1_000_000n, b.from);
      if (reached === undefined) return undefined;
      if (reached) {
        found = b;
        break;
      }
    }
    found ??= bands.at(-1);
    band = found ? { id: found.id, label: found.label } : NO_DATA_BAND;
  }
  return {
    score: weights === 0n ? null : fourPlaces(weighted, weights * 100n),
    coverage: tally.expected === 0 ? null : fourPlaces(BigInt(tally.withData) * 10_000n, BigInt(tally.expected)),
    provisional,
    rows: tally.rows,
    counts: { ...tally.counts },
    band,
    ...(tally.exempted > 0 ? { exempted: tally.exempted } : {}),
    ...(tally.outOfPlan > 0 ? { outOfPlan: tally.outOfPlan } : {}),
  };
}

/**
 * The summary of any tally, in decimal.js.
 *
 * @internal
 */
export function summaryInDecimals(tally: Tally, options: SummaryOptions = {}): Summary {
  const bands = options.bands ?? STANDARD_BANDS;
  let weighted = new Decimal(tally.weightedMillionths).plus(tally.spilled?.weightedMillionths ?? 0).div(1_000_000);
  let weights = new Decimal(tally.weightSum).plus(tally.spilled?.weightSum ?? 0);
  for (const [weight, scores] of tally.pairs)
    for (const [score, n] of scores) {
      const w = new Decimal(weight).times(n);
      weights = weights.plus(w);
      weighted = weighted.plus(w.times(score));
    }
  const score = weights.isZero() ? null : weighted.div(weights);
  const coverage = tally.expected === 0 ? null : new Decimal(tally.withData).div(tally.expected);
  // A band says how well the duties went; on too little data it would say how little was reported.
  const provisional = coverage === null || coverage.lt(options.minCoverage ?? DEFAULT_MIN_COVERAGE);
  return {
    score: score === null ? null : fixed(score),
    coverage: coverage === null ? null : fixed(coverage),
    provisional,
    rows: tally.rows,
    counts: { ...tally.counts },
    band: score === null || provisional ? NO_DATA_BAND : bandOf(score, bands),
    ...(tally.exempted > 0 ? { exempted: tally.exempted } : {}),
    ...(tally.outOfPlan > 0 ? { outOfPlan: tally.outOfPlan } : {}),
  };
}

/** The counts of rows that are not scored (checks of the plan document or of the figures reported). */
export function checkSummaryOf(tally: Tally): CheckSummary {
  return { rows: tally.rows, counts: { ...tally.counts } };
}

function bandOf(score: Decimal, bands: readonly BandDefinition[]): Band {
  const band = bands.find((b) => score.gte(b.from)) ?? bands.at(-1);
  return band ? { id: band.id, label: band.label } : NO_DATA_BAND;
}

const fixed = (d: Decimal) => d.toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4);
