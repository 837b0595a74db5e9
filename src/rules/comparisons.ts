import { DECIMAL_PATTERN, ISO_DATE_PATTERN } from "../model/text.js";
import type { FactDefinition } from "./fact-sets.js";
import { shown, type OperatorChain } from "./operators.js";

/** The type of a fact. */
export type FactType = FactDefinition["type"];

/** One side of a comparison as known when a rule file is loaded: a fact of a type, a literal, or a list's element. */
export type Side = { readonly fact: string; readonly type: FactType } | { readonly literal: unknown } | { readonly element: true };

const TEXT_TYPES: ReadonlySet<FactType> = new Set(["string", "decimal", "date"]);
const NUMBER_TYPES: ReadonlySet<FactType> = new Set(["integer", "decimal"]);
const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

/** What a fact of each type holds, for messages. */
const TYPE_WORDS: Readonly<Record<FactType, string>> = {
  string: "a text",
  decimal: 'a decimal written as text (such as "60.5")',
  integer: "a whole number",
  date: 'a date written as text (such as "2025-12-31")',
  boolean: "true or false",
  target: "a target (an object)",
  observation: "an observation (an object)",
  list: "a list",
};

/** Whether a literal is a value a fact of a type may hold. */
export function fitsType(type: FactType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "decimal":
      return typeof value === "string" && DECIMAL_PATTERN.test(value);
    case "integer":
      return Number.isSafeInteger(value);
    case "date":
      return typeof value === "string" && ISO_DATE_PATTERN.test(value);
    case "boolean":
      return typeof value === "boolean";
    case "list":
      return Array.isArray(value);
    case "target":
    case "observation":
      return typeof value === "object" && value !== null && !Array.isArray(value);
  }
}

const describe = (side: Side): string =>
  "fact" in side ? `fact "${side.fact}" (${TYPE_WORDS[side.type]})` : "literal" in side ? `the value ${shown(side.literal)}` : "an element of the list";

/**
 * Why a comparison cannot be made as written, or undefined: a fact of one type compared with a value of another
 * (`hasReport equal "yes"`), or a comparison json-rules-engine makes otherwise than the words say (two decimal texts
 * compared letter by letter, `in` with a number as its value, on which the engine stops with a TypeError). The
 * decorators are applied as the engine applies them; a list's elements, whose type is not declared, pass.
 */
export function comparisonProblem(chain: OperatorChain, left: Side, right: Side): string | undefined {
  return problemFrom(chain, 0, left, right);
}

function problemFrom(chain: OperatorChain, at: number, left: Side, right: Side): string | undefined {
  const decorator = chain.decorators[at];
  if (decorator === undefined) return operatorProblem(chain.operator.name, left, right);
  const rest = (l: Side, r: Side) => problemFrom(chain, at + 1, l, r);
  switch (decorator) {
    case "someFact":
    case "everyFact": {
      if ("fact" in left && left.type !== "list") return `${decorator} reads a list, and ${describe(left)} is not one: json-rules-engine answers false for it`;
      if ("literal" in left && !Array.isArray(left.literal)) return `${decorator} reads a list, and ${describe(left)} is not one: json-rules-engine answers false for it`;
      return "literal" in left ? firstProblem((left.literal as unknown[]).map((x) => rest({ literal: x }, right))) : rest({ element: true }, right);
    }
    case "someValue":
    case "everyValue": {
      if ("fact" in right && right.type !== "list") return `${decorator} needs a list as its value, and ${describe(right)} is not one: json-rules-engine stops with a TypeError`;
      if ("literal" in right && !Array.isArray(right.literal)) return `${decorator} needs a list as its value, not ${shown(right.literal)}: json-rules-engine stops with a TypeError`;
      return "literal" in right ? firstProblem((right.literal as unknown[]).map((x) => rest(left, { literal: x }))) : rest(left, { element: true });
    }
    case "swap":
      return rest(right, left);
    case "not":
      return rest(left, right);
  }
}

function firstProblem(problems: readonly (string | undefined)[]): string | undefined {
  return problems.find((p) => p !== undefined);
}

const isNull = (side: Side) => "literal" in side && side.literal === null;

function operatorProblem(op: string, left: Side, right: Side): string | undefined {
  // A list's element has no declared type: only what holds whatever the element is is checked.
  switch (op) {
    case "equal":
    case "notEqual":
      return equalityProblem(op, left, right);
    case "in":
    case "notIn":
      return membershipProblem(op, left, right);
    case "contains":
    case "doesNotContain":
      return isList(left) ? undefined : `${op} looks inside a list, and ${describe(left)} is not one: json-rules-engine answers false for it`;
    case "decimalEqual":
    case "decimalGreaterThan":
    case "decimalAtLeast":
    case "decimalLessThan":
    case "decimalAtMost":
      return isDecimalSide(left) && isDecimalSide(right) ? undefined : `${op} compares numbers, and ${describe(isDecimalSide(left) ? right : left)} is not one: it never holds`;
    case "dateBefore":
    case "dateOnOrBefore":
    case "dateAfter":
    case "dateOnOrAfter":
      return isDateSide(left) && isDateSide(right) ? undefined : `${op} compares dates written YYYY-MM-DD, and ${describe(isDateSide(left) ? right : left)} is not one: it never holds`;
    case "meetsTarget":
      if (!isKind(left, "observation")) return `meetsTarget reads an observation, and ${describe(left)} is not one: it never holds`;
      return isKind(right, "target") ? undefined : `meetsTarget compares with a target, and ${describe(right)} is not one: it never holds`;
  }
  return NUMERIC.has(op) ? numericProblem(op, left, right) : undefined;
}

