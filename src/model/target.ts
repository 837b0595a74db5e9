import { z } from "../zod.js";
import { DecimalString } from "./text.js";

/** How a target is read. `parts` and `alternatives` hold several simple targets in one cell. */
export const TargetKind = z.enum([
  "atLeast",
  "greaterThan",
  "atMost",
  "lessThan",
  "exactly",
  "range",
  "rankAtMost",
  "qualitative",
  "none",
  "parts",
  "alternatives",
]);
export type TargetKind = z.Infer<typeof TargetKind>;

/** The kinds a single comparison can take (the members of `parts` and `alternatives`). */
export const SimpleTargetKind = z.enum(["atLeast", "greaterThan", "atMost", "lessThan", "exactly", "range", "rankAtMost", "qualitative", "none"]);
export type SimpleTargetKind = z.Infer<typeof SimpleTargetKind>;

const bounds = {
  value: z.optional(DecimalString),
  min: z.optional(DecimalString),
  max: z.optional(DecimalString),
};

/** One comparison inside a compound cell, e.g. `> 95%` for one population of PL1-36.1. */
export const TargetMember = z.object({
  raw: z.string().check(z.minLength(1)),
  kind: SimpleTargetKind,
  ...bounds,
  /** Whom the member applies to (the population of a `parts` member); `en` is filled in by the plan data. */
  label: z.optional(z.object({ vi: z.string().check(z.minLength(1)), en: z.optional(z.string().check(z.minLength(1))) })),
});
export type TargetMember = z.Infer<typeof TargetMember>;

/**
 * Whom a target binds: `city`, the whole city's figure (every target of Plan 142); `locality`, each locality's own
 * figure (a plan that sets the same target for every ward and commune).
 */
export const TargetLevel = z.enum(["city", "locality"]);
export type TargetLevel = z.Infer<typeof TargetLevel>;

/** A target for one milestone year (Appendix 2) or horizon (Appendix 1). */
export const Target = z
  .object({
    year: z.int().check(z.gte(2000)).check(z.lte(2100)),
    /** Whom the target binds; absent: the city (see {@link TargetLevel}). */
    level: z.optional(TargetLevel),
    /** The cell verbatim, `-` kept. */
    raw: z.string().check(z.minLength(1)),
    kind: TargetKind,
    ...bounds,
    /** The text says "phấn đấu" (strive for). */
    aspirational: z.boolean(),
    parts: z.optional(z.array(TargetMember).check(z.minLength(2))),
    alternatives: z.optional(z.array(TargetMember).check(z.minLength(2))),
  }).check(z.superRefine((t, ctx) => {
    for (const problem of boundProblems(t)) ctx.addIssue({ code: "custom", message: problem, path: ["kind"] });
    if (t.kind === "parts" && !t.parts) ctx.addIssue({ code: "custom", message: "kind parts needs parts", path: ["parts"] });
    if (t.kind === "alternatives" && !t.alternatives)
      ctx.addIssue({ code: "custom", message: "kind alternatives needs alternatives", path: ["alternatives"] });
    t.parts?.forEach((m, i) => boundProblems(m).forEach((message) => ctx.addIssue({ code: "custom", message, path: ["parts", i] })));
    t.alternatives?.forEach((m, i) =>
      boundProblems(m).forEach((message) => ctx.addIssue({ code: "custom", message, path: ["alternatives", i] })),
    );
  }));
export type Target = z.Infer<typeof Target>;

/** Says which of value/min/max a kind needs and refuses the rest. */
function boundProblems(t: { kind: TargetKind; value?: string | undefined; min?: string | undefined; max?: string | undefined }): string[] {
  const has = { value: t.value !== undefined, min: t.min !== undefined, max: t.max !== undefined };
  const want =
    t.kind === "range"
      ? { value: false, min: true, max: true }
      : t.kind === "qualitative" || t.kind === "none" || t.kind === "parts" || t.kind === "alternatives"
        ? { value: false, min: false, max: false }
        : { value: true, min: false, max: false };
  const problems: string[] = [];
  for (const key of ["value", "min", "max"] as const) {
    if (want[key] && !has[key]) problems.push(`kind ${t.kind} needs ${key}`);
    if (!want[key] && has[key]) problems.push(`kind ${t.kind} takes no ${key}`);
  }
  if (t.kind === "range" && t.min !== undefined && t.max !== undefined && Number(t.min) > Number(t.max))
    problems.push(`range min ${t.min} is above max ${t.max}`);
  return problems;
}
