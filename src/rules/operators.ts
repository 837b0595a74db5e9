import { Decimal, NUMBER_POWERS, smallDecimal, smallUnits } from "../decimal.js";
import type { Target } from "../model/target.js";
import { DECIMAL_PATTERN, ISO_DATE_PATTERN } from "../model/text.js";

/** What an operator compares: the fact's value with the condition's value. */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

/** An operator rules may use, with words for the generated docs. */
export interface OperatorDefinition {
  readonly name: string;
  readonly fn: OperatorFn;
  /** How the docs read `fact OP value`, e.g. `is at least`. */
  readonly words: { readonly vi: string; readonly en: string };
}

/** A decimal from a decimal string or a finite number; `undefined` for anything else (null, "", NaN). */
export function toDecimal(value: unknown): Decimal | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? new Decimal(String(value)) : undefined;
  if (typeof value === "string" && DECIMAL_PATTERN.test(value)) return new Decimal(value);
  return undefined;
}

const isDate = (v: unknown): v is string => typeof v === "string" && ISO_DATE_PATTERN.test(v);

/**
 * Compares two decimals exactly: decimal strings digit by digit without building numbers (the hot path of a
 * scorecard), anything else through decimal.js. `undefined` when either is not a decimal.
 */
export function compareDecimals(a: unknown, b: unknown): number | undefined {
  // Whole numbers (years, day counts) compare exactly as JS numbers.
  if (typeof a === "number" && typeof b === "number" && Number.isSafeInteger(a) && Number.isSafeInteger(b)) return a < b ? -1 : a > b ? 1 : 0;
  // A count against a decimal string (`observationCount` against "0"): the count's digits are its exact decimal.
  if (typeof a === "number" && typeof b === "string" && Number.isSafeInteger(a)) return compareDecimals(String(a), b);
  if (typeof a === "string" && typeof b === "number" && Number.isSafeInteger(b)) return compareDecimals(a, String(b));
  if (typeof a === "string" && typeof b === "string") {
    // Whole numbers without leading zeros (most figures) compare by length, then digit by digit.
    if (isPlainWhole(a) && isPlainWhole(b)) return a.length !== b.length ? (a.length < b.length ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
    // Decimals of a few digits (most figures) as numbers, exact while their scaled units are safe integers.
    const pa = smallDecimal(a);
    const ua = smallUnits();
    const pb = pa < 0 ? -1 : smallDecimal(b);
    if (pb >= 0) {
      const x = pa >= pb ? ua : ua * NUMBER_POWERS[pb - pa]!;
      const y = pb >= pa ? smallUnits() : smallUnits() * NUMBER_POWERS[pa - pb]!;
      if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER) return x < y ? -1 : x > y ? 1 : 0;
    }
    if (DECIMAL_PATTERN.test(a) && DECIMAL_PATTERN.test(b)) return compareDecimalTexts(a, b);
  }
  const x = toDecimal(a);
  const y = toDecimal(b);
  return x === undefined || y === undefined ? undefined : x.comparedTo(y);
}

