import { Decimal, NUMBER_POWERS, smallDecimal, smallUnits } from "../decimal.js";
import { hundredthsOf } from "../input/observation-table.js";
import { compareDecimals } from "../rules/operators.js";

/**
 * Exact decimal arithmetic for the progress ratio, with BigInt: a decimal string becomes an integer and a
 * power of ten, so that the ratio of two changes is computed without rounding until its last step (six
 * places, half to even), much faster than a general decimal library on the hot path.
 */

/** A decimal as an integer scaled by 10^scale: `"60.5"` → `{ units: 605n, scale: 1 }`. */
interface Scaled {
  readonly units: bigint;
  readonly scale: number;
}

function scaled(text: string): Scaled {
  const dot = text.indexOf(".");
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

const TEN = 10n;
/** Beyond this, a numerator times 10^6 is no longer an exact double. */
const FAST_LIMIT = 9_000_000_000;
const POWERS: bigint[] = [];
const pow10 = (n: number): bigint => POWERS[n] ?? (POWERS[n] = TEN ** BigInt(n));

/** Brings decimals to one scale: their integers, and that scale. */
function common(values: readonly string[]): { units: bigint[]; scale: number } {
  const s = values.map(scaled);
  const scale = Math.max(...s.map((v) => v.scale));
  return { units: s.map((v) => v.units * pow10(scale - v.scale)), scale };
}

/** `numerator / denominator` rounded half to even at `places` decimals, as a decimal string ("2.2", "-0.333333", "1"). */
export function divideRounded(numerator: bigint, denominator: bigint, places = 6): string {
  // Small integers divide exactly in doubles once checked by their remainder; BigInt only beyond that.
  if (places === 6 && numerator <= MAX_FAST && numerator >= -MAX_FAST && denominator <= MAX_FAST && denominator >= -MAX_FAST && denominator !== 0n)
    return divideSmall(Number(numerator), Number(denominator));
  // A bug, not bad input: callers divide by a span of years or a change they know is not zero.
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const scaledNumerator = numerator * pow10(places);
  let q = scaledNumerator / denominator;
  const r = scaledNumerator - q * denominator;
  // BigInt division truncates toward zero; round the remainder half to even, away from zero by sign.
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice > denominator || (twice === denominator && q % 2n !== 0n)) q += r < 0n ? -1n : 1n;
  return formatScaled(q, places);
}

/** |numerator| · 10^6 and the denominator stay below 2^53, so every product below is an exact double. */
const MAX_FAST = 9_000_000_000n;

function divideSmall(numerator: number, denominator: number): string {
  if (denominator < 0) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const scaled = numerator * 1_000_000;
  let q = Math.trunc(scaled / denominator);
  let r = scaled - q * denominator;
  // The double quotient may be one off; the exact remainder says which way.
  if (r < 0 && scaled > 0) {
    q -= 1;
    r += denominator;
  } else if (r > 0 && scaled < 0) {
    q += 1;
    r -= denominator;
  } else if (Math.abs(r) >= denominator) {
    const step = r > 0 ? 1 : -1;
    q += step;
    r -= step * denominator;
  }
  const twice = Math.abs(r) * 2;
  if (twice > denominator || (twice === denominator && q % 2 !== 0)) q += r < 0 ? -1 : 1;
  return formatScaled(q, 6);
}

function formatScaled(units: bigint | number, places: number): string {
  if (typeof units === "number" && places === 6) return formatMillionths(units);
  const negative = units < 0;
  const digits = (negative ? -units : units).toString().padStart(places + 1, "0");
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, "");
  const text = frac ? `${int}.${frac}` : int;
  return negative && text !== "0" ? `-${text}` : text;
}

/** An integer count of millionths as a decimal string, with plain number arithmetic (exact below 2^53). */
function formatMillionths(units: number): string {
  const negative = units < 0;
  const magnitude = negative ? -units : units;
  const int = Math.floor(magnitude / 1_000_000);
  let frac = magnitude - int * 1_000_000;
  const sign = negative ? "-" : "";
  if (frac === 0) return int === 0 ? "0" : `${sign}${int}`;
  let places = 6;
  while (frac % 10 === 0) {
    frac /= 10;
    places--;
  }
  return `${sign}${int}.${String(frac).padStart(places, "0")}`;
}

