import { Decimal } from "../decimal.js";
import type { Target } from "../model/target.js";

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
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value)) return new Decimal(value);
  return undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (v: unknown): v is string => typeof v === "string" && ISO_DATE.test(v);

function decimalOp(test: (cmp: number) => boolean): OperatorFn {
  return (a, b) => {
    const x = toDecimal(a);
    const y = toDecimal(b);
    return x !== undefined && y !== undefined && test(x.comparedTo(y));
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

function meetsMember(value: unknown, m: { kind: string; value?: string | undefined; min?: string | undefined; max?: string | undefined }, direction: "increase" | "decrease"): boolean {
  const v = toDecimal(value);
  if (v === undefined) return false;
  const bound = toDecimal(m.value);
  switch (m.kind) {
    case "atLeast":
      return bound !== undefined && v.gte(bound);
    case "greaterThan":
      return bound !== undefined && v.gt(bound);
    case "atMost":
    case "rankAtMost":
      return bound !== undefined && v.lte(bound);
    case "lessThan":
      return bound !== undefined && v.lt(bound);
    case "exactly":
      return bound !== undefined && v.eq(bound);
    case "range": {
      // A range is reached at its near end: the low end when the indicator should rise, the high end for a rank.
      const near = toDecimal(direction === "decrease" ? m.max : m.min);
      return near !== undefined && (direction === "decrease" ? v.lte(near) : v.gte(near));
    }
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
  { name: "dateBefore", fn: dateOp((c) => c < 0), words: { vi: "trước ngày", en: "is before" } },
  { name: "dateOnOrBefore", fn: dateOp((c) => c <= 0), words: { vi: "không muộn hơn ngày", en: "is on or before" } },
  { name: "dateAfter", fn: dateOp((c) => c > 0), words: { vi: "sau ngày", en: "is after" } },
  { name: "dateOnOrAfter", fn: dateOp((c) => c >= 0), words: { vi: "không sớm hơn ngày", en: "is on or after" } },
  { name: "meetsTarget", fn: meetsTarget, words: { vi: "đạt chỉ tiêu", en: "meets the target" } },
];

/** Operators by name. */
export const OPERATOR_MAP: ReadonlyMap<string, OperatorDefinition> = new Map(OPERATORS.map((o) => [o.name, o]));
