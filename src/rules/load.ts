import { cutText, quoted } from "../safe-text.js";
import { comparisonProblem, fitsType, type Side } from "./comparisons.js";
import { RuleFileError } from "./errors.js";
import { FACT_SETS, factsOf, MESSAGE_PLACEHOLDERS, type AppFacts } from "./fact-sets.js";
import { MAX_DECORATORS, OPERATOR_DECORATORS, operatorChain, OPERATORS, shown } from "./operators.js";
import type { StandardRuleId, StandardRuleParameters } from "./standard-types.js";
import { innerConditions, isLeaf, RuleFile, type Condition, type Outcome, type RuleCase, type TopCondition } from "./rule-file.js";

/** A rule file as given: its name (for error messages) and its parsed JSON. */
export interface RuleSource {
  readonly file: string;
  readonly json: unknown;
}

/** A parameter's value. */
export type ParameterValue = string | number | boolean;

/** What an app may change in the rules it loads. */
export interface RuleOverrides {
  /**
   * Parameter values by rule id, e.g. `{ "task.deadline": { dueSoonDays: 14 } }`: a standard rule's typed as its rule
   * file declares them ({@link StandardRuleParameters}), an app's own rule's by the types of their defaults.
   */
  readonly parameters?: StandardRuleParameters & { readonly [ruleId: string]: Readonly<Record<string, ParameterValue | undefined>> | undefined } | undefined;
  /** Weights (0 to 100) by rule id. */
  readonly weights?: { readonly [ruleId in StandardRuleId]?: number } & { readonly [ruleId: string]: number | undefined } | undefined;
}

/** What rules are loaded with: an app's overrides, and the facts it brings of its own. */
export interface LoadOptions extends RuleOverrides {
  /**
   * Facts an app brings, by kind of entity: rules may read them as they read the library's, and are checked
   * against them when loaded. Their values are given to `evaluate` as `appFactValues`.
   */
  readonly appFacts?: AppFacts | undefined;
}

/** A checked rule, parameters resolved, ready to run. */
export interface LoadedRule {
  readonly id: string;
  readonly file: string;
  readonly definition: RuleFile;
  readonly weight: number;
  /** Resolved parameter values: defaults with the app's overrides. */
  readonly parameters: Readonly<Record<string, ParameterValue>>;
  /** The cases with every `{ "param": … }` replaced by its value. */
  readonly cases: readonly RuleCase[];
  /** The rule file's shared conditions, by name, parameters replaced likewise. */
  readonly sharedConditions: Readonly<Record<string, TopCondition>>;
  /** The app's own facts the rule was checked against. */
  readonly appFacts?: AppFacts | undefined;
}

/**
 * Limits on rule files, which may come from outside: deep or huge files are refused, not run. `maxFileChars` holds
 * for a rule file's text (`ruleSourceFromText`, `nq57 --rules`, `nq57 rules test`), the standard ones a few thousand.
 */
export const RULE_LIMITS = { maxDepth: 24, maxConditions: 200, maxStringLength: 4000, maxCases: 50, maxFileChars: 1_000_000 } as const;

const FORBIDDEN_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Checks rule files and resolves their parameters. Every problem is a {@link RuleFileError} naming the file
 * and the path inside it: an unknown fact, operator or parameter, a duplicate id, an override for a rule or
 * parameter that does not exist.
 *
 * @example
 * const rules = loadRules(standardRuleSources, { parameters: { "task.deadline": { dueSoonDays: 14 } } });
 */
export function loadRules(sources: readonly RuleSource[], options: LoadOptions = {}): LoadedRule[] {
  // Checking a rule file parses it through zod; a file already checked (the same object, with the same app facts)
  // is not checked again.
  return loadRulesChecked(sources, options);
}

const NO_APP_FACTS: AppFacts = {};
const checkedFiles = new WeakMap<RuleSource, WeakMap<AppFacts, RuleFile>>();

