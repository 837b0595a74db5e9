import { cutText, quoted } from "../safe-text.js";
import { RuleFileError } from "./errors.js";
import { FACT_SETS, MESSAGE_PLACEHOLDERS } from "./fact-sets.js";
import { OPERATOR_MAP } from "./operators.js";
import { RuleFile, type Condition, type Outcome, type RuleCase } from "./rule-file.js";

/** A rule file as given: its name (for error messages) and its parsed JSON. */
export interface RuleSource {
  readonly file: string;
  readonly json: unknown;
}

/** A parameter's value. */
export type ParameterValue = string | number | boolean;

/** What an app may change in the rules it loads. */
export interface RuleOverrides {
  /** Parameter values by rule id, e.g. `{ "task.deadline": { dueSoonDays: 14 } }`. */
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, ParameterValue>>>>;
  /** Weights by rule id. */
  readonly weights?: Readonly<Record<string, number>>;
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
export function loadRules(sources: readonly RuleSource[], overrides: RuleOverrides = {}): LoadedRule[] {
  // Checking a rule file parses it through zod; a file already checked (the same object) is not checked again.
  return loadRulesChecked(sources, overrides);
}

const checkedFiles = new WeakMap<RuleSource, RuleFile>();

function checkedRuleFile(source: RuleSource): RuleFile {
  let rule = checkedFiles.get(source);
  if (!rule) checkedFiles.set(source, (rule = checkRuleFile(source)));
  return rule;
}

function loadRulesChecked(sources: readonly RuleSource[], overrides: RuleOverrides): LoadedRule[] {
  const seen = new Map<string, string>();
  const rules = sources.map((source) => {
    const rule = checkedRuleFile(source);
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

/** Validates one rule file against the schema and the fact sets, without resolving parameters. */
export function checkRuleFile(source: RuleSource): RuleFile {
  checkShape(source.file, source.json, "", 0);
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
  const facts = new Set(Object.keys(factSet.facts));
  const params = new Set(Object.keys(rule.parameters));
  const known = (kind: "fact" | "param", name: string, path: string) => {
    const set = kind === "fact" ? facts : params;
    if (!set.has(name))
      throw new RuleFileError(
        source.file,
        path,
        kind === "fact"
          ? `unknown fact ${quoted(name)} for fact set ${rule.factSet}; known facts: ${[...facts].join(", ")}`
          : `unknown parameter ${quoted(name)}; declared parameters: ${[...params].join(", ") || "none"}`,
      );
  };
  let conditionCount = 0;
  const walk = (c: Condition, path: string) => {
    conditionCount += 1;
    if (conditionCount > RULE_LIMITS.maxConditions) throw new RuleFileError(source.file, path, `more than ${RULE_LIMITS.maxConditions} conditions`);
    if ("all" in c) c.all.forEach((x, i) => walk(x, `${path}.all[${i}]`));
    else if ("any" in c) c.any.forEach((x, i) => walk(x, `${path}.any[${i}]`));
    else if ("not" in c) walk(c.not, `${path}.not`);
    else {
      known("fact", c.fact, `${path}.fact`);
      if (!isKnownOperator(c.operator))
        throw new RuleFileError(
          source.file,
          `${path}.operator`,
          `unknown operator ${quoted(c.operator)}; known operators: ${[...OPERATOR_MAP.keys()].join(", ")}, each optionally after the decorators ${OPERATOR_DECORATORS.join(":, ")}:`,
        );
      const value = c.value;
      // json-rules-engine reads any object with a "fact" key as a fact, with a JSONPath "path" if given: only
      // `{ "fact": name }` is allowed, so that no path expression ever reaches the engine.
      if (typeof value === "object" && value !== null && !Array.isArray(value) && (Object.hasOwn(value, "fact") || Object.hasOwn(value, "param"))) {
        const keys = Object.keys(value);
        if (keys.length !== 1 || typeof (value as Record<string, unknown>)[keys[0]!] !== "string")
          throw new RuleFileError(source.file, `${path}.value`, 'a value names a fact as { "fact": name } or a parameter as { "param": name }, with nothing else (no path, no params)');
      }
      const ref = reference(value);
      if (ref) known(ref.kind, ref.name, `${path}.value.${ref.kind}`);
    }
  };
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
        if (!Object.hasOwn(MESSAGE_PLACEHOLDERS, name) && !facts.has(name) && !params.has(name))
          throw new RuleFileError(source.file, `cases[${i}].event.params.message.${lang}`, `unknown placeholder {${name}}`);
  });
  const given = new Set(rule.cases.map((k) => k.event.params.status));
  for (const status of Object.keys(rule.statuses))
    if (!given.has(status)) throw new RuleFileError(source.file, `statuses.${status}`, `status "${status}" is declared but no case gives it`);
  rule.examples.forEach((ex, i) => {
    for (const name of Object.keys(ex.facts)) known("fact", name, `examples[${i}].facts.${name}`);
    for (const name of Object.keys(ex.parameters ?? {})) known("param", name, `examples[${i}].parameters.${name}`);
  });
  return rule;
}

function resolve(file: string, rule: RuleFile, overrides: RuleOverrides): LoadedRule {
  const given = overrides.parameters?.[rule.id] ?? {};
  const parameters: Record<string, ParameterValue> = {};
  for (const [name, p] of Object.entries(rule.parameters)) parameters[name] = p.default;
  for (const [name, value] of Object.entries(given)) {
    const declared = rule.parameters[name];
    if (!declared) throw new RuleFileError(file, `parameters.${cutText(name)}`, `rule ${rule.id} has no parameter ${quoted(name)}`);
    if (typeof value !== typeof declared.default)
      throw new RuleFileError(file, `parameters.${name}`, `expected a ${typeof declared.default}, got ${JSON.stringify(value)}`);
    parameters[name] = value;
  }
  const weight = overrides.weights?.[rule.id] ?? rule.weight;
  if (!(weight >= 0 && weight <= 100)) throw new RuleFileError(file, "weight", `weight ${weight} is not between 0 and 100`);
  return { id: rule.id, file, definition: rule, weight, parameters, cases: rule.cases.map((k) => substituteCase(k, parameters)) };
}

/** Replaces `{ "param": name }` values by the parameter's value, so the engine sees plain values. */
export function substituteCase(k: RuleCase, parameters: Readonly<Record<string, ParameterValue>>): RuleCase {
  const sub = (c: Condition): Condition => {
    if ("all" in c) return { all: c.all.map(sub) };
    if ("any" in c) return { any: c.any.map(sub) };
    if ("not" in c) return { not: sub(c.not) };
    const ref = reference(c.value);
    return ref?.kind === "param" ? { ...c, value: parameters[ref.name] } : c;
  };
  return { ...k, conditions: sub(k.conditions as Condition) as RuleCase["conditions"] };
}

/** json-rules-engine's operator decorators, allowed before an operator (`everyFact:decimalAtLeast`). */
export const OPERATOR_DECORATORS = ["not", "someFact", "everyFact", "someValue", "everyValue", "swap"] as const;

/** A known operator, possibly after json-rules-engine decorators (at most three). */
export function isKnownOperator(name: string): boolean {
  const parts = name.split(":");
  const op = parts.pop()!;
  return parts.length <= 3 && parts.every((d) => (OPERATOR_DECORATORS as readonly string[]).includes(d)) && OPERATOR_MAP.has(op);
}

/** `{ "fact": name }` or `{ "param": name }`, or nothing. */
export function reference(value: unknown): { kind: "fact" | "param"; name: string } | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const [key] = keys as ["fact" | "param"];
  const name = (value as Record<string, unknown>)[key];
  return (key === "fact" || key === "param") && typeof name === "string" ? { kind: key, name } : undefined;
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
