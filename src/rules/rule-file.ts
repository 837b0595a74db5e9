import { z } from "../zod.js";
import { LocalizedText } from "../model/text.js";
import { AppliesTo, Severity, StatusDefinition, Verdict } from "../model/verdict.js";


/** The fact sets the library computes; a rule reads the facts of one of them. */
export const FactSetName = z.enum([
  "milestone",
  "acrossLocalities",
  "progress",
  "taskDeadline",
  "taskAnnual",
  "taskContinuous",
  "observation",
  "planTask",
  "planIndicator",
]);
export type FactSetName = z.Infer<typeof FactSetName>;

/** A scalar a rule compares with: a literal, a fact (`{ "fact": "due" }`) or a parameter (`{ "param": "dueSoonDays" }`). */
export const RuleValue: z.ZodType<unknown> = z.unknown();

/** What every json-rules-engine condition may carry: a name (for readers) and a priority (the order it is looked at in). */
export interface ConditionCommon {
  /** A name for readers; json-rules-engine keeps it in its results. */
  name?: string;
  /**
   * json-rules-engine looks at the conditions of an `all` or `any` in order of priority, highest first, and stops
   * once the answer is known. It changes no answer, only which conditions are looked at. Default 1.
   */
  priority?: number;
}

/** A json-rules-engine comparison: a fact, an operator (with decorators) and a value. */
export interface LeafCondition extends ConditionCommon {
  fact: string;
  operator: string;
  value: unknown;
  /** Passed to a fact computed by a function; every fact here is a value, which json-rules-engine reads without them. */
  params?: Record<string, unknown>;
}

/**
 * A json-rules-engine condition: a comparison, `all` / `any` / `not` of conditions, or a reference to a shared
 * condition of the rule file (`{ "condition": "name" }`).
 */
export type Condition =
  | LeafCondition
  | (ConditionCommon & { all: Condition[] })
  | (ConditionCommon & { any: Condition[] })
  | (ConditionCommon & { not: Condition })
  | (ConditionCommon & { condition: string });

/** The conditions of a case or a shared condition: `all`, `any` or `not` of conditions, or a shared condition. */
export type TopCondition = Exclude<Condition, LeafCondition>;

const common = {
  name: z.optional(z.string().check(z.minLength(1))),
  priority: z.optional(z.int().check(z.gte(1))),
};
const reference = z.strictObject({ condition: z.string().check(z.minLength(1)), ...common });

/** Schema of a json-rules-engine condition: a comparison, `all` / `any` / `not` of conditions, or a shared condition. */
export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.strictObject({
      fact: z.string().check(z.minLength(1)),
      operator: z.string().check(z.minLength(1)),
      value: RuleValue,
      params: z.optional(z.record(z.string(), z.unknown())),
      ...common,
    }),
    z.strictObject({ all: z.array(Condition), ...common }),
    z.strictObject({ any: z.array(Condition), ...common }),
    z.strictObject({ not: Condition, ...common }),
    reference,
  ]),
) as z.ZodType<Condition>;

/** Schema of the conditions at the top of a case or of a shared condition. */
export const TopCondition: z.ZodType<TopCondition> = z.union([
  z.strictObject({ all: z.array(Condition), ...common }),
  z.strictObject({ any: z.array(Condition), ...common }),
  z.strictObject({ not: Condition, ...common }),
  reference,
]) as z.ZodType<TopCondition>;

/** Whether a condition is a comparison (not `all`, `any`, `not` or a reference). */
export function isLeaf(c: Condition): c is LeafCondition {
  return Object.hasOwn(c, "fact");
}

/** The conditions inside `all`, `any` or `not`: none for a comparison or a reference. */
export function innerConditions(c: Condition): readonly Condition[] {
  if ("all" in c) return c.all;
  if ("any" in c) return c.any;
  if ("not" in c) return [c.not];
  return [];
}