function checkedRuleFile(source: RuleSource, appFacts: AppFacts | undefined): RuleFile {
  let byFacts = checkedFiles.get(source);
  if (!byFacts) checkedFiles.set(source, (byFacts = new WeakMap()));
  let rule = byFacts.get(appFacts ?? NO_APP_FACTS);
  if (!rule) byFacts.set(appFacts ?? NO_APP_FACTS, (rule = checkRuleFile(source, appFacts)));
  return rule;
}

function loadRulesChecked(sources: readonly RuleSource[], overrides: LoadOptions): LoadedRule[] {
  const seen = new Map<string, string>();
  const rules = sources.map((source) => {
    const rule = checkedRuleFile(source, overrides.appFacts);
    const earlier = seen.get(rule.id);
    if (earlier) throw new RuleFileError(source.file, "id", `duplicate rule id "${rule.id}", also in ${earlier}`);
    seen.set(rule.id, source.file);
    return resolve(source.file, rule, overrides);
  });
  for (const [id, params] of Object.entries(overrides.parameters ?? {})) {
    if (!seen.has(id)) throw new RuleFileError("(parameters)", cutText(id), `no rule ${quoted(id)} is loaded`);
    void params;
  }
  for (const id of Object.keys(overrides.weights ?? {}))
    if (!seen.has(id)) throw new RuleFileError("(weights)", cutText(id), `no rule ${quoted(id)} is loaded`);
  return rules;
}

