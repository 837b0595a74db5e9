import { Decimal, NUMBER_POWERS, smallDecimal, smallUnits } from "../decimal.js";
import { Nq57Error } from "../errors.js";
import type { Target } from "../model/target.js";
import { DECIMAL_PATTERN, ISO_DATE_PATTERN } from "../model/text.js";

/** What an operator compares: the fact's value with the condition's value. */
export type OperatorFn = (factValue: unknown, value: unknown) => boolean;

/** An operator rules may use, with words for the generated docs. */
export interface OperatorDefinition {
  readonly name: string;
  /**
   * The comparison. A json-rules-engine operator's answers the engine's answer, exactly; where the engine's answer is
   * not the exact one (a binary float rounded, two texts compared letter by letter) or the engine stops with an
   * error, it throws a {@link ComparisonError} saying why, rather than answer otherwise.
   */
  readonly fn: OperatorFn;
  /** One of json-rules-engine's own operators (a stock `Engine` has it); else the library's, added to an engine by `addRuleToEngine`. */
  readonly engine: boolean;
  /** How the docs read `fact OP value`, e.g. `is at least`. */
  readonly words: { readonly vi: string; readonly en: string };
}

/**
 * A comparison the library cannot answer as json-rules-engine does: the engine stops with an error on it
 * (`engineFails`: a `TypeError`, a fact that is not given), or answers what exact decimals do not. Conditions meeting
 * one are reported as a {@link RuleValueError} naming the rule file and the condition.
 */
export class ComparisonError extends Nq57Error {
  override name = "ComparisonError";
  constructor(
    readonly reason: string,
    /** json-rules-engine stops with an error on this comparison too; else it answers, and otherwise. */
    readonly engineFails: boolean,
  ) {
    super(reason);
  }
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

/**
 * `compareDecimals(a, literal)` with the literal read once: a rule's bound (`progressRatio` at least 0.95) is compared
 * with a fact on every subject, and reading it each time was a good part of deciding.
 */
export function comparedWith(literal: unknown): (a: unknown) => number | undefined {
  const pl = typeof literal === "string" ? smallDecimal(literal) : -1;
  const ul = smallUnits();
  if (pl < 0) return (a) => compareDecimals(a, literal);
  return (a) => {
    if (typeof a === "string") {
      // As compareDecimals does for two decimals of a few digits: their units at one scale, exact below 2^53.
      const pa = smallDecimal(a);
      if (pa >= 0) {
        const ua = smallUnits();
        const x = pa >= pl ? ua : ua * NUMBER_POWERS[pl - pa]!;
        const y = pl >= pa ? ul : ul * NUMBER_POWERS[pa - pl]!;
        if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(y) <= Number.MAX_SAFE_INTEGER) return x < y ? -1 : x > y ? 1 : 0;
      }
    }
    return compareDecimals(a, literal);
  };
}

/** The library's decimal operators by name: what each asks of the comparison. */
export const DECIMAL_TESTS: ReadonlyMap<string, (cmp: number) => boolean> = new Map([
  ["decimalEqual", (c: number) => c === 0],
  ["decimalGreaterThan", (c: number) => c > 0],
  ["decimalAtLeast", (c: number) => c >= 0],
  ["decimalLessThan", (c: number) => c < 0],
  ["decimalAtMost", (c: number) => c <= 0],
]);

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
  // A frozen target (the plan's, shared by every subject of an indicator) is read once into a test of its bounds.
  if (Object.isFrozen(target)) {
    let meets = targetTests.get(target);
    if (!meets) targetTests.set(target, (meets = targetTest(target as Target & { direction?: "increase" | "decrease" })));
    const { value, met } = observation as { value?: unknown; met?: unknown };
    return meets(value, met);
  }
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

const targetTests = new WeakMap<object, (value: unknown, met: unknown) => boolean>();
const NEVER = (): boolean => false;

/** What meetsTarget answers on a target, with its bounds read once. */
function targetTest(t: Target & { direction?: "increase" | "decrease" }): (value: unknown, met: unknown) => boolean {
  const direction = t.direction ?? "increase";
  switch (t.kind) {
    case "qualitative":
      return (_value, met) => met === true;
    case "none":
      return NEVER;
    case "parts": {
      const tests = (t.parts ?? []).map((m) => memberTest(m, direction));
      return (value) => tests.every((test) => test(value));
    }
    case "alternatives": {
      const tests = (t.alternatives ?? []).map((m) => memberTest(m, direction));
      return (value) => tests.some((test) => test(value));
    }
    default:
      return memberTest(t, direction);
  }
}

