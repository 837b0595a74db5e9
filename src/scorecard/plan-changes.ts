/**
 * What a scorecard does with the plan's changes: the plan in force (amendments, successions), waivers, and the rows
 * they touch. Loaded only when a scorecard has changes to apply, so that an app scoring the plan as signed does not
 * load it.
 *
 * @module
 */
import { fieldPath, fileIssueMessage, PlanFileError, type PlanFileIssue } from "../errors.js";
import type { DefinedPlan } from "../model/define-plan.js";
import type { AmendmentMark, Inactive, Indicator, SuccessionMark, Task } from "../model/entities.js";
import { entrySource, Waiver } from "../model/amendment.js";
import type { WaiverSummary } from "../model/plan-changes.js";
import type { ScorecardChanges, ScorecardRow } from "../model/scorecard.js";
import type { LocalizedText } from "../model/text.js";
import type { AppliesTo, StatusDefinition, Verdict } from "../model/verdict.js";
import { daysBetween } from "../model/vietnam-time.js";
import { planInForce, type PlanChanges } from "../plans/amend.js";
import type { Outcome } from "../rules/rule-file.js";
import type { Subject } from "./subjects.js";
import { formatIsoDate } from "./figure-words.js";

/** How a change set a row apart: exempted by a waiver, or out of the plan in force by an amendment. */
export type RowChange = "exempted" | "outOfPlan";

/** The changes a scorecard applies: given to `evaluate` as `amendments`, `successions`, `agencies` and `waivers`. */
export interface ScoringChanges extends PlanChanges {
  /** Waivers (`Waiver`), as read by `readWaivers` or held by an app; checked against the plan in force. */
  readonly waivers?: readonly unknown[];
}

/** The changes of one evaluation, ready for the scoring loop. */
export interface AppliedChanges {
  /** The plan rows are judged by: the plan in force on the date. */
  readonly plan: DefinedPlan;
  /** The outcome a row takes: the rule's, or exempted, or out of the plan; and which change set it apart. */
  adjust(subject: Subject, appliesTo: AppliesTo, outcome: Outcome, statuses?: Readonly<Record<string, StatusDefinition>>): { outcome: Outcome; change?: RowChange };
  /** Adds to a row, as it is made, what the changes say of it: amendments, successions, a waiver, its removal. */
  annotate(row: ScorecardRow, outcome: Outcome): void;
  /** A rule's statuses, with those the changes give rows. */
  statuses(statuses: Readonly<Record<string, StatusDefinition>>, appliesTo: AppliesTo): Record<string, StatusDefinition>;
  /** What the scorecard lists of the changes. */
  report(): ScorecardChanges;
}

/** Days before its expiry that a waiver in force is listed as expiring soon. */
export const WAIVER_EXPIRY_NOTICE_DAYS = 30;

const STATUSES: Readonly<Record<string, StatusDefinition>> = {
  exempted: { label: { vi: "được miễn trừ", en: "exempted" } },
  "cancelled-by-amendment": { label: { vi: "đã hủy theo văn bản sửa đổi", en: "cancelled by amendment" } },
  "suspended-by-amendment": { label: { vi: "tạm dừng theo văn bản sửa đổi", en: "suspended by amendment" } },
  "withdrawn-by-amendment": { label: { vi: "đã bỏ theo văn bản sửa đổi", en: "withdrawn by amendment" } },
};

const INACTIVE_WORDS: Readonly<Record<Inactive["kind"], LocalizedText>> = {
  cancelled: { vi: "đã hủy theo", en: "cancelled by" },
  suspended: { vi: "tạm dừng theo", en: "suspended by" },
  withdrawn: { vi: "đã bỏ khỏi kế hoạch theo", en: "withdrawn from the plan by" },
};

/** What a set-apart row would have been: its rule's verdict and status, and why it was set apart. */
interface SetApart {
  readonly verdict: Verdict;
  readonly status: string;
  /** The status in the rule's words, for the row's message. */
  readonly label: LocalizedText;
  readonly waiver?: Waiver;
  readonly inactive?: Inactive;
}