/** Validates one rule file against the schema and the fact sets (with an app's own facts), without resolving parameters. */
export function checkRuleFile(source: RuleSource, appFacts?: AppFacts): RuleFile {
  checkShape(source.file, source.json, "", 0);
  checkComparisonShapes(source.file, source.json);
  const parsed = RuleFile.safeParse(source.json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new RuleFileError(source.file, jsonPath(issue.path as (string | number)[]), issue.message);
  }
  const rule = parsed.data;
  const factSet = FACT_SETS[rule.factSet];
  if (factSet.appliesTo !== rule.appliesTo)
    throw new RuleFileError(source.file, "appliesTo", `fact set "${rule.factSet}" checks ${factSet.appliesTo}, not ${rule.appliesTo}`);
  if (rule.cases.length > RULE_LIMITS.maxCases) throw new RuleFileError(source.file, "cases", `more than ${RULE_LIMITS.maxCases} cases`);
  const facts = factsOf(rule.factSet, appFacts);
  const params = new Set(Object.keys(rule.parameters));
  const known = (kind: "fact" | "param", name: string, path: string) => {
    const found = kind === "fact" ? Object.hasOwn(facts, name) : params.has(name);
    if (!found)
      throw new RuleFileError(
        source.file,
        path,
        kind === "fact"
          ? `unknown fact ${quoted(name)} for fact set ${rule.factSet}; known facts: ${Object.keys(facts).join(", ")}`
          : `unknown parameter ${quoted(name)}; declared parameters: ${[...params].join(", ") || "none"}`,
      );
  };
  let conditionCount = 0;
  const walk = (c: Condition, path: string) => {
    conditionCount += 1;
    if (conditionCount > RULE_LIMITS.maxConditions) throw new RuleFileError(source.file, path, `more than ${RULE_LIMITS.maxConditions} conditions`);
    if ("condition" in c && !Object.hasOwn(rule.sharedConditions, c.condition))
      throw new RuleFileError(
        source.file,
        `${path}.condition`,
        `no shared condition ${quoted(c.condition)}; the rule file's sharedConditions: ${Object.keys(rule.sharedConditions).join(", ") || "none"} (json-rules-engine stops with "No condition … exists")`,
      );
    if (!isLeaf(c)) {
      const key = "all" in c ? "all" : "any" in c ? "any" : "not";
      innerConditions(c).forEach((x, i) => walk(x, key === "not" ? `${path}.not` : `${path}.${key}[${i}]`));
      return;
    }
    known("fact", c.fact, `${path}.fact`);
    const chain = operatorChain(c.operator);
    if (!chain)
      throw new RuleFileError(
        source.file,
        `${path}.operator`,
        `unknown operator ${quoted(c.operator)}; known operators: ${OPERATORS.map((o) => o.name).join(", ")}, each optionally after at most ${MAX_DECORATORS} of the decorators ${OPERATOR_DECORATORS.join(":, ")}:`,
      );
    const ref = reference(c.value);
    if (ref) known(ref.kind, ref.name, `${path}.value.${ref.kind}`);
    const right: Side =
      ref?.kind === "fact" ? { fact: ref.name, type: facts[ref.name]!.type } : ref?.kind === "param" ? { literal: rule.parameters[ref.name]!.default } : { literal: c.value };
    const problem = comparisonProblem(chain, { fact: c.fact, type: facts[c.fact]!.type }, right);
    if (problem) throw new RuleFileError(source.file, path, `${c.fact} ${c.operator} ${ref ? `{${ref.name}}` : shown(c.value)}: ${problem}`);
  };
  for (const [name, c] of Object.entries(rule.sharedConditions)) walk(c as Condition, `sharedConditions.${name}`);
  checkNoCycle(source.file, rule.sharedConditions);
  rule.cases.forEach((k, i) => {
    walk(k.conditions as Condition, `cases[${i}].conditions`);
    const outcome = k.event.params;
    // A rule that declares its statuses declares every one its cases give: outputs show them by those words.
    const declared = Object.keys(rule.statuses);
    if (declared.length > 0 && !Object.hasOwn(rule.statuses, outcome.status))
      throw new RuleFileError(source.file, `cases[${i}].event.params.status`, `status "${outcome.status}" is not declared in statuses; declared: ${declared.join(", ")}`);
    if (outcome.score && typeof outcome.score === "object") {
      const ref = reference(outcome.score);
      if (ref) known(ref.kind, ref.name, `cases[${i}].event.params.score.${ref.kind}`);
    }
    for (const lang of ["vi", "en"] as const)
      for (const name of placeholders(outcome.message[lang]))
        if (!Object.hasOwn(MESSAGE_PLACEHOLDERS, name) && !Object.hasOwn(facts, name) && !params.has(name))
          throw new RuleFileError(source.file, `cases[${i}].event.params.message.${lang}`, `unknown placeholder {${name}}`);
  });
  const given = new Set(rule.cases.map((k) => k.event.params.status));
  for (const status of Object.keys(rule.statuses))
    if (!given.has(status)) throw new RuleFileError(source.file, `statuses.${status}`, `status "${status}" is declared but no case gives it`);
  rule.examples.forEach((ex, i) => {
    for (const [name, value] of Object.entries(ex.facts)) {
      known("fact", name, `examples[${i}].facts.${name}`);
      const type = facts[name]!.type;
      if (value !== null && !fitsType(type, value))
        throw new RuleFileError(source.file, `examples[${i}].facts.${name}`, `fact "${name}" is ${type === "integer" ? "an integer" : `of type ${type}`}, not ${shown(value)}`);
    }
    for (const name of Object.keys(ex.parameters ?? {})) known("param", name, `examples[${i}].parameters.${name}`);
  });
  return rule;
}

/** A parameter overridden may not fit where the default did (`"abc"` where a decimal is compared): checked again. */
function checkOverriddenComparisons(file: string, rule: RuleFile, parameters: Readonly<Record<string, ParameterValue>>, appFacts: AppFacts | undefined): void {
  const facts = factsOf(rule.factSet, appFacts);
  const walk = (c: Condition, path: string) => {
    if (!isLeaf(c)) {
      const key = "all" in c ? "all" : "any" in c ? "any" : "not";
      innerConditions(c).forEach((x, i) => walk(x, key === "not" ? `${path}.not` : `${path}.${key}[${i}]`));
      return;
    }
    const ref = reference(c.value);
    if (ref?.kind !== "param") return;
    const value = parameters[ref.name];
    const problem = comparisonProblem(operatorChain(c.operator)!, { fact: c.fact, type: facts[c.fact]!.type }, { literal: value });
    if (problem) throw new RuleFileError(file, `parameters.${ref.name}`, `${shown(value)} cannot be compared in ${path} (${c.fact} ${c.operator} {${ref.name}}): ${problem}`);
  };
  for (const [name, c] of Object.entries(rule.sharedConditions)) walk(c as Condition, `sharedConditions.${name}`);
  rule.cases.forEach((k, i) => walk(k.conditions as Condition, `cases[${i}].conditions`));
}

