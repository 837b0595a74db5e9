import type { DefinedPlan } from "../model/define-plan.js";
import { haiphong142Demo } from "./haiphong-142/demo.js";
import { haiphong142 } from "./haiphong-142/index.js";

export { haiphong142 };
export {
  HAIPHONG_142_AGENCY_IDS,
  HAIPHONG_142_INDICATOR_IDS,
  HAIPHONG_142_TASK_IDS,
  type Haiphong142AgencyId,
  type Haiphong142IndicatorId,
  type Haiphong142Observation,
  type Haiphong142TaskId,
  type Haiphong142TaskReport,
} from "./haiphong-142/ids.js";

/**
 * The plans shipped with the library, by id.
 *
 * @example
 * import { plans } from "nq57-scorecard";
 * plans["haiphong-142"].indicators.length; //=> 120
 */
// Marked pure: a bundle of the built package (one module) keeps an impure call and, with it, the whole plan data even
// for an app that never reads `plans`.
export const plans: Readonly<Record<"haiphong-142", DefinedPlan>> = /* @__PURE__ */ Object.freeze({ "haiphong-142": haiphong142 });

/** Ids of the shipped plans. */
export type PlanId = keyof typeof plans;

/** Whether `id` names a shipped plan. */
export function isPlanId(id: string): id is PlanId {
  return Object.hasOwn(plans, id);
}

/**
 * The data `nq57 demo` scores for a shipped plan (a file of `fixtures/`) and the date it scores it on.
 *
 * @internal
 */
export const planDemos: Readonly<Partial<Record<PlanId, { readonly data: string; readonly asOf: string }>>> = { "haiphong-142": haiphong142Demo };
