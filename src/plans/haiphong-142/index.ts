import { definePlan, type DefinedPlan } from "../../model/define-plan.js";
import data from "./plan.json";

/**
 * Hai Phong City's Plan 142/KH-UBND (9 June 2025) implementing Resolution 57-NQ/TW: every task, indicator,
 * target, agency and data note of the document, validated and indexed.
 *
 * @example
 * haiphong142.task("T-2.3")?.strategic; //=> true
 */
export const haiphong142: DefinedPlan = /* @__PURE__ */ definePlan(data);
