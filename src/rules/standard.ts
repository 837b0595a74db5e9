import indicatorMilestoneMet from "../../rules/indicator.milestone-met.json";
import indicatorProgress from "../../rules/indicator.progress.json";
import observationConsistentValues from "../../rules/observation.consistent-values.json";
import observationNotNegative from "../../rules/observation.not-negative.json";
import observationPercentInRange from "../../rules/observation.percent-in-range.json";
import observationRankAtLeastOne from "../../rules/observation.rank-at-least-one.json";
import observationYearInPlan from "../../rules/observation.year-in-plan.json";
import planDeadlineAfterSigning from "../../rules/plan.deadline-after-signing.json";
import planTargetCellsComplete from "../../rules/plan.target-cells-complete.json";
import planTaskHasLead from "../../rules/plan.task-has-lead.json";
import planUniqueIndicators from "../../rules/plan.unique-indicators.json";
import taskAnnualReport from "../../rules/task.annual-report.json";
import taskContinuousReport from "../../rules/task.continuous-report.json";
import taskDeadline from "../../rules/task.deadline.json";
import type { RuleSource } from "./load.js";

const source = (file: string, json: unknown): RuleSource => Object.freeze({ file: `rules/${file}`, json });

/**
 * The standard rule set, the files of `rules/` in the order scorecards list them: indicators, tasks,
 * observations, then the plan itself. Pass it with an app's own files to `evaluate({ rules })`.
 */
export const standardRules: readonly RuleSource[] = Object.freeze([
  source("indicator.milestone-met.json", indicatorMilestoneMet),
  source("indicator.progress.json", indicatorProgress),
  source("task.deadline.json", taskDeadline),
  source("task.annual-report.json", taskAnnualReport),
  source("task.continuous-report.json", taskContinuousReport),
  source("observation.percent-in-range.json", observationPercentInRange),
  source("observation.not-negative.json", observationNotNegative),
  source("observation.rank-at-least-one.json", observationRankAtLeastOne),
  source("observation.year-in-plan.json", observationYearInPlan),
  source("observation.consistent-values.json", observationConsistentValues),
  source("plan.task-has-lead.json", planTaskHasLead),
  source("plan.deadline-after-signing.json", planDeadlineAfterSigning),
  source("plan.unique-indicators.json", planUniqueIndicators),
  source("plan.target-cells-complete.json", planTargetCellsComplete),
]);
