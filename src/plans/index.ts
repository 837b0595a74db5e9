import type { DefinedPlan } from "../model/define-plan.js";
import { haiphong142 } from "./haiphong-142/index.js";

export { haiphong142 };

/**
 * The plans shipped with the library, by id.
 *
 * @example
 * import { plans } from "nq57-scorecard";
 * plans["haiphong-142"].indicators.length; //=> 120
 */
export const plans: Readonly<Record<"haiphong-142", DefinedPlan>> = Object.freeze({ "haiphong-142": haiphong142 });

/** Ids of the shipped plans. */
export type PlanId = keyof typeof plans;

/** Whether `id` names a shipped plan. */
export function isPlanId(id: string): id is PlanId {
  return Object.hasOwn(plans, id);
}
