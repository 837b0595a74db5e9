import { Decimal } from "../decimal.js";
import { CANONICAL_UNIT } from "../model/scorecard.js";
import type { Verdict } from "../model/verdict.js";
import type { LoadedRule, ParameterValue } from "./load.js";
import type { Outcome } from "./rule-file.js";

const DEFAULT_SCORES: Partial<Record<Verdict, string>> = { pass: "1", warn: "0.5", fail: "0" };

const weights = new WeakMap<LoadedRule, string>();

/** A rule's weight as a canonical decimal string, made once per rule rather than once per row. */
export function ruleWeight(rule: LoadedRule): string {
  let weight = weights.get(rule);
  if (weight === undefined) weights.set(rule, (weight = new Decimal(rule.weight).toString()));
  return weight;
}

/** The row's score: the case's literal, parameter or fact, or the verdict's default; null when the row is not scored. */
export function scoreOf(outcome: Outcome, facts: Readonly<Record<string, unknown>>, params: Readonly<Record<string, ParameterValue>>): string | null {
  if (outcome.verdict === "no-data" || outcome.verdict === "not-applicable" || outcome.scored === false) return null;
  const s = outcome.score;
  const raw = s === undefined ? DEFAULT_SCORES[outcome.verdict] : typeof s === "string" ? s : "param" in s ? params[s.param] : facts[s.fact];
  if (raw === undefined || raw === null) return null;
  // Scores are decimals from 0 to 1; the common ones ("1", "0", "0.5", a clamped ratio) need no arithmetic.
  if (typeof raw === "string" && CANONICAL_UNIT.test(raw)) return raw;
  const d = new Decimal(String(raw));
  return Decimal.min(1, Decimal.max(0, d)).toString();
}

