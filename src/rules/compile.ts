import { RuleValueError } from "./errors.js";
import type { LoadedRule } from "./load.js";
import { reference } from "./load.js";
import { chainFn, compareDecimals, comparedWith, ComparisonError, DECIMAL_TESTS, operatorChain, shown } from "./operators.js";
import { isLeaf, type Condition, type LeafCondition, type Outcome, type RuleCase } from "./rule-file.js";

/** Facts as a compiled condition reads them: fact name to value. */
export type Facts = Readonly<Record<string, unknown>>;
type Test = (facts: Facts) => boolean;

/** A rule turned into plain functions: the same decisions as json-rules-engine, synchronously. */
export interface CompiledRule {
  readonly rule: LoadedRule;
  /**
   * The index of the first case whose conditions hold, or -1.
   *
   * @throws {RuleValueError} where json-rules-engine stops with an error, or answers otherwise than exact decimals.
   */
  decideIndex(facts: Facts): number;
  /** The facts the conditions read, directly or as the value compared with: a decision depends on these alone. */
  readonly factsRead: ReadonlySet<string>;
}

/** How a rule is compiled. */
export interface CompileOptions {
  /**
   * Every fact the conditions read is given (the default: a scorecard's subjects have every fact of their fact set).
   * `false` for facts as written by hand (a worked example): a fact not given is then an error where json-rules-engine
   * (without `allowUndefinedFacts`) would stop on it, and so every condition the engine looks at is looked at.
   */
  readonly complete?: boolean;
}

/** A compiled condition: its test, whether it may throw, and its priority among its siblings. */
interface Node {
  readonly test: Test;
  readonly throws: boolean;
  readonly priority: number;
}

const NUMERIC = new Set(["lessThan", "lessThanInclusive", "greaterThan", "greaterThanInclusive"]);

/**
 * Compiles a rule's cases once into closures over the operator functions, with no `eval` and no `new Function`,
 * so that it runs under a strict Content-Security-Policy. The closures follow json-rules-engine 7.3: `all` and `any`
 * of no conditions hold; of several, they are looked at by priority, highest first, stopping once the answer is
 * known, and every condition of one priority is looked at (an error in any of them is an error of the whole); a
 * value `{ "fact": … }` is read from the facts; a shared condition is the rule file's condition of that name.
 *
 * Where no condition can fail (the standard rules' operators on complete facts), conditions are tried in order and
 * the first answer that settles a group settles it: the same answers, sooner.
 */
export function compileRule(rule: LoadedRule, options: CompileOptions = {}): CompiledRule {
  const complete = options.complete ?? true;
  const shared = new Map<string, Node>();
  const compileShared = (name: string): Node => {
    let node = shared.get(name);
    if (!node) shared.set(name, (node = compileCondition(rule.sharedConditions[name] as Condition, `sharedConditions.${name}`)));
    return node;
  };
  const compileCondition = (c: Condition, path: string): Node => {
    const priority = c.priority ?? 1;
    if (isLeaf(c)) return compileLeaf(rule, c, path, complete);
    if ("condition" in c) return { ...compileShared(c.condition), priority };
    if ("not" in c) {
      const inner = compileCondition(c.not, `${path}.not`);
      const test = inner.test;
      return { test: (facts) => !test(facts), throws: inner.throws, priority };
    }
    const any = "any" in c;
    const list = any ? c.any : c.all;
    const parts = list.map((x, i) => compileCondition(x, `${path}.${any ? "any" : "all"}[${i}]`));
    return { test: any ? anyOf(parts) : allOf(parts), throws: parts.some((p) => p.throws), priority };
  };
  const tests = rule.cases.map((k: RuleCase, i) => compileCondition(k.conditions as Condition, `cases[${i}].conditions`).test);
  const factsRead = new Set<string>();
  for (const k of rule.cases) collectFacts(k.conditions as Condition, factsRead);
  for (const c of Object.values(rule.sharedConditions)) collectFacts(c as Condition, factsRead);
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
  if (isLeaf(c)) {
    into.add(c.fact);
    const ref = reference(c.value);
    if (ref?.kind === "fact") into.add(ref.name);
  } else if ("all" in c) for (const part of c.all) collectFacts(part, into);
  else if ("any" in c) for (const part of c.any) collectFacts(part, into);
  else if ("not" in c) collectFacts(c.not, into);
}

const ALWAYS: Test = () => true;

/** `all` of the parts, as json-rules-engine looks at them (see {@link compileRule}). */
function allOf(parts: readonly Node[]): Test {
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0]!.test;
  if (parts.some((p) => p.throws)) return byPriority(parts, true);
  const tests = parts.map((p) => p.test);
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (facts) => a(facts) && b(facts);
  }
  return (facts) => {
    for (const t of tests) if (!t(facts)) return false;
    return true;
  };
}

/** `any` of the parts; json-rules-engine holds an empty `any` true, like an empty `all`. */
function anyOf(parts: readonly Node[]): Test {
  if (parts.length === 0) return ALWAYS;
  if (parts.length === 1) return parts[0]!.test;
  if (parts.some((p) => p.throws)) return byPriority(parts, false);
  const tests = parts.map((p) => p.test);
  if (tests.length === 2) {
    const [a, b] = tests as [Test, Test];
    return (facts) => a(facts) || b(facts);
  }
  return (facts) => {
    for (const t of tests) if (t(facts)) return true;
    return false;
  };
}

/**
 * Parts that may fail, looked at as json-rules-engine does: by priority, highest first; each priority's parts all
 * looked at, any failure failing the whole; the next priority only when the answer is not yet known.
 */
