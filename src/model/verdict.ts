import { z } from "zod";

/** What a verdict says of a checked entity. */
export const Verdict = z.enum(["pass", "warn", "fail", "no-data", "not-applicable"]);
export type Verdict = z.infer<typeof Verdict>;

/** The verdicts in the order they are counted and listed. */
export const VERDICTS: readonly Verdict[] = Verdict.options;

/** Which kind of entity a rule checks. */
export const AppliesTo = z.enum(["indicator", "task", "plan", "observation"]);
export type AppliesTo = z.infer<typeof AppliesTo>;

/**
 * What a rule's rows are about: the plan's performance (its tasks and indicators), the figures reported (checks of
 * data quality) or the plan document itself. Only performance is scored; outputs show each kind apart.
 */
export type RowKind = "performance" | "dataQuality" | "planCheck";

/** The kind of rows a rule of this kind of entity makes. */
export function rowKindOf(appliesTo: AppliesTo): RowKind {
  return appliesTo === "plan" ? "planCheck" : appliesTo === "observation" ? "dataQuality" : "performance";
}

/** How grave a failed check is. */
export const Severity = z.enum(["high", "medium", "low"]);
export type Severity = z.infer<typeof Severity>;