/** The change per year between two values over a number of years, `(to - from) / years`, to six places. */
export function changePerYear(from: string, to: string, years: number): string {
  const pf = smallDecimal(from);
  const f = smallUnits();
  const pt = smallDecimal(to);
  const t = smallUnits();
  if (pf >= 0 && pt >= 0) {
    const scale = Math.max(pf, pt);
    const fs = f * NUMBER_POWERS[scale - pf]!;
    const ts = t * NUMBER_POWERS[scale - pt]!;
    const per = years * NUMBER_POWERS[scale]!;
    if (Math.max(Math.abs(fs), Math.abs(ts), Math.abs(ts - fs), Math.abs(per)) <= FAST_LIMIT) return divideSmall(ts - fs, per);
  }
  const { units, scale } = common([from, to]);
  return divideRounded(units[1]! - units[0]!, BigInt(years) * pow10(scale));
}

/** The progress ratio and the changes per year it is drawn from, as six-place decimal strings. */
export interface ProgressRatio {
  readonly ratio: string;
  /** The ratio clamped to 0-1: the row's score. */
  readonly clamped: string;
  /** Absent when asked for the ratio alone (`changes` false). */
  readonly actual: string | undefined;
  readonly required: string | undefined;
}

/**
 * The anticipated-progress ratio: actual change per year over the change per year required, both from the
 * baseline: `((latest − baseline) / (latestYear − baselineYear)) / ((target − baseline) / (targetYear − baselineYear))`.
 * Undefined when no change is required (the baseline is at the target).
 */
export function progressRatio(
  baseline: string,
  latest: string,
  target: string,
  actualYears: number,
  requiredYears: number,
  /** Whether the changes per year are wanted too: a pass deciding rules reads the ratio alone. */
  changes = true,
): ProgressRatio | undefined {
  // Decimals of a few digits (most counts, percentages and ranks) need no BigInt: every product below stays an
  // exact double, and divideSmall rounds as divideRounded does.
  const pb = smallDecimal(baseline);
  const b = smallUnits();
  const pl = smallDecimal(latest);
  const l = smallUnits();
  const pt = smallDecimal(target);
  const t = smallUnits();
  if (pb >= 0 && pl >= 0 && pt >= 0) {
    const scale = Math.max(pb, pl, pt);
    const bs = b * NUMBER_POWERS[scale - pb]!;
    const ls = l * NUMBER_POWERS[scale - pl]!;
    const ts = t * NUMBER_POWERS[scale - pt]!;
    const actualDelta = ls - bs;
    const requiredDelta = ts - bs;
    // The scaled figures are exact below FAST_LIMIT; beyond, the check below fails and BigInt decides.
    if (requiredDelta === 0 && Math.max(Math.abs(bs), Math.abs(ts)) <= FAST_LIMIT) return undefined;
    const numerator = actualDelta * requiredYears;
    const denominator = requiredDelta * actualYears;
    const actualPer = actualYears * NUMBER_POWERS[scale]!;
    const requiredPer = requiredYears * NUMBER_POWERS[scale]!;
    if (Math.max(Math.abs(bs), Math.abs(ls), Math.abs(ts), Math.abs(numerator), Math.abs(denominator), Math.abs(actualDelta), Math.abs(requiredDelta), actualPer, requiredPer) <= FAST_LIMIT) {
      const ratio = divideSmall(numerator, denominator);
      const positive = numerator !== 0 && numerator < 0 === denominator < 0;
      return {
        ratio,
        clamped: !positive ? "0" : Math.abs(numerator) >= Math.abs(denominator) ? "1" : ratio,
        actual: changes ? divideSmall(actualDelta, actualPer) : undefined,
        required: changes ? divideSmall(requiredDelta, requiredPer) : undefined,
      };
    }
  }
  return progressRatioExact(baseline, latest, target, actualYears, requiredYears, changes);
}

