/**
 * Plan 142/KH-UBND of Hai Phong City on its own: the plan's data, a third of what a page of an app loads, in an entry
 * point an app can load when it needs it, apart from the code that scores it. `haiphong142` is the plan
 * `plans["haiphong-142"]` of the main entry point holds.
 *
 * @example
 * import { evaluate } from "nq57-scorecard";
 * const { haiphong142 } = await import("nq57-scorecard/plans/haiphong-142");
 * const scorecard = evaluate({ plan: haiphong142, observations: [], asOf: "2026-12-31" });
 *
 * @module plans/haiphong-142
 */
export { haiphong142 } from "./index.js";
export {
  HAIPHONG_142_AGENCY_IDS,
  HAIPHONG_142_INDICATOR_IDS,
  HAIPHONG_142_TASK_IDS,
  type Haiphong142AgencyId,
  type Haiphong142IndicatorId,
  type Haiphong142Observation,
  type Haiphong142TaskId,
  type Haiphong142TaskReport,
} from "./ids.js";
