/**
 * The plan as it changes: the decisions that amend it, the exemptions granted, the agencies that succeed others, and
 * the plan in force on a date. A second entry point, so that an app scoring the plan as signed does not load it;
 * `evaluate({ amendments, waivers, successions })` applies the same changes without it.
 *
 * @example
 * import { planInForce, readAmendments } from "nq57-scorecard/changes";
 * const amended = planInForce(plan, "2026-12-31", { amendments: readAmendments("amendments.csv", text) });
 *
 * @packageDocumentation
 */
export { Amendment, AmendmentChange, AmendmentFile, NewIndicator, NewTarget, NewTask, SuccessionFile, Waiver, WaiverFile } from "./model/amendment.js";
export { planInForce, type PlanChanges, type PlanInForce } from "./plans/amend.js";
export { AMENDMENT_COLUMNS, readAmendments, readSuccessions, readWaivers, SUCCESSION_COLUMNS, WAIVER_COLUMNS } from "./input/plan-change-files.js";