/** Shared conditions referring to each other in a ring would never end (json-rules-engine recurses until the stack is spent). */
function checkNoCycle(file: string, shared: RuleFile["sharedConditions"]): void {
  const state = new Map<string, "open" | "done">();
  const visit = (name: string, trail: readonly string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "open")
      throw new RuleFileError(file, `sharedConditions.${name}`, `the shared conditions refer to each other in a ring (${[...trail, name].join(" → ")})`);
    state.set(name, "open");
    const refs: string[] = [];
    const collect = (c: Condition) => {
      if ("condition" in c) refs.push(c.condition);
      else innerConditions(c).forEach(collect);
    };
    collect(shared[name] as Condition);
    for (const ref of refs) if (Object.hasOwn(shared, ref)) visit(ref, [...trail, name]);
    state.set(name, "done");
  };
  for (const name of Object.keys(shared)) visit(name, []);
}

/**
 * Before the schema: what json-rules-engine would read otherwise than the library, named. A comparison's JSONPath
 * `path` (on the fact or on a `{ "fact": … }` value) is refused: the library's facts are flat values, and a JSONPath
 * evaluator is code the format keeps out. A comparison without a `value` is one json-rules-engine refuses too.
 */
function checkComparisonShapes(file: string, json: unknown): void {
  if (typeof json !== "object" || json === null) return;
  const walk = (c: unknown, path: string) => {
    if (typeof c !== "object" || c === null || Array.isArray(c)) return;
    const o = c as Record<string, unknown>;
    if (Object.hasOwn(o, "fact")) {
      if (Object.hasOwn(o, "path"))
        throw new RuleFileError(file, `${path}.path`, `a JSONPath "path" is not part of the format (json-rules-engine reads it with jsonpath-plus): every fact here is a plain value; compare it directly`);
      if (!Object.hasOwn(o, "value")) throw new RuleFileError(file, `${path}.value`, "a comparison needs a value (json-rules-engine refuses a condition without one)");
      const v = o.value;
      if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.hasOwn(v, "fact")) {
        const ref = v as Record<string, unknown>;
        if (Object.hasOwn(ref, "path"))
          throw new RuleFileError(file, `${path}.value.path`, `a JSONPath "path" is not part of the format (json-rules-engine reads it with jsonpath-plus): name the fact alone, { "fact": name }`);
        const odd = Object.keys(ref).find((k) => k !== "fact" && k !== "params");
        if (typeof ref.fact !== "string" || odd !== undefined || (ref.params !== undefined && (typeof ref.params !== "object" || ref.params === null || Array.isArray(ref.params))))
          throw new RuleFileError(file, `${path}.value`, 'a value names a fact as { "fact": name } (json-rules-engine reads any object with a "fact" key as one), with nothing else but params');
      } else if (typeof v === "object" && v !== null && !Array.isArray(v) && Object.hasOwn(v, "param") && reference(v)?.kind !== "param")
        throw new RuleFileError(file, `${path}.value`, 'a value names a parameter as { "param": name }, with nothing else');
      return;
    }
    for (const key of ["all", "any"] as const) if (Array.isArray(o[key])) (o[key] as unknown[]).forEach((x, i) => walk(x, `${path}.${key}[${i}]`));
    if (Object.hasOwn(o, "not")) walk(o.not, `${path}.not`);
  };
  const rule = json as { cases?: unknown; sharedConditions?: unknown };
  if (Array.isArray(rule.cases)) rule.cases.forEach((k, i) => walk((k as { conditions?: unknown } | null)?.conditions, `cases[${i}].conditions`));
  if (typeof rule.sharedConditions === "object" && rule.sharedConditions !== null)
    for (const [name, c] of Object.entries(rule.sharedConditions)) walk(c, `sharedConditions.${name}`);
}

