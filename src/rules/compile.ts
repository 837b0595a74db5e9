import type { LoadedRule } from "./load.js";
import { OPERATOR_MAP } from "./operators.js";
import type { Condition, Outcome, RuleCase } from "./rule-file.js";

/** Facts as a compiled condition reads them: fact name to value. */
export type Facts = Readonly<Record<string, unknown>>;
type Test = (facts: Facts) => boolean;

/** A rule turned into plain functions: the same decisions as json-rules-engine, synchronously. */
export interface CompiledRule {
  readonly rule: LoadedRule;
  /** The index of the first case whose conditions hold, or -1. */
  decideIndex(facts: Facts): number;
  /** The facts the conditions read, directly or as the value compared with: a decision depends on these alone. */
  readonly factsRead: ReadonlySet<string>;
}

/** Why a rule could not be compiled; such a rule runs in json-rules-engine instead. */
export class NotCompilable extends Error {
  override name = "NotCompilable";
}

/**
 * Compiles a rule's cases once into closures over the operator functions, with no `eval` and no `new Function`,
 * so that it runs under a strict Content-Security-Policy. The closures follow json-rules-engine's semantics:
 * `all` and `any` of no conditions hold, a value `{ "fact": … }` is read from the facts, a missing fact is
 * `undefined`.
 *
 * @throws {NotCompilable} for features the compiler leaves to json-rules-engine (decorated operators such as
 * `everyFact:equal`).
 */
export function compileRule(rule: LoadedRule): CompiledRule {
  const tests = rule.cases.map((k: RuleCase) => compileCondition(k.conditions as Condition));
  const factsRead = new Set<string>();
  for (const k of rule.cases) collectFacts(k.conditions as Condition, factsRead);
  return {
    rule,
    factsRead,
    decideIndex(facts) {
      for (let i = 0; i < tests.length; i++) if (tests[i]!(facts)) return i;
      return -1;
    },
  };
}

function collectFacts(c: Condition, into: Set<string>): void {
  if ("all" in c) for (const part of c.all) collectFacts(part, into);
  else if ("any" in c) for (const part of c.any) collectFacts(part, into);
  else if ("not" in c) collectFacts(c.not, into);
  else {
    into.add(c.fact);
    const value = c.value;
    if (typeof value === "object" && value !== null && Object.hasOwn(value, "fact")) into.add((value as { fact: string }).fact);
  }
}

function compileCondition(c: Condition): Test {
  if ("all" in c) {
    const parts = c.all.map(compileCondition);
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [a, b] = parts as [Test, Test];
      return (facts) => a(facts) && b(facts);
    }
    return (facts) => {
      for (const p of parts) if (!p(facts)) return false;
      return true;
    };
  }
  if ("any" in c) {
    const parts = c.any.map(compileCondition);
    // json-rules-engine holds an empty `any` true, like an empty `all`.
    if (parts.length === 0) return () => true;
    if (parts.length === 1) return parts[0]!;
    if (parts.length === 2) {
      const [a, b] = parts as [Test, Test];
      return (facts) => a(facts) || b(facts);
    }
    return (facts) => {
      for (const p of parts) if (p(facts)) return true;
      return false;
    };
  }
  if ("not" in c) {
    const inner = compileCondition(c.not);
    return (facts) => !inner(facts);
  }
  const op = OPERATOR_MAP.get(c.operator);
  if (!op) throw new NotCompilable(`operator "${c.operator}" is left to json-rules-engine`);
  const fact = c.fact;
  const value = c.value;
  if (typeof value === "object" && value !== null && Object.hasOwn(value, "fact")) {
    const other = (value as { fact: string }).fact;
    const fn = op.fn;
    return (facts) => fn(facts[fact], facts[other]);
  }
  return literalTest(c.operator, fact, value, op.fn);
}

/** A leaf against a literal, the commonest operators written out so that a decision is a few instructions. */
function literalTest(operator: string, fact: string, value: unknown, fn: (a: unknown, b: unknown) => boolean): Test {
  switch (operator) {
    case "equal":
      return (facts) => facts[fact] === value;
    case "notEqual":
      return (facts) => facts[fact] !== value;
    case "in":
      if (Array.isArray(value)) {
        const set = new Set(value);
        return (facts) => set.has(facts[fact]);
      }
      break;
  }
  return (facts) => fn(facts[fact], value);
}

/** The outcome of a compiled rule for some facts, or undefined when no case holds. */
export function decideCompiled(compiled: CompiledRule, facts: Facts): Outcome | undefined {
  const i = compiled.decideIndex(facts);
  return i < 0 ? undefined : compiled.rule.cases[i]!.event.params;
}
