import type { DefinedPlan } from "./define-plan.js";
import type { Indicator } from "./entities.js";

/**
 * The years an indicator is to set a target for, as the plan's data declares them: its group's `milestoneYears` (or
 * the nearest enclosing group's), else the plan's; none when neither declares any.
 *
 * @example
 * milestoneYearsOf(plan, plan.indicator("CT-1")!); //=> e.g. [2026, 2028, 2030]
 */
export function milestoneYearsOf(plan: DefinedPlan, indicator: Indicator): readonly number[] {
  const seen = new Set<string>();
  for (let id = indicator.group; id !== undefined && !seen.has(id); id = plan.group(id)?.parent) {
    seen.add(id);
    const years = plan.group(id)?.milestoneYears;
    if (years) return years;
  }
  return plan.milestoneYears ?? [];
}
