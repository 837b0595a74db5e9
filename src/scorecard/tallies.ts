import type { DefinedPlan } from "../model/define-plan.js";
import { isSharedAssignee } from "../model/entities.js";
import type { Scorecard, Summary } from "../model/scorecard.js";
import type { AppliesTo } from "../model/verdict.js";
import type { Outcome } from "../rules/rule-file.js";
import { ReportingTally } from "./reporting.js";
import { byCodeUnits, type Subject } from "./subjects.js";
import { addToTally, checkSummaryOf, createTally, mergeTally, millionthsOf, summaryOf, wholeWeight, type SummaryOptions, type Tally } from "./summarize.js";

function tallyOf(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = createTally()));
  return tally;
}

/**
 * Running summaries, added to row by row. The checks of the plan document and of the figures reported are counted
 * apart and in nothing else. A performance row of a locality counts in that locality's summary; a city-wide one (not
 * a benchmark) overall, in its group's and in its lead agencies', or shared duties' for a collective lead.
 */
export class Tallies {
  private readonly overall = createTally();
  private readonly byIndicatorGroup = new Map<string, Tally>();
  private readonly byTaskGroup = new Map<string, Tally>();
  private readonly byAgency = new Map<string, Tally>();
  private readonly bySharedDuty = new Map<string, Tally>();
  private readonly byLocality = new Map<string, Tally>();
  private readonly planChecks = createTally();
  private readonly dataQuality = createTally();
  // Rows come in runs of one entity: a run is tallied on its own, then added once to the overall summary and to
  // those of the entity's group and lead agencies, rather than each row to each of them.
  private entity: string | undefined;
  private run = createTally();
  private runCountsIn: Tally[] = [];
  /** One row's verdict, score, weight and missing data, refilled for each row. */
  private readonly row: { verdict: Outcome["verdict"]; score: string | null; weight: string; missingData: true | undefined; change: "exempted" | "outOfPlan" | undefined } = {
    verdict: "pass",
    score: null,
    weight: "0",
    missingData: undefined,
    change: undefined,
  };
  /** The row's weight and score as whole numbers, as wholeShares gives them, refilled for each row. */
  private readonly shares = { weight: -1, millionths: -1 };
  private readonly shared: ReadonlySet<string>;
  private readonly reporting: ReportingTally;

  constructor(private readonly plan: DefinedPlan) {
    this.shared = new Set(plan.agencies.filter(isSharedAssignee).map((a) => a.id));
    this.reporting = new ReportingTally(plan);
  }

  /** Adds a row; `change` when a waiver or an amendment set it apart (then it is counted apart too). */
  add(
    subject: Subject,
    kind: AppliesTo,
    outcome: Outcome,
    score: string | null,
    weight: string,
    change?: "exempted" | "outOfPlan",
    /** The weight as {@link wholeWeight} gives it, worked out once per rule by a caller adding many rows. */
    whole = wholeWeight(weight),
  ): void {
    const row = this.row;
    row.verdict = outcome.verdict;
    row.score = score;
    row.weight = weight;
    row.missingData = outcome.missingData === true ? true : undefined;
    row.change = change;
    // The row's weight and score as numbers, worked out once for every tally it is added to.
    // Filled in place, as wholeShares would make them: an object per row was most of what tallying allocated.
    const shares = this.shares;
    const scored = score !== null && whole >= 0;
    shares.weight = scored ? whole : -1;
    shares.millionths = scored ? millionthsOf(score) : -1;
    if (kind === "plan" || kind === "observation") {
      addToTally(kind === "plan" ? this.planChecks : this.dataQuality, row, shares);
      return;
    }
    if (kind === "task") this.reporting.add(subject);
    if (subject.locality !== undefined) addToTally(tallyOf(this.byLocality, subject.locality), row, shares);
    if (subject.benchmark === true) return;
    if (subject.entity !== this.entity) {
      this.endRun();
      this.entity = subject.entity;
      const indicator = this.plan.indicator(subject.entity);
      const task = indicator ? undefined : this.plan.task(subject.entity);
      this.runCountsIn = [
        this.overall,
        ...(indicator?.group !== undefined ? [tallyOf(this.byIndicatorGroup, indicator.group)] : []),
        ...(task?.group !== undefined ? [tallyOf(this.byTaskGroup, task.group)] : []),
        ...(indicator?.lead ?? task?.lead ?? []).map((agency) => tallyOf(this.shared.has(agency) ? this.bySharedDuty : this.byAgency, agency)),
      ];
    }
    addToTally(this.run, row, shares);
  }

  private endRun(): void {
    if (this.run.rows === 0) return;
    for (const tally of this.runCountsIn) mergeTally(tally, this.run);
    this.run = createTally();
  }

  /** The summaries, keyed and sorted by id. */
  summaries(options: SummaryOptions): Scorecard["summary"] {
    this.endRun();
    const keyed = (map: Map<string, Tally>): Record<string, Summary> =>
      Object.fromEntries([...map.keys()].sort(byCodeUnits).map((k) => [k, summaryOf(map.get(k)!, options)]));
    return {
      overall: summaryOf(this.overall, options),
      byIndicatorGroup: keyed(this.byIndicatorGroup),
      byTaskGroup: keyed(this.byTaskGroup),
      byAgency: keyed(this.byAgency),
      bySharedDuty: keyed(this.bySharedDuty),
      byLocality: keyed(this.byLocality),
      planChecks: checkSummaryOf(this.planChecks),
      dataQuality: checkSummaryOf(this.dataQuality),
      reporting: this.reporting.summary(),
    };
  }
}

