import { OptionsError } from "../errors.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { ReportingSummary, Scorecard, ScorecardRow, Summary } from "../model/scorecard.js";
import type { Verdict } from "../model/verdict.js";
import { rowsToWrite, withRowsKept } from "./rows.js";
import { summarize, type SummaryOptions } from "./summarize.js";

/** The verdicts of rows that need someone to act: `--only problems`. */
export const PROBLEM_VERDICTS: readonly Verdict[] = ["fail", "warn", "no-data"];

/**
 * The scorecard with only the rows that fail, warn or lack their data, for a national run whose readers want what
 * needs doing: its summaries, rules, input counts and rejected records are the whole scorecard's. Rows left out are
 * never made.
 *
 * @example
 * const problems = onlyProblems(scorecard);
 * problems.rows.every((r) => r.verdict !== "pass"); //=> true
 * problems.summary === scorecard.summary; //=> true
 */
export function onlyProblems(scorecard: Scorecard): Scorecard {
  return withRowsKept(scorecard, { verdicts: new Set(PROBLEM_VERDICTS) });
}

/**
 * One agency's scorecard, for the agency's own report: the rows of the tasks it leads or coordinates and of the
 * indicators it leads (with the checks of their figures and of their place in the plan); as its overall summary, its
 * own (the tasks and indicators it leads, city-wide); the groups' summaries made of those alone; its reporting rates;
 * the summaries of other agencies and localities left out. `options` are the scorecard's bands (the standard ones by
 * default); its least coverage is the scorecard's.
 *
 * @example
 * const dost = scorecardForAgency(scorecard, plans["haiphong-142"], "so-khoa-hoc-va-cong-nghe");
 * dost.summary.overall === scorecard.summary.byAgency["so-khoa-hoc-va-cong-nghe"]; //=> true
 */
export function scorecardForAgency(scorecard: Scorecard, plan: DefinedPlan, agencyId: string, options: Pick<SummaryOptions, "bands"> = {}): Scorecard {
  const agency = plan.agency(agencyId);
  if (!agency) throw new OptionsError("agency", `no agency "${agencyId}" in plan ${plan.id}; its agencies: ${plan.agencies.map((a) => a.id).join(", ")}`);
  const leads = new Set([...plan.tasksByAgency(agencyId, "lead"), ...plan.indicatorsByAgency(agencyId)].map((e) => e.id));
  const entities = new Set([...leads, ...plan.tasksByAgency(agencyId, "coordinating").map((t) => t.id)]);
  const s = scorecard.summary;
  const own = s.byAgency[agencyId] ?? s.bySharedDuty[agencyId];
  const view = withRowsKept(scorecard, { entities: leads });
  // Group summaries of what the agency leads, city-wide rows alone, as the whole scorecard's are made.
  const byGroup = new Map<string, ScorecardRow[]>();
  const performance = new Set(scorecard.rules.filter((r) => r.appliesTo === "task" || r.appliesTo === "indicator").map((r) => r.id));
  for (const row of rowsToWrite(view).rows()) {
    if (!performance.has(row.rule) || row.locality !== undefined) continue;
    const group = plan.task(row.entity)?.group ?? plan.indicator(row.entity)?.group;
    if (group === undefined) continue;
    const rows = byGroup.get(group);
    if (rows) rows.push(row);
    else byGroup.set(group, [row]);
  }
  const summaryOptions: SummaryOptions = { ...options, minCoverage: scorecard.minCoverage };
  const groups = (record: Readonly<Record<string, Summary>>) =>
    Object.fromEntries(Object.keys(record).filter((g) => byGroup.has(g)).map((g) => [g, summarize(byGroup.get(g)!, summaryOptions)]));
  const pick = (record: Readonly<Record<string, Summary>>) => (Object.hasOwn(record, agencyId) ? { [agencyId]: record[agencyId]! } : {});
  const reporting = s.reporting?.byAgency[agencyId];
  const agencyReporting: ReportingSummary | undefined = s.reporting && {
    overall: reporting?.total ?? { due: 0, received: 0, onTime: 0, receivedRate: null, onTimeRate: null },
    byPeriod: reporting?.byPeriod ?? {},
    byAgency: reporting ? { [agencyId]: reporting } : {},
  };
  return withRowsKept(scorecard, { entities }, {
    scope: { agency: agencyId },
    summary: {
      ...s,
      overall: own ?? summarize([], summaryOptions),
      byTaskGroup: groups(s.byTaskGroup),
      byIndicatorGroup: groups(s.byIndicatorGroup),
      byAgency: pick(s.byAgency),
      bySharedDuty: pick(s.bySharedDuty),
      byLocality: {},
      ...(agencyReporting ? { reporting: agencyReporting } : {}),
    },
  });
}