/** `0` or digits not starting with 0. */
function isPlainWhole(text: string): boolean {
  const n = text.length;
  if (n === 0 || (n > 1 && text.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

function compareDecimalTexts(a: string, b: string): number {
  const [signA, intA, fracA] = splitDecimal(a);
  const [signB, intB, fracB] = splitDecimal(b);
  if (signA !== signB) return signA < signB ? -1 : 1;
  let magnitude = intA.length !== intB.length ? (intA.length < intB.length ? -1 : 1) : intA < intB ? -1 : intA > intB ? 1 : 0;
  if (magnitude === 0) magnitude = fracA < fracB ? -1 : fracA > fracB ? 1 : 0;
  return signA < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

/** Sign (-1, 0, 1), integer digits without leading zeros, fraction digits without trailing zeros. */
function splitDecimal(text: string): [number, string, string] {
  const negative = text.charCodeAt(0) === 45;
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf(".");
  let int = dot < 0 ? body : body.slice(0, dot);
  let frac = dot < 0 ? "" : body.slice(dot + 1);
  let i = 0;
  while (i < int.length - 1 && int.charCodeAt(i) === 48) i++;
  int = int.slice(i);
  let j = frac.length;
  while (j > 0 && frac.charCodeAt(j - 1) === 48) j--;
  frac = frac.slice(0, j);
  const zero = int === "0" && frac === "";
  return [zero ? 0 : negative ? -1 : 1, int, frac];
}

function decimalOp(test: (cmp: number) => boolean): OperatorFn {
  return (a, b) => {
    const c = compareDecimals(a, b);
    return c !== undefined && test(c);
  };
}

// ISO dates of the Vietnam calendar compare as strings; anything that is not such a date compares false.
function dateOp(test: (cmp: number) => boolean): OperatorFn {
  return (a, b) => isDate(a) && isDate(b) && test(a < b ? -1 : a > b ? 1 : 0);
}

/**
 * Whether an observation (`{ value }` or `{ met }`) meets a target (with the indicator's `direction`): ranges are
 * reached at their near end, ranks and `atMost` from below, `parts` when every part is met by the value, `alternatives`
 * when one is, qualitative targets when `met` is true.
 */
export function meetsTarget(observation: unknown, target: unknown): boolean {
  if (typeof observation !== "object" || observation === null || typeof target !== "object" || target === null) return false;
  const { value, met } = observation as { value?: unknown; met?: unknown };
  const t = target as Target & { direction?: "increase" | "decrease" };
  const direction = t.direction ?? "increase";
  switch (t.kind) {
    case "qualitative":
      return met === true;
    case "none":
      return false;
    case "parts":
      return (t.parts ?? []).every((m) => meetsMember(value, m, direction));
    case "alternatives":
      return (t.alternatives ?? []).some((m) => meetsMember(value, m, direction));
    default:
      return meetsMember(value, t, direction);
  }
}

function meetsMember(
  value: unknown,
  m: { kind: string; value?: string | undefined; min?: string | undefined; max?: string | undefined },
  direction: "increase" | "decrease",
): boolean {
  const cmp = (bound: string | undefined) => (bound === undefined ? undefined : compareDecimals(value, bound));
  switch (m.kind) {
    case "atLeast":
      return (cmp(m.value) ?? -1) >= 0;
    case "greaterThan":
      return (cmp(m.value) ?? -1) > 0;
    case "atMost":
    case "rankAtMost":
      return (cmp(m.value) ?? 1) <= 0;
    case "lessThan":
      return (cmp(m.value) ?? 1) < 0;
    case "exactly":
      return cmp(m.value) === 0;
    case "range":
      // A range is reached at its near end: the low end when the indicator should rise, the high end for a rank.
      return direction === "decrease" ? (cmp(m.max) ?? 1) <= 0 : (cmp(m.min) ?? -1) >= 0;
    default:
      return false;
  }
}

/** The operators rules may use. Binary-float comparisons (json-rules-engine's lessThan …) are not among them. */
export const OPERATORS: readonly OperatorDefinition[] = [
  { name: "equal", fn: (a, b) => a === b, words: { vi: "bằng", en: "is" } },
  { name: "notEqual", fn: (a, b) => a !== b, words: { vi: "khác", en: "is not" } },
  { name: "in", fn: (a, b) => Array.isArray(b) && b.includes(a), words: { vi: "là một trong", en: "is one of" } },
  { name: "notIn", fn: (a, b) => Array.isArray(b) && !b.includes(a), words: { vi: "không là một trong", en: "is none of" } },
  { name: "decimalEqual", fn: decimalOp((c) => c === 0), words: { vi: "bằng (số)", en: "equals" } },
  { name: "decimalGreaterThan", fn: decimalOp((c) => c > 0), words: { vi: "lớn hơn", en: "is greater than" } },
  { name: "decimalAtLeast", fn: decimalOp((c) => c >= 0), words: { vi: "không nhỏ hơn", en: "is at least" } },
  { name: "decimalLessThan", fn: decimalOp((c) => c < 0), words: { vi: "nhỏ hơn", en: "is less than" } },
  { name: "decimalAtMost", fn: decimalOp((c) => c <= 0), words: { vi: "không lớn hơn", en: "is at most" } },
  { name: "dateBefore", fn: dateOp((c) => c < 0), words: { vi: "trước", en: "is before" } },
  { name: "dateOnOrBefore", fn: dateOp((c) => c <= 0), words: { vi: "không muộn hơn", en: "is on or before" } },
  { name: "dateAfter", fn: dateOp((c) => c > 0), words: { vi: "sau", en: "is after" } },
  { name: "dateOnOrAfter", fn: dateOp((c) => c >= 0), words: { vi: "không sớm hơn", en: "is on or after" } },
  { name: "meetsTarget", fn: meetsTarget, words: { vi: "đạt", en: "meets" } },
];

/** Operators by name. */
export const OPERATOR_MAP: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));