/** meetsMember with the member's bound read once. */
function memberTest(
  m: { kind: string; value?: string | undefined; min?: string | undefined; max?: string | undefined },
  direction: "increase" | "decrease",
): (value: unknown) => boolean {
  const against = (bound: string | undefined) => (bound === undefined ? () => undefined : comparedWith(bound));
  switch (m.kind) {
    case "atLeast": {
      const cmp = against(m.value);
      return (value) => (cmp(value) ?? -1) >= 0;
    }
    case "greaterThan": {
      const cmp = against(m.value);
      return (value) => (cmp(value) ?? -1) > 0;
    }
    case "atMost":
    case "rankAtMost": {
      const cmp = against(m.value);
      return (value) => (cmp(value) ?? 1) <= 0;
    }
    case "lessThan": {
      const cmp = against(m.value);
      return (value) => (cmp(value) ?? 1) < 0;
    }
    case "exactly": {
      const cmp = against(m.value);
      return (value) => cmp(value) === 0;
    }
    case "range": {
      if (direction === "decrease") {
        const cmp = against(m.max);
        return (value) => (cmp(value) ?? 1) <= 0;
      }
      const cmp = against(m.min);
      return (value) => (cmp(value) ?? -1) >= 0;
    }
    default:
      return NEVER;
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

// ---------------------------------------------------------------- json-rules-engine's own operators, exactly

/** A value as messages quote it. */
export function shown(value: unknown): string {
  if (value === undefined) return "undefined";
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** What json-rules-engine's numeric operators require of the fact's value: `parseFloat` reads a number from it. */
function engineReadsNumber(value: unknown): boolean {
  return !Number.isNaN(Number.parseFloat(value as string));
}

/** The exact reading of a value as a decimal: a finite number (as its shortest decimal) or a decimal text. */
function isDecimal(value: unknown): boolean {
  return typeof value === "number" ? Number.isFinite(value) : typeof value === "string" && DECIMAL_PATTERN.test(value);
}

/** How JavaScript's `<` reads a value that is not a number: `Number(text)`, or the text itself against a text. */
function engineReading(value: unknown, other: unknown): string {
  if (typeof value === "number") return String(value);
  const primitive = typeof value === "object" && value !== null ? String(value) : value;
  const otherPrimitive = typeof other === "object" && other !== null ? String(other) : other;
  if (typeof primitive === "string" && typeof otherPrimitive === "string") return `the text ${shown(primitive)}`;
  return `the number ${String(Number(primitive))}`;
}

/**
 * json-rules-engine's `lessThan` … `greaterThanInclusive`: `parseFloat` must read a number from the fact's value, then
 * JavaScript compares (`a < b`: binary floats, or two texts letter by letter). The library answers as exact decimals,
 * and only where the engine answers the same: on every number, and every decimal text a float holds without rounding.
 */
function numeric(name: string, engineTest: (a: unknown, b: unknown) => boolean, exactTest: (cmp: number) => boolean): OperatorFn {
  return (a, b) => {
    if (!engineReadsNumber(a)) return false;
    const engine = engineTest(a, b);
    if (isDecimal(a) && isDecimal(b)) {
      const exact = exactTest(compareDecimals(a, b)!);
      if (exact === engine) return exact;
      const how =
        typeof a === "string" && typeof b === "string"
          ? `compares the texts ${shown(a)} and ${shown(b)} letter by letter`
          : `reads ${[a, b].filter((v) => typeof v === "string").map((v) => `${shown(v)} as the binary float ${String(Number(v))}`).join(" and ")}`;
      throw new ComparisonError(`json-rules-engine's ${name} ${how} and answers ${engine}; as exact decimals ${shown(a)} ${name} ${shown(b)} is ${exact}`, false);
    }
    // Not a number or a decimal text on one side: false, as the engine answers unless it reads a number from it.
    if (!engine) return false;
    const odd = isDecimal(a) ? b : a;
    throw new ComparisonError(
      `json-rules-engine's ${name} reads ${shown(odd)} as ${engineReading(odd, odd === a ? b : a)} and answers true; the library compares numbers and decimal texts only`,
      false,
    );
  };
}

// JavaScript's comparisons, as json-rules-engine makes them (the casts keep TypeScript from narrowing what JS coerces).
const lt = (a: unknown, b: unknown): boolean => (a as number) < (b as number);
const le = (a: unknown, b: unknown): boolean => (a as number) <= (b as number);
const gt = (a: unknown, b: unknown): boolean => (a as number) > (b as number);
const ge = (a: unknown, b: unknown): boolean => (a as number) >= (b as number);

/** `in` and `notIn`: `value.indexOf(fact)`, of a list (the same value) or of a text (a part of it). */
function indexIn(name: string, a: unknown, b: unknown): number {
  if (Array.isArray(b)) return b.indexOf(a);
  if (typeof b === "string") return b.indexOf(a as string);
  throw new ComparisonError(`${name} needs a list or a text as its value, not ${shown(b)}: json-rules-engine stops with a TypeError`, true);
}

/** json-rules-engine's ten operators, with the engine's meaning. */
const ENGINE_OPERATORS: readonly OperatorDefinition[] = [
  { name: "equal", fn: (a, b) => a === b, engine: true, words: { vi: "bằng", en: "is" } },
  { name: "notEqual", fn: (a, b) => a !== b, engine: true, words: { vi: "khác", en: "is not" } },
  { name: "in", fn: (a, b) => indexIn("in", a, b) > -1, engine: true, words: { vi: "là một trong", en: "is one of" } },
  { name: "notIn", fn: (a, b) => indexIn("notIn", a, b) === -1, engine: true, words: { vi: "không là một trong", en: "is none of" } },
  { name: "contains", fn: (a, b) => Array.isArray(a) && a.indexOf(b) > -1, engine: true, words: { vi: "có chứa", en: "contains" } },
  { name: "doesNotContain", fn: (a, b) => Array.isArray(a) && a.indexOf(b) === -1, engine: true, words: { vi: "không chứa", en: "does not contain" } },
  { name: "lessThan", fn: numeric("lessThan", lt, (c) => c < 0), engine: true, words: { vi: "nhỏ hơn", en: "is less than" } },
  { name: "lessThanInclusive", fn: numeric("lessThanInclusive", le, (c) => c <= 0), engine: true, words: { vi: "không lớn hơn", en: "is at most" } },
  { name: "greaterThan", fn: numeric("greaterThan", gt, (c) => c > 0), engine: true, words: { vi: "lớn hơn", en: "is greater than" } },
  { name: "greaterThanInclusive", fn: numeric("greaterThanInclusive", ge, (c) => c >= 0), engine: true, words: { vi: "không nhỏ hơn", en: "is at least" } },
];

/** The library's operators: exact decimals, Vietnam calendar dates, targets. A stock engine gets them from `addRuleToEngine`. */
const LIBRARY_OPERATORS: readonly OperatorDefinition[] = [
  { name: "decimalEqual", fn: decimalOp(DECIMAL_TESTS.get("decimalEqual")!), engine: false, words: { vi: "bằng (số)", en: "equals" } },
  { name: "decimalGreaterThan", fn: decimalOp(DECIMAL_TESTS.get("decimalGreaterThan")!), engine: false, words: { vi: "lớn hơn", en: "is greater than" } },
  { name: "decimalAtLeast", fn: decimalOp(DECIMAL_TESTS.get("decimalAtLeast")!), engine: false, words: { vi: "không nhỏ hơn", en: "is at least" } },
  { name: "decimalLessThan", fn: decimalOp(DECIMAL_TESTS.get("decimalLessThan")!), engine: false, words: { vi: "nhỏ hơn", en: "is less than" } },
  { name: "decimalAtMost", fn: decimalOp(DECIMAL_TESTS.get("decimalAtMost")!), engine: false, words: { vi: "không lớn hơn", en: "is at most" } },
  { name: "dateBefore", fn: dateOp((c) => c < 0), engine: false, words: { vi: "trước", en: "is before" } },
  { name: "dateOnOrBefore", fn: dateOp((c) => c <= 0), engine: false, words: { vi: "không muộn hơn", en: "is on or before" } },
  { name: "dateAfter", fn: dateOp((c) => c > 0), engine: false, words: { vi: "sau", en: "is after" } },
  { name: "dateOnOrAfter", fn: dateOp((c) => c >= 0), engine: false, words: { vi: "không sớm hơn", en: "is on or after" } },
  { name: "meetsTarget", fn: meetsTarget, engine: false, words: { vi: "đạt", en: "meets" } },
];

/**
 * The operators rules may use: json-rules-engine's ten with the engine's meaning (answered exactly, or refused with a
 * reason where the engine rounds or fails), then the library's exact decimal, date and target comparisons.
 */
export const OPERATORS: readonly OperatorDefinition[] = [...ENGINE_OPERATORS, ...LIBRARY_OPERATORS];

/** Operators by name. */
export const OPERATOR_MAP: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));

// ---------------------------------------------------------------- decorators

/** json-rules-engine's operator decorators, written before an operator: `everyFact:decimalAtLeast`, `not:in`. */
export const OPERATOR_DECORATORS = ["someFact", "someValue", "everyFact", "everyValue", "swap", "not"] as const;
/** A json-rules-engine operator decorator. */
export type OperatorDecorator = (typeof OPERATOR_DECORATORS)[number];

/** What a decorator does, in words, for the docs. */
export const DECORATOR_WORDS: Readonly<Record<OperatorDecorator, { readonly vi: string; readonly en: string }>> = {
  someFact: { vi: "một phần tử nào đó của dữ kiện (danh sách)", en: "some element of the fact (a list)" },
  someValue: { vi: "với một phần tử nào đó của giá trị (danh sách)", en: "against some element of the value (a list)" },
  everyFact: { vi: "mọi phần tử của dữ kiện (danh sách)", en: "every element of the fact (a list)" },
  everyValue: { vi: "với mọi phần tử của giá trị (danh sách)", en: "against every element of the value (a list)" },
  swap: { vi: "đổi chỗ dữ kiện và giá trị", en: "the value and the fact swapped" },
  not: { vi: "không phải", en: "not" },
};

/** At most this many decorators before an operator. */
export const MAX_DECORATORS = 3;

/** An operator name read: its decorators, outermost first, and the operator. */
export interface OperatorChain {
  readonly decorators: readonly OperatorDecorator[];
  readonly operator: OperatorDefinition;
}

/** Reads `everyFact:not:equal` as json-rules-engine does (decorators left to right, outermost first); undefined if unknown. */
export function operatorChain(name: string): OperatorChain | undefined {
  const parts = name.split(":");
  const operator = OPERATOR_MAP.get(parts.pop()!);
  if (!operator || parts.length > MAX_DECORATORS || !parts.every((d) => (OPERATOR_DECORATORS as readonly string[]).includes(d))) return undefined;
  return { decorators: parts as OperatorDecorator[], operator };
}

/**
 * The comparison an operator name makes, decorators applied as json-rules-engine applies them: `someFact` and
 * `everyFact` answer false for a fact that is not a list, `someValue` and `everyValue` need a list as value (the
 * engine stops with a TypeError on anything else), `swap` exchanges fact and value, `not` negates.
 */
export function chainFn(chain: OperatorChain): OperatorFn {
  let fn = chain.operator.fn;
  for (let i = chain.decorators.length - 1; i >= 0; i--) {
    const next = fn;
    const decorator = chain.decorators[i]!;
    switch (decorator) {
      case "someFact":
        fn = (a, b) => Array.isArray(a) && a.some((x) => next(x, b));
        break;
      case "everyFact":
        fn = (a, b) => Array.isArray(a) && a.every((x) => next(x, b));
        break;
      case "someValue":
        fn = (a, b) => listValue(decorator, b).some((x) => next(a, x));
        break;
      case "everyValue":
        fn = (a, b) => listValue(decorator, b).every((x) => next(a, x));
        break;
      case "swap":
        fn = (a, b) => next(b, a);
        break;
      case "not":
        fn = (a, b) => !next(a, b);
        break;
    }
  }
  return fn;
}

function listValue(decorator: string, value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  throw new ComparisonError(`${decorator} needs a list as its value, not ${shown(value)}: json-rules-engine stops with a TypeError`, true);
}