/** What a case decides: the verdict, the status, the score (0 to 1) and the message. */
export const Outcome = z.strictObject({
  verdict: Verdict,
  status: z.string().check(z.minLength(1)),
  /** Decimal score of a pass/warn/fail row: a literal, `{ "param": … }` or `{ "fact": … }`. Defaults: pass 1, fail 0. */
  score: z.optional(z.union([z.string().check(z.regex(/^\d+(\.\d+)?$/)), z.strictObject({ param: z.string() }), z.strictObject({ fact: z.string() })])),
  /** Message with `{fact}` and `{param}` placeholders; `{name}` is the entity's name, `{label}` its id and short name. */
  message: LocalizedText,
  /** `false`: the row is shown but not scored (a task due soon or in progress is not yet to be judged). */
  scored: z.optional(z.boolean()),
  /**
   * `true`: the row lacked the figure or report it needed (none given, or one set aside as invalid). It is scored as
   * the case says, and counts against coverage as a `no-data` row does.
   */
  missingData: z.optional(z.boolean()),
  /** Emit no row (a check that only reports problems). */
  skip: z.optional(z.boolean()),
});
export type Outcome = z.Infer<typeof Outcome>;

/**
 * One case of a rule: a json-rules-engine rule (`conditions` and an `event` whose params are the outcome).
 * Cases are tried in file order; the first whose conditions hold decides.
 */
export const RuleCase = z.strictObject({
  name: z.string().check(z.minLength(1)),
  conditions: TopCondition,
  event: z.strictObject({ type: z.literal("outcome"), params: Outcome }),
});
export type RuleCase = z.Infer<typeof RuleCase>;

/** A parameter a rule declares, with its default; apps may override it. */
export const RuleParameter = z.strictObject({
  default: z.union([z.string(), z.number(), z.boolean()]),
  description: LocalizedText,
});
export type RuleParameter = z.Infer<typeof RuleParameter>;

/** A worked example: facts, parameters if not the defaults, and the outcome expected. Examples are run as tests. */
export const RuleExample = z.strictObject({
  name: z.string().check(z.minLength(1)),
  facts: z.record(z.string(), z.unknown()),
  parameters: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean()]))),
  expect: z.strictObject({ verdict: Verdict, status: z.string().check(z.minLength(1)), score: z.optional(z.nullable(z.string())), skip: z.optional(z.boolean()) }),
});
export type RuleExample = z.Infer<typeof RuleExample>;

/** A rule file of `rules/`: metadata, parameters, the cases (json-rules-engine rules) and worked examples. */
export const RuleFile = z.strictObject({
  $schema: z.optional(z.string()),
  /** Dotted id, e.g. `indicator.milestone-met`. */
  id: z.string().check(z.regex(/^[a-z]+(\.[a-z0-9]+(-[a-z0-9]+)*)+$/, "must look like indicator.milestone-met")),
  title: LocalizedText,
  description: LocalizedText,
  rationale: LocalizedText,
  severity: Severity,
  /** Weight of the rule's rows in scores; 0 reports without scoring. */
  weight: z.number().check(z.gte(0)).check(z.lte(100)),
  appliesTo: AppliesTo,
  /** The facts the rule reads. */
  factSet: FactSetName,
  /** Where in the plan the duty comes from. */
  planClause: LocalizedText,
  parameters: z._default(z.record(z.string().check(z.regex(/^[a-z][A-Za-z0-9]*$/)), RuleParameter), {}),
  /** The statuses its cases give, with their words; a rule that declares none shows its status ids as they are. */
  statuses: z._default(z.record(z.string().check(z.minLength(1)), StatusDefinition), {}),
  /**
   * Conditions the cases share, by name, referred to as `{ "condition": "name" }` (json-rules-engine's
   * `engine.setCondition`).
   */
  sharedConditions: z._default(z.record(z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_-]*$/)), TopCondition), {}),
  cases: z.array(RuleCase).check(z.minLength(1)),
  examples: z.array(RuleExample).check(z.minLength(1)),
});
export type RuleFile = z.Infer<typeof RuleFile>;