/** The plan in force, the waivers in force, and what each does to the rows of one evaluation. */
export function applyChanges(plan: DefinedPlan, asOf: string, changes: ScoringChanges): AppliedChanges {
  const inForce = changes.amendments || changes.successions || changes.agencies ? planInForce(plan, asOf, changes) : undefined;
  const current = inForce?.plan ?? plan;
  const waivers = changes.waivers ? readWaivers(current, changes.waivers) : [];
  const holding = waivers.filter((w) => startOf(w) <= asOf && asOf < w.expiresOn);
  const rowsOf = new Map<Waiver, number>(waivers.map((w) => [w, 0]));
  const waived = waiverIndex(current, holding);
  const setApart = new WeakMap<Outcome, SetApart>();

  const entityOf = (id: string): Task | Indicator | undefined => current.indicator(id) ?? current.task(id);
  return {
    plan: current,
    adjust(subject, appliesTo, outcome, statuses) {
      // The status in the rule's words, looked up only for a row set apart (most rows are not).
      const labelOf = (): LocalizedText => (statuses && Object.hasOwn(statuses, outcome.status) ? statuses[outcome.status]!.label : undefined) ?? { vi: outcome.status, en: outcome.status };
      if (appliesTo !== "task" && appliesTo !== "indicator") return { outcome };
      const entity = entityOf(subject.entity);
      const inactive = entity?.inactive;
      if (inactive) {
        const replaced: Outcome = { verdict: "not-applicable", status: `${inactive.kind}-by-amendment`, message: { vi: "{label}", en: "{label}" } };
        setApart.set(replaced, { verdict: outcome.verdict, status: outcome.status, label: labelOf(), inactive });
        return { outcome: replaced, change: "outOfPlan" };
      }
      const waiver = waived.get(subject.entity)?.find((w) => w.periods === undefined || (subject.period !== undefined && w.periods.includes(subject.period)));
      if (!waiver) return { outcome };
      rowsOf.set(waiver, (rowsOf.get(waiver) ?? 0) + 1);
      const replaced: Outcome = { verdict: "not-applicable", status: "exempted", message: { vi: "{label}", en: "{label}" } };
      setApart.set(replaced, { verdict: outcome.verdict, status: outcome.status, label: labelOf(), waiver });
      return { outcome: replaced, change: "exempted" };
    },
    annotate(row, outcome) {
      const entity = entityOf(row.entity);
      const apart = setApart.get(outcome);
      const amendedBy = entity?.amendedBy;
      const successions = entity?.successions;
      if (!apart && !amendedBy && !successions) return;
      // A row's facts may be shared with the next row's subject: the row gets a copy.
      const facts: Record<string, unknown> = { ...row.facts };
      if (amendedBy) facts.amendedBy = amendedBy.map((m: AmendmentMark) => ({ ...m, fields: [...m.fields] }));
      if (successions) facts.successions = successions.map((m: SuccessionMark) => ({ ...m, fields: [...m.fields] }));
      if (apart) {
        facts.verdictWithoutChange = apart.verdict;
        facts.statusWithoutChange = apart.status;
        const label = row.message;
        if (apart.waiver) {
          const w = apart.waiver;
          facts.waiver = { id: w.id, document: w.document, reason: w.reason, from: startOf(w), expiresOn: w.expiresOn };
          row.message = {
            vi: `${label.vi}: được miễn trừ theo văn bản ${w.document} đến ngày ${formatIsoDate(w.expiresOn, "vi")} (${w.reason.vi}); không tính điểm; nếu không được miễn trừ: ${apart.label.vi}.`,
            en: `${label.en}: exempted by ${w.document} until ${w.expiresOn} (${w.reason.en ?? w.reason.vi}); not scored; without the waiver: ${apart.label.en}.`,
          };
        } else if (apart.inactive) {
          const x = apart.inactive;
          facts.inactive = { ...x };
          const words = INACTIVE_WORDS[x.kind];
          const until = x.until ? { vi: ` đến ngày ${formatIsoDate(x.until, "vi")}`, en: ` until ${x.until}` } : { vi: "", en: "" };
          const reason = x.reason ? { vi: ` (${x.reason.vi})`, en: ` (${x.reason.en ?? x.reason.vi})` } : { vi: "", en: "" };
          row.message = {
            vi: `${label.vi}: ${words.vi} văn bản ${x.document} từ ngày ${formatIsoDate(x.from, "vi")}${until.vi}${reason.vi}; không tính điểm.`,
            en: `${label.en}: ${words.en} ${x.document} from ${x.from}${until.en}${reason.en}; not scored.`,
          };
        }
      }
      row.facts = facts;
    },
    statuses(statuses, appliesTo) {
      return appliesTo === "task" || appliesTo === "indicator" ? { ...statuses, ...STATUSES } : { ...statuses };
    },
    report() {
      const summary = (w: Waiver): WaiverSummary => {
        const kind = w.agency !== undefined ? "agency" : w.task !== undefined ? "task" : "indicator";
        return {
          id: w.id,
          about: { kind, id: (w.agency ?? w.task ?? w.indicator)! },
          ...(w.periods ? { periods: [...w.periods] } : {}),
          reason: w.reason,
          document: w.document,
          approvedOn: w.approvedOn,
          from: startOf(w),
          expiresOn: w.expiresOn,
          rows: rowsOf.get(w) ?? 0,
        };
      };
      return {
        ...(inForce
          ? {
              amendments: { applied: [...inForce.amendments.applied], notYetInForce: [...inForce.amendments.notYetInForce] },
              successions: inForce.successions.map((s) => ({ ...s })),
            }
          : {}),
        ...(changes.waivers
          ? {
              waivers: {
                inForce: holding.map(summary),
                expiringSoon: holding.filter((w) => daysBetween(asOf, w.expiresOn) <= WAIVER_EXPIRY_NOTICE_DAYS).map(summary),
                expired: waivers.filter((w) => w.expiresOn <= asOf).map(summary),
                notYetInForce: waivers.filter((w) => startOf(w) > asOf).map(summary),
              },
            }
          : {}),
      };
    },
  };
}

