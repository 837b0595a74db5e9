import type { DefinedPlan } from "../model/define-plan.js";
import type { Agency, Group, Indicator, Plan, Task } from "../model/entities.js";
import type { EntityChange, FieldChange, PlanDiff } from "../model/plan-changes.js";
import type { Target } from "../model/target.js";

/** A plan to compare, with what makes it a version: the date it is in force on and the amendments it holds. */
export interface PlanVersion {
  readonly plan: DefinedPlan | Plan;
  readonly asOf?: string;
  readonly amendments?: readonly string[];
}

type Fields<T> = ReadonlyArray<readonly [field: string, value: (entity: T) => unknown]>;

const text = (t: { vi: string } | undefined) => t?.vi;
const deadline = (t: Task) => (t.deadline ? { raw: t.deadline.raw, kind: t.deadline.kind, ...(t.deadline.due ? { due: t.deadline.due } : {}) } : undefined);
const status = (e: Task | Indicator) => (e.inactive ? { kind: e.inactive.kind, document: e.inactive.document, from: e.inactive.from } : undefined);

const AGENCY_FIELDS: Fields<Agency> = [
  ["name.vi", (a) => a.name.vi],
  ["name.en", (a) => a.name.en],
  ["kind", (a) => a.kind],
  ["aliases", (a) => a.aliases],
];
const GROUP_FIELDS: Fields<Group> = [
  ["title.vi", (g) => g.title.vi],
  ["parent", (g) => g.parent],
  ["milestoneYears", (g) => g.milestoneYears],
];
const TASK_FIELDS: Fields<Task> = [
  ["group", (t) => t.group],
  ["parent", (t) => t.parent],
  ["title.vi", (t) => t.title.vi],
  ["title.en", (t) => t.title.en],
  ["lead", (t) => t.lead],
  ["coordinating", (t) => t.coordinating],
  ["output.vi", (t) => text(t.output)],
  ["deadline", deadline],
  ["strategic", (t) => t.strategic],
  ["status", status],
];
const INDICATOR_FIELDS: Fields<Indicator> = [
  ["group", (x) => x.group],
  ["parent", (x) => x.parent],
  ["name.vi", (x) => x.name.vi],
  ["name.en", (x) => x.name.en],
  ["unit.vi", (x) => text(x.unit)],
  ["measure", (x) => x.measure],
  ["direction", (x) => x.direction],
  ["lead", (x) => x.lead],
  ["status", status],
];
const PLAN_FIELDS: Fields<Plan> = [
  ["document.number", (p) => p.document.number],
  ["document.issuedOn", (p) => p.document.issuedOn],
  ["document.title.vi", (p) => p.document.title.vi],
  ["milestoneYears", (p) => p.milestoneYears],
  ["successions", (p) => p.successions?.map((s) => `${s.predecessor} → ${s.successor} (${s.from}, ${s.document})`)],
];

/**
 * Compares two plans entity by entity (the plan's document, agencies, groups, tasks, indicators) and field by field:
 * titles, lead and coordinating agencies, deadlines, targets by year and level, status (cancelled, suspended,
 * withdrawn). Two versions of one plan (as signed and as amended, `planInForce`) or two plans' files alike; entities
 * are matched by id and listed in the order of the second plan, removed ones after.
 *
 * @example
 * const amended = planInForce(plan, "2026-12-31", { amendments });
 * diffPlans({ plan }, { plan: amended.plan, asOf: "2026-12-31", amendments: amended.amendments.applied.map((a) => a.id) }).changes;
 * //=> [{ kind: "task", id: "T-2.1", change: "changed", fields: [{ field: "deadline", before: {…}, after: {…} }] }, …]
 */
export function diffPlans(from: PlanVersion, to: PlanVersion): PlanDiff {
  const a = from.plan;
  const b = to.plan;
  const changes: EntityChange[] = [];
  const plan = fieldChanges(a, b, PLAN_FIELDS);
  if (plan.length > 0) changes.push({ kind: "plan", id: b.id, change: "changed", fields: plan });
  changes.push(...compare("agency", a.agencies, b.agencies, AGENCY_FIELDS));
  changes.push(...compare("group", a.groups, b.groups, GROUP_FIELDS));
  changes.push(...compare("task", a.tasks, b.tasks, TASK_FIELDS));
  changes.push(...compare("indicator", a.indicators, b.indicators, INDICATOR_FIELDS, targetChanges));
  const side = (v: PlanVersion) => ({
    id: v.plan.id,
    number: v.plan.document.number,
    ...(v.asOf !== undefined ? { asOf: v.asOf } : {}),
    ...(v.amendments !== undefined ? { amendments: [...v.amendments] } : {}),
  });
  return { from: side(from), to: side(to), changes };
}

function compare<T extends { id: string }>(
  kind: EntityChange["kind"],
  before: readonly T[],
  after: readonly T[],
  fields: Fields<T>,
  more?: (a: T, b: T) => FieldChange[],
): EntityChange[] {
  const old = new Map(before.map((e) => [e.id, e]));
  const now = new Set(after.map((e) => e.id));
  const out: EntityChange[] = [];
  for (const e of after) {
    const was = old.get(e.id);
    if (!was) out.push({ kind, id: e.id, change: "added", fields: fieldChanges(undefined, e, fields) });
    else {
      const changed = [...fieldChanges(was, e, fields), ...(more?.(was, e) ?? [])];
      if (changed.length > 0) out.push({ kind, id: e.id, change: "changed", fields: changed });
    }
  }
  for (const e of before) if (!now.has(e.id)) out.push({ kind, id: e.id, change: "removed", fields: [] });
  return out;
}

function fieldChanges<T>(a: T | undefined, b: T, fields: Fields<T>): FieldChange[] {
  const out: FieldChange[] = [];
  for (const [field, value] of fields) {
    const before = a === undefined ? undefined : value(a);
    const after = value(b);
    if (!same(before, after)) out.push({ field, ...(before !== undefined ? { before } : {}), ...(after !== undefined ? { after } : {}) });
  }
  return out;
}

/** Targets compared by year and level: `targets.2030` (the city's), `targets.2030.locality` (each locality's). */
function targetChanges(a: Indicator, b: Indicator): FieldChange[] {
  const key = (t: Target) => `targets.${t.year}${t.level === "locality" ? ".locality" : ""}`;
  const shown = (t: Target | undefined) => t && { raw: t.raw, kind: t.kind, ...(t.value !== undefined ? { value: t.value } : {}), ...(t.min !== undefined ? { min: t.min, max: t.max } : {}) };
  const before = new Map(a.targets.map((t) => [key(t), t]));
  const after = new Map(b.targets.map((t) => [key(t), t]));
  const out: FieldChange[] = [];
  for (const k of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const x = shown(before.get(k));
    const y = shown(after.get(k));
    if (!same(x, y)) out.push({ field: k, ...(x ? { before: x } : {}), ...(y ? { after: y } : {}) });
  }
  return out;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
