import type { z } from "../zod.js";
import { PlanDataError, type PlanIssue } from "../errors.js";
import type { Deadline } from "./deadline.js";
import { Plan, type Agency, type Group, type Indicator, type Task } from "./entities.js";
import type { Target } from "./target.js";

/** Whether an agency leads a task or indicator, or coordinates it. */
export type AgencyRole = "lead" | "coordinating";

/** A dated deadline of a task, as returned by {@link DefinedPlan.deadlinesBetween}. */
export interface DueItem {
  readonly task: Task;
  /** Vietnam calendar date the occurrence is due. */
  readonly due: string;
  readonly deadline: Deadline;
  /** The year an `annual` or `fromYear` occurrence is for. */
  readonly period?: number;
}

/** The targets of one indicator for a year. */
export interface YearTarget {
  readonly indicator: Indicator;
  readonly target: Target;
}

/** Look-ups over a validated plan. */
export interface PlanLookups {
  /** The task with this id (`T-5.8.1`, `NQ71-147.8`). */
  task(id: string): Task | undefined;
  /** The indicator with this id (`PL1-11.2`, `PL2-44`). */
  indicator(id: string): Indicator | undefined;
  /** The agency with this id (`so-khoa-hoc-va-cong-nghe`). */
  agency(id: string): Agency | undefined;
  /** The group with this id (`G-5`, `PL2-III`, `NQ57-13-14`). */
  group(id: string): Group | undefined;
  /** The agency whose name or alias is `name` (whitespace and case folded). */
  agencyByName(name: string): Agency | undefined;
  /** Tasks an agency leads or coordinates; both roles when `role` is omitted. */
  tasksByAgency(agencyId: string, role?: AgencyRole): readonly Task[];
  /** Indicators an agency leads (indicators have no coordinating agencies). */
  indicatorsByAgency(agencyId: string): readonly Indicator[];
  /** Tasks of a group, its sub-groups included (an Appendix 3 part holds its NQ57 items' tasks). */
  tasksInGroup(groupId: string): readonly Task[];
  /** Indicators of a group (an appendix part). */
  indicatorsInGroup(groupId: string): readonly Indicator[];
  /** Sub-items of a task, or child indicators of an indicator, in document order. */
  childrenOf(id: string): readonly (Task | Indicator)[];
  /**
   * Deadlines falling between two Vietnam calendar dates, both included, sorted by date. Month, year and
   * range deadlines fall on their due date; annual and from-year duties fall on 31 December of each year.
   * Items on the same date keep the document's order.
   */
  deadlinesBetween(from: string, to: string): readonly DueItem[];
  /** Every target set for a year, in document order. */
  targetsFor(year: number): readonly YearTarget[];
}

/** A validated, deeply frozen plan: the {@link Plan} data plus look-ups. `JSON.stringify` gives the data alone. */
export type DefinedPlan = Readonly<Plan> & PlanLookups;

/** Input accepted by {@link definePlan}: the JSON shape of a plan. */
export type PlanInput = z.input<typeof Plan>;

/**
 * Validates a plan of the model's shape (any plan, not only Hai Phong's) and returns it frozen, with look-ups.
 *
 * @throws {PlanDataError} listing every problem with the entity and field it is in.
 * @example
 * const plan = definePlan(json);
 * plan.task("T-5.8.1")?.lead; //=> ["so-van-hoa-the-thao-va-du-lich"]
 */
export function definePlan(input: unknown): DefinedPlan {
  const parsed = Plan.safeParse(input);
  if (!parsed.success) {
    throw new PlanDataError(
      parsed.error.issues.map((issue) => locate(input, issue.path as (string | number)[], issue.message)),
      planIdOf(input),
    );
  }
  const plan = parsed.data;
  const issues = crossCheck(plan);
  if (issues.length > 0) throw new PlanDataError(issues, plan.id);
  return buildLookups(deepFreeze(plan));
}