function resolve(file: string, rule: RuleFile, overrides: LoadOptions): LoadedRule {
  const appFacts = overrides.appFacts;
  const given = overrides.parameters?.[rule.id] ?? {};
  const parameters: Record<string, ParameterValue> = {};
  for (const [name, p] of Object.entries(rule.parameters)) parameters[name] = p.default;
  for (const [name, value] of Object.entries(given)) {
    // An optional parameter written out as undefined keeps its default, as if left out.
    if (value === undefined) continue;
    const declared = rule.parameters[name];
    if (!declared) throw new RuleFileError(file, `parameters.${cutText(name)}`, `rule ${rule.id} has no parameter ${quoted(name)}`);
    if (typeof value !== typeof declared.default)
      throw new RuleFileError(file, `parameters.${name}`, `expected a ${typeof declared.default}, got ${JSON.stringify(value)}`);
    parameters[name] = value;
  }
  if (Object.keys(given).length > 0) checkOverriddenComparisons(file, rule, parameters, appFacts);
  const weight = overrides.weights?.[rule.id] ?? rule.weight;
  if (!(weight >= 0 && weight <= 100)) throw new RuleFileError(file, "weight", `weight ${weight} is not between 0 and 100`);
  const sharedConditions: Record<string, TopCondition> = {};
  for (const [name, c] of Object.entries(rule.sharedConditions)) sharedConditions[name] = substitute(c as Condition, parameters) as TopCondition;
  return { id: rule.id, file, definition: rule, weight, parameters, cases: rule.cases.map((k) => substituteCase(k, parameters)), sharedConditions, appFacts };
}

/** Replaces `{ "param": name }` values by the parameter's value, so the engine sees plain values. */
export function substituteCase(k: RuleCase, parameters: Readonly<Record<string, ParameterValue>>): RuleCase {
  return { ...k, conditions: substitute(k.conditions as Condition, parameters) as RuleCase["conditions"] };
}

function substitute(c: Condition, parameters: Readonly<Record<string, ParameterValue>>): Condition {
  if ("all" in c) return { ...c, all: c.all.map((x) => substitute(x, parameters)) };
  if ("any" in c) return { ...c, any: c.any.map((x) => substitute(x, parameters)) };
  if ("not" in c) return { ...c, not: substitute(c.not, parameters) };
  if (!isLeaf(c)) return c;
  const ref = reference(c.value);
  return ref?.kind === "param" ? { ...c, value: parameters[ref.name] } : c;
}

/** `{ "fact": name }` (json-rules-engine's, with `params` if given) or `{ "param": name }`, or nothing. */
export function reference(value: unknown): { kind: "fact" | "param"; name: string } | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const o = value as Record<string, unknown>;
  if (Object.hasOwn(o, "fact")) return typeof o.fact === "string" ? { kind: "fact", name: o.fact } : undefined;
  const keys = Object.keys(o);
  return keys.length === 1 && keys[0] === "param" && typeof o.param === "string" ? { kind: "param", name: o.param } : undefined;
}

/** Names inside `{…}` of a message. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z][A-Za-z0-9]*)\}/g)].map((m) => m[1] as string);
}

/** Refuses prototype keys, excessive depth and huge strings before anything reads the file. */
function checkShape(file: string, value: unknown, path: string, depth: number): void {
  if (depth > RULE_LIMITS.maxDepth) throw new RuleFileError(file, path, `nested deeper than ${RULE_LIMITS.maxDepth} levels`);
  if (typeof value === "string" && value.length > RULE_LIMITS.maxStringLength)
    throw new RuleFileError(file, path, `a text longer than ${RULE_LIMITS.maxStringLength} characters`);
  if (typeof value === "number" && !Number.isFinite(value)) throw new RuleFileError(file, path, "a number that is not finite");
  if (Array.isArray(value)) value.forEach((v, i) => checkShape(file, v, `${path}[${i}]`, depth + 1));
  else if (typeof value === "object" && value !== null)
    for (const key of Object.keys(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw new RuleFileError(file, path ? `${path}.${key}` : key, `the key "${key}" is not allowed`);
      checkShape(file, (value as Record<string, unknown>)[key], path ? `${path}.${key}` : key, depth + 1);
    }
}

function jsonPath(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? p : `.${p}`)).join("");
}

export type { Outcome };