function byPriority(parts: readonly Node[], all: boolean): Test {
  const priorities = [...new Set(parts.map((p) => p.priority))].sort((a, b) => b - a);
  const sets = priorities.map((priority) => parts.filter((p) => p.priority === priority).map((p) => p.test));
  return (facts) => {
    let result = all;
    for (const set of sets) {
      if (result !== all) break;
      let failure: unknown;
      let failed = false;
      let setResult = all;
      for (const test of set) {
        try {
          const holds = test(facts);
          setResult = all ? setResult && holds : setResult || holds;
        } catch (error) {
          if (!failed) failure = error;
          failed = true;
        }
      }
      if (failed) throw failure;
      result = setResult;
    }
    return result;
  };
}

function compileLeaf(rule: LoadedRule, c: LeafCondition, path: string, complete: boolean): Node {
  const chain = operatorChain(c.operator);
  if (!chain) throw new RuleValueError(rule.file, `${path}.operator`, `unknown operator ${shown(c.operator)}`, true);
  const fn = chain.decorators.length > 0 ? chainFn(chain) : chain.operator.fn;
  const fact = c.fact;
  const ref = reference(c.value);
  const other = ref?.kind === "fact" ? ref.name : undefined;
  const value = c.value;
  const name = chain.operator.name;
  const priority = c.priority ?? 1;
  // Only these may fail on values a load let through: numbers json-rules-engine reads otherwise, lists and texts
  // that are a fact's value, not the file's.
  const throws =
    !complete ||
    chain.decorators.some((d) => d === "someValue" || d === "everyValue" || d === "swap") ||
    NUMERIC.has(name) ||
    ((name === "in" || name === "notIn") && (other !== undefined || (!Array.isArray(value) && typeof value !== "string")));
  if (!throws) return { test: other === undefined ? literalTest(name, chain.decorators.length > 0, fact, value, fn) : (facts) => fn(facts[fact], facts[other]), throws, priority };
  const read = (facts: Facts, key: string): unknown => {
    const v = facts[key];
    if (v === undefined && !complete && !Object.hasOwn(facts, key))
      throw new RuleValueError(rule.file, path, `fact "${key}" is not given: json-rules-engine stops with "Undefined fact: ${key}"`, true);
    return v;
  };
  return {
    throws,
    priority,
    test(facts) {
      // json-rules-engine reads the value's fact and the fact together: either missing is an error.
      const b = other === undefined ? value : read(facts, other);
      const a = read(facts, fact);
      try {
        return fn(a, b);
      } catch (error) {
        if (error instanceof ComparisonError) throw new RuleValueError(rule.file, path, `${fact} ${c.operator} ${other ?? shown(value)}: ${error.reason}`, error.engineFails);
        throw error;
      }
    },
  };
}

/** A leaf against a literal, the commonest operators written out so that a decision is a few instructions. */
function literalTest(operator: string, decorated: boolean, fact: string, value: unknown, fn: (a: unknown, b: unknown) => boolean): Test {
  if (!decorated)
    switch (operator) {
      case "equal":
        return (facts) => facts[fact] === value;
      case "notEqual":
        return (facts) => facts[fact] !== value;
      case "in":
        // A literal list holds no NaN (rule files are JSON), so a set finds what indexOf does.
        if (Array.isArray(value)) {
          const set = new Set(value);
          return (facts) => set.has(facts[fact]);
        }
        break;
      default: {
        // A decimal bound, read once rather than on every subject.
        const test = DECIMAL_TESTS.get(operator);
        if (test) {
          const compare = comparedWith(value);
          return (facts) => {
            const c = compare(facts[fact]);
            return c !== undefined && test(c);
          };
        }
      }
    }
  return (facts) => fn(facts[fact], value);
}

/**
 * The decimals a rule compares a fact with, sorted and each once, when every condition reading the fact compares it
 * with a literal decimal through a decimal operator (or tests it `equal` or `notEqual` to null); else undefined. For a
 * decimal value of the fact, each such condition then holds or not by the value's order against these bounds alone,
 * as {@link compileLeaf} compiles it: values that compare alike with every bound are decided alike.
 */
export function decimalBoundsOf(rule: LoadedRule, fact: string): unknown[] | undefined {
  const bounds: unknown[] = [];
  const walk = (c: Condition): boolean => {
    if (isLeaf(c)) {
      const ref = reference(c.value);
      if (ref?.kind === "fact" && ref.name === fact) return false;
      if (c.fact !== fact) return true;
      const chain = operatorChain(c.operator);
      if (!chain || chain.decorators.length > 0 || ref !== undefined) return false;
      const name = chain.operator.name;
      if ((name === "equal" || name === "notEqual") && c.value === null) return true;
      if (!DECIMAL_TESTS.has(name) || compareDecimals(c.value, c.value) !== 0) return false;
      if (!bounds.some((b) => compareDecimals(b, c.value) === 0)) bounds.push(c.value);
      return true;
    }
    if ("all" in c) return c.all.every(walk);
    if ("any" in c) return c.any.every(walk);
    if ("not" in c) return walk(c.not);
    // A shared condition is walked below, with the rest of the rule file's.
    return true;
  };
  const conditions = [...rule.cases.map((k) => k.conditions as Condition), ...Object.values(rule.sharedConditions).map((c) => c as Condition)];
  if (!conditions.every(walk)) return undefined;
  return bounds.sort((a, b) => compareDecimals(a, b)!);
}

/** The outcome of a compiled rule for some facts, or undefined when no case holds. */
export function decideCompiled(compiled: CompiledRule, facts: Facts): Outcome | undefined {
  const i = compiled.decideIndex(facts);
  return i < 0 ? undefined : compiled.rule.cases[i]!.event.params;
}