function planIdOf(input: unknown): string | undefined {
  return typeof input === "object" && input !== null && typeof (input as { id?: unknown }).id === "string"
    ? (input as { id: string }).id
    : undefined;
}

/** Turns a path into an issue naming the entity (by its id) and the field. */
function locate(input: unknown, path: ReadonlyArray<string | number>, message: string): PlanIssue {
  const [collection, index, field] = path;
  let entity: string | undefined;
  if (typeof collection === "string" && typeof index === "number") {
    const list = (input as Record<string, unknown> | null)?.[collection];
    const record = Array.isArray(list) ? (list[index] as { id?: unknown } | undefined) : undefined;
    entity = typeof record?.id === "string" ? record.id : `${collection}[${index}]`;
  }
  return {
    path: [...path],
    ...(entity ? { entity } : {}),
    ...(entity && field !== undefined ? { field: path.slice(2).join(".") } : {}),
    message,
  };
}

function crossCheck(plan: Plan): PlanIssue[] {
  const issues: PlanIssue[] = [];
  const add = (collection: string, index: number, entity: string, field: string, message: string) =>
    issues.push({ path: [collection, index, ...field.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))], entity, field, message });

  const ids = new Map<string, string>();
  const register = (collection: string, list: ReadonlyArray<{ id: string }>) =>
    list.forEach((item, i) => {
      const seen = ids.get(item.id);
      if (seen) add(collection, i, item.id, "id", `duplicate id, already used in ${seen}`);
      else ids.set(item.id, collection);
    });
  register("agencies", plan.agencies);
  register("groups", plan.groups);
  register("tasks", plan.tasks);
  register("indicators", plan.indicators);
  register("dataNotes", plan.dataNotes);

  const agencies = new Set(plan.agencies.map((a) => a.id));
  const groups = new Set(plan.groups.map((g) => g.id));
  const tasks = new Map(plan.tasks.map((t) => [t.id, t]));
  const indicators = new Map(plan.indicators.map((x) => [x.id, x]));
  const aliasOwner = new Map<string, string>();
  plan.agencies.forEach((a, i) =>
    a.aliases.forEach((alias, k) => {
      const key = foldName(alias);
      const owner = aliasOwner.get(key);
      if (owner && owner !== a.id) add("agencies", i, a.id, `aliases.${k}`, `alias "${alias}" also names ${owner}`);
      aliasOwner.set(key, a.id);
    }),
  );

  plan.groups.forEach((g, i) => {
    if (g.parent && !groups.has(g.parent)) add("groups", i, g.id, "parent", `unknown group "${g.parent}"`);
  });
  plan.tasks.forEach((t, i) => {
    if (!groups.has(t.group)) add("tasks", i, t.id, "group", `unknown group "${t.group}"`);
    if (t.nq57Item && !groups.has(t.nq57Item)) add("tasks", i, t.id, "nq57Item", `unknown NQ57 item "${t.nq57Item}"`);
    if (t.parent && !tasks.has(t.parent)) add("tasks", i, t.id, "parent", `unknown task "${t.parent}"`);
    if (t.parent === t.id) add("tasks", i, t.id, "parent", "a task cannot be its own parent");
    t.lead.forEach((a, k) => agencies.has(a) || add("tasks", i, t.id, `lead.${k}`, `unknown agency "${a}"`));
    t.coordinating.forEach((a, k) => agencies.has(a) || add("tasks", i, t.id, `coordinating.${k}`, `unknown agency "${a}"`));
  });
  plan.indicators.forEach((x, i) => {
    if (x.group && !groups.has(x.group)) add("indicators", i, x.id, "group", `unknown group "${x.group}"`);
    if (x.parent && !indicators.has(x.parent)) add("indicators", i, x.id, "parent", `unknown indicator "${x.parent}"`);
    x.children?.forEach((c, k) => {
      const child = indicators.get(c);
      if (!child) add("indicators", i, x.id, `children.${k}`, `unknown indicator "${c}"`);
      else if (child.parent !== x.id) add("indicators", i, x.id, `children.${k}`, `"${c}" does not name ${x.id} as its parent`);
    });
    if (x.parent && !indicators.get(x.parent)?.children?.includes(x.id))
      add("indicators", i, x.id, "parent", `"${x.parent}" does not list ${x.id} among its children`);
    x.lead.forEach((a, k) => agencies.has(a) || add("indicators", i, x.id, `lead.${k}`, `unknown agency "${a}"`));
    const years = new Set<number>();
    x.targets.forEach((t, k) => {
      if (years.has(t.year)) add("indicators", i, x.id, `targets.${k}.year`, `second target for ${t.year}`);
      years.add(t.year);
    });
  });
  plan.dataNotes.forEach((n, i) =>
    n.about.forEach((id, k) => ids.has(id) || id === plan.id || add("dataNotes", i, n.id, `about.${k}`, `unknown entity "${id}"`)),
  );
  if (plan.parts) {
    const parts = new Set<string>();
    plan.parts.forEach((p, i) => {
      if (parts.has(p.id)) add("parts", i, p.id, "id", "duplicate part id");
      parts.add(p.id);
    });
    const checkPart = (collection: string, list: readonly (Group | Task | Indicator)[]) =>
      list.forEach((e, i) => {
        const cited = [["source", e.source], ["assignmentSource", (e as Task).assignmentSource]] as const;
        // An entity an amendment added cites the amendment.
        const added = "amendedBy" in e ? e.amendedBy?.map((m) => m.amendment) : undefined;
        for (const [field, ref] of cited)
          if (ref && !parts.has(ref.part) && !added?.includes(ref.part)) add(collection, i, e.id, `${field}.part`, `unknown part "${ref.part}"; the plan's parts: ${[...parts].join(", ")}`);
      });
    checkPart("groups", plan.groups);
    checkPart("tasks", plan.tasks);
    checkPart("indicators", plan.indicators);
  }
  (plan.successions ?? []).forEach((s, i) => {
    const entity = `${s.predecessor} → ${s.successor}`;
    if (!agencies.has(s.predecessor)) add("successions", i, entity, "predecessor", `unknown agency "${s.predecessor}"`);
    if (!agencies.has(s.successor)) add("successions", i, entity, "successor", `unknown agency "${s.successor}"`);
    if (s.predecessor === s.successor) add("successions", i, entity, "successor", "an agency cannot succeed itself");
  });
  return issues;
}

