import { Decimal } from "../decimal.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { AgencyReporting, ReportingRate, ReportingSummary } from "../model/scorecard.js";
import { byCodeUnits, type Subject } from "./subjects.js";

interface Count {
  due: number;
  received: number;
  onTime: number;
}

const zero = (): Count => ({ due: 0, received: 0, onTime: 0 });

/**
 * Reports due, received and received on time, counted once per task and year whatever number of rules read them.
 * A report is due when its date (the task's deadline, or a recurring task's report date for the year) is past on
 * the day assessed; it is received when the task has a report (a claim of cancellation included), on time when the
 * latest report is dated on or before that date. Each count is the lead agencies' and the year's.
 */
export class ReportingTally {
  private readonly seen = new Set<string>();
  private readonly overall = zero();
  private readonly byPeriod = new Map<string, Count>();
  private readonly byAgency = new Map<string, { total: Count; byPeriod: Map<string, Count> }>();

  constructor(private readonly plan: DefinedPlan) {}

  add(subject: Subject): void {
    const facts = subject.facts;
    const dueOn = typeof facts.periodDue === "string" ? facts.periodDue : typeof facts.due === "string" ? facts.due : undefined;
    if (dueOn === undefined || typeof facts.asOf !== "string" || dueOn >= facts.asOf) return;
    const key = `${subject.entity}\u0000${subject.period ?? ""}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const reportedOn = typeof facts.reportedOn === "string" ? facts.reportedOn : typeof facts.cancellationClaimedOn === "string" ? facts.cancellationClaimedOn : undefined;
    const received = facts.hasReport === true || reportedOn !== undefined;
    const onTime = received && reportedOn !== undefined && reportedOn <= dueOn;
    const period = String(subject.period ?? dueOn.slice(0, 4));
    const counts = [this.overall, countOf(this.byPeriod, period)];
    for (const agency of this.plan.task(subject.entity)?.lead ?? []) {
      let entry = this.byAgency.get(agency);
      if (!entry) this.byAgency.set(agency, (entry = { total: zero(), byPeriod: new Map() }));
      counts.push(entry.total, countOf(entry.byPeriod, period));
    }
    for (const c of counts) {
      c.due++;
      if (received) c.received++;
      if (onTime) c.onTime++;
    }
  }

  summary(): ReportingSummary {
    const periods = (map: Map<string, Count>) => Object.fromEntries([...map.keys()].sort(byCodeUnits).map((p) => [p, rateOf(map.get(p)!)]));
    const byAgency: Record<string, AgencyReporting> = {};
    for (const id of [...this.byAgency.keys()].sort(byCodeUnits)) {
      const entry = this.byAgency.get(id)!;
      byAgency[id] = { total: rateOf(entry.total), byPeriod: periods(entry.byPeriod) };
    }
    return { overall: rateOf(this.overall), byPeriod: periods(this.byPeriod), byAgency };
  }
}

function countOf(map: Map<string, Count>, key: string): Count {
  let count = map.get(key);
  if (!count) map.set(key, (count = zero()));
  return count;
}

const share = (n: number, of: number) => (of === 0 ? null : new Decimal(n).div(of).toDecimalPlaces(4, Decimal.ROUND_HALF_EVEN).toFixed(4));

function rateOf(c: Count): ReportingRate {
  return { due: c.due, received: c.received, onTime: c.onTime, receivedRate: share(c.received, c.due), onTimeRate: share(c.onTime, c.due) };
}