function progressRatioExact(
  baseline: string,
  latest: string,
  target: string,
  actualYears: number,
  requiredYears: number,
  changes: boolean,
): ProgressRatio | undefined {
  const { units, scale } = common([baseline, latest, target]);
  const [b, l, t] = units as [bigint, bigint, bigint];
  const actualDelta = l - b;
  const requiredDelta = t - b;
  if (requiredDelta === 0n) return undefined;
  // (Δactual / ya) / (Δrequired / yr) = Δactual · yr / (Δrequired · ya), exactly.
  const numerator = actualDelta * BigInt(requiredYears);
  const denominator = requiredDelta * BigInt(actualYears);
  const ratio = divideRounded(numerator, denominator);
  const positive = (numerator < 0n) === (denominator < 0n) && numerator !== 0n;
  const atLeastOne = positive && (numerator < 0n ? -numerator : numerator) >= (denominator < 0n ? -denominator : denominator);
  return {
    ratio,
    clamped: !positive ? "0" : atLeastOne ? "1" : ratio,
    actual: changes ? divideRounded(actualDelta, BigInt(actualYears) * pow10(scale)) : undefined,
    required: changes ? divideRounded(requiredDelta, BigInt(requiredYears) * pow10(scale)) : undefined,
  };
}

/** The furthest a pace is projected: a target further off than this many years is not reached at that pace. */
const PACE_HORIZON_YEARS = 100;

/**
 * The year a figure reaches its target if it keeps changing by `actual` a year from its latest year: the latest year
 * itself when it is already there; null when it does not move toward the target (or would take more than a century).
 * `direction` says which way is better (a rank improves as it falls).
 *
 * @example
 * yearAtPace("52", 2025, "100", "7", "increase"); //=> 2032 (48 to go at 7 a year: 7 years)
 * yearAtPace("11", 2025, "10", "2", "decrease"); //=> null (moving away)
 */
export function yearAtPace(latest: string, latestYear: number, target: string, actual: string, direction: "increase" | "decrease"): number | null {
  const sign = direction === "increase" ? 1 : -1;
  // Figures of a few digits (nearly all) in exact doubles, as progressRatio does; decimal.js for the rest.
  const pl = smallDecimal(latest);
  const l = smallUnits();
  const pt = smallDecimal(target);
  const t = smallUnits();
  const pa = smallDecimal(actual);
  const a = smallUnits();
  if (pl >= 0 && pt >= 0 && pa >= 0) {
    const scale = Math.max(pl, pt, pa);
    const gap = sign * (t * NUMBER_POWERS[scale - pt]! - l * NUMBER_POWERS[scale - pl]!);
    const step = sign * a * NUMBER_POWERS[scale - pa]!;
    if (Math.max(Math.abs(gap), Math.abs(step)) <= FAST_LIMIT) {
      if (gap <= 0) return latestYear;
      if (step <= 0) return null;
      // The double quotient may be one off; the exact products say which way (each below 2^53).
      let years = Math.ceil(gap / step);
      if (years > 1 && (years - 1) * step >= gap) years--;
      else if (years * step < gap) years++;
      return years > PACE_HORIZON_YEARS ? null : latestYear + years;
    }
  }
  return yearAtPaceExact(latest, latestYear, target, actual, sign);
}

function yearAtPaceExact(latest: string, latestYear: number, target: string, actual: string, sign: 1 | -1): number | null {
  const gap = new Decimal(target).minus(latest);
  const step = new Decimal(actual);
  if (gap.times(sign).lte(0)) return latestYear;
  if (step.times(sign).lte(0)) return null;
  const years = gap.div(step).ceil().toNumber();
  return years > PACE_HORIZON_YEARS ? null : latestYear + years;
}

/**
 * Sorts decimal texts in increasing order, in place, as sorting them with compareDecimals does. Canonical figures of
 * up to two places below 100,000 (nearly every figure) are sorted by their hundredths, an exact integer each and one
 * per text, so that no comparison parses a text: the figures of thousands of communes are sorted for each milestone.
 */
export function sortDecimals(values: string[]): void {
  const n = values.length;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const key = hundredthsOf(values[i]!);
    if (key < 0) {
      values.sort((a, b) => compareDecimals(a, b)!);
      return;
    }
    keys[i] = key;
  }
  // Equal hundredths are equal texts: the texts back from their keys are those a stable sort of the texts gives.
  const textOf = new Map<number, string>();
  for (let i = 0; i < n; i++) textOf.set(keys[i]!, values[i]!);
  keys.sort();
  for (let i = 0; i < n; i++) values[i] = textOf.get(keys[i]!)!;
}