/**
 * Folds a name so that spellings differing only in what a reader cannot see, or does not mean, are one name (one
 * agency, one locality): case, runs of whitespace (no-break spaces too), the Unicode form (NFC and NFD, as text from
 * different systems comes), and invisible characters (zero-width spaces and joiners, the word joiner, a byte order
 * mark, soft hyphens, bidirectional marks).
 *
 * @example
 * foldName("KIẾN  THỤY") === foldName("Kiến Thụy"); //=> true
 * foldName("Kiến\u200b Thụy") === foldName("Kiến Thụy".normalize("NFD")); //=> true
 */
export function foldName(name: string): string {
  let folded = folds.get(name);
  if (folded === undefined) {
    folded = name.replace(INVISIBLE, "").normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi");
    // Names repeat (a locality on every row of a file): remember a bounded number of them.
    if (folds.size < 100_000) folds.set(name, folded);
  }
  return folded;
}

const folds = new Map<string, string>();

/** Characters that show nothing: soft hyphen, Mongolian vowel separator, zero-width space, joiners and bidirectional marks, word joiner and invisible operators, bidirectional embeddings and isolates, byte order mark. */
export const INVISIBLE = /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function groupBy<T>(items: readonly T[], keys: (item: T) => readonly (string | undefined)[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items)
    for (const key of new Set(keys(item)))
      if (key !== undefined) {
        const list = map.get(key);
        if (list) list.push(item);
        else map.set(key, [item]);
      }
  for (const list of map.values()) Object.freeze(list);
  return map;
}