/** The first day a waiver holds. */
function startOf(w: Waiver): string {
  return w.from ?? w.approvedOn;
}

/** Waivers checked one by one, and against the plan: a waiver about a task, indicator or agency the plan does not have is refused. */
function readWaivers(plan: DefinedPlan, list: readonly unknown[]): Waiver[] {
  const issues: PlanFileIssue[] = [];
  const waivers: Waiver[] = [];
  const ids = new Map<string, number>();
  list.forEach((input, index) => {
    const source = typeof input === "object" && input !== null ? entrySource(input) : undefined;
    const id = typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string" ? ` (${(input as { id: string }).id})` : "";
    const at: Pick<PlanFileIssue, "file" | "line" | "entry"> = {
      ...(source?.file !== undefined ? { file: source.file } : {}),
      ...(source?.line !== undefined ? { line: source.line } : {}),
      entry: `waivers[${source?.index ?? index}]${id}`,
    };
    const parsed = Waiver.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ ...at, field: fieldPath(issue.path), message: fileIssueMessage(issue.message, issue.path) });
      return;
    }
    const w = parsed.data;
    const first = ids.get(w.id);
    if (first !== undefined) issues.push({ ...at, field: "id", message: `id "${w.id}" is also waivers[${first}]'s; give each waiver its own id` });
    ids.set(w.id, index);
    if (w.agency !== undefined && !plan.agency(w.agency)) {
      const named = plan.agencyByName(w.agency);
      issues.push({ ...at, field: "agency", message: `unknown agency "${w.agency}"${named ? `; the plan names it ${named.id}` : ""}` });
    }
    if (w.task !== undefined && !plan.task(w.task)) issues.push({ ...at, field: "task", message: `unknown task "${w.task}"` });
    if (w.indicator !== undefined && !plan.indicator(w.indicator)) issues.push({ ...at, field: "indicator", message: `unknown indicator "${w.indicator}"` });
    waivers.push(w);
  });
  if (issues.length > 0) throw new PlanFileError("waivers", issues);
  return waivers;
}

/**
 * The waivers in force covering each task and indicator, in the order given: a task's or indicator's own (and its
 * parent's), and an agency's for a duty every one of whose leads it exempts. A duty an exempted agency shares with a
 * lead that is not exempted stays scored: that lead still answers for it.
 */
function waiverIndex(plan: DefinedPlan, holding: readonly Waiver[]): Map<string, Waiver[]> {
  const index = new Map<string, Waiver[]>();
  if (holding.length === 0) return index;
  const add = (id: string, w: Waiver) => {
    const list = index.get(id);
    if (!list) index.set(id, [w]);
    else if (!list.includes(w)) list.push(w);
  };
  const ancestors = (e: Task | Indicator, lookup: (id: string) => Task | Indicator | undefined): string[] => {
    const chain: string[] = [];
    for (let p = e.parent; p !== undefined && !chain.includes(p); p = lookup(p)?.parent) chain.push(p);
    return chain;
  };
  for (const list of [plan.tasks, plan.indicators] as const) {
    const lookup = (id: string) => (list === plan.tasks ? plan.task(id) : plan.indicator(id));
    for (const e of list as readonly (Task | Indicator)[]) {
      const own = new Set([e.id, ...ancestors(e, lookup)]);
      for (const w of holding) {
        const about = list === plan.tasks ? w.task : w.indicator;
        if (about !== undefined && own.has(about)) add(e.id, w);
        else if (w.agency !== undefined && e.lead.length > 0 && e.lead.every((a) => holding.some((h) => h.agency === a)) && e.lead.includes(w.agency)) add(e.id, w);
      }
    }
  }
  return index;
}