function equalityProblem(op: string, left: Side, right: Side): string | undefined {
  if (isNull(left) || isNull(right) || "element" in left || "element" in right) return undefined;
  const never = op === "equal" ? "it never holds" : "it always holds";
  if ("fact" in left && "fact" in right) {
    if (left.type !== right.type) return `${op} compares with ===, and ${describe(left)} and ${describe(right)} are never the same value: ${never}`;
    return isObjectType(left.type) ? `${op} compares ${TYPE_WORDS[left.type]} by identity, not by content: ${never}` : undefined;
  }
  const [fact, literal] = "fact" in left ? [left, right] : [right, left];
  if (!("fact" in fact) || !("literal" in literal)) return undefined;
  if (isObjectType(fact.type)) return `${op} compares ${describe(fact)} by identity, not by content: only null can be compared with it`;
  if (fitsType(fact.type, literal.literal)) return undefined;
  const hint =
    fact.type === "decimal" && typeof literal.literal === "number"
      ? `; write ${JSON.stringify(String(literal.literal))}, or compare numbers with decimalEqual`
      : fact.type === "integer" && typeof literal.literal === "string"
        ? `; write the number without quotes`
        : "";
  return `${op} compares with ===, and ${describe(fact)} is never ${shown(literal.literal)}: ${never}${hint}`;
}

function membershipProblem(op: string, left: Side, right: Side): string | undefined {
  if ("literal" in right) {
    const value = right.literal;
    if (Array.isArray(value)) {
      if (!("fact" in left) || isObjectType(left.type)) return "fact" in left ? `${op} compares ${describe(left)} by identity: it never is one of a list of values` : undefined;
      const odd = value.find((x) => x !== null && !fitsType(left.type, x));
      return odd === undefined ? undefined : `${describe(left)} is never ${shown(odd)}, an element of the list`;
    }
    if (typeof value === "string")
      return !("fact" in left) || TEXT_TYPES.has(left.type) ? undefined : `${op} with a text as its value looks for the fact inside the text, and ${describe(left)} is not a text`;
    return `${op} needs a list (or a text) as its value, not ${shown(value)}: json-rules-engine stops with a TypeError`;
  }
  if ("fact" in right && right.type !== "list" && !TEXT_TYPES.has(right.type))
    return `${op} needs a list (or a text) as its value, and ${describe(right)} is neither: json-rules-engine stops with a TypeError`;
  return undefined;
}

function numericProblem(op: string, left: Side, right: Side): string | undefined {
  for (const side of [left, right]) {
    if ("element" in side) continue;
    if ("fact" in side && !NUMBER_TYPES.has(side.type)) return `${op} compares numbers, and ${describe(side)} is not one`;
    if ("literal" in side && typeof side.literal !== "number")
      return typeof side.literal === "string"
        ? `${op} compares a text with a text letter by letter in json-rules-engine ("10" is less than "9"): write the number ${shown(side.literal)} without quotes, or compare decimal texts with the decimal operators`
        : `${op} compares numbers, and ${shown(side.literal)} is not one: json-rules-engine reads ${shown(side.literal)} as ${Number(side.literal)}`;
  }
  if ("fact" in left && "fact" in right && left.type === "decimal" && right.type === "decimal")
    return `${op} compares two decimal texts letter by letter in json-rules-engine ("10" is less than "9"): compare ${describe(left)} and ${describe(right)} with the decimal operators (decimalLessThan, …)`;
  return undefined;
}

const isKind = (side: Side, type: "observation" | "target") => ("fact" in side ? side.type === type : "literal" in side ? fitsType(type, side.literal) : true);
const isObjectType = (type: FactType) => type === "target" || type === "observation" || type === "list";
const isList = (side: Side) => ("fact" in side ? side.type === "list" : "literal" in side ? Array.isArray(side.literal) : true);
const isDecimalSide = (side: Side) =>
  "fact" in side ? NUMBER_TYPES.has(side.type) : "literal" in side ? (typeof side.literal === "number" && Number.isFinite(side.literal)) || fitsType("decimal", side.literal) : true;
const isDateSide = (side: Side) => ("fact" in side ? side.type === "date" : "literal" in side ? fitsType("date", side.literal) : true);