const none: readonly never[] = Object.freeze([]);

function buildLookups(plan: Plan): DefinedPlan {
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((x) => [x.id, x]));
  const tasks = byId(plan.tasks);
  const indicators = byId(plan.indicators);
  const agencies = byId(plan.agencies);
  const groups = byId(plan.groups);
  const agencyNames = new Map(plan.agencies.flatMap((a) => [a.name.vi, ...a.aliases].map((n) => [foldName(n), a] as const)));
  const groupAncestors = (id: string | undefined): string[] => {
    const chain: string[] = [];
    for (let g = id; g !== undefined && !chain.includes(g); g = groups.get(g)?.parent) chain.push(g);
    return chain;
  };
  const leadTasks = groupBy(plan.tasks, (t) => t.lead);
  const coordinatingTasks = groupBy(plan.tasks, (t) => t.coordinating);
  const anyRoleTasks = groupBy(plan.tasks, (t) => [...t.lead, ...t.coordinating]);
  const leadIndicators = groupBy(plan.indicators, (x) => x.lead);
  const groupTasks = groupBy(plan.tasks, (t) => [...groupAncestors(t.group), ...groupAncestors(t.nq57Item)]);
  const groupIndicators = groupBy(plan.indicators, (x) => groupAncestors(x.group));
  const children = groupBy<Task | Indicator>([...plan.tasks, ...plan.indicators], (e) => [e.parent]);
  const targetsByYear = groupBy(
    plan.indicators.flatMap((indicator) => indicator.targets.map((target) => Object.freeze({ indicator, target }))),
    (yt) => [String(yt.target.year)],
  );
  const dated = plan.tasks.flatMap((task) => {
    const d = task.deadline;
    return d?.due ? [Object.freeze({ task, due: d.due, deadline: d })] : [];
  });
  const recurring = plan.tasks.filter((t) => t.deadline?.kind === "annual" || t.deadline?.kind === "fromYear");
  const firstYear = Number(plan.document.issuedOn.slice(0, 4));
  const order = new Map(plan.tasks.map((t, i) => [t.id, i]));

  const lookups: PlanLookups = {
    task: (id) => tasks.get(id),
    indicator: (id) => indicators.get(id),
    agency: (id) => agencies.get(id),
    group: (id) => groups.get(id),
    agencyByName: (name) => agencyNames.get(foldName(name)),
    tasksByAgency: (id, role) => (role === "lead" ? leadTasks : role === "coordinating" ? coordinatingTasks : anyRoleTasks).get(id) ?? none,
    indicatorsByAgency: (id) => leadIndicators.get(id) ?? none,
    tasksInGroup: (id) => groupTasks.get(id) ?? none,
    indicatorsInGroup: (id) => groupIndicators.get(id) ?? none,
    childrenOf: (id) => children.get(id) ?? none,
    deadlinesBetween(from, to) {
      const items: DueItem[] = dated.filter((d) => d.due >= from && d.due <= to);
      const fromYear = Number(from.slice(0, 4));
      const toYear = Number(to.slice(0, 4));
      for (const task of recurring) {
        const deadline = task.deadline as Deadline;
        const start = deadline.kind === "fromYear" ? Number(deadline.from?.slice(0, 4)) : firstYear;
        for (let year = Math.max(fromYear, start); year <= toYear; year++) {
          const due = `${year}-12-31`;
          if (due >= from && due <= to) items.push(Object.freeze({ task, due, deadline, period: year }));
        }
      }
      return Object.freeze(items.sort((a, b) => a.due.localeCompare(b.due) || (order.get(a.task.id) ?? 0) - (order.get(b.task.id) ?? 0)));
    },
    targetsFor: (year) => targetsByYear.get(String(year)) ?? none,
  };
  const result = {} as DefinedPlan;
  Object.assign(result, plan);
  for (const [name, fn] of Object.entries(lookups)) Object.defineProperty(result, name, { value: fn, enumerable: false });
  return Object.freeze(result);
}
