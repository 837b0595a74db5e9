import { z } from "../zod.js";
import { LocalizedText } from "./text.js";

/** What a verdict says of a checked entity. */
export const Verdict = z.enum(["pass", "warn", "fail", "no-data", "not-applicable"]);
export type Verdict = z.Infer<typeof Verdict>;

/** The verdicts in the order they are counted and listed. */
export const VERDICTS: readonly Verdict[] = Verdict.options;

/** Which kind of entity a rule checks. */
export const AppliesTo = z.enum(["indicator", "task", "plan", "observation"]);
export type AppliesTo = z.Infer<typeof AppliesTo>;

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
export type Severity = z.Infer<typeof Severity>;

/**
 * What a status of a rule's rows means, declared with the rule so that every output shows it without knowing the
 * rule: its words, how urgently it needs someone to act (1 most urgent; absent: it does not need attention),
 * whether a task in it is one to follow up (listed in the reports' table of tasks), and what the responsible agency
 * should do about a row in it that fails, warns or lacks its data.
 */
export const StatusDefinition = z.strictObject({
  label: LocalizedText,
  attention: z.optional(z.int().check(z.gte(1)).check(z.lte(1000))),
  followUp: z.optional(z.boolean()),
  /** What the agency answering for the row should do next, shown beside a failing, warning or no-data row. */
  remediation: z.optional(LocalizedText),
});
export type StatusDefinition = z.Infer<typeof StatusDefinition>;

